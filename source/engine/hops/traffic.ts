// Protocol and port matching shared by security group and network ACL rules.
import type {NaclRule, SecurityGroupRule} from '../../model/types.js';
import type {TrafficMatch} from '../compiled.js';
import {PROTO_ALL, PROTO_ICMP, hasPorts, protocolLabel, protocolNumber, type Pkt} from '../packet.js';

export function compileTraffic(rule: SecurityGroupRule | NaclRule): TrafficMatch {
	const proto = protocolNumber(rule.protocol);
	return {
		proto,
		from: rule.fromPort ?? 0,
		to: rule.toPort ?? 65535,
		icmpType: rule.icmpType ?? -1,
		icmpCode: rule.icmpCode ?? -1,
	};
}

export function matchesTraffic(rule: TrafficMatch, pkt: Pkt): boolean {
	if (rule.proto === PROTO_ALL) return true;
	if (rule.proto !== pkt.proto) return false;
	if (hasPorts(pkt.proto)) return pkt.dport >= rule.from && pkt.dport <= rule.to;
	if (pkt.proto === PROTO_ICMP) return (rule.icmpType === -1 || rule.icmpType === pkt.dport) && (rule.icmpCode === -1 || rule.icmpCode === pkt.sport);
	return true;
}

/** Same as matchesTraffic but ignoring the destination port (for ranges of ports). */
export function matchesProtocol(rule: TrafficMatch, proto: number): boolean {
	return rule.proto === PROTO_ALL || rule.proto === proto;
}

/** `tcp 443`, `tcp 1024-65535`, `all traffic`, `icmp type 8`: what a rule admits. */
export function describeRuleTraffic(rule: TrafficMatch): string {
	if (rule.proto === PROTO_ALL) return 'all traffic';
	const name = protocolLabel(rule.proto);
	if (hasPorts(rule.proto)) {
		if (rule.from === 0 && rule.to === 65535) return `${name} all ports`;
		return rule.from === rule.to ? `${name} ${rule.from}` : `${name} ${rule.from}-${rule.to}`;
	}
	if (rule.proto === PROTO_ICMP) {
		if (rule.icmpType === -1) return 'icmp';
		return rule.icmpCode === -1 ? `icmp type ${rule.icmpType}` : `icmp type ${rule.icmpType} code ${rule.icmpCode}`;
	}
	return `protocol ${name}`;
}
