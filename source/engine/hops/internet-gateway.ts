// Internet gateways: a 1:1 translation between an interface's private IP and its public or
// elastic IP, both ways. Private and shared destinations never leave through one; a source
// without a public IP cannot use one; from the internet only public IPs are reachable.
import {formatIpv4, isRfc1918, isRfc6598} from '../../net/ipv4.js';
import type {InternetGateway} from '../../model/types.js';
import type {Iface, VpcC} from '../compiled.js';
import {toPacket, type Pkt} from '../packet.js';
import {pass, stop, type Step, type Walk} from '../walk-state.js';
import {chooseRoute} from './route-table.js';

const IGW = 'internet-gateway';

function holderName(holder: Iface): string {
	return holder.component === holder.id ? holder.id : `${holder.id} of ${holder.component}`;
}

/** A packet routed from a VPC subnet to its internet gateway. */
export function igwEgress(w: Walk, igw: InternetGateway, vpc: VpcC, pkt: Pkt): Step | null {
	if (igw.vpcId !== vpc.id)
		return stop(w, {component: igw.id, type: IGW, action: 'drop', detail: `${igw.id} is not attached to ${vpc.id}`, code: 'BAD_STATE'});
	const destination = formatIpv4(pkt.dst);
	if (isRfc1918(pkt.dst))
		return stop(w, {component: igw.id, type: IGW, action: 'drop', detail: `${destination} is a private (RFC 1918) address: an internet gateway does not send traffic there`, code: 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS'});
	if (isRfc6598(pkt.dst))
		return stop(w, {component: igw.id, type: IGW, action: 'drop', detail: `${destination} is a shared (100.64.0.0/10) address: an internet gateway does not send traffic there`, code: 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS'});
	const holder = vpc.byAddress.get(pkt.src);
	if (!holder || holder.publicIp === undefined || holder.address !== pkt.src) {
		let why = `${formatIpv4(pkt.src)} has no public or elastic IP, so ${igw.id} cannot translate it`;
		if (holder?.nat?.connectivity === 'private') why = `${holder.id} is a private NAT gateway (no elastic IP): an internet gateway drops its traffic`;
		else if (holder && holder.publicIp !== undefined) why = `${formatIpv4(pkt.src)} is a secondary address of ${holderName(holder)}; its public IP maps to ${formatIpv4(holder.address)} only`;
		return stop(w, {component: igw.id, type: IGW, action: 'drop', detail: why, code: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS'});
	}
	const out = {...pkt, src: holder.publicIp};
	pass(w, {
		component: igw.id,
		type: IGW,
		action: 'translate',
		detail: `source ${formatIpv4(pkt.src)} -> ${formatIpv4(out.src)} (the public IP of ${holderName(holder)})`,
		packetBefore: toPacket(pkt),
		packet: toPacket(out),
	});
	return {at: 'internet', pkt: out};
}

/** A packet from the internet for the public IP of `holder` (or for a private address of `vpc`). */
export function igwIngress(w: Walk, vpc: VpcC, holder: Iface | undefined, pkt: Pkt): Step | null {
	const igw = vpc.igw;
	if (!igw)
		return stop(w, {component: vpc.id, type: 'vpc', action: 'drop', detail: `${vpc.id} has no internet gateway, so nothing in it is reachable from the internet`, code: 'NO_INTERNET_GATEWAY'});
	const source = formatIpv4(pkt.src);
	if (isRfc1918(pkt.src))
		return stop(w, {component: igw.id, type: IGW, action: 'drop', detail: `${source} is a private (RFC 1918) address: an internet gateway does not accept it as a source`, code: 'IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS'});
	if (isRfc6598(pkt.src))
		return stop(w, {component: igw.id, type: IGW, action: 'drop', detail: `${source} is a shared (100.64.0.0/10) address: an internet gateway does not accept it as a source`, code: 'IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS'});
	if (!holder || holder.publicIp !== pkt.dst) {
		const who = holder ? `${holderName(holder)} has no public or elastic IP` : `${formatIpv4(pkt.dst)} is a private address`;
		return stop(w, {component: igw.id, type: IGW, action: 'drop', detail: `${who}: from the internet only public IPs are reachable`, code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS'});
	}
	const inside = {...pkt, dst: holder.address};
	w.via = IGW;
	pass(w, {
		component: igw.id,
		type: IGW,
		action: 'translate',
		detail: `destination ${formatIpv4(pkt.dst)} -> ${formatIpv4(inside.dst)} (the private IP of ${holderName(holder)})`,
		packetBefore: toPacket(pkt),
		packet: toPacket(inside),
	});
	// Ingress routing: a route table associated with the gateway may send the packet to an appliance.
	const edge = w.ctx.gatewayTables.get(igw.id);
	if (edge) {
		const route = chooseRoute(edge, inside.dst);
		if (route && route.targetKind !== 'local') {
			const appliance = w.ctx.ifaces.get(route.target) ?? w.ctx.instances.get(route.target);
			pass(w, {
				component: edge.id,
				type: 'route-table',
				action: 'forward',
				detail: `${route.destination} -> ${route.target} (gateway route table of ${igw.id})`,
				matched: {kind: 'route', routeTableId: edge.id, destination: route.destination, target: route.target},
			});
			if (appliance) return {at: 'iface', iface: appliance, pkt: inside};
		}
	}
	return {at: 'arrive', vpc, pkt: inside};
}
