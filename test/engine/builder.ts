// A small builder of valid test topologies: each VPC gets its main route table, a default network
// ACL that allows everything both ways and a default security group that admits its own members
// (as AWS creates them). build() runs the same checks a loaded file gets, so a scenario that AWS
// would refuse cannot slip into a test.
import {checkTopology} from '../../source/model/load.js';
import {formatProblem} from '../../source/model/parse.js';
import type {NaclRule, Route, SecurityGroupRule, Topology, TopologyInput} from '../../source/model/types.js';
import {prepare, trace} from '../../source/engine/index.js';
import type {FlowSpec, TraceResult} from '../../source/engine/types.js';

type Doc = {[K in keyof TopologyInput]-?: NonNullable<TopologyInput[K]>};
type RouteInput = Partial<Route> & {target: string};
type SgRuleInput = Partial<SecurityGroupRule> & {protocol: SecurityGroupRule['protocol']};
type NaclRuleInput = Omit<NaclRule, 'action'> & {action: NaclRule['action']};

const allowAll: NaclRuleInput[] = [{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}];
export const anywhere: SgRuleInput = {protocol: 'all', cidr: '0.0.0.0/0'};
export const tcp = (port: number, cidr: string): SgRuleInput => ({protocol: 'tcp', fromPort: port, toPort: port, cidr});

/** `vpc-a` -> `a`: the suffix the VPC's default resources are named after. */
const short = (vpcId: string): string => vpcId.replace(/^vpc-/, '');

export class TopologyBuilder {
	readonly doc: Doc;

	constructor(name = 'test') {
		const empty = {schemaVersion: 1, name, title: '', description: '', suggestedTraces: []} as Partial<Doc>;
		for (const key of ['vpcs', 'subnets', 'routeTables', 'internetGateways', 'egressOnlyInternetGateways', 'natGateways', 'securityGroups', 'networkAcls', 'instances', 'networkInterfaces', 'peeringConnections', 'prefixLists', 'vpcEndpoints', 'loadBalancers', 'targetGroups', 'endpointServices', 'transitGateways', 'transitGatewayAttachments', 'transitGatewayRouteTables', 'vpnGateways', 'customerGateways', 'vpnConnections', 'clientVpnEndpoints', 'dxConnections', 'dxGateways', 'virtualInterfaces', 'sites'] as const)
			(empty as Record<string, unknown[]>)[key] = [];
		this.doc = empty as Doc;
	}

	/** A VPC with its main route table `rtb-main-<x>`, default ACL `acl-default-<x>` and default SG `sg-default-<x>`. */
	vpc(id: string, cidrBlocks: string | string[], options: {region?: string; igw?: string} = {}): this {
		const x = short(id);
		this.doc.vpcs.push({id, cidrBlocks: typeof cidrBlocks === 'string' ? [cidrBlocks] : cidrBlocks, region: options.region ?? 'us-east-1'});
		this.doc.routeTables.push({id: `rtb-main-${x}`, vpcId: id, main: true, routes: []});
		this.doc.networkAcls.push({id: `acl-default-${x}`, vpcId: id, isDefault: true, inbound: [...allowAll], outbound: [...allowAll]});
		const sg = `sg-default-${x}`;
		this.doc.securityGroups.push({id: sg, vpcId: id, isDefault: true, ingress: [{protocol: 'all', groupId: sg}], egress: [anywhere]});
		if (options.igw) this.doc.internetGateways.push({id: options.igw, vpcId: id});
		return this;
	}

	subnet(id: string, vpcId: string, cidr: string, options: {az?: string; routeTableId?: string; networkAclId?: string} = {}): this {
		this.doc.subnets.push({id, vpcId, cidr, availabilityZone: options.az ?? 'us-east-1a', routeTableId: options.routeTableId, networkAclId: options.networkAclId});
		return this;
	}

	routeTable(id: string, vpcId: string, routes: RouteInput[] = []): this {
		this.doc.routeTables.push({id, vpcId, routes});
		return this;
	}

	/** Adds routes to a table (the VPC's main table is `rtb-main-<x>`). */
	routes(tableId: string, ...routes: RouteInput[]): this {
		const table = this.doc.routeTables.find(t => t.id === tableId);
		if (!table) throw new Error(`no route table ${tableId}`);
		(table.routes ??= []).push(...routes);
		return this;
	}

	sg(id: string, vpcId: string, ingress: SgRuleInput[], egress: SgRuleInput[] = [anywhere]): this {
		this.doc.securityGroups.push({id, vpcId, ingress, egress});
		return this;
	}

	nacl(id: string, vpcId: string, inbound: NaclRuleInput[], outbound: NaclRuleInput[] = allowAll): this {
		this.doc.networkAcls.push({id, vpcId, inbound, outbound});
		return this;
	}

	igw(id: string, vpcId?: string): this {
		this.doc.internetGateways.push({id, vpcId});
		return this;
	}

	/** An instance with its primary interface `eni-<instance>` (the default SG of the VPC unless groups are given). */
	instance(
		id: string,
		subnetId: string,
		privateIp: string,
		options: {publicIp?: string; groups?: string[]; platform?: 'linux' | 'windows'; state?: 'running' | 'stopped'; sourceDestCheck?: boolean; secondary?: string[]} = {},
	): this {
		const subnet = this.doc.subnets.find(s => s.id === subnetId);
		if (!subnet) throw new Error(`no subnet ${subnetId}`);
		this.doc.instances.push({id, platform: options.platform, state: options.state});
		this.doc.networkInterfaces.push({
			id: `eni-${id.replace(/^i-/, '')}`,
			subnetId,
			privateIp,
			secondaryPrivateIps: options.secondary ?? [],
			publicIp: options.publicIp,
			securityGroupIds: options.groups ?? [`sg-default-${short(subnet.vpcId)}`],
			sourceDestCheck: options.sourceDestCheck ?? true,
			instanceId: id,
			deviceIndex: 0,
		});
		return this;
	}

	nat(id: string, subnetId: string, privateIp: string, publicIp?: string): this {
		this.doc.natGateways.push({id, subnetId, privateIp, publicIp, connectivity: publicIp ? 'public' : 'private'});
		return this;
	}

	peering(id: string, requesterVpcId: string, accepterVpcId: string, status: 'active' | 'pending-acceptance' = 'active'): this {
		this.doc.peeringConnections.push({id, requesterVpcId, accepterVpcId, status});
		return this;
	}

	prefixList(id: string, cidrs: string[], serviceName?: string): this {
		this.doc.prefixLists.push({id, cidrs, serviceName, ownership: serviceName ? 'aws-managed' : 'customer-managed'});
		return this;
	}

	/** A gateway endpoint and its `pl -> vpce` routes in the given tables. */
	gatewayEndpoint(id: string, vpcId: string, prefixListId: string, serviceName: string, routeTableIds: string[]): this {
		this.doc.vpcEndpoints.push({id, vpcId, type: 'gateway', serviceName, prefixListId, routeTableIds});
		for (const table of routeTableIds) this.routes(table, {destinationPrefixListId: prefixListId, target: id});
		return this;
	}

	site(id: string, cidrs: string[]): this {
		this.doc.sites.push({id, cidrs});
		return this;
	}

	vpnGateway(id: string, vpcId: string): this {
		this.doc.vpnGateways.push({id, vpcId});
		return this;
	}

	/** The topology as loading would give it; throws with every problem when it is not valid. */
	build(): Topology {
		const result = checkTopology(structuredClone(this.doc));
		if (!result.ok) throw new Error(`invalid test topology:\n${result.problems.map(formatProblem).join('\n')}`);
		return result.topology;
	}

	trace(flow: FlowSpec): TraceResult {
		return trace(prepare(this.build()), flow);
	}
}

/** `component action` per hop: the shape of a path, for comparing with what AWS would do. */
export function path(hops: TraceResult['forward']): string[] {
	return hops.map(hop => `${hop.component} ${hop.action}`);
}
