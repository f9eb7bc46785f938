// Transit gateways: attachments, route tables, associations, propagations and routes.
import type {ResourceKind} from '../model/resources.js';
import {label} from '../model/resources.js';
import type {TgwAttachment, TgwRoute, TgwRouteTable} from '../model/types.js';
import {CommandError, type Draft} from './draft.js';
import {type FieldOption, addCommand, field, ref, refs, removeCommand, setCommand} from './family.js';
import {type ArgSpec, lookupGiven} from './syntax.js';
import type {Args, CommandDef} from './types.js';

const tgwFamily = {noun: 'tgw', kind: 'transit-gateway', collection: 'transitGateways', title: 'transit gateway'} as const;
const attachmentFamily = {
	noun: 'tgw-attachment',
	kind: 'transit-gateway-attachment',
	collection: 'transitGatewayAttachments',
	title: 'transit gateway attachment',
} as const;
const tgwRtbFamily = {
	noun: 'tgw-rtb',
	kind: 'transit-gateway-route-table',
	collection: 'transitGatewayRouteTables',
	title: 'transit gateway route table',
} as const;

const attachmentTypes: Record<string, {type: TgwAttachment['type']; kind: ResourceKind}> = {
	vpc: {type: 'vpc', kind: 'vpc'},
	vpn: {type: 'vpn', kind: 'vpn-connection'},
	dxgw: {type: 'direct-connect-gateway', kind: 'dx-gateway'},
	peering: {type: 'peering', kind: 'transit-gateway'},
};
const attachmentStates = ['initiating', 'pendingAcceptance', 'pending', 'available', 'modifying', 'deleting', 'deleted', 'failed', 'rejected'] as const;

/** A VPC attachment has one subnet per availability zone, all in the attached VPC. */
function attachmentSubnets(draft: Draft, vpcId: string, given: readonly string[]): string[] {
	const zones = new Set<string>();
	return given.map(part => {
		const subnet = draft.get('subnets', draft.id(part, ['subnet']));
		if (subnet.vpcId !== vpcId) throw new CommandError(`subnet ${label(subnet)} is not in the attached VPC ${vpcId}`);
		if (zones.has(subnet.availabilityZone)) throw new CommandError(`a VPC attachment takes one subnet per availability zone (${subnet.availabilityZone} twice)`);
		zones.add(subnet.availabilityZone);
		return subnet.id;
	});
}

function tgwTable(draft: Draft, ref: string, transitGatewayId: string): string {
	const table = draft.get('transitGatewayRouteTables', draft.id(ref, ['transit-gateway-route-table']));
	if (table.transitGatewayId !== transitGatewayId) throw new CommandError(`${label(table)} belongs to ${table.transitGatewayId}, not ${transitGatewayId}`);
	return table.id;
}

const attachmentOptions: FieldOption<'transitGatewayAttachments'>[] = [
	{
		...refs('subnet', ['subnet']),
		apply: (draft, attachment, value) => {
			if (attachment.type !== 'vpc') throw new CommandError('only VPC attachments have subnets');
			attachment.subnetIds = attachmentSubnets(draft, attachment.resourceId, value as string[]);
		},
	},
	{...ref('rtb', ['transit-gateway-route-table'], true), apply: (draft, attachment, value) => (attachment.associatedRouteTableId = tgwTable(draft, String(value), attachment.transitGatewayId))},
	field({name: 'appliance-mode', kind: 'bool'}, 'applianceMode'),
	field({name: 'state', kind: 'enum', values: attachmentStates}, 'state'),
];

const destinationArg: ArgSpec = {name: 'destination', kind: 'destination', refKinds: ['prefix-list'], placeholder: '<cidr|prefix-list>'};
const existingDestination: ArgSpec = {
	...destinationArg,
	suggest: (topology, given) =>
		lookupGiven<TgwRouteTable>(topology, given['tgw-rtb'], 'transit-gateway-route-table')
			?.routes.filter(route => route.type === 'static')
			.map(route => route.destinationCidr ?? route.destinationPrefixListId!) ?? [],
};

function tgwDestination(draft: Draft, args: Args): Pick<TgwRoute, 'destinationCidr' | 'destinationPrefixListId'> {
	const destination = args.str('destination');
	return /^\d/.test(destination) ? {destinationCidr: destination} : {destinationPrefixListId: draft.id(destination, ['prefix-list'])};
}

const same = (a: TgwRoute, b: Pick<TgwRoute, 'destinationCidr' | 'destinationPrefixListId'>) =>
	a.destinationCidr === b.destinationCidr && a.destinationPrefixListId === b.destinationPrefixListId;

function tgwRouteCommand(verb: 'add' | 'replace'): CommandDef {
	return {
		name: `${verb} tgw-route`,
		summary: verb === 'add' ? 'add a static or blackhole route to a transit gateway route table' : 'change the attachment of a static transit gateway route',
		help: 'A static route sends a CIDR block or prefix list to an attachment; blackhole drops it. A static route hides a propagated one for the same block; TGW peering needs static routes.',
		example: verb === 'add' ? 'add tgw-route spokes 0.0.0.0/0 egress-attachment' : 'replace tgw-route spokes 10.2.0.0/16 blackhole',
		args: [ref('tgw-rtb', ['transit-gateway-route-table']), verb === 'add' ? destinationArg : existingDestination, {name: 'attachment', kind: 'ref', refKinds: ['transit-gateway-attachment'], values: ['blackhole']}],
		run(draft, args) {
			const table = draft.get('transitGatewayRouteTables', draft.id(args.str('tgw-rtb'), ['transit-gateway-route-table']));
			const target = args.str('attachment');
			const route: TgwRoute = {...tgwDestination(draft, args), type: 'static', state: target === 'blackhole' ? 'blackhole' : 'active'};
			if (target !== 'blackhole') {
				const attachment = draft.get('transitGatewayAttachments', draft.id(target, ['transit-gateway-attachment']));
				if (attachment.transitGatewayId !== table.transitGatewayId) throw new CommandError(`${label(attachment)} is attached to another transit gateway`);
				route.attachmentId = attachment.id;
			}
			draft.update('transitGatewayRouteTables', table.id, copy => {
				const at = copy.routes.findIndex(existing => existing.type === 'static' && same(existing, route));
				if (verb === 'add' && at !== -1) throw new CommandError(`${label(copy)} already has a static route to ${args.str('destination')}; use replace tgw-route`);
				if (verb === 'replace' && at === -1) throw new CommandError(`${label(copy)} has no static route to ${args.str('destination')}`);
				if (at === -1) copy.routes.push(route);
				else copy.routes[at] = route;
			});
			return `${verb === 'add' ? 'added' : 'replaced'} route ${args.str('destination')} -> ${target} in ${label(table)}`;
		},
	};
}

export const transitCommands: CommandDef[] = [
	addCommand(tgwFamily, {
		prefix: 'tgw',
		summary: 'create a transit gateway',
		help: 'A regional router between VPCs, VPNs, Direct Connect gateways and peer transit gateways. Attach them (add tgw-attachment), create route tables (add tgw-rtb), associate each attachment with one table and propagate routes into tables.',
		example: 'add tgw hub region=us-east-1 asn=64512',
		options: [
			field({name: 'region', kind: 'text'}, 'region'),
			field({name: 'account', kind: 'text'}, 'accountId'),
			field({name: 'asn', kind: 'int', min: 1, max: 4294967294}, 'asn'),
		],
		build: (_draft, id, name) => ({id, name, region: 'us-east-1', state: 'available'}),
	}),
	setCommand(tgwFamily, {example: 'set tgw hub state=deleting', options: [field({name: 'state', kind: 'enum', values: ['pending', 'available', 'modifying', 'deleting', 'deleted']}, 'state')]}),
	removeCommand(tgwFamily, {example: 'rm tgw hub'}),
	addCommand(attachmentFamily, {
		prefix: 'tgw-attach',
		summary: 'attach a VPC, VPN, Direct Connect gateway or peer transit gateway',
		help: 'vpc attachments need subnet= with one subnet per availability zone (zones without one cannot reach the transit gateway). rtb= associates the attachment with a route table; appliance-mode=true keeps a flow in one zone both ways.',
		example: 'add tgw-attachment app-att hub vpc app subnet=tgw-a,tgw-b rtb=spokes',
		args: [ref('tgw', ['transit-gateway']), {name: 'type', kind: 'enum', values: Object.keys(attachmentTypes)}, {name: 'resource', kind: 'ref', refKinds: ['vpc', 'vpn-connection', 'dx-gateway', 'transit-gateway']}],
		options: attachmentOptions,
		build: (draft, id, name, args) => {
			const {type, kind} = attachmentTypes[args.str('type')]!;
			const transitGatewayId = draft.id(args.str('tgw'), ['transit-gateway']);
			const resourceId = draft.id(args.str('resource'), [kind]);
			if (type === 'vpc' && !args.has('subnet')) throw new CommandError('a VPC attachment needs subnet=<subnet,...>, one per availability zone');
			if (type === 'peering' && resourceId === transitGatewayId) throw new CommandError('a transit gateway cannot peer with itself');
			return {id, name, transitGatewayId, type, resourceId, subnetIds: [], state: 'available', applianceMode: false};
		},
	}),
	setCommand(attachmentFamily, {example: 'set tgw-attachment app-att appliance-mode=true', options: attachmentOptions}),
	removeCommand(attachmentFamily, {example: 'rm tgw-attachment app-att'}),
	addCommand(tgwRtbFamily, {
		prefix: 'tgw-rtb',
		summary: 'create a transit gateway route table',
		help: 'Attachments associated with this table are routed by it; attachments propagating into it add their routes.',
		example: 'add tgw-rtb spokes hub',
		args: [ref('tgw', ['transit-gateway'])],
		build: (draft, id, name, args) => ({id, name, transitGatewayId: draft.id(args.str('tgw'), ['transit-gateway']), propagations: [], routes: []}),
	}),
	removeCommand(tgwRtbFamily, {example: 'rm tgw-rtb spokes'}),
	{
		name: 'add tgw-association',
		summary: 'associate an attachment with a transit gateway route table',
		help: 'Each attachment is associated with exactly one table: the one that routes packets arriving from it.',
		example: 'add tgw-association app-att spokes',
		args: [ref('attachment', ['transit-gateway-attachment']), ref('tgw-rtb', ['transit-gateway-route-table'])],
		run(draft, args) {
			const attachment = draft.update('transitGatewayAttachments', draft.id(args.str('attachment'), ['transit-gateway-attachment']), copy => {
				if (copy.associatedRouteTableId)
					throw new CommandError(`${label(copy)} is already associated with ${copy.associatedRouteTableId}; rm tgw-association ${copy.name ?? copy.id} first`);
				copy.associatedRouteTableId = tgwTable(draft, args.str('tgw-rtb'), copy.transitGatewayId);
			});
			return `associated ${label(attachment)} with ${attachment.associatedRouteTableId}`;
		},
	},
	{
		name: 'rm tgw-association',
		summary: 'disassociate an attachment from its route table',
		help: 'Without an association, traffic from the attachment has no table to be routed by.',
		example: 'rm tgw-association app-att',
		args: [ref('attachment', ['transit-gateway-attachment'])],
		run(draft, args) {
			const attachment = draft.update('transitGatewayAttachments', draft.id(args.str('attachment'), ['transit-gateway-attachment']), copy => {
				if (!copy.associatedRouteTableId) throw new CommandError(`${label(copy)} is not associated with a route table`);
				delete copy.associatedRouteTableId;
			});
			return `disassociated ${label(attachment)}`;
		},
	},
	...(['add', 'rm'] as const).map(
		(verb): CommandDef => ({
			name: `${verb} tgw-propagation`,
			summary: verb === 'add' ? 'propagate an attachment\'s routes into a transit gateway route table' : 'stop propagating an attachment\'s routes',
			help: 'A VPC attachment propagates its VPC\'s blocks; VPN and Direct Connect gateway attachments their BGP routes. Peering attachments do not propagate: use static routes.',
			example: `${verb} tgw-propagation spokes app-att`,
			args: [ref('tgw-rtb', ['transit-gateway-route-table']), ref('attachment', ['transit-gateway-attachment'])],
			run(draft, args) {
				const attachmentId = draft.id(args.str('attachment'), ['transit-gateway-attachment']);
				const table = draft.update('transitGatewayRouteTables', draft.id(args.str('tgw-rtb'), ['transit-gateway-route-table']), copy => {
					const has = copy.propagations.includes(attachmentId);
					if (verb === 'add' && has) throw new CommandError(`${attachmentId} already propagates into ${label(copy)}`);
					if (verb === 'rm' && !has) throw new CommandError(`${attachmentId} does not propagate into ${label(copy)}`);
					copy.propagations = verb === 'add' ? [...copy.propagations, attachmentId] : copy.propagations.filter(id => id !== attachmentId);
				});
				return `${attachmentId} ${verb === 'add' ? 'now propagates' : 'no longer propagates'} into ${label(table)}`;
			},
		}),
	),
	tgwRouteCommand('add'),
	tgwRouteCommand('replace'),
	{
		name: 'rm tgw-route',
		summary: 'remove a static route from a transit gateway route table',
		help: 'Removes the static or blackhole route to that destination; propagated routes go by removing the propagation.',
		example: 'rm tgw-route spokes 0.0.0.0/0',
		args: [ref('tgw-rtb', ['transit-gateway-route-table']), existingDestination],
		run(draft, args) {
			const destination = tgwDestination(draft, args);
			const table = draft.update('transitGatewayRouteTables', draft.id(args.str('tgw-rtb'), ['transit-gateway-route-table']), copy => {
				const at = copy.routes.findIndex(route => route.type === 'static' && same(route, destination));
				if (at === -1) throw new CommandError(`${label(copy)} has no static route to ${args.str('destination')}`);
				copy.routes.splice(at, 1);
			});
			return `removed the route to ${args.str('destination')} from ${label(table)}`;
		},
	},
];
