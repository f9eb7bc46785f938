// The topology document: one zod schema is the source of the types, the structural validation and
// the saved format. Cross-resource rules (references, overlaps, AWS's limits) live in validate.ts.
// Field names follow the EC2 API where one exists, so imports map field to field.
import {z} from 'zod';
import {cidrError, isIpv4} from '../net/ipv4.js';

export const SCHEMA_VERSION = 1;

// Plain predicates rather than superRefine: the compiled parser calls a predicate directly, where a
// superRefine costs a context and an issue list per field. The message is only built for a problem.
const cidr = z.string().refine(value => cidrError(value) === undefined, {error: issue => cidrError(issue.input as string)});
const ip = z.string().refine(isIpv4, {error: issue => `"${issue.input as string}" is not an IPv4 address`});
export const idSchema = z
	.string()
	.regex(/^[A-Za-z0-9][A-Za-z0-9._:/+-]*$/, 'an id is letters, digits and . _ : / + - (e.g. vpc-0a1b2c3d or subnet-web-a)');
const ref = idSchema;
const name = z
	.string()
	.min(1)
	.max(255)
	.regex(/^(?:\S(?:.*\S)?)?$/, 'a name must not start or end with spaces')
	.optional();
const port = z.number().int().min(0).max(65535);
const tags = z.record(z.string(), z.string()).optional();

/** IP protocol: a name, `all`, or an IANA protocol number. */
export const protocolSchema = z.union([z.enum(['all', 'tcp', 'udp', 'icmp']), z.number().int().min(0).max(255)]);

const base = {id: idSchema, name, tags};

export const vpcSchema = z.strictObject({
	...base,
	/** Primary block first; secondary blocks after it. Each adds a `local` route. */
	cidrBlocks: z.array(cidr).min(1),
	region: z.string().default('us-east-1'),
	accountId: z.string().optional(),
	isDefault: z.boolean().default(false),
});

export const subnetSchema = z.strictObject({
	...base,
	vpcId: ref,
	cidr,
	availabilityZone: z.string(),
	/** Explicit association; absent means the VPC's main route table. */
	routeTableId: ref.optional(),
	/** Explicit association; absent means the VPC's default network ACL. */
	networkAclId: ref.optional(),
});

export const routeOriginSchema = z.enum(['local', 'static', 'propagated']);
export const routeStateSchema = z.enum(['active', 'blackhole']);

export const routeSchema = z.strictObject({
	/** Exactly one of destinationCidr and destinationPrefixListId. */
	destinationCidr: cidr.optional(),
	destinationPrefixListId: ref.optional(),
	/** `local`, or the id of an igw, eigw, nat, pcx, tgw, vgw, gateway vpce, eni or instance. */
	target: z.string().min(1),
	/** local: the VPC's own block; static: CreateRoute; propagated: VGW route propagation. */
	origin: routeOriginSchema.default('static'),
	/** blackhole: the target is gone (detached gateway, deleted NAT, pending peering). */
	state: routeStateSchema.default('active'),
});

export const routeTableSchema = z.strictObject({
	...base,
	vpcId: ref,
	main: z.boolean().default(false),
	routes: z.array(routeSchema).default([]),
	/** VGWs whose routes (VPN static, BGP, Direct Connect) propagate into this table. */
	propagatingVgwIds: z.array(ref).default([]),
	/** Edge association (ingress routing) with an internet or virtual private gateway. */
	gatewayIds: z.array(ref).default([]),
});

export const internetGatewaySchema = z.strictObject({...base, vpcId: ref.optional()});
export const egressOnlyInternetGatewaySchema = z.strictObject({...base, vpcId: ref});

export const natGatewaySchema = z.strictObject({
	...base,
	subnetId: ref,
	connectivity: z.enum(['public', 'private']).default('public'),
	privateIp: ip,
	/** The elastic IP of a public NAT gateway. */
	publicIp: ip.optional(),
	state: z.enum(['pending', 'available', 'deleting', 'deleted', 'failed']).default('available'),
});

const portRange = {
	/** Absent means every port (tcp/udp). */
	fromPort: port.optional(),
	toPort: port.optional(),
	/** ICMP type and code; absent or -1 means any. */
	icmpType: z.number().int().min(-1).max(255).optional(),
	icmpCode: z.number().int().min(-1).max(255).optional(),
};

export const securityGroupRuleSchema = z.strictObject({
	protocol: protocolSchema,
	...portRange,
	/** Exactly one peer: a CIDR, a security group (its members' private IPs) or a prefix list. */
	cidr: cidr.optional(),
	groupId: ref.optional(),
	prefixListId: ref.optional(),
	description: z.string().optional(),
});

export const securityGroupSchema = z.strictObject({
	...base,
	vpcId: ref,
	description: z.string().optional(),
	isDefault: z.boolean().default(false),
	ingress: z.array(securityGroupRuleSchema).default([]),
	egress: z.array(securityGroupRuleSchema).default([]),
});

export const naclRuleSchema = z.strictObject({
	ruleNumber: z.number().int().min(1).max(32766),
	protocol: protocolSchema,
	...portRange,
	/** Source for inbound rules, destination for outbound rules. */
	cidr,
	action: z.enum(['allow', 'deny']),
});

export const networkAclSchema = z.strictObject({
	...base,
	vpcId: ref,
	isDefault: z.boolean().default(false),
	inbound: z.array(naclRuleSchema).default([]),
	outbound: z.array(naclRuleSchema).default([]),
});

export const instanceSchema = z.strictObject({
	...base,
	state: z.enum(['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated']).default('running'),
	/** Decides the client's ephemeral port range (Linux 32768-60999, Windows 49152-65535). */
	platform: z.enum(['linux', 'windows']).default('linux'),
});

export const networkInterfaceSchema = z.strictObject({
	...base,
	subnetId: ref,
	/** Primary private IPv4 address. */
	privateIp: ip,
	secondaryPrivateIps: z.array(ip).default([]),
	/** Public or elastic IP mapped 1:1 to the primary private IP by the internet gateway. */
	publicIp: ip.optional(),
	publicIpKind: z.enum(['auto', 'elastic']).optional(),
	securityGroupIds: z.array(ref).default([]),
	sourceDestCheck: z.boolean().default(true),
	/** The instance it is attached to, and its device index (0 is the primary interface). */
	instanceId: ref.optional(),
	deviceIndex: z.number().int().min(0).optional(),
	description: z.string().optional(),
});

export const peeringConnectionSchema = z.strictObject({
	...base,
	requesterVpcId: ref,
	accepterVpcId: ref,
	status: z.enum(['pending-acceptance', 'active', 'rejected', 'expired', 'failed', 'deleted', 'provisioning']).default('active'),
});

export const prefixListSchema = z.strictObject({
	...base,
	/** AWS-managed lists (S3, DynamoDB) are owned by AWS; customer-managed ones by the account. */
	ownership: z.enum(['aws-managed', 'customer-managed']).default('customer-managed'),
	/** For AWS-managed lists, the service name, e.g. com.amazonaws.us-east-1.s3. */
	serviceName: z.string().optional(),
	region: z.string().optional(),
	cidrs: z.array(cidr).default([]),
});

export const endpointInterfaceSchema = z.strictObject({id: idSchema, subnetId: ref, privateIp: ip});

export const vpcEndpointSchema = z.strictObject({
	...base,
	vpcId: ref,
	type: z.enum(['gateway', 'interface']),
	/** com.amazonaws.<region>.s3 / .dynamodb for gateway endpoints, or an endpoint service's name. */
	serviceName: z.string(),
	state: z.enum(['pending-acceptance', 'pending', 'available', 'rejected', 'expired', 'failed', 'deleting', 'deleted']).default('available'),
	/** Gateway endpoints: the route tables that got the `prefix list -> vpce` route. */
	routeTableIds: z.array(ref).default([]),
	/** Gateway endpoints: the service's AWS-managed prefix list. */
	prefixListId: ref.optional(),
	/** Interface endpoints: one network interface per subnet (at most one subnet per AZ). */
	networkInterfaces: z.array(endpointInterfaceSchema).default([]),
	securityGroupIds: z.array(ref).default([]),
});

export const listenerSchema = z.strictObject({
	protocol: z.enum(['TCP', 'UDP', 'TCP_UDP', 'TLS', 'HTTP', 'HTTPS']),
	port,
	targetGroupId: ref,
});

export const loadBalancerSchema = z.strictObject({
	...base,
	type: z.enum(['network', 'application', 'gateway']).default('network'),
	scheme: z.enum(['internal', 'internet-facing']).default('internal'),
	vpcId: ref,
	/** One node per subnet (AZ), each with the private address the targets see as source. */
	nodes: z.array(z.strictObject({subnetId: ref, privateIp: ip})).min(1),
	securityGroupIds: z.array(ref).default([]),
	listeners: z.array(listenerSchema).default([]),
	crossZone: z.boolean().default(false),
});

export const targetGroupSchema = z.strictObject({
	...base,
	protocol: z.enum(['TCP', 'UDP', 'TCP_UDP', 'TLS', 'HTTP', 'HTTPS', 'GENEVE']),
	port,
	vpcId: ref,
	targetType: z.enum(['instance', 'ip']).default('instance'),
	/** An instance id (targetType instance) or an IPv4 address (targetType ip); port overrides the group's. */
	targets: z.array(z.strictObject({target: z.string(), port: port.optional()})).default([]),
});

export const endpointServiceSchema = z.strictObject({
	...base,
	serviceName: z.string(),
	loadBalancerIds: z.array(ref).min(1),
	acceptanceRequired: z.boolean().default(false),
	allowedPrincipals: z.array(z.string()).default([]),
	state: z.enum(['Pending', 'Available', 'Deleting', 'Deleted', 'Failed']).default('Available'),
});

export const transitGatewaySchema = z.strictObject({
	...base,
	region: z.string().default('us-east-1'),
	accountId: z.string().optional(),
	asn: z.number().int().optional(),
	state: z.enum(['pending', 'available', 'modifying', 'deleting', 'deleted']).default('available'),
});

export const tgwAttachmentSchema = z.strictObject({
	...base,
	transitGatewayId: ref,
	type: z.enum(['vpc', 'vpn', 'direct-connect-gateway', 'peering', 'connect']),
	/** The VPC, VPN connection, Direct Connect gateway or peer transit gateway. */
	resourceId: ref,
	/** VPC attachments: one subnet per availability zone. */
	subnetIds: z.array(ref).default([]),
	/** The one TGW route table used for packets arriving from this attachment. */
	associatedRouteTableId: ref.optional(),
	state: z
		.enum(['initiating', 'pendingAcceptance', 'pending', 'available', 'modifying', 'deleting', 'deleted', 'failed', 'rejected'])
		.default('available'),
	applianceMode: z.boolean().default(false),
});

export const tgwRouteSchema = z.strictObject({
	destinationCidr: cidr.optional(),
	destinationPrefixListId: ref.optional(),
	/** Absent for a blackhole route. */
	attachmentId: ref.optional(),
	type: z.enum(['static', 'propagated']).default('static'),
	state: routeStateSchema.default('active'),
});

export const tgwRouteTableSchema = z.strictObject({
	...base,
	transitGatewayId: ref,
	/** Attachments whose routes propagate into this table (VPC blocks, VPN and DX BGP routes). */
	propagations: z.array(ref).default([]),
	routes: z.array(tgwRouteSchema).default([]),
});

export const vpnGatewaySchema = z.strictObject({
	...base,
	vpcId: ref.optional(),
	asn: z.number().int().optional(),
	state: z.enum(['pending', 'available', 'deleting', 'deleted']).default('available'),
});

export const customerGatewaySchema = z.strictObject({
	...base,
	ipAddress: ip,
	asn: z.number().int().optional(),
	/** The on-premises site behind this device. */
	siteId: ref.optional(),
	state: z.enum(['pending', 'available', 'deleting', 'deleted']).default('available'),
});

export const vpnTunnelSchema = z.strictObject({
	outsideIp: ip,
	status: z.enum(['UP', 'DOWN']).default('UP'),
});

export const vpnConnectionSchema = z.strictObject({
	...base,
	customerGatewayId: ref,
	/** Exactly one of vpnGatewayId and transitGatewayId. */
	vpnGatewayId: ref.optional(),
	transitGatewayId: ref.optional(),
	routing: z.enum(['static', 'bgp']).default('static'),
	/** On-premises prefixes: static routes, or those advertised over BGP. */
	staticRoutes: z.array(cidr).default([]),
	bgpPrefixes: z.array(cidr).default([]),
	tunnels: z.array(vpnTunnelSchema).max(2).default([]),
	state: z.enum(['pending', 'available', 'deleting', 'deleted']).default('available'),
	/** A VPN that runs over a Direct Connect transit VIF (private IP VPN), by DX gateway. */
	transportDxGatewayId: ref.optional(),
});

export const clientVpnEndpointSchema = z.strictObject({
	...base,
	vpcId: ref,
	/** /22 to /12; must not overlap the VPC or any route. */
	clientCidr: cidr,
	splitTunnel: z.boolean().default(false),
	securityGroupIds: z.array(ref).default([]),
	/** Associated subnets; client traffic is translated to the association's interface address. */
	targetNetworks: z.array(z.strictObject({id: idSchema, subnetId: ref, privateIp: ip})).default([]),
	authorizationRules: z
		.array(z.strictObject({destinationCidr: cidr, accessAll: z.boolean().default(true), groupId: z.string().optional()}))
		.default([]),
	routes: z.array(z.strictObject({destinationCidr: cidr, targetSubnetId: z.string()})).default([]),
	state: z.enum(['pending-associate', 'available', 'deleting', 'deleted']).default('available'),
});

export const dxConnectionSchema = z.strictObject({
	...base,
	location: z.string().optional(),
	bandwidth: z.string().optional(),
	state: z.enum(['ordering', 'requested', 'pending', 'available', 'down', 'deleting', 'deleted', 'rejected']).default('available'),
	/** The on-premises site at the customer end of the connection. */
	siteId: ref.optional(),
});

export const dxGatewaySchema = z.strictObject({
	...base,
	asn: z.number().int().optional(),
	/** Associations with VGWs or TGWs; allowed prefixes filter (VGW) or are advertised (TGW). */
	associations: z.array(z.strictObject({gatewayId: ref, allowedPrefixes: z.array(cidr).default([]), state: z.enum(['associating', 'associated', 'disassociating', 'disassociated']).default('associated')})).default([]),
});

export const virtualInterfaceSchema = z.strictObject({
	...base,
	type: z.enum(['private', 'transit', 'public']),
	connectionId: ref,
	/** A private VIF ends on a VGW or a DX gateway; a transit VIF on a DX gateway. */
	vpnGatewayId: ref.optional(),
	dxGatewayId: ref.optional(),
	/** Prefixes the customer router advertises over BGP. */
	customerPrefixes: z.array(cidr).default([]),
	state: z.enum(['confirming', 'verifying', 'pending', 'available', 'down', 'deleting', 'deleted', 'rejected']).default('available'),
});

export const siteSchema = z.strictObject({...base, cidrs: z.array(cidr).min(1)});

export const suggestedTraceSchema = z.strictObject({
	from: z.string(),
	to: z.string(),
	protocol: z.union([z.enum(['all', 'tcp', 'udp', 'icmp']), z.number().int().min(0).max(255)]).default('tcp'),
	port: port.optional(),
	/** What AWS would do, and which hop decides it. */
	expect: z.enum(['reachable', 'unreachable']),
	blockedAt: idSchema.optional(),
	code: z.string().optional(),
	direction: z.enum(['forward', 'return']).optional(),
	why: z.string(),
});

export const topologySchema = z.strictObject({
	schemaVersion: z.literal(SCHEMA_VERSION),
	name: z.string().min(1),
	/** Templates (and topologies made from them) carry a title, an explanation and traces to try. */
	title: z.string().optional(),
	description: z.string().optional(),
	suggestedTraces: z.array(suggestedTraceSchema).default([]),
	vpcs: z.array(vpcSchema).default([]),
	subnets: z.array(subnetSchema).default([]),
	routeTables: z.array(routeTableSchema).default([]),
	internetGateways: z.array(internetGatewaySchema).default([]),
	egressOnlyInternetGateways: z.array(egressOnlyInternetGatewaySchema).default([]),
	natGateways: z.array(natGatewaySchema).default([]),
	securityGroups: z.array(securityGroupSchema).default([]),
	networkAcls: z.array(networkAclSchema).default([]),
	instances: z.array(instanceSchema).default([]),
	networkInterfaces: z.array(networkInterfaceSchema).default([]),
	peeringConnections: z.array(peeringConnectionSchema).default([]),
	prefixLists: z.array(prefixListSchema).default([]),
	vpcEndpoints: z.array(vpcEndpointSchema).default([]),
	loadBalancers: z.array(loadBalancerSchema).default([]),
	targetGroups: z.array(targetGroupSchema).default([]),
	endpointServices: z.array(endpointServiceSchema).default([]),
	transitGateways: z.array(transitGatewaySchema).default([]),
	transitGatewayAttachments: z.array(tgwAttachmentSchema).default([]),
	transitGatewayRouteTables: z.array(tgwRouteTableSchema).default([]),
	vpnGateways: z.array(vpnGatewaySchema).default([]),
	customerGateways: z.array(customerGatewaySchema).default([]),
	vpnConnections: z.array(vpnConnectionSchema).default([]),
	clientVpnEndpoints: z.array(clientVpnEndpointSchema).default([]),
	dxConnections: z.array(dxConnectionSchema).default([]),
	dxGateways: z.array(dxGatewaySchema).default([]),
	virtualInterfaces: z.array(virtualInterfaceSchema).default([]),
	sites: z.array(siteSchema).default([]),
});
