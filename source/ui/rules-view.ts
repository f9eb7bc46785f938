// What the Rules pane shows for the selected resource: its security groups' rules and its
// subnet's network ACL rules, in evaluation order. Pure, like selection.ts, whose per-topology
// lookups it uses.
import {aKind, type ResourceIndex} from '../model/resources.js';
import type {NaclRule, NetworkAcl, SecurityGroup, SecurityGroupRule, Topology} from '../model/types.js';
import {lookupsOf, naclForSubnet, subnetFor, type RuleRow, type RuleView} from './selection.js';

const protocolNames: Record<number, string> = {6: 'tcp', 17: 'udp', 1: 'icmp'};

function describePorts(rule: {protocol: string | number; fromPort?: number; toPort?: number; icmpType?: number}): string {
	const protocol = typeof rule.protocol === 'number' ? (protocolNames[rule.protocol] ?? `proto ${rule.protocol}`) : rule.protocol;
	if (protocol === 'all' || rule.protocol === -1) return 'all traffic';
	if (protocol === 'icmp') return rule.icmpType === undefined || rule.icmpType === -1 ? 'icmp' : `icmp type ${rule.icmpType}`;
	if (rule.fromPort === undefined && rule.toPort === undefined) return `${protocol} all ports`;
	if (rule.fromPort === rule.toPort || rule.toPort === undefined) return `${protocol} ${rule.fromPort}`;
	return `${protocol} ${rule.fromPort}-${rule.toPort}`;
}

function sgRuleText(rule: SecurityGroupRule, direction: 'ingress' | 'egress'): string {
	const peer = rule.cidr ?? rule.groupId ?? rule.prefixListId ?? '?';
	return `allow ${describePorts(rule)} ${direction === 'ingress' ? 'from' : 'to'} ${peer}${rule.description ? `  (${rule.description})` : ''}`;
}

function naclRuleText(rule: NaclRule, direction: 'inbound' | 'outbound'): string {
	return `${String(rule.ruleNumber).padStart(5)} ${rule.action} ${describePorts(rule)} ${direction === 'inbound' ? 'from' : 'to'} ${rule.cidr}`;
}

function sgSections(group: SecurityGroup) {
	const rows = (direction: 'ingress' | 'egress', rules: SecurityGroupRule[]): RuleRow[] =>
		rules.map((rule, position) => ({ownerId: group.id, direction, position, text: sgRuleText(rule, direction)}));
	const label = group.name ?? group.id;
	return [
		{id: `${group.id}:ingress`, heading: `${label} inbound (stateful, allow-only; none match: denied)`, rows: rows('ingress', group.ingress)},
		{id: `${group.id}:egress`, heading: `${label} outbound`, rows: rows('egress', group.egress)},
	];
}

function naclSections(acl: NetworkAcl) {
	const rows = (direction: 'inbound' | 'outbound', rules: NaclRule[]): RuleRow[] => [
		...[...rules]
			.sort((a, b) => a.ruleNumber - b.ruleNumber)
			.map(rule => ({ownerId: acl.id, direction, position: rule.ruleNumber, text: naclRuleText(rule, direction)})),
		{ownerId: acl.id, direction, position: '*' as const, text: `    * deny all traffic (no rule matched)`},
	];
	const label = acl.name ?? acl.id;
	return [
		{id: `${acl.id}:inbound`, heading: `${label} inbound (stateless, lowest number first)`, rows: rows('inbound', acl.inbound)},
		{id: `${acl.id}:outbound`, heading: `${label} outbound`, rows: rows('outbound', acl.outbound)},
	];
}

function groupsOf(topology: Topology, index: ResourceIndex, ids: readonly string[]): SecurityGroup[] {
	const groups: SecurityGroup[] = [];
	for (const id of ids) {
		const entry = index.byId.get(id);
		if (entry?.kind === 'security-group') groups.push(entry.resource as SecurityGroup);
	}
	return groups;
}

/** The security groups attached to a resource (all its interfaces, for an instance). */
export function securityGroupsFor(topology: Topology, index: ResourceIndex, resourceId: string): SecurityGroup[] {
	const entry = index.byId.get(resourceId);
	if (!entry) return [];
	const resource = entry.resource as {securityGroupIds?: string[]};
	if (entry.kind === 'instance') {
		const ids = new Set<string>();
		for (const eni of lookupsOf(topology).interfacesByInstance.get(resourceId) ?? []) for (const id of eni.securityGroupIds) ids.add(id);
		return groupsOf(topology, index, [...ids]);
	}
	return resource.securityGroupIds ? groupsOf(topology, index, resource.securityGroupIds) : [];
}

export function rulesFor(topology: Topology, index: ResourceIndex, resourceId: string | undefined): RuleView {
	if (!resourceId) return {sections: [], empty: 'Select a resource to see its security group and network ACL rules.'};
	const entry = index.byId.get(resourceId);
	if (!entry) return {sections: [], empty: 'Select a resource to see its security group and network ACL rules.'};
	if (entry.kind === 'security-group') return {sections: sgSections(entry.resource as SecurityGroup)};
	if (entry.kind === 'network-acl') return {sections: naclSections(entry.resource as NetworkAcl)};
	const sections = securityGroupsFor(topology, index, resourceId).flatMap(sgSections);
	const subnet = subnetFor(topology, index, resourceId);
	const acl = subnet ? naclForSubnet(topology, index, subnet) : undefined;
	if (acl) sections.push(...naclSections(acl));
	if (sections.length === 0) return {sections: [], empty: `No security group or network ACL applies to ${aKind(entry.kind)}.`};
	return {sections};
}

