// Security groups: stateful and allow-only; the rules of every group on an interface are unioned.
// A referenced group matches its members' private addresses, in the same VPC or a peered VPC of
// the same Region, and only when the member itself sent the packet (a forwarder drops the identity).
import {cidrContainsAddress, formatCidr, formatIpv4} from '../../net/ipv4.js';
import type {SecurityGroup} from '../../model/types.js';
import type {Iface, SgC, SgRuleC, VpcC} from '../compiled.js';
import {describeTraffic, type Pkt} from '../packet.js';
import {pass, stop, type Walk} from '../walk-state.js';
import {compileTraffic, describeRuleTraffic, matchesTraffic} from './traffic.js';

type Cidr = {base: number; prefix: number};

/** Two passes: first every group exists, then rules can point at groups. */
export function compileGroups(
	groups: readonly SecurityGroup[],
	parse: (cidr: string) => Cidr,
	prefixList: (id: string) => {id: string; cidrs: Cidr[]} | undefined,
): Map<string, SgC> {
	const byId = new Map<string, SgC>();
	for (const sg of groups) byId.set(sg.id, {id: sg.id, sg, vpcId: sg.vpcId, ingress: [], egress: []});
	const compile = (rules: SecurityGroup['ingress']): SgRuleC[] =>
		rules.map((rule, index) => {
			const traffic = compileTraffic(rule);
			const compiled: SgRuleC = {
				proto: traffic.proto,
				from: traffic.from,
				to: traffic.to,
				icmpType: traffic.icmpType,
				icmpCode: traffic.icmpCode,
				index,
				cidr: undefined,
				group: undefined,
				prefixList: undefined,
				peerText: '',
				description: rule.description,
			};
			if (rule.cidr !== undefined) {
				compiled.cidr = parse(rule.cidr);
				compiled.peerText = formatCidr(compiled.cidr);
			} else if (rule.groupId !== undefined) {
				compiled.group = byId.get(rule.groupId);
				compiled.peerText = rule.groupId;
			} else if (rule.prefixListId !== undefined) {
				compiled.prefixList = prefixList(rule.prefixListId);
				compiled.peerText = rule.prefixListId;
			}
			return compiled;
		});
	for (const group of byId.values()) {
		group.ingress = compile(group.sg.ingress);
		group.egress = compile(group.sg.egress);
	}
	return byId;
}

function sameVpcOrPeered(a: VpcC, b: VpcC): boolean {
	if (a === b) return true;
	// SG references do not cross Regions, even over peering.
	return a.vpc.region === b.vpc.region && a.peers.some(peer => peer.vpc === b);
}

/** The other end's interface: given for ingress (the sender), looked up only when a group rule needs it. */
type Member = {iface: Iface | undefined; resolved: boolean; vpc: VpcC; address: number};

function memberOf(member: Member): Iface | undefined {
	if (!member.resolved) {
		member.iface = holderSeenFrom(member.vpc, member.address);
		member.resolved = true;
	}
	return member.iface;
}

function peerMatches(rule: SgRuleC, address: number, other: Member, here: VpcC): boolean {
	if (rule.cidr) return cidrContainsAddress(rule.cidr, address);
	if (rule.prefixList) return rule.prefixList.cidrs.some(cidr => cidrContainsAddress(cidr, address));
	if (rule.group) {
		const member = memberOf(other);
		if (!member || !member.groups.includes(rule.group)) return false;
		return member.addresses.includes(address) && sameVpcOrPeered(member.vpc, here);
	}
	return false;
}

function firstMatch(groups: readonly SgC[], ingress: boolean, pkt: Pkt, address: number, member: Member, here: VpcC) {
	for (const group of groups) {
		for (const rule of ingress ? group.ingress : group.egress) {
			if (matchesTraffic(rule, pkt) && peerMatches(rule, address, member, here)) return {group, rule};
		}
	}
	return undefined;
}

/** The interface that holds an address as seen from a VPC: its own, else a peered VPC's. */
function holderSeenFrom(vpc: VpcC, address: number): Iface | undefined {
	const own = vpc.byAddress.get(address);
	if (own) return own;
	for (const peer of vpc.peers) {
		const holder = peer.vpc.byAddress.get(address);
		if (holder) return holder;
	}
	return undefined;
}

const groupList = (groups: readonly SgC[]): string => (groups.length === 0 ? 'no security group' : groups.map(g => g.id).join(', '));

/** Checks the interface's groups for a packet it sends (egress) or receives (ingress). */
export function checkGroups(w: Walk, iface: Iface, ingress: boolean, pkt: Pkt, sender?: Iface): boolean {
	const direction = ingress ? 'ingress' : 'egress';
	const first = iface.groups[0]?.id ?? iface.id;
	const tracked = w.direction === 'return' ? w.flow.tracked.get(iface) : undefined;
	if (tracked) {
		pass(w, {component: tracked, type: 'security-group', action: 'allow', detail: `${direction}: reply allowed by connection tracking (security groups are stateful)`});
		return true;
	}
	const address = ingress ? pkt.src : pkt.dst;
	const member: Member = {iface: sender, resolved: ingress, vpc: iface.vpc, address: pkt.dst};
	const found = firstMatch(iface.groups, ingress, pkt, address, member, iface.vpc);
	if (!found) {
		const what = `${describeTraffic(pkt)} ${ingress ? 'from' : 'to'} ${formatIpv4(address)}`;
		stop(w, {
			component: first,
			type: 'security-group',
			action: 'deny',
			detail: `${direction}: no ${ingress ? 'inbound' : 'outbound'} rule of ${groupList(iface.groups)} allows ${what}`,
			code: 'ENI_SG_RULES_MISMATCH',
		});
		return false;
	}
	const {group, rule} = found;
	const peer = rule.group ? `${rule.peerText} (its members' private IPs)` : rule.peerText;
	const named = rule.description ? ` ("${rule.description}")` : '';
	pass(w, {
		component: group.id,
		type: 'security-group',
		action: 'allow',
		detail: `${direction}: ${group.id} allows ${describeRuleTraffic(rule)} ${ingress ? 'from' : 'to'} ${peer}${named}`,
		matched: {kind: 'sg-rule', groupId: group.id, direction, index: rule.index},
	});
	if (!w.flow.tracked.has(iface)) w.flow.tracked.set(iface, group.id);
	return true;
}
