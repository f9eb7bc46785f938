// Site-to-site VPN and the virtual private gateway. A VPN connection has two tunnels and carries
// traffic while one is up. A VGW forwards only to its own VPC and to prefixes it learned: over
// Direct Connect (BGP), from static VPN routes, from BGP VPNs, preferred in that order for the
// same prefix after the longest prefix (aws-semantics sections 3, 10, 11; fact 23). It takes
// traffic only from its VPC's own addresses, so nothing that came over peering or a transit
// gateway leaves through it.
import {cidrContainsAddress, formatCidr, formatIpv4} from '../../net/ipv4.js';
import type {RouteC, SubnetC} from '../compiled.js';
import {holds, hybridOf, type VgwC, type VgwRouteC, type VpnC} from '../hybrid.js';
import type {Pkt} from '../packet.js';
import {pass, stop, type Step, type Walk} from '../walk-state.js';
import {crossDx, vifWorks} from './direct-connect.js';
import {chooseRoute} from './route-table.js';
import {deliverToSite} from './site.js';

const VGW = 'vpn-gateway';
const VPN = 'vpn-connection';

export function vpnWorks(vpn: VpnC): boolean {
	const {tunnels, state} = vpn.vpn;
	return state === 'available' && (vpn.cgw?.state ?? 'available') === 'available' && (tunnels.length === 0 || tunnels.some(t => t.status === 'UP'));
}

function tunnelText(vpn: VpnC): string {
	const {tunnels} = vpn.vpn;
	if (tunnels.length === 0) return 'its tunnels are taken as up';
	const up = tunnels.map((t, i) => ({t, n: i + 1})).filter(x => x.t.status === 'UP');
	const down = tunnels.map((t, i) => ({t, n: i + 1})).filter(x => x.t.status !== 'UP');
	const carrier = `tunnel ${up[0]!.n} (${up[0]!.t.outsideIp}) is UP and carries it`;
	if (down.length > 0) return `${carrier}; tunnel ${down[0]!.n} (${down[0]!.t.outsideIp}) is DOWN, so the other tunnel carries the traffic alone`;
	if (up.length > 1) return vpn.attachment ? `both tunnels are UP (a transit gateway spreads flows over them, ECMP)` : `${carrier}; tunnel ${up[1]!.n} is UP as the standby (a VGW uses one tunnel at a time)`;
	return carrier;
}

/** The packet crosses a VPN connection, toward the site or from it; false (hop recorded) when it cannot. */
export function crossVpn(w: Walk, vpn: VpnC, toSite: boolean): boolean {
	const code = vpn.attachment ? 'TGW_BAD_STATE_VPN' : 'BAD_STATE_VPN';
	const {tunnels, state} = vpn.vpn;
	if (state !== 'available') {
		stop(w, {component: vpn.id, type: VPN, action: 'drop', detail: `${vpn.id} is ${state}`, code});
		return false;
	}
	if (vpn.cgw && vpn.cgw.state !== 'available') {
		stop(w, {component: vpn.cgw.id, type: 'customer-gateway', action: 'drop', detail: `${vpn.cgw.id} is ${vpn.cgw.state}`, code: 'BAD_STATE'});
		return false;
	}
	if (tunnels.length > 0 && !tunnels.some(t => t.status === 'UP')) {
		const ips = tunnels.map(t => t.outsideIp).join(', ');
		stop(w, {component: vpn.id, type: VPN, action: 'drop', detail: `both tunnels of ${vpn.id} are DOWN (${ips}): no way ${toSite ? 'to' : 'from'} ${vpn.site?.id ?? vpn.cgw?.id ?? 'the customer gateway'}`, code});
		return false;
	}
	const aws = vpn.vgw?.id ?? vpn.vpn.transitGatewayId ?? 'AWS';
	const cgw = vpn.cgw ? `${vpn.cgw.id} (${vpn.cgw.ipAddress})` : vpn.vpn.customerGatewayId;
	const ends = toSite ? `from ${aws} to ${cgw}` : `from ${cgw} to ${aws}`;
	pass(w, {component: vpn.id, type: VPN, action: 'forward', detail: `IPsec ${ends}: ${tunnelText(vpn)}`});
	return true;
}

function routeWorks(route: VgwRouteC, vgw: VgwC): boolean {
	return route.vpn ? vpnWorks(route.vpn) : vifWorks(route.vif!, vgw.id);
}

const KIND: Record<VgwRouteC['kind'], string> = {dx: 'Direct Connect BGP', 'vpn-static': 'VPN static', 'vpn-bgp': 'VPN BGP'};
const pathOf = (route: VgwRouteC): string => route.vpn?.id ?? route.vif!.id;

/** The VGW's choice for an address: the best working route (longest prefix, then DX > VPN static > VPN BGP), else the best one that is down. */
function chooseVgwRoute(vgw: VgwC, address: number, entry?: string): {route?: VgwRouteC; why: string} {
	let failing: VgwRouteC | undefined;
	const skipped: VgwRouteC[] = [];
	for (const match of vgw.lpm.all(address)) {
		for (const route of match.values[0]!) {
			if (pathOf(route) === entry) continue;
			if (!routeWorks(route, vgw)) {
				failing ??= route;
				skipped.push(route);
				continue;
			}
			const rival = match.values[0]!.find(other => other !== route && pathOf(other) !== entry && !skipped.includes(other));
			const down = skipped.length > 0 ? `${skipped.map(pathOf).join(', ')} is down, so ` : '';
			const beats = rival ? `${KIND[route.kind]} beats ${KIND[rival.kind]} ${pathOf(rival)} for the same prefix` : 'longest prefix';
			return {route, why: `${down}${beats}`};
		}
	}
	return {route: failing, why: failing ? 'the only path it learned for this prefix' : ''};
}

/** A packet at the VGW bound for an on-premises prefix: choose the path and cross it. */
export function vgwForward(w: Walk, vgw: VgwC, pkt: Pkt, entry?: string): Step | null {
	const {route, why} = chooseVgwRoute(vgw, pkt.dst, entry);
	if (!route) {
		for (const dxgw of vgw.dxgws)
			for (const other of dxgw.vgws)
				if (other.gateway !== vgw && other.gateway.vpc && holds(other.gateway.vpc.blocks, pkt.dst))
					return stop(w, {
						component: dxgw.id,
						type: 'dx-gateway',
						action: 'drop',
						detail: `${formatIpv4(pkt.dst)} is in ${other.gateway.vpc.id} behind ${other.gateway.id}: a Direct Connect gateway carries traffic only between on-premises and its VGWs, never from one VGW to another`,
						code: 'DXGW_NO_VGW_TO_VGW',
					});
		return stop(w, {component: vgw.id, type: VGW, action: 'drop', detail: `${vgw.id} knows no prefix for ${formatIpv4(pkt.dst)}: it forwards only to its VPC and to prefixes learned over VPN or Direct Connect`, code: 'NO_ROUTE_TO_DESTINATION'});
	}
	pass(w, {component: vgw.id, type: VGW, action: 'forward', detail: `${formatCidr(route.cidr)} via ${KIND[route.kind]} ${pathOf(route)} (${why})`});
	if (route.vpn) {
		if (!crossVpn(w, route.vpn, true)) return null;
		return deliverToSite(w, route.vpn.site, pkt, route.vpn.id);
	}
	const vif = route.vif!;
	if (!crossDx(w, vif, true, vgw.id)) return null;
	return deliverToSite(w, vif.site, pkt, vif.id);
}

/** Route table target: a subnet sends the packet to its VPC's VGW. */
export function vgwFromVpc(w: Walk, s: {route: RouteC; subnet: SubnetC; pkt: Pkt}): Step | null {
	const vgw = hybridOf(w.ctx).vgws.get(s.route.target)!;
	const vpc = s.subnet.vpc;
	if (vgw.vgw.state !== 'available' || vgw.vpc !== vpc)
		return stop(w, {component: vgw.id, type: VGW, action: 'drop', detail: vgw.vgw.state !== 'available' ? `${vgw.id} is ${vgw.vgw.state}` : `${vgw.id} is not attached to ${vpc.id}`, code: 'BAD_STATE'});
	if (!holds(vpc.blocks, s.pkt.src))
		return stop(w, {
			component: vgw.id,
			type: VGW,
			action: 'drop',
			detail: `${formatIpv4(s.pkt.src)} is not an address of ${vpc.id}: a VGW carries only its own VPC's traffic (no edge-to-edge routing)`,
			code: 'VGW_PRIVATE_IP_ASSOCIATION_FOR_EGRESS',
		});
	return vgwForward(w, vgw, s.pkt);
}

/** A packet from a site reaches the VGW over a VPN or a VIF: into the VPC, or on to another of its sites. */
export function vgwIngress(w: Walk, vgw: VgwC, pkt: Pkt, via: 'vpn-connection' | 'direct-connect', entry: string): Step | null {
	const vpc = vgw.vpc;
	if (vgw.vgw.state !== 'available' || !vpc)
		return stop(w, {component: vgw.id, type: VGW, action: 'drop', detail: vpc ? `${vgw.id} is ${vgw.vgw.state}` : `${vgw.id} is not attached to a VPC`, code: 'BAD_STATE'});
	const block = vpc.blocks.find(b => cidrContainsAddress(b, pkt.dst));
	if (!block) return vgwForward(w, vgw, pkt, entry);
	w.via = via;
	pass(w, {component: vgw.id, type: VGW, action: 'forward', detail: `into ${vpc.id} (${formatIpv4(pkt.dst)} is in ${formatCidr(block)})`});
	// Ingress routing: a route table associated with the VGW may send the packet to an appliance.
	const edge = w.ctx.gatewayTables.get(vgw.id);
	const route = edge && chooseRoute(edge, pkt.dst);
	if (edge && route && route.targetKind !== 'local') {
		const appliance = w.ctx.ifaces.get(route.target) ?? w.ctx.instances.get(route.target);
		pass(w, {
			component: edge.id,
			type: 'route-table',
			action: 'forward',
			detail: `${route.destination} -> ${route.target} (gateway route table of ${vgw.id})`,
			matched: {kind: 'route', routeTableId: edge.id, destination: route.destination, target: route.target},
		});
		if (appliance) return {at: 'iface', iface: appliance, pkt};
	}
	return {at: 'arrive', vpc, pkt};
}
