// What the Routes pane shows for the selected resource: the route table that applies to it (or the
// TGW route tables of a TGW item), and what Routes and Rules share (rules-view.ts has the rules). Pure functions over the topology and its index, memoised by the caller. Every key press
// that moves the selection asks them again, so they look things up in tables built once per
// topology rather than walking its lists (ten thousand interfaces in a large one).
import {aKind, type ResourceIndex} from '../model/resources.js';
import type {MatchedEntry} from '../engine/types.js';
import type {NetworkAcl, NetworkInterface, RouteTable, Subnet, Topology, TgwRouteTable} from '../model/types.js';

export type RouteRow = {
	readonly tableId: string;
	readonly destination: string;
	readonly target: string;
	/** static / propagated / local, and blackhole when the target is gone. */
	readonly note: string;
};

export type RouteView = {
	/** One heading line per table shown, e.g. `rtb-private (main) for subnet-app-a`. */
	readonly tables: ReadonlyArray<{id: string; heading: string; rows: RouteRow[]}>;
	/** Why nothing is shown, when nothing is. */
	readonly empty?: string;
};

export type RuleRow = {
	/** The SG or NACL id this rule belongs to. */
	readonly ownerId: string;
	readonly direction: 'ingress' | 'egress' | 'inbound' | 'outbound';
	/** SG rules: index in the list; NACL rules: the rule number, or '*' for the final deny. */
	readonly position: number | '*';
	readonly text: string;
};

export type RuleView = {
	readonly sections: ReadonlyArray<{id: string; heading: string; rows: RuleRow[]}>;
	readonly empty?: string;
};

function prefixLength(destination: string): number {
	const slash = destination.indexOf('/');
	return slash < 0 ? -1 : Number(destination.slice(slash + 1));
}

/** What the selection asks of a topology, by key: built on first use, kept as long as the topology. */
type Lookups = {
	readonly interfacesByInstance: ReadonlyMap<string, readonly NetworkInterface[]>;
	readonly mainTableByVpc: ReadonlyMap<string, RouteTable>;
	readonly defaultAclByVpc: ReadonlyMap<string, NetworkAcl>;
	readonly edgeTablesByGateway: ReadonlyMap<string, readonly RouteTable[]>;
	readonly tgwTablesByTgw: ReadonlyMap<string, readonly TgwRouteTable[]>;
};

const lookupCache = new WeakMap<Topology, Lookups>();

function listPush<V>(map: Map<string, V[]>, key: string, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

export function lookupsOf(topology: Topology): Lookups {
	const cached = lookupCache.get(topology);
	if (cached) return cached;
	const interfacesByInstance = new Map<string, NetworkInterface[]>();
	for (const eni of topology.networkInterfaces) if (eni.instanceId) listPush(interfacesByInstance, eni.instanceId, eni);
	const mainTableByVpc = new Map<string, RouteTable>();
	const edgeTablesByGateway = new Map<string, RouteTable[]>();
	for (const table of topology.routeTables) {
		// The first one wins, as a search through the list would find it.
		if (table.main && !mainTableByVpc.has(table.vpcId)) mainTableByVpc.set(table.vpcId, table);
		for (const gatewayId of new Set(table.gatewayIds)) listPush(edgeTablesByGateway, gatewayId, table);
	}
	const defaultAclByVpc = new Map<string, NetworkAcl>();
	for (const acl of topology.networkAcls) if (acl.isDefault && !defaultAclByVpc.has(acl.vpcId)) defaultAclByVpc.set(acl.vpcId, acl);
	const tgwTablesByTgw = new Map<string, TgwRouteTable[]>();
	for (const table of topology.transitGatewayRouteTables) listPush(tgwTablesByTgw, table.transitGatewayId, table);
	const lookups = {interfacesByInstance, mainTableByVpc, defaultAclByVpc, edgeTablesByGateway, tgwTablesByTgw};
	lookupCache.set(topology, lookups);
	return lookups;
}

function subnetOf(topology: Topology, index: ResourceIndex, id: string): Subnet | undefined {
	const entry = index.byId.get(id);
	return entry?.kind === 'subnet' ? (entry.resource as Subnet) : undefined;
}

/** The subnet a resource lives in (the primary one, for things spread over several). */
export function subnetFor(topology: Topology, index: ResourceIndex, resourceId: string): Subnet | undefined {
	const entry = index.byId.get(resourceId);
	if (!entry) return undefined;
	const resource = entry.resource as Record<string, unknown>;
	switch (entry.kind) {
		case 'subnet':
			return entry.resource as Subnet;
		case 'network-interface':
		case 'nat-gateway':
			return subnetOf(topology, index, resource.subnetId as string);
		case 'instance': {
			let best: {subnetId: string; deviceIndex?: number} | undefined;
			for (const eni of lookupsOf(topology).interfacesByInstance.get(resourceId) ?? [])
				if (!best || (eni.deviceIndex ?? 99) < (best.deviceIndex ?? 99)) best = eni;
			return best ? subnetOf(topology, index, best.subnetId) : undefined;
		}
		case 'vpc-endpoint': {
			const first = (resource.networkInterfaces as Array<{subnetId: string}>)[0];
			return first ? subnetOf(topology, index, first.subnetId) : undefined;
		}
		case 'load-balancer': {
			const first = (resource.nodes as Array<{subnetId: string}>)[0];
			return first ? subnetOf(topology, index, first.subnetId) : undefined;
		}
		case 'client-vpn-endpoint': {
			const first = (resource.targetNetworks as Array<{subnetId: string}>)[0];
			return first ? subnetOf(topology, index, first.subnetId) : undefined;
		}
		default:
			return undefined;
	}
}

/** The VPC's main route table, or the subnet's explicit one. */
export function routeTableForSubnet(topology: Topology, index: ResourceIndex, subnet: Subnet): RouteTable | undefined {
	if (subnet.routeTableId) {
		const entry = index.byId.get(subnet.routeTableId);
		if (entry?.kind === 'route-table') return entry.resource as RouteTable;
	}
	return lookupsOf(topology).mainTableByVpc.get(subnet.vpcId);
}

export function naclForSubnet(topology: Topology, index: ResourceIndex, subnet: Subnet): NetworkAcl | undefined {
	if (subnet.networkAclId) {
		const entry = index.byId.get(subnet.networkAclId);
		if (entry?.kind === 'network-acl') return entry.resource as NetworkAcl;
	}
	return lookupsOf(topology).defaultAclByVpc.get(subnet.vpcId);
}

function vpcRouteRows(table: RouteTable, vpcBlocks: readonly string[]): RouteRow[] {
	const rows = table.routes.map(route => {
		const destination = route.destinationCidr ?? route.destinationPrefixListId ?? '?';
		const note = route.state === 'blackhole' ? `${route.origin}, blackhole` : route.origin;
		return {tableId: table.id, destination, target: route.target, note};
	});
	// Every table has a local route per VPC block, whether or not the document spells it out.
	for (const block of vpcBlocks)
		if (!rows.some(row => row.destination === block && row.target === 'local')) rows.push({tableId: table.id, destination: block, target: 'local', note: 'local'});
	// Evaluation order: longest prefix first; prefix lists (no length) after the CIDRs.
	return rows.sort((a, b) => prefixLength(b.destination) - prefixLength(a.destination));
}

function tgwRouteRows(table: TgwRouteTable): RouteRow[] {
	const rows = table.routes.map(route => ({
		tableId: table.id,
		destination: route.destinationCidr ?? route.destinationPrefixListId ?? '?',
		target: route.attachmentId ?? 'blackhole',
		note: route.state === 'blackhole' ? `${route.type}, blackhole` : route.type,
	}));
	return rows.sort((a, b) => prefixLength(b.destination) - prefixLength(a.destination));
}

function vpcTable(table: RouteTable, why: string, index: ResourceIndex) {
	const vpc = index.byId.get(table.vpcId);
	const blocks = vpc?.kind === 'vpc' ? (vpc.resource as {cidrBlocks: string[]}).cidrBlocks : [];
	const extras = table.propagatingVgwIds.length > 0 ? `, propagation from ${table.propagatingVgwIds.join(', ')}` : '';
	return {id: table.id, heading: `${table.name ?? table.id}${table.main ? ' (main)' : ''} ${why}${extras}`, rows: vpcRouteRows(table, blocks)};
}

function tgwTable(table: TgwRouteTable, why: string) {
	return {id: table.id, heading: `${table.name ?? table.id} ${why}`, rows: tgwRouteRows(table)};
}

export function routesFor(topology: Topology, index: ResourceIndex, resourceId: string | undefined): RouteView {
	if (!resourceId) return {tables: [], empty: 'Select a resource to see the route table that applies to it.'};
	const entry = index.byId.get(resourceId);
	if (!entry) return {tables: [], empty: 'Select a resource to see the route table that applies to it.'};
	const resource = entry.resource as Record<string, unknown>;
	switch (entry.kind) {
		case 'route-table':
			return {tables: [vpcTable(entry.resource as RouteTable, '', index)]};
		case 'transit-gateway-route-table':
			return {tables: [tgwTable(entry.resource as TgwRouteTable, '')]};
		case 'vpc': {
			const main = lookupsOf(topology).mainTableByVpc.get(resourceId);
			return main ? {tables: [vpcTable(main, 'for subnets without their own table', index)]} : {tables: [], empty: 'This VPC has no main route table.'};
		}
		case 'transit-gateway': {
			const tables = lookupsOf(topology).tgwTablesByTgw.get(resourceId) ?? [];
			return tables.length > 0 ? {tables: tables.map(table => tgwTable(table, ''))} : {tables: [], empty: 'This transit gateway has no route tables.'};
		}
		case 'transit-gateway-attachment': {
			const id = resource.associatedRouteTableId as string | undefined;
			const found = id ? index.byId.get(id) : undefined;
			const table = found?.kind === 'transit-gateway-route-table' ? (found.resource as TgwRouteTable) : undefined;
			return table ? {tables: [tgwTable(table, `for packets arriving from ${resourceId}`)]} : {tables: [], empty: 'This attachment is associated with no TGW route table: packets from it are dropped.'};
		}
		case 'internet-gateway':
		case 'vpn-gateway': {
			const edge = lookupsOf(topology).edgeTablesByGateway.get(resourceId) ?? [];
			return edge.length > 0
				? {tables: edge.map(table => vpcTable(table, `for traffic entering through ${resourceId}`, index))}
				: {tables: [], empty: 'Traffic entering through this gateway follows the VPC\'s local routes (no edge route table).'};
		}
		default: {
			const subnet = subnetFor(topology, index, resourceId);
			const table = subnet ? routeTableForSubnet(topology, index, subnet) : undefined;
			if (table && subnet) return {tables: [vpcTable(table, `for ${subnet.name ?? subnet.id}`, index)]};
			return {tables: [], empty: `No route table applies to ${aKind(entry.kind)}.`};
		}
	}
}

/** The table a trace hop decided with, to show it when the selection does not cover it. */
export function matchedOwner(matched: MatchedEntry): string {
	switch (matched.kind) {
		case 'route':
		case 'tgw-route':
			return matched.routeTableId;
		case 'sg-rule':
			return matched.groupId;
		case 'nacl-rule':
			return matched.aclId;
	}
}

export function isMatchedRoute(row: RouteRow, matched: MatchedEntry | undefined): boolean {
	if (!matched) return false;
	if (matched.kind === 'route') return row.tableId === matched.routeTableId && row.destination === matched.destination && row.target === matched.target;
	if (matched.kind === 'tgw-route') return row.tableId === matched.routeTableId && row.destination === matched.destination;
	return false;
}

export function isMatchedRule(row: RuleRow, matched: MatchedEntry | undefined): boolean {
	if (!matched) return false;
	if (matched.kind === 'sg-rule') return row.ownerId === matched.groupId && row.direction === matched.direction && row.position === matched.index;
	if (matched.kind === 'nacl-rule') return row.ownerId === matched.aclId && row.direction === matched.direction && row.position === matched.ruleNumber;
	return false;
}

export type Line<T> = {kind: 'heading'; text: string} | {kind: 'row'; row: T};

/** Flattens sections into display lines (headings between rows), filtered by text. */
export function toLines<T extends {text?: string; destination?: string; target?: string}>(
	sections: ReadonlyArray<{heading: string; rows: readonly T[]}>,
	filter: string,
): Array<Line<T>> {
	const needle = filter.trim().toLowerCase();
	const lines: Array<Line<T>> = [];
	for (const section of sections) {
		const rows = needle
			? section.rows.filter(row => `${row.text ?? ''} ${row.destination ?? ''} ${row.target ?? ''}`.toLowerCase().includes(needle))
			: section.rows;
		lines.push({kind: 'heading', text: section.heading});
		for (const row of rows) lines.push({kind: 'row', row});
	}
	return lines;
}
