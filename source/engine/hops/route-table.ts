// Route tables: the longest prefix first; then, for the same prefix, a static CIDR route beats a
// prefix-list route, which beats a propagated one. The local route beats any overlapping
// propagated route, even a more specific one, while a static route for a whole subnet may be more
// specific than local and win. (aws-semantics section 3)
import {cidrContains, cidrContainsAddress, formatCidr, formatIpv4} from '../../net/ipv4.js';
import {LpmIndex} from '../../net/lpm.js';
import type {RouteTable} from '../../model/types.js';
import type {RouteC, RouteTableC, SubnetC, TargetKind, VpcC} from '../compiled.js';
import type {Pkt} from '../packet.js';
import {pass, stop, type Walk} from '../walk-state.js';

type Cidr = {base: number; prefix: number};

export type RouteCompileInput = {
	parse: (cidr: string) => Cidr;
	prefixList: (id: string) => {cidrs: Cidr[]} | undefined;
	targetKind: (target: string) => TargetKind;
};

// One object shape for every route (no spreads): compiling 20,000 routes stays in the fast path.
function makeRoute(
	cidr: Cidr,
	destination: string,
	prefixListId: string | undefined,
	target: string,
	targetKind: TargetKind,
	origin: RouteC['origin'],
	blackhole: boolean,
	rank: number,
	index: number,
): RouteC {
	return {cidr, destination, prefixListId, target, targetKind, origin, blackhole, rank, index};
}

const byPriority = (a: RouteC, b: RouteC): number => a.rank - b.rank || a.index - b.index;

export function compileRouteTable(table: RouteTable, vpc: VpcC, input: RouteCompileInput): RouteTableC {
	const lpm = new LpmIndex<RouteC[]>();
	// One group per prefix, found through the index itself (no string keys while compiling).
	const groups: RouteC[][] = [];
	const add = (route: RouteC): void => {
		const group = lpm.exact(route.cidr)[0];
		if (group) group.push(route);
		else {
			const created = [route];
			groups.push(created);
			lpm.insert(route.cidr, created);
		}
	};
	const replaced = vpc.blocks.map(() => false);
	table.routes.forEach((route, index) => {
		const blackhole = route.state === 'blackhole';
		const isLocal = route.target === 'local' || route.origin === 'local';
		if (route.destinationCidr !== undefined) {
			const cidr = input.parse(route.destinationCidr);
			const block = vpc.blocks.findIndex(b => b.base === cidr.base && b.prefix === cidr.prefix);
			if (block >= 0) replaced[block] = true;
			const origin = block >= 0 || isLocal ? 'local' : route.origin === 'propagated' ? 'propagated' : 'static';
			const targetKind = isLocal ? 'local' : input.targetKind(route.target);
			add(makeRoute(cidr, formatCidr(cidr), undefined, route.target, targetKind, origin, blackhole, origin === 'propagated' ? 2 : 0, index));
		} else if (route.destinationPrefixListId !== undefined) {
			const list = input.prefixList(route.destinationPrefixListId);
			const origin = route.origin === 'propagated' ? 'propagated' : 'static';
			const targetKind = input.targetKind(route.target);
			for (const cidr of list?.cidrs ?? [])
				add(makeRoute(cidr, route.destinationPrefixListId, route.destinationPrefixListId, route.target, targetKind, origin, blackhole, origin === 'propagated' ? 2 : 1, index));
		}
	});
	vpc.blocks.forEach((block, index) => {
		if (!replaced[index]) add(makeRoute(block, formatCidr(block), undefined, 'local', 'local', 'local', false, 0, -1));
	});
	for (const group of groups) group.sort(byPriority);
	return {id: table.id, table, vpc, lpm, locals: vpc.blocks};
}

/** Adds a route compiled elsewhere (VGW propagation derived from VPN and Direct Connect) to a compiled table. */
export function addRoute(table: RouteTableC, route: {cidr: Cidr; target: string; targetKind: TargetKind; origin: RouteC['origin']}): void {
	const rank = route.origin === 'propagated' ? 2 : 0;
	const compiled = makeRoute(route.cidr, formatCidr(route.cidr), undefined, route.target, route.targetKind, route.origin, false, rank, Number.MAX_SAFE_INTEGER);
	const group = table.lpm.exact(route.cidr)[0];
	if (!group) {
		table.lpm.insert(route.cidr, [compiled]);
		return;
	}
	group.push(compiled);
	group.sort(byPriority);
}

function coveredByLocal(table: RouteTableC, address: number): boolean {
	for (const block of table.locals) if (cidrContainsAddress(block, address)) return true;
	return false;
}

/** The route a table uses for an address, or undefined when none applies. */
export function chooseRoute(table: RouteTableC, address: number): RouteC | undefined {
	const local = coveredByLocal(table, address);
	const longest = table.lpm.longestValues(address);
	if (!longest) return undefined;
	const top = longest[0]![0]!;
	if (!(local && top.origin === 'propagated')) return top;
	// A propagated route never beats the local route, however specific: look further down.
	for (const match of table.lpm.all(address)) {
		for (const route of match.values[0]!) if (route.origin !== 'propagated') return route;
	}
	return undefined;
}

const routeText = (route: RouteC): string => `${route.destination} -> ${route.target}`;

function originText(route: RouteC): string {
	if (route.origin === 'local') return 'local';
	if (route.origin === 'propagated') return 'propagated';
	return route.prefixListId ? 'prefix list' : 'static';
}

/** Why the chosen route won, naming the route that lost when one did (a few map probes, no scan). */
export function explainChoice(table: RouteTableC, route: RouteC, address: number): string {
	const group = table.lpm.exact(route.cidr)[0]!;
	const rival = group.find(other => other !== route);
	if (rival) return `${originText(route)} beats ${originText(rival)} ${routeText(rival)}`;
	if (route.origin === 'local') {
		// A longer match that lost to local can only be a propagated route.
		const longest = table.lpm.longest(address);
		if (longest && longest.cidr.prefix > route.cidr.prefix) return `local beats the more specific propagated ${routeText(longest.values[0]![0]!)}`;
		return 'local route';
	}
	for (const block of table.locals)
		if (block.prefix < route.cidr.prefix && cidrContains(block, route.cidr)) return `more specific than local ${formatCidr(block)}`;
	return 'longest prefix';
}

/** Looks the packet up in the subnet's route table; records the hop. */
export function routeFromSubnet(w: Walk, subnet: SubnetC, pkt: Pkt): RouteC | null {
	const table = subnet.table;
	if (!table) {
		return stop(w, {
			component: subnet.id,
			type: 'route-table',
			action: 'drop',
			detail: `subnet ${subnet.id} has no route table (and its VPC has no main table)`,
			code: 'NO_ROUTE_TO_DESTINATION',
		});
	}
	const route = chooseRoute(table, pkt.dst);
	if (!route) {
		return stop(w, {
			component: table.id,
			type: 'route-table',
			action: 'drop',
			detail: `no route matches ${formatIpv4(pkt.dst)}`,
			code: 'NO_ROUTE_TO_DESTINATION',
		});
	}
	const matched = {kind: 'route' as const, routeTableId: table.id, destination: route.destination, target: route.target};
	const via = route.prefixListId ? `${formatCidr(route.cidr)} in ${route.prefixListId}; ` : '';
	const detail = `${routeText(route)} (${via}${explainChoice(table, route, pkt.dst)})`;
	if (route.blackhole) {
		return stop(w, {component: table.id, type: 'route-table', action: 'drop', detail: `${detail} is a blackhole: its target is gone`, code: 'BAD_STATE_ROUTE', matched});
	}
	pass(w, {component: table.id, type: 'route-table', action: 'forward', detail, matched});
	return route;
}
