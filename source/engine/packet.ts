// The packet on the hot path: integers only. Strings are made only for the hops a trace reports.
import {formatIpv4} from '../net/ipv4.js';
import type {Packet, ProtocolName} from './types.js';

export const PROTO_ALL = -1;
export const PROTO_ICMP = 1;
export const PROTO_TCP = 6;
export const PROTO_UDP = 17;

/** ICMP echo: the request goes out as type 8, the reply comes back as type 0. */
export const ICMP_ECHO_REQUEST = 8;
export const ICMP_ECHO_REPLY = 0;

export type Pkt = {
	/** IANA protocol number, or PROTO_ALL for "any protocol". */
	proto: number;
	src: number;
	dst: number;
	/** tcp/udp ports; for ICMP sport is the code and dport the type; -1 for protocols without ports. */
	sport: number;
	dport: number;
};

export function hasPorts(proto: number): boolean {
	return proto === PROTO_TCP || proto === PROTO_UDP;
}

export function protocolNumber(protocol: ProtocolName | number): number {
	if (typeof protocol === 'number') return protocol;
	if (protocol === 'tcp') return PROTO_TCP;
	if (protocol === 'udp') return PROTO_UDP;
	if (protocol === 'icmp') return PROTO_ICMP;
	return PROTO_ALL;
}

export function protocolLabel(proto: number): ProtocolName | number {
	if (proto === PROTO_TCP) return 'tcp';
	if (proto === PROTO_UDP) return 'udp';
	if (proto === PROTO_ICMP) return 'icmp';
	if (proto === PROTO_ALL) return 'all';
	return proto;
}

export function toPacket(pkt: Pkt): Packet {
	const packet: Packet = {protocol: protocolLabel(pkt.proto), source: formatIpv4(pkt.src), destination: formatIpv4(pkt.dst)};
	if (hasPorts(pkt.proto)) {
		packet.sourcePort = pkt.sport;
		packet.destinationPort = pkt.dport;
	}
	return packet;
}

/** The reply: addresses and ports swapped; an ICMP echo request is answered by an echo reply. */
export function replyOf(pkt: Pkt): Pkt {
	if (pkt.proto === PROTO_ICMP) return {proto: pkt.proto, src: pkt.dst, dst: pkt.src, sport: pkt.sport, dport: ICMP_ECHO_REPLY};
	return {proto: pkt.proto, src: pkt.dst, dst: pkt.src, sport: pkt.dport, dport: pkt.sport};
}

/** `tcp 10.0.1.5:49152 -> 8.8.8.8:443`: how details name a header. */
export function describePkt(pkt: Pkt): string {
	const name = protocolLabel(pkt.proto);
	const label = typeof name === 'number' ? `protocol ${name}` : name === 'all' ? 'all traffic' : name;
	if (hasPorts(pkt.proto)) return `${label} ${formatIpv4(pkt.src)}:${pkt.sport} -> ${formatIpv4(pkt.dst)}:${pkt.dport}`;
	return `${label} ${formatIpv4(pkt.src)} -> ${formatIpv4(pkt.dst)}`;
}

/** `tcp 443`, `icmp`, `all traffic`: the traffic a packet is, for rule details. */
export function describeTraffic(pkt: Pkt): string {
	const name = protocolLabel(pkt.proto);
	if (hasPorts(pkt.proto)) return `${name} ${pkt.dport}`;
	if (name === 'all') return 'all traffic';
	if (name === 'icmp') return pkt.dport === ICMP_ECHO_REQUEST ? 'icmp echo request' : pkt.dport === ICMP_ECHO_REPLY ? 'icmp echo reply' : `icmp type ${pkt.dport}`;
	return `protocol ${name}`;
}
