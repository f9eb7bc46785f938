// Network ACLs: stateless, numbered rules, lowest first, first match wins, a final `*` deny.
// Checked only when a packet enters or leaves a subnet, and again for the reply.
import {cidrContainsAddress, formatCidr, formatIpv4} from '../../net/ipv4.js';
import type {NetworkAcl} from '../../model/types.js';
import type {AclC, AclRuleC, SubnetC} from '../compiled.js';
import {describeTraffic, hasPorts, type Pkt} from '../packet.js';
import {pass, stop, type Walk} from '../walk-state.js';
import {compileTraffic, describeRuleTraffic, matchesProtocol, matchesTraffic} from './traffic.js';

export function compileAcl(acl: NetworkAcl, parse: (cidr: string) => {base: number; prefix: number}): AclC {
	const compile = (rules: NetworkAcl['inbound']): AclRuleC[] =>
		[...rules]
			.sort((a, b) => a.ruleNumber - b.ruleNumber)
			.map(rule => {
				const cidr = parse(rule.cidr);
				const traffic = compileTraffic(rule);
				return {
					proto: traffic.proto,
					from: traffic.from,
					to: traffic.to,
					icmpType: traffic.icmpType,
					icmpCode: traffic.icmpCode,
					ruleNumber: rule.ruleNumber,
					cidr,
					cidrText: formatCidr(cidr),
					allow: rule.action === 'allow',
				};
			});
	return {id: acl.id, acl, inbound: compile(acl.inbound), outbound: compile(acl.outbound)};
}

/** The first rule matching the packet, or undefined for the final `*` deny. */
export function evaluateAcl(rules: readonly AclRuleC[], pkt: Pkt, peer: number): AclRuleC | undefined {
	for (const rule of rules) if (matchesTraffic(rule, pkt) && cidrContainsAddress(rule.cidr, peer)) return rule;
	return undefined;
}

/** The ports in from..to the list would drop for this packet (other fields unchanged), as ranges. */
export function deniedPorts(rules: readonly AclRuleC[], pkt: Pkt, peer: number, from: number, to: number): Array<[number, number]> {
	let open: Array<[number, number]> = [[from, to]];
	const denied: Array<[number, number]> = [];
	for (const rule of rules) {
		if (open.length === 0) break;
		if (!matchesProtocol(rule, pkt.proto) || !cidrContainsAddress(rule.cidr, peer)) continue;
		const lo = rule.proto === -1 ? 0 : rule.from;
		const hi = rule.proto === -1 ? 65535 : rule.to;
		const next: Array<[number, number]> = [];
		for (const [a, b] of open) {
			if (b < lo || a > hi) {
				next.push([a, b]);
				continue;
			}
			if (a < lo) next.push([a, lo - 1]);
			if (b > hi) next.push([hi + 1, b]);
			if (!rule.allow) denied.push([Math.max(a, lo), Math.min(b, hi)]);
		}
		open = next;
	}
	denied.push(...open);
	return denied.sort((x, y) => x[0] - y[0]);
}

function describeRule(rule: AclRuleC, inbound: boolean): string {
	return `rule ${rule.ruleNumber} ${rule.allow ? 'allows' : 'denies'} ${describeRuleTraffic(rule)} ${inbound ? 'from' : 'to'} ${rule.cidrText}`;
}

const ranges = (list: Array<[number, number]>): string => list.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ');

/** Checks the subnet's ACL; records the hop. True when the packet may go on. */
export function checkAcl(w: Walk, subnet: SubnetC, direction: 'inbound' | 'outbound', pkt: Pkt): boolean {
	const acl = subnet.acl;
	const inbound = direction === 'inbound';
	if (!acl) {
		// A subnet always has an ACL in AWS; a topology without one has nothing to deny with.
		pass(w, {component: subnet.id, type: 'network-acl', action: 'allow', detail: `subnet ${subnet.id} has no network ACL`});
		return true;
	}
	const peer = inbound ? pkt.src : pkt.dst;
	const rules = inbound ? acl.inbound : acl.outbound;
	const rule = evaluateAcl(rules, pkt, peer);
	const matched = {kind: 'nacl-rule' as const, aclId: acl.id, direction, ruleNumber: rule ? rule.ruleNumber : ('*' as const)};
	const traffic = `${describeTraffic(pkt)} ${inbound ? 'from' : 'to'} ${formatIpv4(peer)}`;
	if (!rule || !rule.allow) {
		const why = rule ? describeRule(rule, inbound) : `rule * denies all traffic (no rule matches ${traffic})`;
		const reply = w.direction === 'return' && hasPorts(pkt.proto) ? `; the reply goes to the client's port ${pkt.dport}` : '';
		stop(w, {component: acl.id, type: 'network-acl', action: 'deny', detail: `${direction}: ${why}${reply}`, code: 'SUBNET_ACL_RESTRICTION', matched});
		return false;
	}
	let detail = `${direction}: ${describeRule(rule, inbound)}`;
	const client = w.client;
	if (w.direction === 'return' && client && hasPorts(pkt.proto)) {
		// Stateless: the reply's port is whatever the client picked, so say which picks would fail.
		const denied = deniedPorts(rules, pkt, peer, client.from, client.to);
		if (denied.length > 0)
			detail += `; replies to ports ${ranges(denied)} of the ${client.who} range ${client.from}-${client.to} would be dropped`;
	}
	pass(w, {component: acl.id, type: 'network-acl', action: 'allow', detail, matched});
	return true;
}
