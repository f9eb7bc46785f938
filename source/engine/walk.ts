// Moves a packet step by step through the compiled topology (aws-semantics section 0): the
// sender's SG outbound and source/dest check, the NACL outbound when it leaves the subnet, the
// subnet's route table, the target, the NACL inbound, the receiver's SG inbound, delivery.
// The reply runs through the same steps on its own, so asymmetric routes and stateless ACLs fail
// the way they do in AWS.
import {cidrContainsAddress, formatIpv4} from '../net/ipv4.js';
import type {IfaceKind, SiteC, TargetKind} from './compiled.js';
import type {Pkt} from './packet.js';
import {checkAcl} from './hops/network-acl.js';
import {checkGroups} from './hops/security-group.js';
import {routeFromSubnet} from './hops/route-table.js';
import {igwEgress, igwIngress} from './hops/internet-gateway.js';
import {natArrive, natTarget} from './hops/nat-gateway.js';
import {peeringTarget} from './hops/peering.js';
import {gatewayEndpointReturn, gatewayEndpointTarget} from './hops/gateway-endpoint.js';
import {applianceKeepsState, deliver, expectedHere, instanceRunning, sourceDestCheck} from './hops/interface.js';
import {pass, stop, type Step, type TargetHandler, type Walk} from './walk-state.js';

/** A packet crossing more route hops than this is going round in circles. */
const MAX_STEPS = 64;

/** A target the topology names but that has no place to receive packets (e.g. an interface in no known subnet). */
function unusable(w: Walk, s: Extract<Step, {at: 'target'}>): null {
	return stop(w, {component: s.subnet.table?.id ?? s.subnet.id, type: 'route-table', action: 'drop', detail: `${s.route.destination} -> ${s.route.target}: the target cannot receive traffic`, code: 'BAD_STATE_ROUTE'});
}

const builtinTargets: Partial<Record<TargetKind, TargetHandler>> = {
	local: (w, s) => ({at: 'arrive', vpc: s.subnet.vpc, pkt: s.pkt, fromSubnet: s.subnet, sender: s.sender}),
	'internet-gateway': (w, s) => igwEgress(w, w.ctx.igws.get(s.route.target)!, s.subnet.vpc, s.pkt),
	'nat-gateway': (w, s) => {
		const nat = w.ctx.ifaces.get(s.route.target);
		return nat ? natTarget(w, nat, s.subnet, s.pkt, s.sender) : unusable(w, s);
	},
	'peering-connection': (w, s) => peeringTarget(w, s.route.target, s.subnet, s.pkt, s.sender),
	'vpc-endpoint': (w, s) => gatewayEndpointTarget(w, s.route.target, s.subnet, s.pkt),
	'network-interface': (w, s) => {
		const iface = w.ctx.ifaces.get(s.route.target);
		return iface ? {at: 'iface', iface, pkt: s.pkt, fromSubnet: s.subnet, sender: s.sender} : unusable(w, s);
	},
	instance: (w, s) => {
		const iface = w.ctx.instances.get(s.route.target);
		return iface ? {at: 'iface', iface, pkt: s.pkt, fromSubnet: s.subnet, sender: s.sender} : unusable(w, s);
	},
};

const extraTargets = new Map<TargetKind, TargetHandler>();

/** How more kinds of route target (transit gateway, virtual private gateway, ...) join the walk. */
export function registerTarget(kind: TargetKind, handler: TargetHandler): void {
	extraTargets.set(kind, handler);
}

/** Takes a packet that reached an interface of its kind, after the subnet's ACL inbound. */
export type InterfaceHandler = (w: Walk, step: Extract<Step, {at: 'iface'}>) => Step | null;

const interfaceHandlers = new Map<IfaceKind, InterfaceHandler>();

/** How holders that do more than receive (client VPN associations, load balancer nodes, interface endpoints of a service) join the walk. */
export function registerInterface(kind: IfaceKind, handler: InterfaceHandler): void {
	interfaceHandlers.set(kind, handler);
}

export type SiteEntry = (w: Walk, site: SiteC, pkt: Pkt) => Step | null;

let siteEntry: SiteEntry | undefined;

/** How on-premises sites (VPN, Direct Connect) get their way into AWS. */
export function registerSiteEntry(entry: SiteEntry): void {
	siteEntry = entry;
}

export function enterFromSite(w: Walk, site: SiteC, pkt: Pkt): Step | null {
	if (siteEntry) return siteEntry(w, site, pkt);
	return stop(w, {component: site.id, type: 'site', action: 'drop', detail: `${site.id} has no VPN or Direct Connect path into AWS in this trace`, code: 'NO_PATH'});
}

function target(w: Walk, s: Extract<Step, {at: 'target'}>): Step | null {
	const handler = extraTargets.get(s.route.targetKind) ?? builtinTargets[s.route.targetKind];
	if (handler) return handler(w, s);
	const what = s.route.targetKind === 'unknown' ? `${s.route.target} is not in this topology` : `${s.route.targetKind} targets are not traced yet`;
	return stop(w, {component: s.route.target, type: s.route.targetKind, action: 'drop', detail: what, code: 'UNSUPPORTED_COMPONENT'});
}

function step(w: Walk, s: Step): Step | null {
	switch (s.at) {
		case 'send': {
			if (!checkGroups(w, s.iface, false, s.pkt)) return null;
			if (!sourceDestCheck(w, s.iface, s.pkt, true)) return null;
			return {at: 'exit', subnet: s.iface.subnet, pkt: s.pkt, sender: s.iface};
		}
		case 'exit': {
			// Inside one subnet the traffic is switched: no ACL, no route table.
			if (cidrContainsAddress(s.subnet.cidr, s.pkt.dst)) return {at: 'arrive', vpc: s.subnet.vpc, pkt: s.pkt, fromSubnet: s.subnet, sender: s.sender};
			if (!checkAcl(w, s.subnet, 'outbound', s.pkt)) return null;
			const route = routeFromSubnet(w, s.subnet, s.pkt);
			return route ? {at: 'target', route, subnet: s.subnet, pkt: s.pkt, sender: s.sender} : null;
		}
		case 'target':
			return target(w, s);
		case 'arrive': {
			const subnet = s.vpc.subnets.longestValues(s.pkt.dst)?.[0];
			const address = formatIpv4(s.pkt.dst);
			if (!subnet)
				return stop(w, {component: s.vpc.id, type: 'vpc', action: 'drop', detail: `${address} is in ${s.vpc.id} but in none of its subnets`, code: 'ADDRESS_NOT_IN_ANY_SUBNET'});
			const iface = s.vpc.byAddress.get(s.pkt.dst);
			if (!iface)
				return stop(w, {component: subnet.id, type: 'subnet', action: 'drop', detail: `no network interface holds ${address} in ${subnet.id}`, code: 'NO_INTERFACE_AT_ADDRESS'});
			return {at: 'iface', iface, pkt: s.pkt, fromSubnet: s.fromSubnet, sender: s.sender};
		}
		case 'iface': {
			const {iface, pkt} = s;
			if (s.fromSubnet !== iface.subnet && !checkAcl(w, iface.subnet, 'inbound', pkt)) return null;
			if (iface.kind === 'nat-gateway') return natArrive(w, iface, pkt);
			const handler = interfaceHandlers.get(iface.kind);
			if (handler) return handler(w, s);
			if (!instanceRunning(w, iface)) return null;
			const own = iface.addresses.includes(pkt.dst);
			// Overlapping blocks: say the packet found the wrong host before its SG drops it as unsolicited.
			if (own && !expectedHere(w, iface, pkt)) return null;
			if (!checkGroups(w, iface, true, pkt, s.sender)) return null;
			if (own) {
				deliver(w, iface, pkt);
				return null;
			}
			if (!sourceDestCheck(w, iface, pkt, false)) return null;
			if (!applianceKeepsState(w, iface)) return null;
			return {at: 'send', iface, pkt};
		}
		case 'internet': {
			const holder = w.ctx.byPublicIp.get(s.pkt.dst);
			if (holder) return igwIngress(w, holder.vpc, holder, s.pkt);
			const vpc = w.expected?.vpc ?? w.ctx.vpcByAddress.longestValues(s.pkt.dst)?.[0];
			if (vpc) return igwIngress(w, vpc, w.expected, s.pkt);
			const site = w.ctx.siteByAddress.longestValues(s.pkt.dst)?.[0];
			if (site)
				return stop(w, {component: site.id, type: 'site', action: 'drop', detail: `${formatIpv4(s.pkt.dst)} is an address of the on-premises site ${site.id}, not reachable from the internet`, code: 'NO_PATH'});
			pass(w, {component: 'internet', type: 'internet', action: 'deliver', detail: `delivered to host ${formatIpv4(s.pkt.dst)}`});
			w.end = {kind: 'internet', pkt: s.pkt};
			return null;
		}
		case 'service':
			return gatewayEndpointReturn(w, s.pkt);
	}
}

/** Runs a pass to its end: delivered (w.end set) or stopped (w.blocked set). */
export function run(w: Walk, first: Step): void {
	let next: Step | null = first;
	while (next) {
		if (++w.steps > MAX_STEPS) {
			const last = w.hops.at(-1);
			const detail = `the packet went through ${MAX_STEPS} steps without arriving: the routes form a loop`;
			stop(w, {component: last?.component ?? 'route-table', type: last?.type ?? 'route-table', action: 'drop', detail, code: 'ROUTING_LOOP'});
			return;
		}
		next = step(w, next);
	}
}
