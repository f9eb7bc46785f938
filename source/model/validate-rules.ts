// Security group and network ACL rules: one peer per security group rule, ports only where the
// protocol has ports, ICMP type and code only for ICMP, unique NACL rule numbers per direction.
import {type Checker, type Subject, forEach} from './validate-context.js';
import type {NaclRule, SecurityGroupRule} from './types.js';

type PortFields = Pick<SecurityGroupRule, 'protocol' | 'fromPort' | 'toPort' | 'icmpType' | 'icmpCode'>;

function hasPorts(protocol: PortFields['protocol']): boolean {
	return protocol === 'tcp' || protocol === 'udp' || protocol === 6 || protocol === 17;
}

function isIcmp(protocol: PortFields['protocol']): boolean {
	return protocol === 'icmp' || protocol === 1;
}

function portText(rule: PortFields): string {
	if (rule.fromPort === undefined && rule.toPort === undefined) return '';
	return rule.fromPort === rule.toPort ? ` ${rule.fromPort}` : ` ${rule.fromPort ?? ''}-${rule.toPort ?? ''}`;
}

/** `ingress rule tcp 22 from 10.0.0.0/8`: a rule by what it says, which stays true as rules move. */
function describeGroupRule(direction: 'ingress' | 'egress', rule: SecurityGroupRule): string {
	const peer = rule.cidr ?? rule.groupId ?? rule.prefixListId;
	return `${direction} rule ${String(rule.protocol)}${portText(rule)}${peer === undefined ? '' : ` ${direction === 'ingress' ? 'from' : 'to'} ${peer}`}`;
}

/** Ports and ICMP fields of one rule, shared by security groups and network ACLs. */
function checkPorts(checker: Checker, subject: Subject, field: string, what: string, rule: PortFields): void {
	const protocol = String(rule.protocol);
	if (rule.fromPort !== undefined || rule.toPort !== undefined) {
		if (!hasPorts(rule.protocol))
			checker.report(subject, field, `${what} has ports but protocol ${protocol} has none; ports apply only to tcp and udp (leave them out for ${protocol})`);
		else if (rule.fromPort === undefined || rule.toPort === undefined)
			checker.report(subject, field, `${what} gives only ${rule.fromPort === undefined ? 'toPort' : 'fromPort'}; give both fromPort and toPort, or neither for every port`);
		else if (rule.fromPort > rule.toPort)
			checker.report(subject, field, `${what}: fromPort ${rule.fromPort} is above toPort ${rule.toPort}; fromPort must be at most toPort`);
	}
	if ((rule.icmpType !== undefined || rule.icmpCode !== undefined) && !isIcmp(rule.protocol))
		checker.report(subject, field, `${what} has icmpType/icmpCode but protocol ${protocol} is not icmp; leave them out`);
}

function checkGroupRule(checker: Checker, subject: Subject, direction: 'ingress' | 'egress', index: number, rule: SecurityGroupRule): void {
	const field = `${direction}[${index}]`;
	const what = describeGroupRule(direction, rule);
	const peers = [rule.cidr, rule.groupId, rule.prefixListId].filter(peer => peer !== undefined).length;
	if (peers !== 1)
		checker.report(subject, field, `${what} has ${peers === 0 ? 'no peer' : `${peers} peers`}; a rule names exactly one of cidr, groupId and prefixListId`);
	if (rule.groupId !== undefined) checker.ref(subject, `${field}.groupId`, rule.groupId, 'security-group');
	if (rule.prefixListId !== undefined) checker.ref(subject, `${field}.prefixListId`, rule.prefixListId, 'prefix-list');
	checkPorts(checker, subject, field, what, rule);
}

function checkAclRules(checker: Checker, subject: Subject, direction: 'inbound' | 'outbound', rules: readonly NaclRule[]): void {
	const numbers = new Set<number>();
	rules.forEach((rule, i) => {
		const field = `${direction}[${i}]`;
		const what = `${direction} rule ${rule.ruleNumber}`;
		if (numbers.has(rule.ruleNumber))
			checker.report(subject, `${field}.ruleNumber`, `${what} appears more than once; rule numbers are unique per direction`);
		else numbers.add(rule.ruleNumber);
		checkPorts(checker, subject, field, what, rule);
	});
}

export function checkFilters(checker: Checker): void {
	forEach(checker, 'securityGroups', (group, subject) => {
		checker.ref(subject, 'vpcId', group.vpcId, 'vpc');
		group.ingress.forEach((rule, i) => checkGroupRule(checker, subject, 'ingress', i, rule));
		group.egress.forEach((rule, i) => checkGroupRule(checker, subject, 'egress', i, rule));
	});
	forEach(checker, 'networkAcls', (acl, subject) => {
		checkAclRules(checker, subject, 'inbound', acl.inbound);
		checkAclRules(checker, subject, 'outbound', acl.outbound);
	});
}
