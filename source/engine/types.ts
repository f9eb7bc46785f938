// The trace contract (SPEC section 3): what the engine returns, what `vpcsim trace --json`
// prints, and what the console steps through. Keep these shapes stable: other programs read them.

export type ProtocolName = 'tcp' | 'udp' | 'icmp' | 'all';

/** A packet header as it is on the wire at some point of the path. */
export type Packet = {
	/** `tcp`, `udp`, `icmp`, `all` (any protocol) or an IANA protocol number for the others. */
	protocol: ProtocolName | number;
	source: string;
	destination: string;
	/** Absent for protocols without ports. */
	sourcePort?: number;
	destinationPort?: number;
};

export type HopAction = 'allow' | 'deny' | 'forward' | 'translate' | 'deliver' | 'drop';

export type Hop = {
	/** The resource id that decided (an sg-, acl-, rtb-, igw-, nat-, pcx-, tgw-..., i- or eni- id). */
	component: string;
	/** What kind of hop: security-group, network-acl, route-table, internet-gateway, ... */
	type: string;
	action: HopAction;
	/** One sentence naming the rule, route or attachment that decided. */
	detail: string;
	/** Reachability Analyzer explanation code (or the project's own) where one applies. */
	code?: string;
	/** The header after this hop rewrote it (NAT, load balancer); `packetBefore` is the header it got. */
	packet?: Packet;
	packetBefore?: Packet;
	/** What the console highlights: the matched route or rule, by position in its table. */
	matched?: MatchedEntry;
};

export type MatchedEntry =
	| {kind: 'route'; routeTableId: string; destination: string; target: string}
	| {kind: 'tgw-route'; routeTableId: string; destination: string; attachmentId?: string}
	| {kind: 'sg-rule'; groupId: string; direction: 'ingress' | 'egress'; index: number}
	| {kind: 'nacl-rule'; aclId: string; direction: 'inbound' | 'outbound'; ruleNumber: number | '*'};

export type Direction = 'forward' | 'return';

export type Explanation = {code: string; component: string; message: string};

export type TraceResult = {
	reachable: boolean;
	/** The packet as sent by the source. */
	packet: Packet;
	forward: Hop[];
	return: Hop[];
	blockedAt: null | {component: string; type: string; code: string; direction: Direction};
	explanations: Explanation[];
};

/** A flow as the CLI and the palette give it: refs not yet resolved. */
export type FlowSpec = {
	from: string;
	to: string;
	protocol?: ProtocolName | number;
	port?: number;
	sourcePort?: number;
};
