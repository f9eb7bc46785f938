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

/** Ports and ICMP fields of one rule, shared by security groups and network ACLs. */
function checkPorts(checker: Checker, subject: Subject, field: string, rule: PortFields): void {
	const protocol = String(rule.protocol);
	if (rule.fromPort !== undefined || rule.toPort !== undefined) {
		if (!hasPorts(rule.protocol))
			checker.report(subject, field, `${field} has ports but protocol ${protocol} has none; ports apply only to tcp and udp (leave them out for ${protocol})`);
		else if (rule.fromPort === undefined || rule.toPort === undefined)
			checker.report(subject, field, `${field} gives only ${rule.fromPort === undefined ? 'toPort' : 'fromPort'}; give both fromPort and toPort, or neither for every port`);
		else if (rule.fromPort > rule.toPort)
			checker.report(subject, field, `${field} fromPort ${rule.fromPort} is above toPort ${rule.toPort}; fromPort must be at most toPort`);
	}
	if ((rule.icmpType !== undefined || rule.icmpCode !== undefined) && !isIcmp(rule.protocol))
		checker.report(subject, field, `${field} has icmpType/icmpCode but protocol ${protocol} is not icmp; leave them out`);
}

function checkGroupRule(checker: Checker, subject: Subject, field: string, rule: SecurityGroupRule): void {
	const peers = [rule.cidr, rule.groupId, rule.prefixListId].filter(peer => peer !== undefined).length;
	if (peers !== 1)
		checker.report(subject, field, `${field} has ${peers === 0 ? 'no peer' : `${peers} peers`}; a rule names exactly one of cidr, groupId and prefixListId`);
	if (rule.groupId !== undefined) checker.ref(subject, `${field}.groupId`, rule.groupId, 'security-group');
	if (rule.prefixListId !== undefined) checker.ref(subject, `${field}.prefixListId`, rule.prefixListId, 'prefix-list');
	checkPorts(checker, subject, field, rule);
}

function checkAclRules(checker: Checker, subject: Subject, direction: 'inbound' | 'outbound', rules: readonly NaclRule[]): void {
	const numbers = new Map<number, number>();
	rules.forEach((rule, i) => {
		const field = `${direction}[${i}]`;
		const earlier = numbers.get(rule.ruleNumber);
		if (earlier !== undefined)
			checker.report(subject, `${field}.ruleNumber`, `${field} rule number ${rule.ruleNumber} is already used by ${direction}[${earlier}]; rule numbers are unique per direction`);
		else numbers.set(rule.ruleNumber, i);
		checkPorts(checker, subject, field, rule);
	});
}

export function checkFilters(checker: Checker): void {
	forEach(checker, 'securityGroups', (group, subject) => {
		checker.ref(subject, 'vpcId', group.vpcId, 'vpc');
		group.ingress.forEach((rule, i) => checkGroupRule(checker, subject, `ingress[${i}]`, rule));
		group.egress.forEach((rule, i) => checkGroupRule(checker, subject, `egress[${i}]`, rule));
	});
	forEach(checker, 'networkAcls', (acl, subject) => {
		checkAclRules(checker, subject, 'inbound', acl.inbound);
		checkAclRules(checker, subject, 'outbound', acl.outbound);
	});
}
