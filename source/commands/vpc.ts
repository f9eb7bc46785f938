// VPCs, their secondary blocks, and subnets.
import {label} from '../model/resources.js';
import type {Vpc} from '../model/types.js';
import {CommandError, type Draft} from './draft.js';
import {type FieldOption, addCommand, field, ref, refField, removeCommand, setCommand} from './family.js';
import {lookupGiven} from './syntax.js';
import type {CommandDef} from './types.js';

const vpcFamily = {noun: 'vpc', kind: 'vpc', collection: 'vpcs', title: 'VPC'} as const;
const subnetFamily = {noun: 'subnet', kind: 'subnet', collection: 'subnets', title: 'subnet'} as const;

const vpcOptions: FieldOption<'vpcs'>[] = [
	field({name: 'region', kind: 'text'}, 'region'),
	field({name: 'account', kind: 'text'}, 'accountId'),
];

/**
 * What AWS creates with every VPC: the main route table, the default network ACL (allowing all
 * both ways) and the default security group (all from itself in, all out).
 */
function createDefaults(draft: Draft, vpcId: string, name: string): string[] {
	for (const suffix of ['-main', '-default-acl', '-default-sg']) draft.checkName(`${name}${suffix}`);
	const rtbId = draft.newId('rtb');
	draft.insert('routeTables', {id: rtbId, name: `${name}-main`, vpcId, main: true, routes: [], propagatingVgwIds: [], gatewayIds: []});
	const aclId = draft.newId('acl');
	const allowAll = {ruleNumber: 100, protocol: 'all' as const, cidr: '0.0.0.0/0', action: 'allow' as const};
	draft.insert('networkAcls', {id: aclId, name: `${name}-default-acl`, vpcId, isDefault: true, inbound: [allowAll], outbound: [allowAll]});
	const sgId = draft.newId('sg');
	draft.insert('securityGroups', {
		id: sgId,
		name: `${name}-default-sg`,
		vpcId,
		description: 'default VPC security group',
		isDefault: true,
		ingress: [{protocol: 'all', groupId: sgId}],
		egress: [{protocol: 'all', cidr: '0.0.0.0/0'}],
	});
	return [rtbId, aclId, sgId];
}

/** The main route table, default NACL and default security group: they go with the VPC. */
function vpcDefaults(draft: Draft, vpcId: string) {
	return [
		...draft.list('routeTables').filter(rtb => rtb.vpcId === vpcId && rtb.main).map(rtb => ['routeTables', rtb.id] as const),
		...draft.list('networkAcls').filter(acl => acl.vpcId === vpcId && acl.isDefault).map(acl => ['networkAcls', acl.id] as const),
		...draft.list('securityGroups').filter(sg => sg.vpcId === vpcId && sg.isDefault).map(sg => ['securityGroups', sg.id] as const),
	];
}

const subnetOptions: FieldOption<'subnets'>[] = [
	field({name: 'az', kind: 'text'}, 'availabilityZone'),
	refField(ref('rtb', ['route-table']), 'routeTableId'),
	refField(ref('acl', ['network-acl']), 'networkAclId'),
];

function checkSameVpc(draft: Draft, subnetVpc: string, otherId: string | undefined, what: string): void {
	if (!otherId) return;
	const entry = draft.find(otherId);
	const vpcId = (entry.resource as {vpcId?: string}).vpcId;
	if (vpcId !== subnetVpc) throw new CommandError(`${what} ${label(entry.resource)} belongs to another VPC (${vpcId}), not ${subnetVpc}`);
}

export const vpcCommands: CommandDef[] = [
	addCommand(vpcFamily, {
		prefix: 'vpc',
		summary: 'create a VPC with its primary IPv4 block',
		help:
			'Creates a VPC with a primary block of /16 to /28, and what AWS creates with it: the main route table (<name>-main), the default network ACL (<name>-default-acl, allowing all) and the default security group (<name>-default-sg). Each block has an implicit local route. The region defaults to us-east-1.',
		example: 'add vpc app 10.0.0.0/16 region=us-east-1',
		args: [{name: 'cidr', kind: 'cidr'}],
		options: vpcOptions,
		build: (_draft, id, name, args) => ({id, name, cidrBlocks: [args.str('cidr')], region: 'us-east-1', isDefault: false}),
		after: (draft, vpc) => `with ${createDefaults(draft, vpc.id, vpc.name ?? vpc.id).join(', ')}`,
	}),
	setCommand(vpcFamily, {example: 'set vpc app region=eu-west-1', options: vpcOptions}),
	removeCommand(vpcFamily, {
		example: 'rm vpc app',
		cascade: (draft, vpc) => vpcDefaults(draft, vpc.id),
		help: 'Removes a VPC with its main route table, default network ACL and default security group. Refused while subnets, gateways, security groups or other resources still use it; the message names them.',
	}),
	{
		name: 'add vpc-cidr',
		summary: 'associate a secondary IPv4 block with a VPC',
		help: 'Adds a secondary block (/16 to /28) to a VPC; it must not overlap the VPC\'s other blocks, and gets its own local route.',
		example: 'add vpc-cidr app 10.1.0.0/16',
		args: [ref('vpc', ['vpc']), {name: 'cidr', kind: 'cidr'}],
		run(draft, args) {
			const cidr = args.str('cidr');
			const vpc = draft.update('vpcs', draft.id(args.str('vpc'), ['vpc']), copy => {
				if (copy.cidrBlocks.includes(cidr)) throw new CommandError(`${label(copy)} already has the block ${cidr}`);
				copy.cidrBlocks.push(cidr);
			});
			return `added block ${cidr} to VPC ${label(vpc)}`;
		},
	},
	{
		name: 'rm vpc-cidr',
		summary: 'remove a secondary block from a VPC',
		help: 'Removes a secondary block. The primary block cannot be removed, nor a block that subnets still use.',
		example: 'rm vpc-cidr app 10.1.0.0/16',
		args: [
			ref('vpc', ['vpc']),
			{name: 'cidr', kind: 'cidr', suggest: (topology, given) => lookupGiven<Vpc>(topology, given.vpc, 'vpc')?.cidrBlocks.slice(1) ?? []},
		],
		run(draft, args) {
			const cidr = args.str('cidr');
			const vpc = draft.get('vpcs', draft.id(args.str('vpc'), ['vpc']));
			const at = vpc.cidrBlocks.indexOf(cidr);
			if (at === -1) throw new CommandError(`${label(vpc)} has no block ${cidr} (it has ${vpc.cidrBlocks.join(', ')})`);
			if (at === 0) throw new CommandError(`${cidr} is the primary block of ${label(vpc)}; it cannot be removed`);
			draft.update('vpcs', vpc.id, copy => void copy.cidrBlocks.splice(at, 1));
			return `removed block ${cidr} from VPC ${label(vpc)}`;
		},
	},
	addCommand(subnetFamily, {
		prefix: 'subnet',
		summary: 'create a subnet in a VPC',
		help:
			'Creates a subnet (/16 to /28) inside one of its VPC\'s blocks, in one availability zone (default: the region followed by "a"). It uses the VPC\'s main route table and default network ACL unless rtb= or acl= associate others. AWS reserves its first four addresses and the last.',
		example: 'add subnet web-a vpc=app cidr=10.0.1.0/24 az=us-east-1a',
		args: [ref('vpc', ['vpc']), {name: 'cidr', kind: 'cidr'}],
		options: subnetOptions,
		build: (draft, id, name, args) => {
			const vpc = draft.get('vpcs', draft.id(args.str('vpc'), ['vpc']));
			return {id, name, vpcId: vpc.id, cidr: args.str('cidr'), availabilityZone: `${vpc.region}a`};
		},
		after: (draft, subnet) => {
			checkSameVpc(draft, subnet.vpcId, subnet.routeTableId, 'route table');
			checkSameVpc(draft, subnet.vpcId, subnet.networkAclId, 'network ACL');
		},
	}),
	setCommand(subnetFamily, {
		example: 'set subnet web-a rtb=public acl=web',
		help: 'Associates a subnet with a route table (rtb=) or network ACL (acl=) of its VPC, or moves it to another zone. rtb=main or acl=default go back to the VPC\'s main table and default ACL.',
		options: subnetOptions.map(option =>
			option.name === 'az'
				? option
				: {
						...option,
						values: [option.name === 'rtb' ? 'main' : 'default'],
						apply: (draft, item, value) => {
							const key = option.name === 'rtb' ? 'routeTableId' : 'networkAclId';
							if (value === 'main' || value === 'default') delete item[key];
							else option.apply(draft, item, value);
						},
					},
		),
		after: (draft, subnet) => {
			checkSameVpc(draft, subnet.vpcId, subnet.routeTableId, 'route table');
			checkSameVpc(draft, subnet.vpcId, subnet.networkAclId, 'network ACL');
		},
	}),
	removeCommand(subnetFamily, {example: 'rm subnet web-a'}),
];
