// One VPC of the generated landing zone: three public, three app and three data subnets (one per
// AZ) and an isolated one; an IGW and a NAT gateway; main, public and per-AZ private route
// tables; web, app, db and default security groups; public, data, isolated and default NACLs;
// fifty instances, each with a primary network interface.
import type {NaclRule, NetworkAcl, RouteTable, SecurityGroup, SecurityGroupRule, Subnet} from '../source/model/types.js';
import type {Ctx} from './generate.js';
import {
	ACCOUNT_ID, AZS, DX_TRANSIT_BLOCK, hasSecondary, instancesPerSubnet, primaryBlock, REGION, secondaryBlock,
	segmentOf, SG_RULES_PER_VPC, SUBNETS_PER_VPC, subnetPrefix, subnetRole, type SubnetRole,
} from './plan.js';

export type VpcPlan = {
	index: number;
	vpcId: string;
	label: string;
	blocks: string[];
	/** App subnets, one per AZ: the transit gateway attachment's subnets. */
	appSubnetIds: string[];
	mainTable: RouteTable;
	publicTable: RouteTable;
	privateTables: RouteTable[];
};

const all = (cidr: string): SecurityGroupRule => ({protocol: 'all', cidr});
const tcp = (port: number, peer: Partial<SecurityGroupRule>, toPort = port): SecurityGroupRule => ({protocol: 'tcp', fromPort: port, toPort, ...peer});
const nacl = (ruleNumber: number, protocol: NaclRule['protocol'], cidr: string, action: NaclRule['action'] = 'allow', ports?: [number, number]): NaclRule =>
	ports ? {ruleNumber, protocol, cidr, action, fromPort: ports[0], toPort: ports[1]} : {ruleNumber, protocol, cidr, action};

function securityGroups(ctx: Ctx, vpcId: string, label: string): Record<'default' | 'web' | 'app' | 'db', SecurityGroup> {
	const group = (name: string, description: string, isDefault = false): SecurityGroup => ({
		id: ctx.id('sg'), name: `${label}-${name}`, vpcId, description, isDefault, ingress: [], egress: [all('0.0.0.0/0')],
	});
	const sgDefault = group('default', 'default VPC security group', true);
	const web = group('web', 'web tier: HTTPS from anywhere');
	const app = group('app', 'app tier: from the web tier, other VPCs and on premises');
	const db = group('db', 'database tier: from the app tier');
	sgDefault.ingress.push({protocol: 'all', groupId: sgDefault.id});
	web.ingress.push(
		tcp(443, {cidr: '0.0.0.0/0', description: 'HTTPS'}),
		tcp(80, {cidr: '0.0.0.0/0', description: 'HTTP redirect'}),
		tcp(22, {prefixListId: ctx.onpremListId, description: 'SSH from on premises'}),
		{protocol: 'icmp', icmpType: -1, icmpCode: -1, cidr: '10.0.0.0/8'},
	);
	app.ingress.push(
		tcp(8080, {groupId: web.id, description: 'from the web tier'}),
		tcp(443, {cidr: '10.0.0.0/8'}),
		tcp(443, {cidr: '100.64.0.0/10'}),
		tcp(443, {prefixListId: ctx.onpremListId}),
		tcp(443, {cidr: '172.16.0.0/12', description: 'branches and data centre'}),
		tcp(22, {prefixListId: ctx.onpremListId}),
	);
	app.egress.push(tcp(443, {prefixListId: ctx.s3ListId, description: 'S3'}));
	db.ingress.push(tcp(5432, {groupId: app.id}), tcp(5432, {cidr: DX_TRANSIT_BLOCK, description: 'reporting from the data centre'}));
	db.egress.push(tcp(443, {prefixListId: ctx.dynamodbListId}));
	// Fill to the per-VPC quota with the kind of rules that accumulate over time.
	const groups = [sgDefault, web, app, db];
	let count = groups.reduce((sum, g) => sum + g.ingress.length + g.egress.length, 0);
	for (let m = 0; count < SG_RULES_PER_VPC; m++, count++) {
		const kind = m % 4;
		if (kind === 0) app.ingress.push(tcp(9100 + m, {cidr: '10.0.0.0/8', description: 'metrics'}));
		else if (kind === 1) db.ingress.push(tcp(6379, {groupId: app.id, description: 'cache'}, 6380 + m));
		else if (kind === 2) app.ingress.push({protocol: 'udp', fromPort: 8125, toPort: 8125 + m, prefixListId: ctx.onpremListId});
		else web.ingress.push(tcp(8443, {cidr: `${10 + ctx.rng.int(200)}.${ctx.rng.int(256)}.0.0/16`, description: 'partner'}, 8443 + m));
	}
	ctx.topology.securityGroups.push(...groups);
	return {default: sgDefault, web, app, db};
}

function networkAcls(ctx: Ctx, vpcId: string, label: string): Record<'default' | 'public' | 'data' | 'isolated', NetworkAcl> {
	const acl = (name: string, inbound: NaclRule[], outbound: NaclRule[], isDefault = false): NetworkAcl => ({
		id: ctx.id('acl'), name: `${label}-${name}`, vpcId, isDefault, inbound, outbound,
	});
	const acls = {
		default: acl('default-acl', [nacl(100, 'all', '0.0.0.0/0')], [nacl(100, 'all', '0.0.0.0/0')], true),
		public: acl('public-acl', [
			nacl(100, 'tcp', '0.0.0.0/0', 'allow', [443, 443]),
			nacl(110, 'tcp', '0.0.0.0/0', 'allow', [80, 80]),
			nacl(120, 'tcp', '192.168.0.0/16', 'allow', [22, 22]),
			nacl(130, 'all', '10.0.0.0/8'),
			nacl(140, 'all', '100.64.0.0/10'),
			nacl(150, 'tcp', '0.0.0.0/0', 'allow', [1024, 65535]),
			nacl(160, 'udp', '0.0.0.0/0', 'allow', [1024, 65535]),
			nacl(170, 'icmp', '0.0.0.0/0'),
		], [nacl(100, 'all', '0.0.0.0/0')]),
		data: acl('data-acl', [
			nacl(90, 'tcp', '0.0.0.0/0', 'deny', [22, 22]),
			nacl(100, 'tcp', '10.0.0.0/8', 'allow', [5432, 5432]),
			nacl(105, 'tcp', '10.0.0.0/8', 'allow', [6379, 6400]),
			nacl(110, 'tcp', DX_TRANSIT_BLOCK, 'allow', [5432, 5432]),
			nacl(120, 'tcp', '0.0.0.0/0', 'allow', [1024, 65535]),
			nacl(130, 'icmp', '10.0.0.0/8'),
		], [
			nacl(100, 'tcp', '0.0.0.0/0', 'allow', [1024, 65535]),
			nacl(110, 'tcp', '0.0.0.0/0', 'allow', [443, 443]),
			nacl(120, 'udp', '0.0.0.0/0', 'allow', [53, 53]),
			nacl(130, 'icmp', '10.0.0.0/8'),
		]),
		// A new custom NACL with no rules: the final deny drops everything, in and out.
		isolated: acl('isolated-acl', [], []),
	};
	ctx.topology.networkAcls.push(acls.default, acls.public, acls.data, acls.isolated);
	return acls;
}

export function buildVpc(ctx: Ctx, index: number): VpcPlan {
	const {topology, rng} = ctx;
	const label = `vpc${String(index).padStart(3, '0')}`;
	const segment = segmentOf(index);
	const vpcId = ctx.id('vpc');
	const blocks = hasSecondary(index) ? [primaryBlock(index), secondaryBlock(index)] : [primaryBlock(index)];
	topology.vpcs.push({id: vpcId, name: `${label}-${segment}`, cidrBlocks: blocks, region: REGION, accountId: ACCOUNT_ID, isDefault: false, tags: {Segment: segment}});
	const igwId = ctx.id('igw');
	topology.internetGateways.push({id: igwId, name: `${label}-igw`, vpcId});

	const table = (name: string, main = false): RouteTable => ({id: ctx.id('rtb'), name: `${label}-${name}`, vpcId, main, routes: [], propagatingVgwIds: [], gatewayIds: []});
	const mainTable = table('main', true);
	const publicTable = table('public');
	const privateTables = AZS.map(az => table(`private-${az.slice(-1)}`));
	topology.routeTables.push(mainTable, publicTable, ...privateTables);
	const sgs = securityGroups(ctx, vpcId, label);
	const acls = networkAcls(ctx, vpcId, label);

	const subnets: Subnet[] = [];
	const appSubnetIds: string[] = [];
	for (let k = 0; k < SUBNETS_PER_VPC; k++) {
		const role = subnetRole(k);
		const az = AZS[k % 3]!;
		const subnet: Subnet = {id: ctx.id('subnet'), name: `${label}-${role}-${az.slice(-1)}`, vpcId, cidr: `${subnetPrefix(index, k)}.0/24`, availabilityZone: az};
		if (role === 'public') subnet.routeTableId = publicTable.id;
		else if (role !== 'isolated') subnet.routeTableId = privateTables[k % 3]!.id;
		if (role === 'public') subnet.networkAclId = acls.public.id;
		else if (role === 'data') subnet.networkAclId = acls.data.id;
		else if (role === 'isolated') subnet.networkAclId = acls.isolated.id;
		if (role === 'app') appSubnetIds.push(subnet.id);
		subnets.push(subnet);
	}
	topology.subnets.push(...subnets);

	const natId = ctx.id('nat');
	topology.natGateways.push({id: natId, name: `${label}-nat`, subnetId: subnets[0]!.id, connectivity: 'public', privateIp: `${subnetPrefix(index, 0)}.5`, publicIp: ctx.publicIp(), state: 'available'});

	const groupOf: Record<SubnetRole, string> = {public: sgs.web.id, app: sgs.app.id, data: sgs.db.id, isolated: sgs.default.id};
	const tierOf: Record<SubnetRole, string> = {public: 'web', app: 'app', data: 'db', isolated: 'batch'};
	subnets.forEach((subnet, k) => {
		const role = subnetRole(k);
		for (let n = 0; n < instancesPerSubnet[role]; n++) {
			const instanceId = ctx.id('i');
			const name = `${tierOf[role]}-${String(index).padStart(3, '0')}-${k}-${n}`;
			const windows = role === 'app' && rng.chance(0.2);
			topology.instances.push({id: instanceId, name, state: 'running', platform: windows ? 'windows' : 'linux', tags: {Role: tierOf[role]!, Segment: segment}});
			const withPublic = role === 'public' && n < 3;
			topology.networkInterfaces.push({
				id: ctx.id('eni'),
				subnetId: subnet.id,
				privateIp: `${subnetPrefix(index, k)}.${10 + n * 3 + rng.int(3)}`,
				secondaryPrivateIps: [],
				...(withPublic ? {publicIp: ctx.publicIp(), publicIpKind: rng.chance(0.3) ? 'elastic' as const : 'auto' as const} : {}),
				securityGroupIds: [groupOf[role]],
				sourceDestCheck: true,
				instanceId,
				deviceIndex: 0,
				description: 'Primary network interface',
			});
		}
	});

	mainTable.routes.push({destinationCidr: '10.0.0.0/8', target: ctx.tgwId, origin: 'static', state: 'active'});
	publicTable.routes.push(
		{destinationCidr: '0.0.0.0/0', target: igwId, origin: 'static', state: 'active'},
		{destinationCidr: '10.0.0.0/8', target: ctx.tgwId, origin: 'static', state: 'active'},
		{destinationCidr: '100.64.0.0/10', target: ctx.tgwId, origin: 'static', state: 'active'},
		{destinationPrefixListId: ctx.onpremListId, target: ctx.tgwId, origin: 'static', state: 'active'},
	);
	for (const privateTable of privateTables)
		privateTable.routes.push(
			{destinationCidr: '0.0.0.0/0', target: natId, origin: 'static', state: 'active'},
			{destinationCidr: '10.0.0.0/8', target: ctx.tgwId, origin: 'static', state: 'active'},
			{destinationCidr: '100.64.0.0/10', target: ctx.tgwId, origin: 'static', state: 'active'},
			{destinationPrefixListId: ctx.onpremListId, target: ctx.tgwId, origin: 'static', state: 'active'},
			{destinationCidr: DX_TRANSIT_BLOCK, target: ctx.tgwId, origin: 'static', state: 'active'},
		);
	return {index, vpcId, label, blocks, appSubnetIds, mainTable, publicTable, privateTables};
}
