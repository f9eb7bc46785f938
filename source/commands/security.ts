// Security groups and network ACLs, and their rules.
import {label} from '../model/resources.js';
import type {NaclRule, NetworkAcl, SecurityGroupRule} from '../model/types.js';
import {CommandError, type Draft} from './draft.js';
import {addCommand, field, ref, removeCommand, setCommand} from './family.js';
import {type ArgSpec, lookupGiven} from './syntax.js';
import type {Args, CommandDef} from './types.js';

const sgFamily = {noun: 'sg', kind: 'security-group', collection: 'securityGroups', title: 'security group'} as const;
const aclFamily = {noun: 'acl', kind: 'network-acl', collection: 'networkAcls', title: 'network ACL'} as const;

const directionArg: ArgSpec = {name: 'direction', kind: 'enum', values: ['in', 'out']};
const protocolArg: ArgSpec = {name: 'protocol', kind: 'protocol', placeholder: '<tcp|udp|icmp|all|n>'};
const portsArg: ArgSpec = {name: 'ports', kind: 'ports', optional: true, placeholder: '<port|from-to|icmp-type>'};

/** Ports, or ICMP type and code, as the schema keeps them (absent means any). */
function portFields(args: Args): Pick<SecurityGroupRule, 'fromPort' | 'toPort' | 'icmpType' | 'icmpCode'> {
	const protocol = args.protocol('protocol');
	const ports = args.ports('ports');
	if (protocol === 'icmp') {
		if (ports && ports.from !== ports.to && !(ports.from === 0 && ports.to === 65535))
			throw new CommandError('for icmp give one ICMP type (e.g. 8 for echo request), not a range');
		const type = ports && ports.from === ports.to ? ports.from : -1;
		if (type > 255) throw new CommandError(`ICMP type ${type} is larger than 255`);
		const code = args.num('code');
		return {icmpType: type, ...(code !== undefined ? {icmpCode: code} : {})};
	}
	if (args.has('code')) throw new CommandError('code= is for icmp rules only');
	if (!ports || (ports.from === 0 && ports.to === 65535) || (protocol !== 'tcp' && protocol !== 'udp')) {
		if (ports && protocol !== 'tcp' && protocol !== 'udp' && !(ports.from === 0 && ports.to === 65535))
			throw new CommandError(`ports apply to tcp and udp only, not ${String(protocol)}`);
		return {};
	}
	return {fromPort: ports.from, toPort: ports.to};
}

/** Inbound rules name their source with from=, outbound rules their destination with to=. */
function peerOf(args: Args): string {
	const inbound = args.str('direction') === 'in';
	const wrong = inbound ? 'to' : 'from';
	if (args.has(wrong))
		throw new CommandError(`${inbound ? 'an inbound' : 'an outbound'} rule names its ${inbound ? 'source with from=' : 'destination with to='}, not ${wrong}=`);
	const peer = args.opt(inbound ? 'from' : 'to');
	if (!peer) throw new CommandError(`give the ${inbound ? 'source: from=' : 'destination: to='}<cidr|sg|prefix-list>`);
	return peer;
}

function sgRule(draft: Draft, args: Args): SecurityGroupRule {
	const peer = peerOf(args);
	const rule: SecurityGroupRule = {protocol: args.protocol('protocol'), ...portFields(args)};
	if (/^\d/.test(peer)) rule.cidr = peer;
	else {
		const entry = draft.find(peer, ['security-group', 'prefix-list']);
		if (entry.kind === 'security-group') rule.groupId = entry.resource.id;
		else rule.prefixListId = entry.resource.id;
	}
	return rule;
}

const sameRule = (a: SecurityGroupRule, b: SecurityGroupRule) =>
	JSON.stringify({...a, description: undefined}) === JSON.stringify({...b, description: undefined});

function ruleText(args: Args): string {
	const ports = args.ports('ports');
	const portText = ports ? ` ${ports.from === ports.to ? ports.from : `${ports.from}-${ports.to}`}` : '';
	const peer = args.opt('from') ? `from ${args.opt('from')}` : `to ${args.opt('to')}`;
	return `${args.str('direction') === 'in' ? 'inbound' : 'outbound'} ${String(args.protocol('protocol'))}${portText} ${peer}`;
}

const sgRuleArgs: ArgSpec[] = [ref('sg', ['security-group']), directionArg, protocolArg, portsArg];
const sgRuleOptions: ArgSpec[] = [
	{name: 'from', kind: 'peer', refKinds: ['security-group', 'prefix-list'], optional: true, placeholder: '<cidr|sg|prefix-list>'},
	{name: 'to', kind: 'peer', refKinds: ['security-group', 'prefix-list'], optional: true, placeholder: '<cidr|sg|prefix-list>'},
	{name: 'code', kind: 'int', min: -1, max: 255, optional: true},
];

const naclRuleArgs: ArgSpec[] = [
	ref('acl', ['network-acl']),
	directionArg,
	{name: 'number', kind: 'int', min: 1, max: 32766},
	{name: 'action', kind: 'enum', values: ['allow', 'deny']},
	protocolArg,
	portsArg,
];
const naclRuleOptions: ArgSpec[] = [
	{name: 'from', kind: 'cidr', optional: true},
	{name: 'to', kind: 'cidr', optional: true},
	{name: 'code', kind: 'int', min: -1, max: 255, optional: true},
];

function naclRuleCommand(verb: 'add' | 'replace'): CommandDef {
	return {
		name: `${verb} acl-rule`,
		summary: verb === 'add' ? 'add a numbered rule to a network ACL' : 'replace the network ACL rule with the same number',
		help: 'Network ACLs are stateless: rules are checked lowest number first, the first match wins, and a final rule denies the rest. Inbound rules name their source (from=), outbound rules their destination (to=). Remember the replies: they come back on the client\'s ephemeral ports (1024-65535 to be safe).',
		example: verb === 'add' ? 'add acl-rule public in 100 allow tcp 443 from=0.0.0.0/0' : 'replace acl-rule public out 100 allow tcp 1024-65535 to=0.0.0.0/0',
		args: naclRuleArgs,
		options: naclRuleOptions,
		run(draft, args) {
			const rule: NaclRule = {
				ruleNumber: args.num('number')!,
				protocol: args.protocol('protocol'),
				...portFields(args),
				cidr: peerOf(args),
				action: args.str('action') as NaclRule['action'],
			};
			const key = args.str('direction') === 'in' ? 'inbound' : 'outbound';
			const acl = draft.update('networkAcls', draft.id(args.str('acl'), ['network-acl']), copy => {
				const at = copy[key].findIndex(existing => existing.ruleNumber === rule.ruleNumber);
				if (verb === 'add' && at !== -1) throw new CommandError(`${label(copy)} already has ${key} rule ${rule.ruleNumber}; use replace acl-rule or another number`);
				if (verb === 'replace' && at === -1) throw new CommandError(`${label(copy)} has no ${key} rule ${rule.ruleNumber} to replace`);
				if (at === -1) copy[key].push(rule);
				else copy[key][at] = rule;
				copy[key].sort((a, b) => a.ruleNumber - b.ruleNumber);
			});
			return `${verb === 'add' ? 'added' : 'replaced'} ${key} rule ${rule.ruleNumber} ${rule.action} in ${label(acl)}`;
		},
	};
}

export const securityCommands: CommandDef[] = [
	addCommand(sgFamily, {
		prefix: 'sg',
		summary: 'create a security group in a VPC',
		help: 'A new security group has no inbound rules and one outbound rule allowing everything, as in AWS. Security groups are stateful and allow-only: replies to allowed traffic always pass.',
		example: 'add sg web vpc=app description="web servers"',
		args: [ref('vpc', ['vpc'])],
		options: [field({name: 'description', kind: 'text'}, 'description')],
		build: (draft, id, name, args) => ({
			id,
			name,
			vpcId: draft.id(args.str('vpc'), ['vpc']),
			isDefault: false,
			ingress: [],
			egress: [{protocol: 'all', cidr: '0.0.0.0/0'}],
		}),
	}),
	setCommand(sgFamily, {example: 'set sg web description="web tier"', options: [field({name: 'description', kind: 'text'}, 'description')]}),
	removeCommand(sgFamily, {
		example: 'rm sg web',
		guard: (_draft, sg) => (sg.isDefault ? `${label(sg)} is its VPC's default security group; it goes only with the VPC` : undefined),
	}),
	{
		name: 'add sg-rule',
		summary: 'allow traffic in or out of a security group',
		help: 'Adds an inbound (in, with from=) or outbound (out, with to=) rule. The peer is a CIDR block, a security group (its members\' private addresses) or a prefix list. Ports are one port or a range; without ports every port. For icmp, the number is the ICMP type and code= the code.',
		example: 'add sg-rule web in tcp 443 from=0.0.0.0/0',
		args: sgRuleArgs,
		options: [...sgRuleOptions, {name: 'description', kind: 'text', optional: true}],
		run(draft, args) {
			const rule = sgRule(draft, args);
			const description = args.opt('description');
			if (description) rule.description = description;
			const key = args.str('direction') === 'in' ? 'ingress' : 'egress';
			const sg = draft.update('securityGroups', draft.id(args.str('sg'), ['security-group']), copy => {
				if (copy[key].some(existing => sameRule(existing, rule))) throw new CommandError(`${label(copy)} already has the rule ${ruleText(args)}`);
				copy[key].push(rule);
			});
			return `added ${ruleText(args)} on ${label(sg)}`;
		},
	},
	{
		name: 'rm sg-rule',
		summary: 'remove a security group rule (the words of the rule as added)',
		help: 'Removes the rule with the same direction, protocol, ports and peer, as RevokeSecurityGroupIngress/Egress do.',
		example: 'rm sg-rule web in tcp 443 from=0.0.0.0/0',
		args: sgRuleArgs,
		options: sgRuleOptions,
		run(draft, args) {
			const rule = sgRule(draft, args);
			const key = args.str('direction') === 'in' ? 'ingress' : 'egress';
			const sg = draft.update('securityGroups', draft.id(args.str('sg'), ['security-group']), copy => {
				const at = copy[key].findIndex(existing => sameRule(existing, rule));
				if (at === -1) throw new CommandError(`${label(copy)} has no rule ${ruleText(args)}`);
				copy[key].splice(at, 1);
			});
			return `removed ${ruleText(args)} on ${label(sg)}`;
		},
	},
	addCommand(aclFamily, {
		prefix: 'acl',
		summary: 'create a network ACL in a VPC',
		help: 'A new custom network ACL denies everything until rules are added (the default ACL of a VPC allows all). Associate it with subnets: set subnet <subnet> acl=<acl>.',
		example: 'add acl web vpc=app',
		args: [ref('vpc', ['vpc'])],
		build: (draft, id, name, args) => ({id, name, vpcId: draft.id(args.str('vpc'), ['vpc']), isDefault: false, inbound: [], outbound: []}),
	}),
	removeCommand(aclFamily, {
		example: 'rm acl web',
		guard: (_draft, acl) => (acl.isDefault ? `${label(acl)} is its VPC's default network ACL; it goes only with the VPC` : undefined),
	}),
	naclRuleCommand('add'),
	naclRuleCommand('replace'),
	{
		name: 'rm acl-rule',
		summary: 'remove a numbered network ACL rule',
		help: 'Removes the inbound or outbound rule with that number. The final deny-all rule is not a numbered rule and stays.',
		example: 'rm acl-rule public in 100',
		args: [
			...naclRuleArgs.slice(0, 2),
			{
				...naclRuleArgs[2]!,
				suggest: (topology, given) => {
					const acl = lookupGiven<NetworkAcl>(topology, given.acl, 'network-acl');
					return (given.direction === 'out' ? acl?.outbound : acl?.inbound)?.map(rule => String(rule.ruleNumber)) ?? [];
				},
			},
		],
		run(draft, args) {
			const key = args.str('direction') === 'in' ? 'inbound' : 'outbound';
			const number = args.num('number')!;
			const acl = draft.update('networkAcls', draft.id(args.str('acl'), ['network-acl']), copy => {
				const at = copy[key].findIndex(rule => rule.ruleNumber === number);
				if (at === -1) throw new CommandError(`${label(copy)} has no ${key} rule ${number}`);
				copy[key].splice(at, 1);
			});
			return `removed ${key} rule ${number} from ${label(acl)}`;
		},
	},
];
