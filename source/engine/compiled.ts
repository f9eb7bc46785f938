// The compiled topology: what prepare() builds once so that a trace touches only integers, maps
// and arrays. Types only; the builders live beside the hop kind they serve.
import type {Cidr} from '../net/ipv4.js';
import type {LpmIndex} from '../net/lpm.js';
import type * as m from '../model/types.js';
import type {ResourceIndex} from '../model/resources.js';

/** Protocol and ports of an SG or NACL rule. proto -1 = all; from/to span 0-65535 when absent. */
export type TrafficMatch = {proto: number; from: number; to: number; icmpType: number; icmpCode: number};

export type SgRuleC = TrafficMatch & {
	index: number;
	/** Exactly one peer kind is set. */
	cidr?: Cidr;
	group?: SgC;
	prefixList?: {id: string; cidrs: Cidr[]};
	peerText: string;
	/** The rule's own description, quoted in the hop so the user recognises the rule. */
	description?: string;
};

export type SgC = {id: string; sg: m.SecurityGroup; vpcId: string; ingress: SgRuleC[]; egress: SgRuleC[]};

export type AclRuleC = TrafficMatch & {ruleNumber: number; cidr: Cidr; cidrText: string; allow: boolean};

export type AclC = {id: string; acl: m.NetworkAcl; inbound: AclRuleC[]; outbound: AclRuleC[]};

export type TargetKind =
	| 'local'
	| 'internet-gateway'
	| 'egress-only-internet-gateway'
	| 'nat-gateway'
	| 'peering-connection'
	| 'vpc-endpoint'
	| 'network-interface'
	| 'instance'
	| 'transit-gateway'
	| 'vpn-gateway'
	| 'unknown';

export type RouteC = {
	cidr: Cidr;
	/** How the route reads in its table: the CIDR, or the prefix list id. */
	destination: string;
	prefixListId?: string;
	target: string;
	targetKind: TargetKind;
	origin: 'local' | 'static' | 'propagated';
	blackhole: boolean;
	/** 0 local or static CIDR, 1 prefix list, 2 propagated: the tie-break after the longest prefix. */
	rank: number;
	/** Position in the table's routes; -1 for the implicit local route. */
	index: number;
};

export type RouteTableC = {
	id: string;
	table: m.RouteTable;
	vpc: VpcC;
	/** Routes grouped by prefix, each group sorted by rank then position. */
	lpm: LpmIndex<RouteC[]>;
	/** The VPC blocks carrying the local route (propagated routes never beat these). */
	locals: Cidr[];
};

/** client-vpn: a client VPN association's interface; load-balancer: a load balancer node. */
export type IfaceKind = 'interface' | 'nat-gateway' | 'endpoint' | 'client-vpn' | 'load-balancer';

/** Anything that holds a private address in a subnet: an instance's ENI, a NAT gateway, an endpoint's ENI. */
export type Iface = {
	id: string;
	kind: IfaceKind;
	/** The id hops name: the instance when attached, else the interface, NAT gateway or endpoint. */
	component: string;
	componentType: string;
	vpc: VpcC;
	subnet: SubnetC;
	address: number;
	addresses: number[];
	publicIp?: number;
	groups: SgC[];
	sourceDestCheck: boolean;
	running: boolean;
	instance?: m.Instance;
	nat?: m.NatGateway;
	endpoint?: m.VpcEndpoint;
	/** The ports this host picks as a client, and what to call it. */
	ephemeral: EphemeralRange;
};

export type EphemeralRange = {from: number; to: number; who: string};

export type SubnetC = {id: string; subnet: m.Subnet; vpc: VpcC; cidr: Cidr; table?: RouteTableC; acl?: AclC};

export type VpcC = {
	id: string;
	vpc: m.Vpc;
	blocks: Cidr[];
	subnets: LpmIndex<SubnetC>;
	/** Private addresses to their holder, scoped to this VPC (blocks may overlap across VPCs). */
	byAddress: Map<number, Iface>;
	igw?: m.InternetGateway;
	routeTables: RouteTableC[];
	mainTable?: RouteTableC;
	defaultSg?: SgC;
	/** VPCs joined to this one by an active peering, with the peering. */
	peers: Array<{vpc: VpcC; pcx: m.PeeringConnection}>;
};

export type SiteC = {id: string; site: m.Site; cidrs: Cidr[]};

export type TraceContext = {
	topology: m.Topology;
	resources: ResourceIndex;
	vpcs: Map<string, VpcC>;
	vpcByAddress: LpmIndex<VpcC>;
	siteByAddress: LpmIndex<SiteC>;
	sites: Map<string, SiteC>;
	subnets: Map<string, SubnetC>;
	routeTables: Map<string, RouteTableC>;
	/** Edge-associated (ingress) route tables by gateway id. */
	gatewayTables: Map<string, RouteTableC>;
	acls: Map<string, AclC>;
	groups: Map<string, SgC>;
	/** Interfaces by id (eni, NAT gateway, endpoint interface), instances by id to their primary interface. */
	ifaces: Map<string, Iface>;
	instances: Map<string, Iface>;
	byPublicIp: Map<number, Iface>;
	igws: Map<string, m.InternetGateway>;
	nats: Map<string, m.NatGateway>;
	peerings: Map<string, m.PeeringConnection>;
	endpoints: Map<string, m.VpcEndpoint>;
	prefixLists: Map<string, {id: string; list: m.PrefixList; cidrs: Cidr[]}>;
	targetKinds: Map<string, TargetKind>;
	/** Indexes that later parts of the engine (transit gateway, VPN, Direct Connect, ...) compile, by name. */
	extensions: Map<string, unknown>;
};
