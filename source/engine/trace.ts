// trace(): the request, then the reply as a second pass of its own from where the request was
// delivered back to the (translated) source. Reachable only when both arrive.
import {formatIpv4} from '../net/ipv4.js';
import type {TraceContext} from './compiled.js';
import {INTERNET_PORTS, SITE_PORTS} from './context.js';
import {TraceInputError} from './errors.js';
import {checkFlow} from './flow.js';
import {describeIface} from './hops/interface.js';
import {CLIENT_VPN_PORTS, clientReply, clientSend} from './hops/client-vpn.js';
import {ICMP_ECHO_REQUEST, PROTO_ICMP, describePkt, hasPorts, replyOf, toPacket, type Pkt} from './packet.js';
import {resolveDestination, resolveSource, type Source} from './refs.js';
import type {FlowSpec, TraceResult} from './types.js';
import {enterFromSite, run} from './walk.js';
import {newWalk, pass, stop, type FlowState, type Step, type Walk} from './walk-state.js';

function isInternet(ctx: TraceContext, address: number): boolean {
	return !ctx.vpcByAddress.longest(address) && !ctx.siteByAddress.longest(address) && !ctx.byPublicIp.has(address);
}

/** The source's first hop and the step that follows it. */
function start(w: Walk, source: Source, pkt: Pkt): Step | null {
	const sends = `sends ${describePkt(pkt)}`;
	if (source.kind === 'iface') {
		const {iface} = source;
		if (!iface.running)
			return stop(w, {component: iface.component, type: iface.componentType, action: 'drop', detail: `${iface.component} is ${iface.instance?.state ?? 'not running'}`, code: 'INSTANCE_NOT_RUNNING'});
		pass(w, {component: iface.component, type: iface.componentType, action: 'forward', detail: `${describeIface(iface)} ${sends}`});
		return {at: 'send', iface, pkt};
	}
	if (source.kind === 'client') return clientSend(w, source.client, pkt);
	if (source.kind === 'internet') {
		pass(w, {component: 'internet', type: 'internet', action: 'forward', detail: `host ${formatIpv4(source.address)} ${sends}`});
		return {at: 'internet', pkt};
	}
	pass(w, {component: source.site.id, type: 'site', action: 'forward', detail: `on-premises host ${formatIpv4(source.address)} ${sends}`});
	return enterFromSite(w, source.site, pkt);
}

/** The reply leaves from wherever the request was delivered. */
function startReply(w: Walk, forward: Walk, pkt: Pkt): Step | null {
	const end = forward.end!;
	const sends = `replies ${describePkt(pkt)}`;
	if (end.kind === 'iface') {
		pass(w, {component: end.iface.component, type: end.iface.componentType, action: 'forward', detail: `${describeIface(end.iface, pkt.src)} ${sends}`});
		return {at: 'send', iface: end.iface, pkt};
	}
	if (end.kind === 'internet') {
		pass(w, {component: 'internet', type: 'internet', action: 'forward', detail: `host ${formatIpv4(pkt.src)} ${sends}`});
		return {at: 'internet', pkt};
	}
	if (end.kind === 'client') return clientReply(w, end, pkt);
	if (end.kind === 'site') {
		pass(w, {component: end.site.id, type: 'site', action: 'forward', detail: `on-premises host ${formatIpv4(pkt.src)} ${sends}`});
		return enterFromSite(w, end.site, pkt);
	}
	return {at: 'service', pkt};
}

/**
 * The client accepts a reply only from the address and port it sent to. A reply that left by
 * another way (a NAT gateway instead of the instance's own public IP) arrives from elsewhere.
 */
function checkReplySource(w: Walk, sent: Pkt): void {
	const end = w.end!;
	const got = end.pkt;
	if (got.src === sent.dst && (!hasPorts(sent.proto) || got.sport === sent.dport)) return;
	const arrival = w.hops.pop()!;
	w.end = undefined;
	const from = hasPorts(sent.proto) ? `${formatIpv4(got.src)}:${got.sport}` : formatIpv4(got.src);
	const to = hasPorts(sent.proto) ? `${formatIpv4(sent.dst)}:${sent.dport}` : formatIpv4(sent.dst);
	stop(w, {
		component: arrival.component,
		type: arrival.type,
		action: 'drop',
		detail: `the reply comes from ${from}, not from ${to} where the request went, so the client drops it (the reply took another way out)`,
		code: 'REPLY_FROM_OTHER_ADDRESS',
	});
}

/** Says which end a bad ref is: the same message serves `--from`/`--to` and the palette's words. */
function naming<T>(end: string, resolve: () => T): T {
	try {
		return resolve();
	} catch (error) {
		if (error instanceof TraceInputError) throw new TraceInputError(`${end}: ${error.message}`);
		throw error;
	}
}

export function trace(ctx: TraceContext, spec: FlowSpec): TraceResult {
	const flow = checkFlow(spec);
	const source = naming('source (from)', () => resolveSource(ctx, flow.from));
	const destination = naming('destination (to)', () => resolveDestination(ctx, flow.to, source));
	const src = source.kind === 'iface' ? source.iface.address : source.address;
	if (source.kind === 'internet' && isInternet(ctx, destination.address))
		throw new TraceInputError(`${flow.from} and ${flow.to} are both internet hosts; one end must be in the topology`);
	const ports = hasPorts(flow.proto);
	const pkt: Pkt = {
		proto: flow.proto,
		src,
		dst: destination.address,
		sport: ports ? flow.sourcePort : flow.proto === PROTO_ICMP ? 0 : -1,
		dport: ports ? flow.port : flow.proto === PROTO_ICMP ? ICMP_ECHO_REQUEST : -1,
	};
	const clientPorts = source.kind === 'iface' ? source.iface.ephemeral : source.kind === 'site' ? SITE_PORTS : source.kind === 'client' ? CLIENT_VPN_PORTS : INTERNET_PORTS;
	const state: FlowState = {tracked: new Map(), forwarded: new Set(), nat: new Map(), client: clientPorts};
	const forward = newWalk(ctx, 'forward', state);
	forward.expected = destination.iface;
	const first = start(forward, source, pkt);
	if (first) run(forward, first);

	const back = newWalk(ctx, 'return', state);
	if (forward.end) {
		const reply = replyOf(forward.end.pkt);
		back.client = state.client;
		back.expected = source.kind === 'iface' ? source.iface : undefined;
		const next = startReply(back, forward, reply);
		if (next) run(back, next);
		if (back.end) checkReplySource(back, pkt);
	}
	return {
		reachable: forward.end !== undefined && back.end !== undefined,
		packet: toPacket(pkt),
		forward: forward.hops,
		return: back.hops,
		blockedAt: forward.blocked ?? back.blocked,
		explanations: [...forward.explanations, ...back.explanations],
	};
}
