// The VPC-internal resources as `aws ec2 describe-*` prints them: VPCs, subnets, route tables,
// security groups, network ACLs, internet and NAT gateways, instances, network interfaces,
// elastic IPs. Field names and casing follow the EC2 API exactly; where the topology has no
// value (MAC addresses, association ids) a stable made-up one fills the slot AWS would fill.
import type {NaclRule, Protocol, Route, SecurityGroupRule} from '../source/model/types.js';
import {azId, type Json, type RegionFiles, type SnapshotCtx, tagsOf} from './aws-snapshot-common.js';

const naclProtocol = (p: Protocol): string => (p === 'all' ? '-1' : p === 'tcp' ? '6' : p === 'udp' ? '17' : p === 'icmp' ? '1' : String(p));
const sgProtocol = (p: Protocol): string => (p === 'all' ? '-1' : String(p));
const dashed = (ip: string): string => ip.replaceAll('.', '-');

function privateDns(region: string, ip: string): string {
	return region === 'us-east-1' ? `ip-${dashed(ip)}.ec2.internal` : `ip-${dashed(ip)}.${region}.compute.internal`;
}
function publicDns(region: string, ip: string): string {
	return region === 'us-east-1' ? `ec2-${dashed(ip)}.compute-1.amazonaws.com` : `ec2-${dashed(ip)}.${region}.compute.amazonaws.com`;
}

/** The route's target in the field AWS uses for that kind of target. */
function targetField(ctx: SnapshotCtx, route: Route): Json {
	if (route.target === 'local') return {GatewayId: 'local'};
	switch (ctx.kindOf(route.target)) {
		case 'nat-gateway': return {NatGatewayId: route.target};
		case 'peering-connection': return {VpcPeeringConnectionId: route.target};
		case 'transit-gateway': return {TransitGatewayId: route.target};
		case 'network-interface': return {NetworkInterfaceId: route.target};
		case 'instance': return {InstanceId: route.target};
		case 'egress-only-internet-gateway': return {EgressOnlyInternetGatewayId: route.target};
		default: return {GatewayId: route.target};
	}
}

function permissions(rules: SecurityGroupRule[], account: string): Json[] {
	// AWS folds rules with the same protocol and ports into one permission with several peers.
	const byKey = new Map<string, Json & {IpRanges: Json[]; PrefixListIds: Json[]; UserIdGroupPairs: Json[]}>();
	for (const rule of rules) {
		const ports: Json = {};
		if (rule.protocol === 'tcp' || rule.protocol === 'udp') Object.assign(ports, {FromPort: rule.fromPort ?? 0, ToPort: rule.toPort ?? 65535});
		else if (rule.protocol === 'icmp') Object.assign(ports, {FromPort: rule.icmpType ?? -1, ToPort: rule.icmpCode ?? -1});
		else if (rule.protocol !== 'all' && rule.fromPort !== undefined) Object.assign(ports, {FromPort: rule.fromPort, ToPort: rule.toPort ?? rule.fromPort});
		const key = `${sgProtocol(rule.protocol)}:${ports.FromPort ?? ''}:${ports.ToPort ?? ''}`;
		let permission = byKey.get(key);
		if (!permission) {
			permission = {...ports, IpProtocol: sgProtocol(rule.protocol), IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: []};
			byKey.set(key, permission);
		}
		const description = rule.description ? {Description: rule.description} : {};
		if (rule.cidr) permission.IpRanges.push({CidrIp: rule.cidr, ...description});
		if (rule.prefixListId) permission.PrefixListIds.push({PrefixListId: rule.prefixListId, ...description});
		if (rule.groupId) permission.UserIdGroupPairs.push({GroupId: rule.groupId, UserId: account, ...description});
	}
	return [...byKey.values()];
}

function naclEntries(inbound: NaclRule[], outbound: NaclRule[]): Json[] {
	const entry = (rule: NaclRule, egress: boolean): Json => {
		const extra: Json = {};
		if (rule.protocol === 'tcp' || rule.protocol === 'udp') extra.PortRange = {From: rule.fromPort ?? 0, To: rule.toPort ?? 65535};
		if (rule.protocol === 'icmp') extra.IcmpTypeCode = {Code: rule.icmpCode ?? -1, Type: rule.icmpType ?? -1};
		return {CidrBlock: rule.cidr, Egress: egress, ...extra, Protocol: naclProtocol(rule.protocol), RuleAction: rule.action, RuleNumber: rule.ruleNumber};
	};
	const finalDeny = (egress: boolean): Json => ({CidrBlock: '0.0.0.0/0', Egress: egress, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767});
	return [...outbound.map(r => entry(r, true)), finalDeny(true), ...inbound.map(r => entry(r, false)), finalDeny(false)];
}

export function writeVpcResources(ctx: SnapshotCtx, files: RegionFiles): void {
	const t = ctx.topology;
	const rtOfSubnets = new Map<string, string[]>();
	const aclOfSubnets = new Map<string, string[]>();
	const mainRt = new Map(t.routeTables.filter(r => r.main).map(r => [r.vpcId, r.id]));
	const defaultAcl = new Map(t.networkAcls.filter(a => a.isDefault).map(a => [a.vpcId, a.id]));
	const push = <K, V>(map: Map<K, V[]>, key: K | undefined, value: V) => key !== undefined && (map.get(key) ?? map.set(key, []).get(key)!).push(value);
	for (const subnet of t.subnets) {
		if (subnet.routeTableId) push(rtOfSubnets, subnet.routeTableId, subnet.id);
		push(aclOfSubnets, subnet.networkAclId ?? defaultAcl.get(subnet.vpcId), subnet.id);
	}
	const usedIps = new Map<string, number>();
	for (const eni of t.networkInterfaces) usedIps.set(eni.subnetId, (usedIps.get(eni.subnetId) ?? 0) + 1 + eni.secondaryPrivateIps.length);

	for (const vpc of t.vpcs) {
		files.add(vpc.region, 'Vpcs', {
			CidrBlock: vpc.cidrBlocks[0],
			CidrBlockAssociationSet: vpc.cidrBlocks.map(CidrBlock => ({AssociationId: ctx.awsId('vpc-cidr-assoc'), CidrBlock, CidrBlockState: {State: 'associated'}})),
			DhcpOptionsId: ctx.awsId('dopt'), InstanceTenancy: 'default', IsDefault: vpc.isDefault, OwnerId: ctx.accountOfVpc(vpc.id), State: 'available', Tags: tagsOf(vpc), VpcId: vpc.id,
		});
	}
	for (const subnet of t.subnets) {
		const region = ctx.regionOfVpc(subnet.vpcId);
		const account = ctx.accountOfVpc(subnet.vpcId);
		const size = 2 ** (32 - Number(subnet.cidr.split('/')[1]));
		files.add(region, 'Subnets', {
			AssignIpv6AddressOnCreation: false, AvailabilityZone: subnet.availabilityZone, AvailabilityZoneId: azId(subnet.availabilityZone),
			AvailableIpAddressCount: Math.max(0, size - 5 - (usedIps.get(subnet.id) ?? 0)), CidrBlock: subnet.cidr, DefaultForAz: false, Ipv6CidrBlockAssociationSet: [],
			MapPublicIpOnLaunch: false, OwnerId: account, State: 'available', SubnetArn: ctx.arn(region, account, 'subnet', subnet.id), SubnetId: subnet.id, Tags: tagsOf(subnet), VpcId: subnet.vpcId,
		});
	}
	const vpcBlocks = new Map(t.vpcs.map(v => [v.id, v.cidrBlocks]));
	for (const table of t.routeTables) {
		const associations: Json[] = [];
		const association = (extra: Json): Json => ({Main: false, RouteTableAssociationId: ctx.awsId('rtbassoc'), RouteTableId: table.id, ...extra, AssociationState: {State: 'associated'}});
		if (table.main || mainRt.get(table.vpcId) === table.id) associations.push({...association({}), Main: true});
		for (const SubnetId of rtOfSubnets.get(table.id) ?? []) associations.push(association({SubnetId}));
		for (const GatewayId of table.gatewayIds) associations.push(association({GatewayId}));
		const routes: Json[] = (vpcBlocks.get(table.vpcId) ?? []).map(block => ({DestinationCidrBlock: block, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active'}));
		for (const route of table.routes) {
			if (route.origin === 'local') continue;
			const destination = route.destinationCidr ? {DestinationCidrBlock: route.destinationCidr} : {DestinationPrefixListId: route.destinationPrefixListId};
			routes.push({...destination, ...targetField(ctx, route), Origin: route.origin === 'propagated' ? 'EnableVgwRoutePropagation' : 'CreateRoute', State: route.state});
		}
		files.add(ctx.regionOfVpc(table.vpcId), 'RouteTables', {
			Associations: associations, OwnerId: ctx.accountOfVpc(table.vpcId), PropagatingVgws: table.propagatingVgwIds.map(GatewayId => ({GatewayId})),
			RouteTableId: table.id, Routes: routes, Tags: tagsOf(table), VpcId: table.vpcId,
		});
	}
	for (const sg of t.securityGroups) {
		const account = ctx.accountOfVpc(sg.vpcId);
		files.add(ctx.regionOfVpc(sg.vpcId), 'SecurityGroups', {
			Description: sg.description ?? (sg.isDefault ? 'default VPC security group' : sg.name ?? sg.id), GroupId: sg.id, GroupName: sg.isDefault ? 'default' : sg.name ?? sg.id,
			IpPermissions: permissions(sg.ingress, account), IpPermissionsEgress: permissions(sg.egress, account), OwnerId: account, Tags: tagsOf(sg), VpcId: sg.vpcId,
		});
	}
	for (const acl of t.networkAcls) {
		files.add(ctx.regionOfVpc(acl.vpcId), 'NetworkAcls', {
			Associations: (aclOfSubnets.get(acl.id) ?? []).map(SubnetId => ({NetworkAclAssociationId: ctx.awsId('aclassoc'), NetworkAclId: acl.id, SubnetId})),
			Entries: naclEntries(acl.inbound, acl.outbound), IsDefault: acl.isDefault, NetworkAclId: acl.id, OwnerId: ctx.accountOfVpc(acl.vpcId), Tags: tagsOf(acl), VpcId: acl.vpcId,
		});
	}
	for (const igw of t.internetGateways)
		files.add(ctx.regionOfVpc(igw.vpcId), 'InternetGateways', {
			Attachments: igw.vpcId ? [{State: 'available', VpcId: igw.vpcId}] : [], InternetGatewayId: igw.id, OwnerId: ctx.accountOfVpc(igw.vpcId), Tags: tagsOf(igw),
		});
	for (const eigw of t.egressOnlyInternetGateways)
		files.add(ctx.regionOfVpc(eigw.vpcId), 'EgressOnlyInternetGateways', {Attachments: [{State: 'attached', VpcId: eigw.vpcId}], EgressOnlyInternetGatewayId: eigw.id, Tags: tagsOf(eigw)});
	for (const region of new Set([ctx.defaultRegion, ...t.vpcs.map(v => v.region)]))
		for (const key of ['Vpcs', 'Subnets', 'RouteTables', 'SecurityGroups', 'NetworkAcls', 'InternetGateways', 'EgressOnlyInternetGateways']) files.touch(region, key);
}

export function writeInterfaces(ctx: SnapshotCtx, files: RegionFiles): void {
	const t = ctx.topology;
	const groupName = new Map(t.securityGroups.map(g => [g.id, g.isDefault ? 'default' : g.name ?? g.id]));
	const groups = (ids: string[]) => ids.map(GroupId => ({GroupId, GroupName: groupName.get(GroupId) ?? GroupId}));
	const mac = () => `0${ctx.rng.pick(['2', '6', 'a', 'e'])}:${ctx.rng.hex(10).match(/../g)!.join(':')}`;
	const eip = (account: string, ip: string, region: string) => ({AllocationId: ctx.awsId('eipalloc'), AssociationId: ctx.awsId('eipassoc'), IpOwnerId: account, PublicDnsName: publicDns(region, ip), PublicIp: ip});

	const shown = new Map<string, {region: string; instance: Json}>();
	for (const instance of t.instances) shown.set(instance.id, {region: ctx.defaultRegion, instance: {}});
	const byInstance = new Map<string, Json[]>();
	for (const eni of t.networkInterfaces) {
		const vpcId = ctx.vpcOfSubnet(eni.subnetId);
		const region = ctx.regionOfVpc(vpcId);
		const account = ctx.accountOfVpc(vpcId);
		const association = eni.publicIp ? (eni.publicIpKind === 'elastic' ? eip(account, eni.publicIp, region) : {IpOwnerId: 'amazon', PublicDnsName: publicDns(region, eni.publicIp), PublicIp: eni.publicIp}) : undefined;
		const attachment = eni.instanceId
			? {AttachTime: ctx.time(), AttachmentId: ctx.awsId('eni-attach'), DeleteOnTermination: (eni.deviceIndex ?? 0) === 0, DeviceIndex: eni.deviceIndex ?? 0, Status: 'attached'}
			: undefined;
		const addresses = [
			{...(association ? {Association: association} : {}), Primary: true, PrivateDnsName: privateDns(region, eni.privateIp), PrivateIpAddress: eni.privateIp},
			...eni.secondaryPrivateIps.map(ip => ({Primary: false, PrivateDnsName: privateDns(region, ip), PrivateIpAddress: ip})),
		];
		const common = {
			...(association ? {Association: association} : {}), Description: eni.description ?? '', Groups: groups(eni.securityGroupIds), InterfaceType: 'interface',
			Ipv6Addresses: [], MacAddress: mac(), NetworkInterfaceId: eni.id, OwnerId: account, PrivateDnsName: privateDns(region, eni.privateIp), PrivateIpAddress: eni.privateIp,
			PrivateIpAddresses: addresses, SourceDestCheck: eni.sourceDestCheck, Status: eni.instanceId ? 'in-use' : 'available', SubnetId: eni.subnetId, VpcId: vpcId,
		};
		files.add(region, 'NetworkInterfaces', {
			...common, ...(attachment ? {Attachment: {...attachment, InstanceId: eni.instanceId, InstanceOwnerId: account}} : {}), AvailabilityZone: ctx.azOfSubnet(eni.subnetId),
			RequesterManaged: false, TagSet: tagsOf(eni),
		});
		if (association && 'AllocationId' in association)
			files.add(region, 'Addresses', {
				AllocationId: association.AllocationId, AssociationId: association.AssociationId, Domain: 'vpc', ...(eni.instanceId ? {InstanceId: eni.instanceId} : {}),
				NetworkInterfaceId: eni.id, NetworkInterfaceOwnerId: account, PrivateIpAddress: eni.privateIp, PublicIp: eni.publicIp, PublicIpv4Pool: 'amazon', Tags: [],
			});
		if (eni.instanceId && shown.has(eni.instanceId)) {
			const list = byInstance.get(eni.instanceId) ?? byInstance.set(eni.instanceId, []).get(eni.instanceId)!;
			list.push({...common, ...(attachment ? {Attachment: attachment} : {})});
			if ((eni.deviceIndex ?? 0) === 0) shown.get(eni.instanceId)!.region = region;
		}
	}
	for (const nat of t.natGateways) {
		const vpcId = ctx.vpcOfSubnet(nat.subnetId);
		const region = ctx.regionOfVpc(vpcId);
		const account = ctx.accountOfVpc(vpcId);
		const eniId = ctx.awsId('eni');
		const address = nat.publicIp ? eip(account, nat.publicIp, region) : undefined;
		files.add(region, 'NatGateways', {
			ConnectivityType: nat.connectivity, CreateTime: ctx.time(), NatGatewayAddresses: [{...(address ? {AllocationId: address.AllocationId} : {}), IsPrimary: true, NetworkInterfaceId: eniId, PrivateIp: nat.privateIp, ...(address ? {PublicIp: address.PublicIp} : {}), Status: 'succeeded'}],
			NatGatewayId: nat.id, State: nat.state, SubnetId: nat.subnetId, Tags: tagsOf(nat), VpcId: vpcId,
		});
		files.add(region, 'NetworkInterfaces', {
			...(address ? {Association: address} : {}), Attachment: {AttachmentId: ctx.awsId('ela-attach').slice(0, 19), DeleteOnTermination: false, DeviceIndex: 1, InstanceOwnerId: 'amazon-aws', Status: 'attached'},
			AvailabilityZone: ctx.azOfSubnet(nat.subnetId), Description: `Interface for NAT Gateway ${nat.id}`, Groups: [], InterfaceType: 'nat_gateway', Ipv6Addresses: [], MacAddress: mac(),
			NetworkInterfaceId: eniId, OwnerId: account, PrivateIpAddress: nat.privateIp, PrivateIpAddresses: [{Primary: true, PrivateIpAddress: nat.privateIp}],
			RequesterId: '441000000000', RequesterManaged: true, SourceDestCheck: false, Status: 'in-use', SubnetId: nat.subnetId, TagSet: [], VpcId: vpcId,
		});
		if (address)
			files.add(region, 'Addresses', {
				AllocationId: address.AllocationId, AssociationId: address.AssociationId, Domain: 'vpc', NetworkInterfaceId: eniId, NetworkInterfaceOwnerId: account,
				PrivateIpAddress: nat.privateIp, PublicIp: address.PublicIp, PublicIpv4Pool: 'amazon', Tags: [],
			});
	}
	const stateCode: Record<string, number> = {pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80};
	for (const instance of t.instances) {
		const {region} = shown.get(instance.id)!;
		const enis = (byInstance.get(instance.id) ?? []).sort((a, b) => Number((a.Attachment as Json).DeviceIndex) - Number((b.Attachment as Json).DeviceIndex));
		const primary = enis[0];
		const owner = String(primary?.OwnerId ?? ctx.defaultAccount);
		const publicIp = (primary?.Association as Json | undefined)?.PublicIp as string | undefined;
		files.add(region, 'Reservations', {
			Groups: [], OwnerId: owner, ReservationId: ctx.awsId('r'),
			Instances: [{
				AmiLaunchIndex: 0, Architecture: 'x86_64', BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {AttachTime: ctx.time(), DeleteOnTermination: true, Status: 'attached', VolumeId: ctx.awsId('vol')}}],
				CapacityReservationSpecification: {CapacityReservationPreference: 'open'}, ClientToken: '', CpuOptions: {CoreCount: 1, ThreadsPerCore: 2}, EbsOptimized: true, EnaSupport: true,
				HibernationOptions: {Configured: false}, Hypervisor: 'xen', ImageId: ctx.awsId('ami'), InstanceId: instance.id, InstanceType: 'm6i.large', LaunchTime: ctx.time(),
				MetadataOptions: {HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 2, HttpTokens: 'required', State: 'applied'}, Monitoring: {State: 'disabled'},
				NetworkInterfaces: enis, Placement: {AvailabilityZone: primary ? ctx.azOfSubnet(String(primary.SubnetId)) : `${region}a`, GroupName: '', Tenancy: 'default'},
				...(instance.platform === 'windows' ? {Platform: 'windows'} : {}), PlatformDetails: instance.platform === 'windows' ? 'Windows' : 'Linux/UNIX',
				PrivateDnsName: primary ? privateDns(region, String(primary.PrivateIpAddress)) : '', ...(primary ? {PrivateIpAddress: primary.PrivateIpAddress} : {}), ProductCodes: [],
				PublicDnsName: publicIp ? publicDns(region, publicIp) : '', ...(publicIp ? {PublicIpAddress: publicIp} : {}), RootDeviceName: '/dev/xvda', RootDeviceType: 'ebs',
				SecurityGroups: primary ? primary.Groups : [], SourceDestCheck: primary?.SourceDestCheck ?? true, State: {Code: stateCode[instance.state] ?? 16, Name: instance.state},
				StateTransitionReason: '', ...(primary ? {SubnetId: primary.SubnetId, VpcId: primary.VpcId} : {}), Tags: tagsOf(instance), VirtualizationType: 'hvm',
			}],
		});
	}
	for (const region of new Set([ctx.defaultRegion, ...t.vpcs.map(v => v.region)]))
		for (const key of ['NatGateways', 'NetworkInterfaces', 'Addresses', 'Reservations']) files.touch(region, key);
}
