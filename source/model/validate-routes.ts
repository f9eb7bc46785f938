// Route tables and their routes: one destination each, no duplicates, the reserved destination,
// the local route, routes more specific than local (whole subnets only, since August 2021), and
// targets that belong to the table's VPC. Blackhole routes may name targets that are gone.
import {type Cidr, cidrContains, formatCidr, parseCidr} from '../net/ipv4.js';
import {type Checker, type Subject, forEach, listCidrs, short} from './validate-context.js';
import {type ResourceKind, aKind, label, routeTargetKinds as targetKinds} from './resources.js';
import type {Route, RouteTable} from './types.js';

const forbidden = parseCidr('169.254.168.0/22');
/** What may replace the local route or take a more specific destination inside the VPC. */
const insideKinds: readonly ResourceKind[] = ['nat-gateway', 'network-interface', 'instance'];

type RouteContext = {
	readonly checker: Checker;
	/** Whole subnet blocks per VPC, keyed `base/prefix`, for the more-specific-than-local rule. */
	readonly subnetBlocks: Map<string, Map<string, string>>;
	/** The VPCs each transit gateway has a live attachment for (nested maps: no key strings per route). */
	readonly tgwVpcs: Map<string, Set<string>>;
	/** `instanceId|vpcId` for each attached interface; built on the first route to an instance. */
	instanceVpcs: Set<string> | undefined;
};

function instanceInVpc(context: RouteContext, instanceId: string, vpcId: string): boolean {
	if (!context.instanceVpcs) {
		context.instanceVpcs = new Set();
		for (const eni of context.checker.topology.networkInterfaces) {
			const eniVpc = eni.instanceId === undefined ? undefined : context.checker.vpcOfSubnet(eni.subnetId);
			if (eniVpc !== undefined) context.instanceVpcs.add(`${eni.instanceId}|${eniVpc}`);
		}
	}
	return context.instanceVpcs.has(`${instanceId}|${vpcId}`);
}

export function checkRouteTables(checker: Checker): void {
	const subnetBlocks = new Map<string, Map<string, string>>();
	for (const subnet of checker.topology.subnets) {
		const cidr = checker.subnetCidr.get(subnet.id);
		if (!cidr) continue;
		let blocks = subnetBlocks.get(subnet.vpcId);
		if (!blocks) subnetBlocks.set(subnet.vpcId, (blocks = new Map()));
		blocks.set(formatCidr(cidr), subnet.id);
	}
	const tgwVpcs = new Map<string, Set<string>>();
	for (const attachment of checker.topology.transitGatewayAttachments) {
		if (attachment.type !== 'vpc' || attachment.state === 'deleted') continue;
		let vpcs = tgwVpcs.get(attachment.transitGatewayId);
		if (!vpcs) tgwVpcs.set(attachment.transitGatewayId, (vpcs = new Set()));
		vpcs.add(attachment.resourceId);
	}
	const context: RouteContext = {checker, subnetBlocks, tgwVpcs, instanceVpcs: undefined};
	forEach(checker, 'routeTables', (table, subject) => checkTable(context, table, subject));
}

function checkTable(context: RouteContext, table: RouteTable, subject: Subject): void {
	const {checker} = context;
	const vpc = checker.ref(subject, 'vpcId', table.vpcId, 'vpc');
	table.propagatingVgwIds.forEach((id, i) => {
		const field = `propagatingVgwIds[${i}]`;
		const vgw = checker.ref(subject, field, id, 'vpn-gateway');
		if (vgw && vpc && vgw.vpcId !== vpc.id)
			checker.report(subject, field, `virtual private gateway ${label(vgw)} is not attached to ${short(vpc)}; only a virtual private gateway attached to the table's VPC can propagate routes into it`);
	});
	table.gatewayIds.forEach((id, i) => {
		const field = `gatewayIds[${i}]`;
		const gateway = checker.refAny(subject, field, id, ['internet-gateway', 'vpn-gateway']);
		const attachedTo = (gateway?.resource as {vpcId?: string} | undefined)?.vpcId;
		if (gateway && vpc && attachedTo !== vpc.id)
			checker.report(subject, field, `gateway ${id} is not attached to ${short(vpc)}; a gateway route table is associated only with a gateway of its own VPC`);
	});
	// One map per origin, keyed by destination: a table can hold the same destination once per origin.
	const seen = new Map<string, Map<string, Route>>();
	const blocks = vpc ? checker.vpcBlocks.get(vpc.id) ?? [] : undefined;
	const {routes} = table;
	for (let i = 0; i < routes.length; i++) {
		const route = routes[i]!;
		const destination = route.destinationCidr ?? route.destinationPrefixListId;
		// Field and description are only needed for a problem: 20,000 routes mostly have none.
		const field = `routes[${i}]`;
		if ((route.destinationCidr === undefined) === (route.destinationPrefixListId === undefined)) {
			checker.report(subject, field, `${describeRoute(route)} needs exactly one of destinationCidr and destinationPrefixListId`);
			continue;
		}
		if (route.destinationPrefixListId !== undefined)
			checker.ref(subject, `${field}.destinationPrefixListId`, route.destinationPrefixListId, 'prefix-list');
		let sameOrigin = seen.get(route.origin);
		if (!sameOrigin) seen.set(route.origin, (sameOrigin = new Map()));
		const earlier = sameOrigin.get(destination!);
		if (earlier !== undefined)
			checker.report(subject, field, `${describeRoute(route)} repeats the destination of ${describeRoute(earlier)} (both ${route.origin}); a route table holds one ${route.origin} route per destination`);
		else sameOrigin.set(destination!, route);
		const cidr = route.destinationCidr === undefined ? undefined : checker.cidr(route.destinationCidr);
		if (cidr && cidrContains(forbidden, cidr))
			checker.report(subject, `${field}.destinationCidr`, `${describeRoute(route)}: ${route.destinationCidr} is inside 169.254.168.0/22, which AWS reserves; it cannot be a route destination`);
		checkTarget(context, subject, table, blocks, route, field, cidr);
	}
}

function checkTarget(context: RouteContext, subject: Subject, table: RouteTable, blocks: Cidr[] | undefined, route: Route, field: string, cidr: Cidr | undefined): void {
	const {checker} = context;
	const destination = route.destinationCidr ?? route.destinationPrefixListId;
	// Built only for a message, like `what`: this runs for every route.
	const vpcName = () => checker.vpcName(table.vpcId);
	const what = () => describeRoute(route);
	if (route.target === 'local') {
		if (blocks && !(cidr && blocks.some(block => block.base === cidr.base && block.prefix === cidr.prefix)))
			checker.report(subject, `${field}.target`, `${what()}: target local only serves ${vpcName()}'s own blocks (${listCidrs(blocks)}); ${destination} is not one of them`);
		return;
	}
	const entry = checker.index.byId.get(route.target);
	if (!entry) {
		if (route.state !== 'blackhole')
			checker.report(subject, `${field}.target`, `${what()}: target "${route.target}" does not exist; an active route needs an existing target (a route to a deleted target has state blackhole)`);
		return;
	}
	if (!targetKinds.includes(entry.kind)) {
		checker.report(subject, `${field}.target`, `${what()}: target ${route.target} is ${aKind(entry.kind)}, which cannot be a route target; use local, ${targetKinds.map(aKind).join(', ')}`);
		return;
	}
	if (!blocks) return;
	const kind = entry.kind;
	const block = cidr && blocks.find(b => cidrContains(b, cidr));
	if (cidr && block && route.origin !== 'propagated') {
		// Propagated routes inside the VPC are legal: the local route simply wins over them.
		if (cidr.prefix === block.prefix && !insideKinds.includes(kind))
			checker.report(subject, `${field}.target`, `${what()}: ${destination} is ${vpcName()}'s block, covered by the local route; only a NAT gateway, a network interface or an instance can replace the local route's target, not ${aKind(kind)}`);
		if (cidr.prefix > block.prefix) {
			const subnetId = context.subnetBlocks.get(table.vpcId)?.get(formatCidr(cidr));
			if (subnetId === undefined) {
				const example = suggestSubnet(context, table.vpcId, cidr);
				checker.report(subject, `${field}.destinationCidr`, `${what()}: a route more specific than the local route must cover a whole subnet${example ? `, e.g. ${example}` : ` of ${vpcName()}`}`);
			} else if (!insideKinds.includes(kind))
				checker.report(subject, `${field}.target`, `${what()}: ${destination} is more specific than the local route, so it must target a NAT gateway, a network interface or an instance, not ${aKind(kind)}`);
		}
	}
	if (route.state === 'blackhole') return;
	const wrong = (why: string) => checker.report(subject, `${field}.target`, `${what()}: target ${route.target} ${why}`);
	const resource = entry.resource as Record<string, unknown>;
	switch (kind) {
		case 'egress-only-internet-gateway':
			// CreateRoute documents this target as IPv6 traffic only; every route vpcsim models is IPv4.
			wrong('is an egress-only internet gateway, which carries IPv6 traffic only; for IPv4 use an internet gateway or a NAT gateway');
			break;
		case 'internet-gateway':
		case 'vpn-gateway':
			if (resource.vpcId !== table.vpcId) wrong(`is not attached to ${vpcName()}; attach it or choose ${vpcName()}'s own gateway`);
			break;
		case 'nat-gateway':
			if (checker.vpcOfSubnet(resource.subnetId as string) !== table.vpcId) wrong(`is not in ${vpcName()}; a route can only use a NAT gateway of its own VPC`);
			break;
		case 'peering-connection':
			if (resource.requesterVpcId !== table.vpcId && resource.accepterVpcId !== table.vpcId)
				wrong(`does not connect ${vpcName()}; use a peering connection that has ${vpcName()} as requester or accepter`);
			break;
		case 'transit-gateway':
			if (!context.tgwVpcs.get(route.target)?.has(table.vpcId)) wrong(`has no VPC attachment for ${vpcName()}; attach ${vpcName()} to it first`);
			break;
		case 'vpc-endpoint':
			if (resource.type !== 'gateway') wrong('is an interface endpoint; only a gateway endpoint can be a route target');
			else if (resource.vpcId !== table.vpcId) wrong(`is an endpoint of ${checker.vpcName(resource.vpcId as string)}, not ${vpcName()}`);
			else if (route.destinationPrefixListId === undefined)
				wrong(`is a gateway endpoint; its route has the service's prefix list as destination (destinationPrefixListId), not a CIDR`);
			break;
		case 'network-interface':
			if (checker.vpcOfInterface(route.target) !== table.vpcId) wrong(`is not in ${vpcName()}; a route can only use a network interface of its own VPC`);
			break;
		case 'instance':
			if (!instanceInVpc(context, route.target, table.vpcId)) wrong(`has no network interface in ${vpcName()}`);
			break;
	}
}

export function describeRoute(route: Route): string {
	return `route ${route.destinationCidr ?? route.destinationPrefixListId ?? '(no destination)'} -> ${route.target}`;
}

/** A whole subnet near the destination, to show what a valid route would look like. */
function suggestSubnet(context: RouteContext, vpcId: string, cidr: Cidr): string | undefined {
	let fallback: string | undefined;
	for (const subnet of context.checker.subnetsByVpc.get(vpcId) ?? []) {
		const block = context.checker.subnetCidr.get(subnet.id);
		if (!block) continue;
		if (cidrContains(block, cidr) || cidrContains(cidr, block)) return formatCidr(block);
		fallback ??= formatCidr(block);
	}
	return fallback;
}
