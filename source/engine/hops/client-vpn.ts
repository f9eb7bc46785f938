// Client VPN (aws-semantics section 10): a laptop connected to an endpoint gets an address from
// the client CIDR. The endpoint decides with two tables: its routes say where a destination goes
// (an associated subnet, or `local` between clients) and its authorization rules say whether the
// client may go there at all (the most specific CIDR decides, 0.0.0.0/0 last, no rule no access).
// Traffic into the VPC is translated to the association's interface in the target subnet, whose
// security groups then apply, and it leaves that subnet like any interface's traffic.
import {cidrContainsAddress, formatCidr, formatIpv4, parseCidr, parseIpv4, type Cidr} from '../../net/ipv4.js';
import {LpmIndex} from '../../net/lpm.js';
import type {ClientVpnEndpoint, Topology} from '../../model/types.js';
import type {EphemeralRange, Iface, SgC, TraceContext, VpcC} from '../compiled.js';
import {registerContextExtension} from '../context.js';
import {describePkt, toPacket, type Pkt} from '../packet.js';
import {registerInterface} from '../walk.js';
import {pass, stop, type End, type Step, type Walk} from '../walk-state.js';
import {checkGroups} from './security-group.js';

const CVPN = 'client-vpn-endpoint';
const CLIENT = 'client-vpn-client';
/** A laptop's operating system picks its ports anywhere in the range AWS tells ACL writers to allow. */
export const CLIENT_VPN_PORTS: EphemeralRange = {from: 1024, to: 65535, who: 'client VPN client'};

type RouteC = {cidr: Cidr; text: string; association?: Iface; automatic: boolean};
type AuthC = {cidr: Cidr; text: string; accessAll: boolean; groupId?: string};

export type ClientVpnC = {
	id: string;
	endpoint: ClientVpnEndpoint;
	vpc: VpcC;
	clientCidr: Cidr;
	/** Most specific first; among equal prefixes the table's own order, then the automatic VPC routes. */
	routes: RouteC[];
	/** Most specific first, so 0.0.0.0/0 comes last as AWS evaluates it. */
	rules: AuthC[];
};

type ClientVpnIndex = {byId: Map<string, ClientVpnC>; byClientAddress: LpmIndex<ClientVpnC>; byAssociation: Map<Iface, ClientVpnC>};

const NAME = 'client-vpn';
/** Stand-in public addresses for associations: AWS assigns them and the topology does not record them. */
const PUBLIC_STAND_IN = parseIpv4('192.0.2.254')!;

function compile(topology: Topology, ctx: TraceContext): ClientVpnIndex {
	const index: ClientVpnIndex = {byId: new Map(), byClientAddress: new LpmIndex(), byAssociation: new Map()};
	let nextPublic = PUBLIC_STAND_IN;
	const standIn = (): number => {
		while (ctx.byPublicIp.has(nextPublic)) nextPublic--;
		return nextPublic--;
	};
	for (const endpoint of topology.clientVpnEndpoints) {
		const vpc = ctx.vpcs.get(endpoint.vpcId);
		if (!vpc) continue;
		const found = endpoint.securityGroupIds.map(id => ctx.groups.get(id)).filter((g): g is SgC => g !== undefined);
		// Associations without a chosen group get the VPC's default group, as AWS does.
		const groups = endpoint.securityGroupIds.length === 0 && vpc.defaultSg ? [vpc.defaultSg] : found;
		const associations = new Map<string, Iface>();
		const c: ClientVpnC = {id: endpoint.id, endpoint, vpc, clientCidr: parseCidr(endpoint.clientCidr, {allowHostBits: true}), routes: [], rules: []};
		for (const network of endpoint.targetNetworks) {
			const subnet = ctx.subnets.get(network.subnetId);
			const address = parseIpv4(network.privateIp);
			if (!subnet || address === undefined) continue;
			const iface: Iface = {
				id: network.id,
				kind: 'client-vpn',
				component: endpoint.id,
				componentType: CVPN,
				vpc: subnet.vpc,
				subnet,
				address,
				addresses: [address],
				// AWS gives an association's interface a public IP for clients' internet access.
				publicIp: vpc.igw ? standIn() : undefined,
				groups,
				sourceDestCheck: true,
				running: true,
				ephemeral: CLIENT_VPN_PORTS,
			};
			if (!subnet.vpc.byAddress.has(address)) subnet.vpc.byAddress.set(address, iface);
			if (iface.publicIp !== undefined) ctx.byPublicIp.set(iface.publicIp, iface);
			associations.set(subnet.id, iface);
			index.byAssociation.set(iface, c);
		}
		const routes: Array<RouteC & {order: number}> = [];
		endpoint.routes.forEach((route, order) => {
			const association = route.targetSubnetId === 'local' ? undefined : associations.get(route.targetSubnetId);
			if (route.targetSubnetId !== 'local' && !association) return;
			const cidr = parseCidr(route.destinationCidr, {allowHostBits: true});
			routes.push({cidr, text: formatCidr(cidr), association, automatic: false, order});
		});
		// Associating a subnet adds the route to the VPC by itself.
		for (const association of associations.values())
			for (const block of vpc.blocks)
				if (!routes.some(r => r.association === association && r.cidr.base === block.base && r.cidr.prefix === block.prefix))
					routes.push({cidr: block, text: formatCidr(block), association, automatic: true, order: routes.length + 1000});
		c.routes = routes.sort((a, b) => b.cidr.prefix - a.cidr.prefix || a.order - b.order);
		c.rules = endpoint.authorizationRules
			.map(rule => {
				const cidr = parseCidr(rule.destinationCidr, {allowHostBits: true});
				return {cidr, text: formatCidr(cidr), accessAll: rule.accessAll, groupId: rule.groupId};
			})
			.sort((a, b) => b.cidr.prefix - a.cidr.prefix);
		index.byId.set(endpoint.id, c);
		index.byClientAddress.insert(c.clientCidr, c);
	}
	return index;
}

registerContextExtension(NAME, compile);

function indexOf(ctx: TraceContext): ClientVpnIndex {
	return ctx.extensions.get(NAME) as ClientVpnIndex;
}

/** The endpoint a `client:<id or name>` ref names, or undefined when it names none. */
export function clientVpnByRef(ctx: TraceContext, ref: string): ClientVpnC | undefined {
	const index = indexOf(ctx);
	const byId = index.byId.get(ref);
	if (byId) return byId;
	const wanted = ref.toLowerCase();
	for (const c of index.byId.values()) if (c.endpoint.name?.toLowerCase() === wanted) return c;
	return undefined;
}

/** The endpoint whose client CIDR holds an address. */
export function clientVpnAt(ctx: TraceContext, address: number): ClientVpnC | undefined {
	return indexOf(ctx).byClientAddress.longestValues(address)?.[0];
}

/** The n-th usable address of the client CIDR: the first for a client, the second for the client it talks to. */
export function clientAddress(c: ClientVpnC, n: number): number {
	return c.clientCidr.base + n;
}

function endpointName(c: ClientVpnC): string {
	return c.endpoint.name ? `${c.id} (${c.endpoint.name})` : c.id;
}

/** The rules at the most specific CIDR covering the address decide; a client in no group gets only rules for all. */
function authorize(c: ClientVpnC, address: number): {rule?: AuthC; covering?: AuthC} {
	let covering: AuthC | undefined;
	for (const rule of c.rules) {
		if (!cidrContainsAddress(rule.cidr, address)) continue;
		if (covering && covering.cidr.prefix !== rule.cidr.prefix) break;
		covering ??= rule;
		if (rule.accessAll) return {rule, covering};
	}
	return {covering};
}

function route(c: ClientVpnC, address: number): RouteC | undefined {
	for (const r of c.routes) if (cidrContainsAddress(r.cidr, address)) return r;
	return undefined;
}

/** A client's packet: it enters the VPN (unless split tunnel keeps it out), then the endpoint decides. */
export function clientSend(w: Walk, c: ClientVpnC, pkt: Pkt): Step | null {
	pass(w, {component: c.id, type: CLIENT, action: 'forward', detail: `client of ${endpointName(c)} at ${formatIpv4(pkt.src)} sends ${describePkt(pkt)}`});
	const state = c.endpoint.state;
	if (state !== 'available') return stop(w, {component: c.id, type: CVPN, action: 'drop', detail: `${c.id} is ${state}, not available`, code: 'BAD_STATE'});
	const destination = formatIpv4(pkt.dst);
	const chosen = route(c, pkt.dst);
	if (!chosen && c.endpoint.splitTunnel) {
		const pushed = c.routes.map(r => r.text).join(', ') || 'none';
		return stop(w, {
			component: c.id,
			type: CVPN,
			action: 'drop',
			detail: `split tunnel: the endpoint pushes only its routes (${pushed}) to the client, none covers ${destination}, so the client's own connection carries it outside the VPN`,
			code: 'CLIENT_VPN_SPLIT_TUNNEL_NOT_ROUTED',
		});
	}
	const {rule, covering} = authorize(c, pkt.dst);
	if (!rule) {
		const why = covering
			? `the most specific authorization rule covering ${destination} is for ${covering.text}, and it admits only group ${covering.groupId ?? '?'}`
			: `no authorization rule of ${c.id} covers ${destination} (${c.rules.length > 0 ? `its rules authorize only ${c.rules.map(r => r.text).join(', ')}` : 'it has none'}), and a route without authorization gives no access`;
		return stop(w, {component: c.id, type: CVPN, action: 'deny', detail: why, code: 'CLIENT_VPN_AUTHORIZATION_RESTRICTION'});
	}
	const last = rule.cidr.prefix === 0 ? ' (0.0.0.0/0 is evaluated last)' : ' (most specific rule)';
	pass(w, {component: c.id, type: CVPN, action: 'allow', detail: `authorization rule ${rule.text} allows all clients to reach ${destination}${last}`});
	if (!chosen)
		return stop(w, {component: c.id, type: CVPN, action: 'drop', detail: `no route of ${c.id} matches ${destination}`, code: 'NO_ROUTE_TO_DESTINATION'});
	const via = chosen.association ? chosen.association.subnet.id : 'local';
	const why = chosen.automatic ? 'the VPC route, added when the subnet was associated' : 'longest prefix';
	pass(w, {component: c.id, type: CVPN, action: 'forward', detail: `route ${chosen.text} -> ${via} (${why})`});
	if (!chosen.association) return clientToClient(w, c, pkt);
	return translate(w, c, chosen.association, pkt);
}

function clientToClient(w: Walk, c: ClientVpnC, pkt: Pkt): null {
	if (!cidrContainsAddress(c.clientCidr, pkt.dst))
		return stop(w, {component: c.id, type: CVPN, action: 'drop', detail: `a local route reaches only clients of ${c.id} (${formatCidr(c.clientCidr)}), not ${formatIpv4(pkt.dst)}`, code: 'NO_ROUTE_TO_DESTINATION'});
	pass(w, {component: c.id, type: CLIENT, action: 'deliver', detail: `delivered to the client of ${endpointName(c)} at ${formatIpv4(pkt.dst)}`});
	w.end = {kind: 'client', endpoint: c.endpoint, pkt};
	return null;
}

function translate(w: Walk, c: ClientVpnC, association: Iface, pkt: Pkt): Step {
	const out = {...pkt, src: association.address};
	w.flow.clientVpn = {association, endpoint: c.endpoint, client: pkt.src};
	const outside = !c.vpc.blocks.some(block => cidrContainsAddress(block, pkt.dst));
	const publicIp = association.publicIp === undefined || !outside ? '' : `; for the internet AWS gives it a public IP, shown here as ${formatIpv4(association.publicIp)}`;
	pass(w, {
		component: c.id,
		type: CVPN,
		action: 'translate',
		detail: `source ${formatIpv4(pkt.src)} -> ${formatIpv4(out.src)}, the interface of association ${association.id} in ${association.subnet.id}${publicIp}`,
		packetBefore: toPacket(pkt),
		packet: toPacket(out),
	});
	return {at: 'send', iface: association, pkt: out};
}

/** The reply of a client-to-client connection goes straight back through the endpoint. */
export function clientReply(w: Walk, end: Extract<End, {kind: 'client'}>, pkt: Pkt): null {
	const c = indexOf(w.ctx).byId.get(end.endpoint.id)!;
	pass(w, {component: c.id, type: CLIENT, action: 'forward', detail: `client of ${endpointName(c)} at ${formatIpv4(pkt.src)} replies ${describePkt(pkt)}`});
	pass(w, {component: c.id, type: CVPN, action: 'forward', detail: `reply of a connection ${c.id} carried between two of its clients`});
	pass(w, {component: c.id, type: CLIENT, action: 'deliver', detail: `delivered to the client of ${endpointName(c)} at ${formatIpv4(pkt.dst)}`});
	w.end = {kind: 'client', endpoint: c.endpoint, pkt};
	return null;
}

/** A packet at an association's interface: only replies to its clients come back through it. */
registerInterface('client-vpn', (w, s) => {
	const {iface, pkt} = s;
	const c = indexOf(w.ctx).byAssociation.get(iface)!;
	const state = w.flow.clientVpn;
	if (w.direction !== 'return' || !state || state.association !== iface || pkt.dst !== iface.address)
		return stop(w, {
			component: c.id,
			type: CVPN,
			action: 'drop',
			detail: `${formatIpv4(pkt.dst)} is the interface of association ${iface.id}: it carries clients' connections out and their replies back, and nothing can open a connection to a client through it`,
			code: 'CLIENT_VPN_NO_INBOUND_INITIATED',
		});
	if (!checkGroups(w, iface, true, pkt, s.sender)) return null;
	const back = {...pkt, dst: state.client};
	pass(w, {
		component: c.id,
		type: CVPN,
		action: 'translate',
		detail: `destination ${formatIpv4(pkt.dst)} -> ${formatIpv4(back.dst)} (reply to the client whose traffic association ${iface.id} translated)`,
		packetBefore: toPacket(pkt),
		packet: toPacket(back),
	});
	pass(w, {component: c.id, type: CLIENT, action: 'deliver', detail: `delivered to the client of ${endpointName(c)} at ${formatIpv4(back.dst)}`});
	w.end = {kind: 'client', endpoint: c.endpoint, pkt: back};
	return null;
});
