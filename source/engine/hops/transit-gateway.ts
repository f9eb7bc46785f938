// Transit gateways (aws-semantics sections 5 and 12). A VPC reaches its TGW through the
// attachment's interface in the source's availability zone (none there: TGW_ROUTE_AZ_RESTRICTION),
// past that subnet's inbound ACL. The attachment's one associated route table decides, longest
// prefix then the documented order. Into a VPC the packet leaves through the attachment's
// interface in the same zone when there is one (or the zone appliance mode pinned the flow to), and
// the attachment subnet's route table routes it on: its outbound ACL applies unless the
// destination is in that same subnet.
import {formatIpv4} from '../../net/ipv4.js';
import type {RouteC, SubnetC} from '../compiled.js';
import type {FlowState} from '../walk-state.js';
import {hybridOf, type AttachmentC, type TgwRouteC, type TgwTableC} from '../hybrid.js';
import type {Pkt} from '../packet.js';
import {explain, pass, stop, type Step, type Walk} from '../walk-state.js';
import {dxgwToSite} from './direct-connect.js';
import {checkAcl} from './network-acl.js';
import {deliverToSite} from './site.js';
import {crossVpn} from './vpn.js';

const TGW = 'transit-gateway';
const ATT = 'transit-gateway-attachment';
const RTB = 'transit-gateway-route-table';

/** Where the request left each VPC attachment, so the reply can be checked (and pinned, with appliance mode). */
const zonesUsed = new WeakMap<FlowState, Map<string, SubnetC>>();

function zoneMap(flow: FlowState): Map<string, SubnetC> {
	let map = zonesUsed.get(flow);
	if (!map) zonesUsed.set(flow, (map = new Map()));
	return map;
}

/** Route table target: a VPC subnet sends the packet to a transit gateway. */
export function tgwFromVpc(w: Walk, s: {route: RouteC; subnet: SubnetC; pkt: Pkt}): Step | null {
	const h = hybridOf(w.ctx);
	const tgw = h.tgws.get(s.route.target)!;
	const vpc = s.subnet.vpc;
	const attachment = tgw.vpcAttachments.get(vpc.id);
	if (!attachment)
		return stop(w, {component: tgw.id, type: TGW, action: 'drop', detail: `${vpc.id} has no attachment to ${tgw.id}`, code: 'TGW_VPC_NOT_ATTACHED'});
	if (attachment.att.state !== 'available')
		return stop(w, {component: attachment.id, type: ATT, action: 'drop', detail: `${attachment.id} is ${attachment.att.state}`, code: 'BAD_STATE_ATTACHMENT'});
	const zone = s.subnet.subnet.availabilityZone;
	const eni = attachment.byZone.get(zone);
	if (!eni) {
		const zones = attachment.subnets.map(sub => `${sub.id} in ${sub.subnet.availabilityZone}`).join(', ') || 'none';
		return stop(w, {
			component: attachment.id,
			type: ATT,
			action: 'drop',
			detail: `${s.subnet.id} is in ${zone}, but ${attachment.id} has no subnet there (its subnets: ${zones}); only zones with an attachment subnet can use the transit gateway`,
			code: 'TGW_ROUTE_AZ_RESTRICTION',
		});
	}
	pass(w, {component: attachment.id, type: ATT, action: 'forward', detail: `into ${tgw.id} through the attachment's interface in ${eni.id} (${zone})`});
	// Instance to TGW: the instance subnet's outbound ACL (already checked), then the TGW subnet's inbound ACL.
	if (!checkAcl(w, eni, 'inbound', s.pkt)) return null;
	return tgwRoute(w, attachment, s.pkt, zone);
}

/** A packet from a site enters the transit gateway through a VPN or DX gateway attachment. */
export function enterAttachment(w: Walk, attachment: AttachmentC, pkt: Pkt): Step | null {
	if (attachment.att.state !== 'available')
		return stop(w, {component: attachment.id, type: ATT, action: 'drop', detail: `${attachment.id} is ${attachment.att.state}`, code: 'BAD_STATE_ATTACHMENT'});
	pass(w, {component: attachment.id, type: ATT, action: 'forward', detail: `into ${attachment.tgw.id} through its ${attachment.att.type} attachment`});
	return tgwRoute(w, attachment, pkt);
}

function routeText(route: TgwRouteC): string {
	if (route.blackhole) return `blackhole ${route.destination}`;
	return `${route.destination} -> ${route.attachmentId} (${route.origin})`;
}

function why(table: TgwTableC, route: TgwRouteC, address: number): string {
	const group = table.lpm.exact(route.cidr)[0]!;
	const rival = group.find(other => other !== route);
	if (rival) return `; it beats ${routeText(rival)} for the same prefix`;
	const all = table.lpm.all(address);
	return all.length > 1 ? '; longest prefix' : '';
}

/** The TGW routes a packet that arrived from `from` with the attachment's associated table. */
export function tgwRoute(w: Walk, from: AttachmentC, pkt: Pkt, zone?: string): Step | null {
	const tgw = from.tgw;
	if (tgw.tgw.state !== 'available') return stop(w, {component: tgw.id, type: TGW, action: 'drop', detail: `${tgw.id} is ${tgw.tgw.state}`, code: 'BAD_STATE'});
	const table = from.table;
	if (!table)
		return stop(w, {component: from.id, type: ATT, action: 'drop', detail: `${from.id} is associated with no route table of ${tgw.id}, so the transit gateway cannot route what arrives from it`, code: 'TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION'});
	pass(w, {component: tgw.id, type: TGW, action: 'forward', detail: `routes what arrives from ${from.id} with ${table.id}, the route table associated with it`});
	const match = table.lpm.longest(pkt.dst);
	if (!match) {
		const peering = table.ignored.length > 0 ? `; propagation from the peering attachment ${table.ignored.join(', ')} brings no routes: peered transit gateways need static routes` : '';
		return stop(w, {component: table.id, type: RTB, action: 'drop', detail: `no route matches ${formatIpv4(pkt.dst)}${peering}`, code: 'NO_ROUTE_TO_DESTINATION'});
	}
	const route = match.values[0]![0]!;
	const matched = {kind: 'tgw-route' as const, routeTableId: table.id, destination: route.destination, attachmentId: route.attachmentId};
	const detail = `${routeText(route)}${why(table, route, pkt.dst)}`;
	if (route.blackhole) return stop(w, {component: table.id, type: RTB, action: 'drop', detail: `${detail}: the transit gateway drops what matches it`, code: 'BAD_STATE_ROUTE', matched});
	pass(w, {component: table.id, type: RTB, action: 'forward', detail, matched});
	const out = route.attachment;
	if (!out) return stop(w, {component: table.id, type: RTB, action: 'drop', detail: `${route.attachmentId} is not an attachment of ${tgw.id}`, code: 'BAD_STATE_ROUTE', matched});
	if (out.att.state !== 'available')
		return stop(w, {component: out.id, type: ATT, action: 'drop', detail: `${out.id} is ${out.att.state}`, code: 'BAD_STATE_ATTACHMENT'});
	switch (out.att.type) {
		case 'vpc':
			return intoVpc(w, out, pkt, zone);
		case 'vpn': {
			pass(w, {component: out.id, type: ATT, action: 'forward', detail: `out of ${tgw.id} to ${out.att.resourceId}`});
			if (!out.vpn) return stop(w, {component: out.id, type: ATT, action: 'drop', detail: `${out.att.resourceId} is not in this topology`, code: 'BAD_STATE_ATTACHMENT'});
			if (!crossVpn(w, out.vpn, true)) return null;
			return deliverToSite(w, out.vpn.site, pkt, out.vpn.id);
		}
		case 'direct-connect-gateway':
			pass(w, {component: out.id, type: ATT, action: 'forward', detail: `out of ${tgw.id} to ${out.att.resourceId}`});
			return dxgwToSite(w, out, pkt);
		case 'peering':
			return toPeer(w, out, pkt);
		default:
			return stop(w, {component: out.id, type: ATT, action: 'drop', detail: `${out.att.type} attachments are not traced`, code: 'UNSUPPORTED_COMPONENT'});
	}
}

/** Symmetric in source and destination, so a request and its reply hash alike. */
function flowHash(pkt: Pkt): number {
	return ((pkt.src ^ pkt.dst) + (pkt.sport ^ pkt.dport)) >>> 0;
}

function intoVpc(w: Walk, out: AttachmentC, pkt: Pkt, zone: string | undefined): Step | null {
	const used = zoneMap(w.flow);
	const earlier = used.get(out.id);
	let eni: SubnetC | undefined;
	let how: string;
	if (out.att.applianceMode) {
		eni = (w.direction === 'return' && earlier) || out.subnets[flowHash(pkt) % Math.max(out.subnets.length, 1)];
		how = 'appliance mode keeps the flow on this interface both ways';
	} else {
		eni = (zone && out.byZone.get(zone)) || out.subnets[0];
		if (!zone) how = 'it came from a VPN or Direct Connect, not from a zone';
		else how = out.byZone.has(zone) ? 'same zone as it entered' : `${out.id} has no subnet in ${zone}`;
	}
	if (!eni) return stop(w, {component: out.id, type: ATT, action: 'drop', detail: `${out.id} has no subnet`, code: 'BAD_STATE_ATTACHMENT'});
	const az = eni.subnet.availabilityZone;
	if (w.direction === 'forward') used.set(out.id, eni);
	else if (earlier && earlier !== eni && !out.att.applianceMode) {
		const message = `the reply leaves ${out.id} in ${az} but the request left in ${earlier.subnet.availabilityZone}: without appliance mode a stateful appliance in ${out.vpc?.id ?? out.att.resourceId} sees only one direction`;
		explain(w, 'TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED', out.id, message);
		how += `; the request left through ${earlier.id} (${earlier.subnet.availabilityZone}), and without appliance mode the reply stays in its own zone`;
	}
	pass(w, {component: out.id, type: ATT, action: 'forward', detail: `out of ${out.tgw.id} into ${out.att.resourceId} through the attachment's interface in ${eni.id} (${az}; ${how}); that subnet's route table routes it on`});
	w.via = TGW;
	return {at: 'exit', subnet: eni, pkt};
}

function toPeer(w: Walk, out: AttachmentC, pkt: Pkt): Step | null {
	const h = hybridOf(w.ctx);
	const peer = h.tgws.get(out.att.resourceId);
	let back: AttachmentC | undefined;
	for (const candidate of h.attachments.values())
		if (candidate.att.type === 'peering' && candidate.tgw === peer && candidate.att.resourceId === out.tgw.id) back = candidate;
	pass(w, {component: out.id, type: ATT, action: 'forward', detail: `out of ${out.tgw.id} over the peering to ${out.att.resourceId}`});
	if (!peer || !back)
		return stop(w, {component: out.id, type: ATT, action: 'drop', detail: `${out.att.resourceId} has no peering attachment back to ${out.tgw.id} in this topology`, code: 'BAD_STATE_ATTACHMENT'});
	if (back.att.state !== 'available')
		return stop(w, {component: back.id, type: ATT, action: 'drop', detail: `${back.id} is ${back.att.state}`, code: 'BAD_STATE_ATTACHMENT'});
	if (++w.steps > 64) return stop(w, {component: out.id, type: ATT, action: 'drop', detail: 'the packet went round the peered transit gateways without arriving', code: 'ROUTING_LOOP'});
	return tgwRoute(w, back, pkt);
}
