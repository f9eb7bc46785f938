// The state of one pass (the request or the reply) and the steps a packet moves through. Hop
// modules read and extend it; walk.ts drives the steps. Engine parts added later (transit
// gateway, VPN, Direct Connect, client VPN, PrivateLink) plug in as more target handlers.
import type {Direction, Explanation, Hop, TraceResult} from './types.js';
import type {EphemeralRange, Iface, RouteC, SiteC, SubnetC, TraceContext, VpcC} from './compiled.js';
import type {Pkt} from './packet.js';
import type {ClientVpnEndpoint, VpcEndpoint} from '../model/types.js';

/** What the request left behind for the reply: connection tracking and address translations. */
export type FlowState = {
	/** Interfaces whose security groups admitted the request, with the group that did: the reply passes them as tracked. */
	tracked: Map<Iface, string>;
	/** Appliances (source/destination check off) that forwarded the request: they keep the connection's state. */
	forwarded: Set<Iface>;
	/** NAT gateway id to the translation it made. */
	nat: Map<string, {inside: number; insidePort: number; port: number; client: EphemeralRange}>;
	/** The gateway endpoint that carried the request to its service, for the reply's way back. */
	gatewayEndpoint?: {endpoint: VpcEndpoint; vpc: VpcC};
	/** Whose ephemeral ports the reply goes back to: the source's, or a NAT gateway's once it translated. */
	client: EphemeralRange;
	/** The client VPN association that translated a client's request, for the reply's way back. */
	clientVpn?: {association: Iface; endpoint: ClientVpnEndpoint; client: number};
	/** The load balancer node that translated a request (through PrivateLink or sent to it), and how. */
	balancer?: {node: Iface; endpoint?: Iface; before: Pkt; after: Pkt; client: EphemeralRange};
};

export type Walk = {
	ctx: TraceContext;
	direction: Direction;
	hops: Hop[];
	explanations: Explanation[];
	blocked: TraceResult['blockedAt'];
	flow: FlowState;
	/** On the reply: the ports the client picks from, to say which a stateless ACL would drop. */
	client?: EphemeralRange;
	/** Where the pass must end when the destination was named as a resource. */
	expected?: Iface;
	/** How the packet last entered a VPC from outside it (peering-connection, internet-gateway, transit-gateway, ...). */
	via?: string;
	/** Where the pass delivered the packet, and the packet as it arrived. */
	end?: End;
	steps: number;
};

export type End =
	| {kind: 'iface'; iface: Iface; pkt: Pkt}
	| {kind: 'internet'; pkt: Pkt}
	| {kind: 'service'; pkt: Pkt}
	/** An on-premises host (delivered by the VPN and Direct Connect parts of the engine). */
	| {kind: 'site'; site: SiteC; pkt: Pkt}
	/** A client VPN client (client-to-client traffic, or a reply back to the client). */
	| {kind: 'client'; endpoint: ClientVpnEndpoint; pkt: Pkt};

export type Step =
	/** An interface emits a packet: its SG outbound, source/dest check, then out of its subnet. */
	| {at: 'send'; iface: Iface; pkt: Pkt}
	/** A packet leaves a subnet: the NACL outbound when it leaves, then the subnet's route table. */
	| {at: 'exit'; subnet: SubnetC; pkt: Pkt; sender?: Iface}
	/** The VPC router delivers to an address in the VPC (local route, peering, internet gateway). */
	| {at: 'arrive'; vpc: VpcC; pkt: Pkt; fromSubnet?: SubnetC; sender?: Iface}
	/** A packet reaches an interface: the NACL inbound when it enters the subnet, then the holder. */
	| {at: 'iface'; iface: Iface; pkt: Pkt; fromSubnet?: SubnetC; sender?: Iface}
	/** A route table chose a route; its target takes the packet. */
	| {at: 'target'; route: RouteC; subnet: SubnetC; pkt: Pkt; sender?: Iface}
	/** The packet is on the internet, headed for its destination address. */
	| {at: 'internet'; pkt: Pkt}
	/** An AWS service behind a gateway endpoint sends the reply back into the VPC. */
	| {at: 'service'; pkt: Pkt};

export type TargetHandler = (w: Walk, step: Extract<Step, {at: 'target'}>) => Step | null;

export function newWalk(ctx: TraceContext, direction: Direction, flow: FlowState): Walk {
	return {ctx, direction, hops: [], explanations: [], blocked: null, flow, steps: 0};
}

export function pass(w: Walk, hop: Hop): void {
	w.hops.push(hop);
}

/**
 * A hop's detail as a sentence that reads on its own, after another one (the console's verdict
 * follows "... at <component>." with it): a capital letter and a full stop. Only a plain lower-case
 * word is capitalised, never an id, a name, an address or a block a detail may start with.
 */
export function sentence(text: string, isRef: (word: string) => boolean = () => false): string {
	const first = /^[a-z]+(?=[\s:,;]|$)/.exec(text)?.[0];
	const capital = first && !isRef(first) ? `${first[0]!.toUpperCase()}${text.slice(1)}` : text;
	return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Whether a word of a detail is a resource's id or name in this topology (and so keeps its case). */
const isRef = (w: Walk) => (word: string) => w.ctx.resources.byId.has(word) || w.ctx.resources.byName.has(word.toLowerCase());

/** Records a hop that stops the packet, its code as an explanation, and where it was blocked. */
export function stop(w: Walk, hop: Hop & {code: string}, message = hop.detail): null {
	w.hops.push(hop);
	w.explanations.push({code: hop.code, component: hop.component, message: sentence(message, isRef(w))});
	w.blocked = {component: hop.component, type: hop.type, code: hop.code, direction: w.direction};
	return null;
}

/** An explanation that does not block by itself (the reason behind another hop's code). */
export function explain(w: Walk, code: string, component: string, message: string): void {
	w.explanations.push({code, component, message: sentence(message, isRef(w))});
}
