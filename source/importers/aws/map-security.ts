// Security groups and network ACLs, rule by rule, in AWS's evaluation terms.
import type {NaclRule, SecurityGroupRule} from '../../model/types.js';
import {type ImportContext, protocolOf} from './context.js';
import {cidrOf} from './map-network.js';
import type {Rec} from './reader.js';

/** Port fields of a rule: tcp/udp ranges, ICMP type and code, nothing for `all`. */
function portsOf(protocol: SecurityGroupRule['protocol'], from: number | undefined, to: number | undefined) {
	if (protocol === 'tcp' || protocol === 'udp') {
		if (from === undefined || from === -1) return {};
		return {fromPort: from, toPort: to === undefined || to === -1 ? 65535 : to};
	}
	if (protocol === 'icmp') {
		return {
			...(from !== undefined && from !== -1 ? {icmpType: from} : {}),
			...(to !== undefined && to !== -1 ? {icmpCode: to} : {}),
		};
	}
	return {};
}

export function mapSecurityGroups(context: ImportContext): void {
	const groupIds = new Set(context.get('SecurityGroups').map(({rec}) => rec.str('GroupId')));
	const prefixListIds = new Set(context.out.prefixLists.map(list => list.id));
	for (const {rec} of context.get('SecurityGroups')) {
		const id = rec.str('GroupId');
		if (!rec.has('VpcId')) {
			context.leave(id, 'EC2-Classic security group (no VPC)');
			continue;
		}
		if (!context.claim(id)) continue;
		const rules = (key: string): SecurityGroupRule[] => {
			const result: SecurityGroupRule[] = [];
			for (const permission of rec.list(key)) result.push(...rulesOf(context, id, permission, groupIds, prefixListIds));
			return result;
		};
		const groupName = rec.optStr('GroupName');
		context.out.securityGroups.push({
			id,
			name: context.uniqueName(rec.nameTag() ?? (groupName === 'default' ? undefined : groupName), id),
			tags: rec.tags(),
			vpcId: rec.str('VpcId'),
			description: rec.optStr('Description'),
			isDefault: groupName === 'default',
			ingress: rules('IpPermissions'),
			egress: rules('IpPermissionsEgress'),
		});
	}
}

function rulesOf(context: ImportContext, groupId: string, permission: Rec, groupIds: Set<string>, prefixListIds: Set<string>): SecurityGroupRule[] {
	const protocol = protocolOf(permission.optStr('IpProtocol') ?? permission.optNum('IpProtocol'));
	if (protocol === undefined) return []; // ICMPv6 rules only ever match IPv6.
	const base = {protocol, ...portsOf(protocol, permission.optNum('FromPort'), permission.optNum('ToPort'))};
	const rules: SecurityGroupRule[] = [];
	for (const range of permission.list('IpRanges'))
		rules.push({...base, cidr: cidrOf(range, 'CidrIp'), description: range.optStr('Description')});
	for (const pair of permission.list('UserIdGroupPairs')) {
		const referenced = pair.str('GroupId');
		if (!groupIds.has(referenced)) {
			context.note(groupId, `rule referencing ${referenced} (account ${pair.optStr('UserId') ?? 'unknown'}) left out: that group is not in the snapshot`, permission.path);
			continue;
		}
		rules.push({...base, groupId: referenced, description: pair.optStr('Description')});
	}
	for (const list of permission.list('PrefixListIds')) {
		const referenced = list.str('PrefixListId');
		if (!prefixListIds.has(referenced)) {
			context.note(groupId, `rule referencing prefix list ${referenced} left out: the list is not in the snapshot`, permission.path);
			continue;
		}
		rules.push({...base, prefixListId: referenced, description: list.optStr('Description')});
	}
	return rules;
}

export function mapNetworkAcls(context: ImportContext): void {
	const subnetsById = new Map(context.out.subnets.map(subnet => [subnet.id, subnet]));
	for (const {rec} of context.get('NetworkAcls')) {
		const id = rec.str('NetworkAclId');
		if (!context.claim(id)) continue;
		for (const association of rec.list('Associations')) {
			const subnet = subnetsById.get(association.optStr('SubnetId') ?? '');
			if (subnet) subnet.networkAclId = id;
		}
		const inbound: NaclRule[] = [];
		const outbound: NaclRule[] = [];
		for (const entry of rec.list('Entries')) {
			const ruleNumber = entry.num('RuleNumber');
			// 32767 is the `*` rule every ACL ends with; the model adds it implicitly.
			if (ruleNumber >= 32767 || !entry.has('CidrBlock')) continue;
			const protocol = protocolOf(entry.optStr('Protocol') ?? entry.optNum('Protocol'));
			if (protocol === undefined) continue;
			const range = entry.obj('PortRange');
			const icmp = entry.obj('IcmpTypeCode');
			const ports =
				protocol === 'icmp'
					? portsOf(protocol, icmp?.optNum('Type'), icmp?.optNum('Code'))
					: portsOf(protocol, range?.optNum('From'), range?.optNum('To'));
			const rule: NaclRule = {
				ruleNumber,
				protocol,
				...ports,
				cidr: cidrOf(entry, 'CidrBlock'),
				action: entry.optStr('RuleAction') === 'deny' ? 'deny' : 'allow',
			};
			(entry.optBool('Egress') ? outbound : inbound).push(rule);
		}
		const byNumber = (a: NaclRule, b: NaclRule) => a.ruleNumber - b.ruleNumber;
		context.out.networkAcls.push({
			...context.identity(rec, id),
			vpcId: rec.str('VpcId'),
			isDefault: rec.optBool('IsDefault') ?? false,
			inbound: inbound.sort(byNumber),
			outbound: outbound.sort(byNumber),
		});
	}
}
