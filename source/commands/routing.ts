// Route tables and their routes, and the gateways routes point at: internet, egress-only and NAT.
import {label, routeTargetKinds} from '../model/resources.js';
import type {Route, RouteTable} from '../model/types.js';
import {CommandError, type Draft} from './draft.js';
import {type FieldOption, addCommand, field, ref, removeCommand, setCommand} from './family.js';
import {type ArgSpec, lookupGiven} from './syntax.js';
import type {Args, CommandDef} from './types.js';

const rtbFamily = {noun: 'rtb', kind: 'route-table', collection: 'routeTables', title: 'route table'} as const;
const igwFamily = {noun: 'igw', kind: 'internet-gateway', collection: 'internetGateways', title: 'internet gateway'} as const;
const eigwFamily = {
	noun: 'eigw',
	kind: 'egress-only-internet-gateway',
	collection: 'egressOnlyInternetGateways',
	title: 'egress-only internet gateway',
} as const;
const natFamily = {noun: 'nat', kind: 'nat-gateway', collection: 'natGateways', title: 'NAT gateway'} as const;


const destinationArg: ArgSpec = {name: 'destination', kind: 'destination', refKinds: ['prefix-list'], placeholder: '<cidr|prefix-list>'};
const existingDestination: ArgSpec = {
	...destinationArg,
	suggest: (topology, given) =>
		lookupGiven<RouteTable>(topology, given.rtb, 'route-table')?.routes.map(route => route.destinationCidr ?? route.destinationPrefixListId!) ?? [],
};
const targetArg: ArgSpec = {name: 'target', kind: 'ref', refKinds: routeTargetKinds, values: ['local']};
const routeOptions: ArgSpec[] = [
	{name: 'state', kind: 'enum', values: ['active', 'blackhole'], optional: true},
	{name: 'origin', kind: 'enum', values: ['static', 'propagated'], optional: true},
];

/** Makes `rtb` the VPC's main table, and the previous main table a custom one. */
function makeMain(draft: Draft, rtbId: string): void {
	const table = draft.get('routeTables', rtbId);
	for (const other of draft.list('routeTables'))
		if (other.vpcId === table.vpcId && other.main && other.id !== rtbId) draft.update('routeTables', other.id, copy => void (copy.main = false));
}

function destinationOf(draft: Draft, args: Args): Pick<Route, 'destinationCidr' | 'destinationPrefixListId'> {
	const destination = args.str('destination');
	return destination.includes('/') && /^\d/.test(destination)
		? {destinationCidr: destination}
		: {destinationPrefixListId: draft.id(destination, ['prefix-list'])};
}

function sameDestination(a: Route, b: Pick<Route, 'destinationCidr' | 'destinationPrefixListId'>): boolean {
	return a.destinationCidr === b.destinationCidr && a.destinationPrefixListId === b.destinationPrefixListId;
}

function buildRoute(draft: Draft, args: Args): Route {
	const target = args.str('target');
	return {
		...destinationOf(draft, args),
		target: target === 'local' ? 'local' : draft.id(target, routeTargetKinds),
		origin: (args.opt('origin') as Route['origin'] | undefined) ?? 'static',
		state: (args.opt('state') as Route['state'] | undefined) ?? 'active',
	};
}

function routeCommand(verb: 'add' | 'replace'): CommandDef {
	return {
		name: `${verb} route`,
		summary: verb === 'add' ? 'add a route to a route table' : 'change the target of an existing route',
		help:
			verb === 'add'
				? 'Adds a route to a CIDR block or a prefix list, with a target: an igw, eigw, nat, pcx, tgw, vgw, gateway endpoint, network interface or instance (by id or name). state=blackhole keeps the route but drops its traffic; origin=propagated marks a route learned from a virtual private gateway. Refused when the table already has a route to that destination (use replace route).'
				: 'Replaces the target (and state) of the route to the same destination, as ReplaceRoute does.',
		example: verb === 'add' ? 'add route public 0.0.0.0/0 igw-main' : 'replace route private 0.0.0.0/0 nat-b',
		args: [ref('rtb', ['route-table']), verb === 'add' ? destinationArg : existingDestination, targetArg],
		options: routeOptions,
		run(draft, args) {
			const rtbId = draft.id(args.str('rtb'), ['route-table']);
			const route = buildRoute(draft, args);
			const shown = `${args.str('destination')} -> ${args.str('target')}`;
			const table = draft.update('routeTables', rtbId, copy => {
				const at = copy.routes.findIndex(existing => sameDestination(existing, route));
				if (verb === 'add') {
					if (at !== -1) throw new CommandError(`${label(copy)} already has a route to ${args.str('destination')} (to ${copy.routes[at]!.target}); use replace route`);
					copy.routes.push(route);
				} else {
					if (at === -1) throw new CommandError(`${label(copy)} has no route to ${args.str('destination')} to replace; use add route`);
					copy.routes[at] = route;
				}
			});
			return `${verb === 'add' ? 'added' : 'replaced'} route ${shown} in ${label(table)}`;
		},
	};
}

export const routingCommands: CommandDef[] = [
	addCommand(rtbFamily, {
		prefix: 'rtb',
		summary: 'create a route table in a VPC',
		help: 'Creates a custom route table (main=true makes it the VPC\'s main table instead). Subnets use it once associated: set subnet <subnet> rtb=<table>. Local routes for the VPC\'s blocks are implicit.',
		example: 'add rtb public vpc=app',
		args: [ref('vpc', ['vpc'])],
		options: [field({name: 'main', kind: 'bool'}, 'main')],
		build: (draft, id, name, args) => ({
			id,
			name,
			vpcId: draft.id(args.str('vpc'), ['vpc']),
			main: false,
			routes: [],
			propagatingVgwIds: [],
			gatewayIds: [],
		}),
		after: (draft, table) => {
			if (table.main) makeMain(draft, table.id);
		},
	}),
	setCommand(rtbFamily, {
		example: 'set rtb public main=true',
		help: 'main=true makes the table the main table of its VPC (used by every subnet without an association); the previous main table becomes a custom one.',
		options: [
			{
				name: 'main',
				kind: 'bool',
				optional: true,
				apply: (_draft, item, value) => {
					if (value === false && item.main) throw new CommandError(`a VPC always has a main route table: make another table main instead`);
					item.main = value as boolean;
				},
			},
		],
		after: (draft, table) => {
			if (table.main) makeMain(draft, table.id);
		},
	}),
	removeCommand(rtbFamily, {
		example: 'rm rtb public',
		guard: (_draft, table) => (table.main ? `${label(table)} is its VPC's main route table: make another table main first` : undefined),
	}),
	routeCommand('add'),
	routeCommand('replace'),
	{
		name: 'rm route',
		summary: 'remove a route from a route table',
		help: 'Removes the route to a CIDR block or prefix list. Local routes are implicit and cannot be removed.',
		example: 'rm route public 0.0.0.0/0',
		args: [ref('rtb', ['route-table']), existingDestination],
		run(draft, args) {
			const rtbId = draft.id(args.str('rtb'), ['route-table']);
			const destination = destinationOf(draft, args);
			const table = draft.update('routeTables', rtbId, copy => {
				const at = copy.routes.findIndex(existing => sameDestination(existing, destination));
				if (at === -1) throw new CommandError(`${label(copy)} has no route to ${args.str('destination')}`);
				copy.routes.splice(at, 1);
			});
			return `removed the route to ${args.str('destination')} from ${label(table)}`;
		},
	},
	...(['add', 'rm'] as const).map(
		(verb): CommandDef => ({
			name: `${verb} vgw-propagation`,
			summary: verb === 'add' ? 'let a virtual private gateway propagate its routes into a route table' : 'stop route propagation from a virtual private gateway',
			help: 'Route propagation puts the VPN (static and BGP) and Direct Connect routes a virtual private gateway knows into the route table as propagated routes.',
			example: `${verb} vgw-propagation private vgw-main`,
			args: [ref('rtb', ['route-table']), ref('vgw', ['vpn-gateway'])],
			run(draft, args) {
				const vgwId = draft.id(args.str('vgw'), ['vpn-gateway']);
				const table = draft.update('routeTables', draft.id(args.str('rtb'), ['route-table']), copy => {
					const has = copy.propagatingVgwIds.includes(vgwId);
					if (verb === 'add' && has) throw new CommandError(`${label(copy)} already gets routes from ${vgwId}`);
					if (verb === 'rm' && !has) throw new CommandError(`${label(copy)} gets no routes from ${vgwId}`);
					copy.propagatingVgwIds = verb === 'add' ? [...copy.propagatingVgwIds, vgwId] : copy.propagatingVgwIds.filter(id => id !== vgwId);
				});
				return `${label(table)} ${verb === 'add' ? 'now gets' : 'no longer gets'} routes from ${vgwId}`;
			},
		}),
	),
	...(['add', 'rm'] as const).map(
		(verb): CommandDef => ({
			name: `${verb} edge-association`,
			summary: verb === 'add' ? 'associate a route table with an internet or virtual private gateway (ingress routing)' : 'remove a gateway route table association',
			help: 'A gateway route table routes traffic entering the VPC through that gateway, e.g. to send it through an appliance before it reaches a subnet.',
			example: `${verb} edge-association ingress main`,
			args: [ref('rtb', ['route-table']), ref('gateway', ['internet-gateway', 'vpn-gateway'])],
			run(draft, args) {
				const gatewayId = draft.id(args.str('gateway'), ['internet-gateway', 'vpn-gateway']);
				const other = draft.list('routeTables').find(table => table.gatewayIds.includes(gatewayId));
				const rtbId = draft.id(args.str('rtb'), ['route-table']);
				if (verb === 'add' && other) throw new CommandError(`${gatewayId} is already associated with route table ${label(other)}`);
				const table = draft.update('routeTables', rtbId, copy => {
					if (verb === 'rm' && !copy.gatewayIds.includes(gatewayId)) throw new CommandError(`${label(copy)} is not associated with ${gatewayId}`);
					copy.gatewayIds = verb === 'add' ? [...copy.gatewayIds, gatewayId] : copy.gatewayIds.filter(id => id !== gatewayId);
				});
				return `${verb === 'add' ? 'associated' : 'disassociated'} ${label(table)} ${verb === 'add' ? 'with' : 'from'} ${gatewayId}`;
			},
		}),
	),
	addCommand(igwFamily, {
		prefix: 'igw',
		summary: 'create an internet gateway, attached to a VPC when vpc= is given',
		help: 'An internet gateway does 1:1 NAT between an interface\'s private address and its public or elastic IP. A subnet is public when its route table sends traffic to it.',
		example: 'add igw main vpc=app',
		options: [{name: 'vpc', kind: 'ref', refKinds: ['vpc'], optional: true, apply: (draft, item, value) => (item.vpcId = draft.id(String(value), ['vpc']))}],
		build: (_draft, id, name) => ({id, name}),
	}),
	{
		name: 'attach igw',
		summary: 'attach an internet gateway to a VPC',
		help: 'A VPC has at most one internet gateway; a gateway serves one VPC.',
		example: 'attach igw main app',
		args: [ref('igw', ['internet-gateway']), ref('vpc', ['vpc'])],
		run(draft, args) {
			const vpcId = draft.id(args.str('vpc'), ['vpc']);
			const other = draft.list('internetGateways').find(igw => igw.vpcId === vpcId);
			if (other) throw new CommandError(`VPC ${vpcId} already has internet gateway ${label(other)}`);
			const igw = draft.update('internetGateways', draft.id(args.str('igw'), ['internet-gateway']), copy => {
				if (copy.vpcId) throw new CommandError(`${label(copy)} is already attached to ${copy.vpcId}; detach it first`);
				copy.vpcId = vpcId;
			});
			reviveRoutes(draft, igw.id);
			return `attached internet gateway ${label(igw)} to ${vpcId}`;
		},
	},
	{
		name: 'detach igw',
		summary: 'detach an internet gateway from its VPC',
		help: 'Routes to a detached gateway stay in their tables as blackhole routes, as in AWS.',
		example: 'detach igw main',
		args: [ref('igw', ['internet-gateway'])],
		run(draft, args) {
			const igw = draft.update('internetGateways', draft.id(args.str('igw'), ['internet-gateway']), copy => {
				if (!copy.vpcId) throw new CommandError(`${label(copy)} is not attached to a VPC`);
				delete copy.vpcId;
			});
			const count = blackholeRoutes(draft, igw.id);
			return `detached internet gateway ${label(igw)}${count ? `; ${count} route${count > 1 ? 's' : ''} to it became blackhole` : ''}`;
		},
	},
	removeCommand(igwFamily, {
		example: 'rm igw main',
		guard: (_draft, igw) => (igw.vpcId ? `${label(igw)} is attached to ${igw.vpcId}: detach igw ${igw.name ?? igw.id} first` : undefined),
	}),
	addCommand(eigwFamily, {
		prefix: 'eigw',
		summary: 'create an egress-only internet gateway (IPv6, outbound-initiated only)',
		help: 'An egress-only internet gateway lets IPv6 traffic out and replies back in, never inbound-initiated traffic.',
		example: 'add eigw out vpc=app',
		args: [ref('vpc', ['vpc'])],
		build: (draft, id, name, args) => ({id, name, vpcId: draft.id(args.str('vpc'), ['vpc'])}),
	}),
	removeCommand(eigwFamily, {example: 'rm eigw out'}),
	...natCommands(),
];

/** Routes whose target went away are kept as blackhole routes (EC2's Route.State). */
export function blackholeRoutes(draft: Draft, targetId: string): number {
	let count = 0;
	for (const table of draft.list('routeTables'))
		if (table.routes.some(route => route.target === targetId && route.state !== 'blackhole'))
			draft.update('routeTables', table.id, copy => {
				for (const route of copy.routes)
					if (route.target === targetId && route.state !== 'blackhole') {
						route.state = 'blackhole';
						count++;
					}
			});
	return count;
}

function reviveRoutes(draft: Draft, targetId: string): void {
	for (const table of draft.list('routeTables'))
		if (table.routes.some(route => route.target === targetId && route.state === 'blackhole'))
			draft.update('routeTables', table.id, copy => {
				for (const route of copy.routes) if (route.target === targetId) route.state = 'active';
			});
}

function natCommands(): CommandDef[] {
	const options: FieldOption<'natGateways'>[] = [
		field({name: 'state', kind: 'enum', values: ['pending', 'available', 'deleting', 'deleted', 'failed']}, 'state'),
		{name: 'eip', kind: 'ip', optional: true, apply: (_draft, item, value) => (item.publicIp = String(value))},
	];
	return [
		addCommand(natFamily, {
			prefix: 'nat',
			summary: 'create a public or private NAT gateway in a subnet',
			help: 'A public NAT gateway (the default) sits in a public subnet with an elastic IP (assigned when eip= is not given); a private one has none and is used toward a transit gateway or VPN. Its private address is the subnet\'s first free one unless ip= is given. Private subnets send 0.0.0.0/0 to it.',
			example: 'add nat nat-a subnet=public-a public eip=203.0.113.20',
			args: [ref('subnet', ['subnet']), {name: 'connectivity', kind: 'enum', values: ['public', 'private'], optional: true}],
			options,
			extra: [{name: 'ip', kind: 'ip', optional: true}],
			build: (draft, id, name, args) => {
				const subnetId = draft.id(args.str('subnet'), ['subnet']);
				const ip = args.opt('ip');
				if (ip) draft.checkIp(subnetId, ip);
				const connectivity = (args.opt('connectivity') ?? 'public') as 'public' | 'private';
				if (connectivity === 'private' && args.has('eip')) throw new CommandError('a private NAT gateway has no elastic IP');
				return {
					id,
					name,
					subnetId,
					connectivity,
					privateIp: ip ?? draft.freeIp(subnetId),
					...(connectivity === 'public' ? {publicIp: draft.freePublicIp()} : {}),
					state: 'available',
				};
			},
		}),
		setCommand(natFamily, {example: 'set nat nat-a state=deleted', options}),
		removeCommand(natFamily, {example: 'rm nat nat-a'}),
	];
}
