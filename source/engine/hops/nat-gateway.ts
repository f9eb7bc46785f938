// NAT gateways: source NAT for interfaces of their own VPC, to the gateway's private IP and a
// port in 1024-65535 (a public gateway's internet gateway then maps that to its elastic IP).
// Only replies come back in; nothing from outside can start a connection through one.
import {cidrContainsAddress, formatIpv4} from '../../net/ipv4.js';
import type {EphemeralRange, Iface, SubnetC} from '../compiled.js';
import {PROTO_ALL, PROTO_ICMP, PROTO_TCP, PROTO_UDP, hasPorts, toPacket, type Pkt} from '../packet.js';
import {pass, stop, type Step, type Walk} from '../walk-state.js';

const NAT = 'nat-gateway';
export const NAT_PORTS: EphemeralRange = {from: 1024, to: 65535, who: 'NAT gateway'};

const endpoint = (address: number, port: number, proto: number): string =>
	hasPorts(proto) ? `${formatIpv4(address)}:${port}` : formatIpv4(address);

/** A route sent the packet to a NAT gateway: check it may use it, then into the gateway's subnet. */
export function natTarget(w: Walk, nat: Iface, fromSubnet: SubnetC, pkt: Pkt, sender?: Iface): Step | null {
	const gateway = nat.nat!;
	if (gateway.state !== 'available')
		return stop(w, {component: nat.id, type: NAT, action: 'drop', detail: `${nat.id} is ${gateway.state}`, code: 'BAD_STATE'});
	// Interfaces of its own VPC, and traffic a transit gateway hands to its subnet; never what came
	// over a peering, a VPN or Direct Connect.
	const inVpc = nat.vpc.blocks.some(block => cidrContainsAddress(block, pkt.src));
	const refused = w.via !== undefined && w.via !== 'transit-gateway';
	if (refused || (!inVpc && w.via !== 'transit-gateway') || (sender && sender.vpc !== nat.vpc) || fromSubnet.vpc !== nat.vpc)
		return stop(w, {
			component: nat.id,
			type: NAT,
			action: 'drop',
			detail: refused
				? `the packet entered ${nat.vpc.id} through a ${w.via}: a NAT gateway serves only its own VPC`
				: `${formatIpv4(pkt.src)} is not an address of ${nat.vpc.id}: a NAT gateway serves only its own VPC`,
			code: 'NGW_REQUIRES_SOURCE_IN_VPC',
		});
	return {at: 'iface', iface: nat, pkt, fromSubnet, sender};
}

/** The packet is at the NAT gateway: translate a request, reverse a reply, refuse anything else. */
export function natArrive(w: Walk, nat: Iface, pkt: Pkt): Step | null {
	if (pkt.dst !== nat.address) {
		// AWS: a NAT gateway supports TCP, UDP and ICMP only; it has nothing to translate other protocols with.
		if (pkt.proto !== PROTO_TCP && pkt.proto !== PROTO_UDP && pkt.proto !== PROTO_ICMP)
			return stop(w, {
				component: nat.id,
				type: NAT,
				action: 'drop',
				detail: `${nat.id} translates only TCP, UDP and ICMP, not ${pkt.proto === PROTO_ALL ? 'every protocol' : `IP protocol ${pkt.proto}`}`,
				code: 'PROTOCOL_RESTRICTION',
			});
		// The gateway keeps the client's port when it is free; it is in 1024-65535 either way.
		const port = hasPorts(pkt.proto) ? (pkt.sport >= 1024 ? pkt.sport : 1024 + pkt.sport) : pkt.sport;
		const out = {...pkt, src: nat.address, sport: port};
		w.flow.nat.set(nat.id, {inside: pkt.src, insidePort: pkt.sport, port, client: w.flow.client});
		w.flow.client = NAT_PORTS;
		pass(w, {
			component: nat.id,
			type: NAT,
			action: 'translate',
			detail: `source ${endpoint(pkt.src, pkt.sport, pkt.proto)} -> ${endpoint(out.src, out.sport, pkt.proto)} (NAT gateways use ports 1024-65535)`,
			packetBefore: toPacket(pkt),
			packet: toPacket(out),
		});
		return {at: 'exit', subnet: nat.subnet, pkt: out, sender: nat};
	}
	const state = w.flow.nat.get(nat.id);
	if (!state || (hasPorts(pkt.proto) && pkt.dport !== state.port))
		return stop(w, {
			component: nat.id,
			type: NAT,
			action: 'drop',
			detail: `${nat.id} has no connection to ${endpoint(pkt.dst, pkt.dport, pkt.proto)}: a NAT gateway accepts only replies to connections made through it`,
			code: 'NGW_NO_INBOUND_INITIATED',
		});
	const back = {...pkt, dst: state.inside, dport: hasPorts(pkt.proto) ? state.insidePort : pkt.dport};
	w.client = state.client;
	pass(w, {
		component: nat.id,
		type: NAT,
		action: 'translate',
		detail: `destination ${endpoint(pkt.dst, pkt.dport, pkt.proto)} -> ${endpoint(back.dst, back.dport, pkt.proto)} (reply of the connection it translated)`,
		packetBefore: toPacket(pkt),
		packet: toPacket(back),
	});
	return {at: 'exit', subnet: nat.subnet, pkt: back, sender: nat};
}
