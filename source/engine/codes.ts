// Every code the engine can raise, with its meaning. Reachability Analyzer's explanation codes are
// used where one fits, so a learner can look them up in AWS's guide; the rest are the project's own.
// The README's table of codes is written from this list.

export const codes = {
	// Reachability Analyzer codes
	BAD_STATE: 'the component is not in a working state (peering not active, NAT gateway not available, gateway detached)',
	BAD_STATE_ROUTE: 'the matching route is a blackhole: its target is gone or not usable',
	NO_ROUTE_TO_DESTINATION: 'no route in the route table matches the destination',
	ENI_SG_RULES_MISMATCH: 'no rule of the security groups on the network interface allows the traffic',
	ENI_SOURCE_DEST_CHECK_RESTRICTION: 'source/destination check is on, so the interface drops traffic not sent from or to its own addresses',
	SUBNET_ACL_RESTRICTION: 'the subnet\'s network ACL denies the traffic (stateless: replies are checked too)',
	IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS: 'the internet gateway needs the source to have a public or elastic IP',
	IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS: 'from the internet, the destination must be the public or elastic IP of an interface',
	IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS: 'an internet gateway does not send traffic to private (RFC 1918) addresses',
	IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS: 'an internet gateway does not send traffic to shared (100.64.0.0/10) addresses',
	IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS: 'an internet gateway does not accept traffic from private (RFC 1918) addresses',
	IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS: 'an internet gateway does not accept traffic from shared (100.64.0.0/10) addresses',
	NGW_REQUIRES_SOURCE_IN_VPC: 'a NAT gateway serves only interfaces of its own VPC, not traffic arriving over peering, VPN or Direct Connect',
	PCX_REQUIRES_ADDRESS_IN_VPC_CIDR: 'a peering connection carries only traffic from the sender VPC\'s blocks to the peer VPC\'s blocks (not transitive, no edge-to-edge routing)',
	PROTOCOL_RESTRICTION: 'the component does not carry this protocol (a NAT gateway translates only TCP, UDP and ICMP)',
	VPCE_GATEWAY_PROTOCOL_RESTRICTION: 'a gateway endpoint carries only TCP and ICMP',
	VPCE_SERVICE_NOT_INSTALLED_IN_AZ: 'the endpoint service\'s load balancer has no node in the zone of the interface endpoint',
	ELBV2_LISTENER_PORT_RESTRICTION: 'the load balancer has no listener on the destination port',
	ELBV2_LISTENERS_MISMATCH: 'no listener of the load balancer matches the traffic\'s protocol (a network load balancer listens on TCP, UDP and TLS only)',
	ELBV2_LISTENER_HAS_NO_TG: 'the listener forwards to a target group that does not exist',
	ELBV2_NO_TARGETS_IN_AZ: 'the load balancer node has no target to send to in its zone (no targets, or none there with cross-zone balancing off)',
	UNSUPPORTED_COMPONENT: 'the route leads to a kind of component this trace does not model',
	NO_PATH: 'there is no connection from the source into AWS',
	BAD_STATE_ATTACHMENT: 'the transit gateway attachment is not available (pending, deleting, rejected, ...)',
	BAD_STATE_VPN: 'the VPN connection to the virtual private gateway is not working: not available, or both tunnels down',
	TGW_BAD_STATE_VPN: 'the VPN connection to the transit gateway is not working: not available, or both tunnels down',
	TGW_ROUTE_AZ_RESTRICTION: 'the VPC attachment has no subnet in the source\'s availability zone, so that zone cannot reach the transit gateway',
	TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION: 'the transit gateway attachment is associated with no route table, so nothing arriving from it is routed',
	VGW_PRIVATE_IP_ASSOCIATION_FOR_EGRESS: 'a virtual private gateway carries only traffic from its own VPC\'s addresses (no edge-to-edge routing)',
	TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED: 'the reply leaves an appliance VPC\'s attachment in another zone than the request; turn on appliance mode so a stateful appliance sees both directions',
	UNKNOWN_DESTINATION: 'the packet leaves AWS toward an on-premises network this topology does not describe',
	// The project's own codes
	INSTANCE_NOT_RUNNING: 'the instance is not running, so it neither sends nor receives',
	NO_INTERFACE_AT_ADDRESS: 'the address lies in a subnet but no network interface holds it',
	ADDRESS_NOT_IN_ANY_SUBNET: 'the address lies in the VPC\'s blocks but in no subnet',
	NO_INTERNET_GATEWAY: 'the VPC that owns the public IP has no internet gateway attached',
	NGW_NO_INBOUND_INITIATED: 'a NAT gateway accepts only replies to connections started from behind it',
	VPCE_GATEWAY_NOT_USABLE_FROM_OUTSIDE: 'a gateway endpoint serves only its own VPC, not traffic over peering, VPN, TGW or Direct Connect',
	ROUTING_LOOP: 'the packet went round a loop of routes and was dropped',
	APPLIANCE_ASYMMETRIC_ROUTING: 'a stateful appliance (source/destination check off) received the reply of a connection whose request it never saw, and drops it',
	REPLY_FROM_OTHER_ADDRESS: 'the reply left by another way (e.g. a NAT gateway) and arrives from an address the client did not send to',
	DELIVERED_TO_OTHER_HOST: 'the packet arrived at another host holding the same address (overlapping blocks)',
	TGW_VPC_NOT_ATTACHED: 'the route sends the packet to a transit gateway the VPC has no attachment to',
	DXGW_NO_VGW_TO_VGW: 'a Direct Connect gateway carries traffic between on-premises and its gateways, never from one associated VGW to another',
	CLIENT_VPN_AUTHORIZATION_RESTRICTION: 'no authorization rule of the client VPN endpoint lets the client reach the destination (the most specific rule decides; no rule, no access)',
	CLIENT_VPN_SPLIT_TUNNEL_NOT_ROUTED: 'split tunnel: no route of the client VPN endpoint covers the destination, so the client sends it over its own connection, not through the VPN',
	LOAD_BALANCER_NO_CONNECTION: 'the packet reached a load balancer node that has no connection it answers',
	CLIENT_VPN_NO_INBOUND_INITIATED: 'a client VPN association carries only clients\' connections and their replies; nothing can open a connection to a client through it',
} as const;

export type Code = keyof typeof codes;

export function codeMeaning(code: string): string | undefined {
	return Object.hasOwn(codes, code) ? (codes as Record<string, string>)[code] : undefined;
}
