// Generates the `large` topology of SPEC section 7 (200 VPCs, 2,000 subnets, 10,000 instances,
// 20,000 routes, 5,000 security group rules, a transit gateway with 200 VPC attachments, VPNs and
// Direct Connect) as a valid document, the same for the same seed. It is shaped like a real
// landing zone rather than random noise, so that traces walk the paths a real account has.
import {emptyCollections} from '../source/model/resources.js';
import {SCHEMA_VERSION} from '../source/model/schema.js';
import type {Route, RouteTable, Topology} from '../source/model/types.js';
import {buildHybrid} from './generate-hybrid.js';
import {buildVpc, type VpcPlan} from './generate-vpc.js';
import {largeCounts, PARTNER_BLOCK, REGION, ROUTES_PER_VPC, tgwSiteBlock} from './plan.js';
import {createRng, type Rng} from './prng.js';

export {generateFlows, type BenchFlow, type FlowCategory} from './flows.js';
export {largeCounts, type LargeCounts} from './plan.js';

export type GenerateOptions = {seed: number | string; scale?: number};

/** What the builders share: the document being filled, the PRNG, and id and address pools. */
export type Ctx = {
	readonly rng: Rng;
	readonly topology: Topology;
	/** A fresh AWS-style id: `vpc-` and 17 hex digits (or `hexLength`). */
	id(prefix: string, hexLength?: number): string;
	/** The next unused public address (instance public IPs, elastic IPs, tunnel outside IPs). */
	publicIp(): string;
	/** Ids every VPC refers to. */
	readonly tgwId: string;
	readonly onpremListId: string;
	readonly s3ListId: string;
	readonly dynamodbListId: string;
};

function emptyTopology(scale: number): Topology {
	return {
		schemaVersion: SCHEMA_VERSION,
		name: 'large',
		title: 'Generated large topology',
		description: `A generated landing zone at scale ${scale}: hub-and-spoke transit gateway, peering, NAT and internet egress, VPNs and Direct Connect.`,
		suggestedTraces: [],
		...emptyCollections(),
	};
}

function createCtx(rng: Rng, topology: Topology): Ctx {
	const used = new Set<string>();
	const id = (prefix: string, hexLength = 17): string => {
		for (;;) {
			const candidate = `${prefix}-${rng.hex(hexLength)}`;
			if (!used.has(candidate)) {
				used.add(candidate);
				return candidate;
			}
		}
	};
	// 54.160.0.0/11 is ample (2M addresses) and lies outside every VPC and site block.
	let nextPublic = 54 * 2 ** 24 + 160 * 2 ** 16 + 256;
	const publicIp = (): string => {
		nextPublic += 1 + rng.int(3);
		if ((nextPublic & 255) === 0 || (nextPublic & 255) === 255) nextPublic += 2;
		const n = nextPublic;
		return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
	};
	return {
		rng,
		topology,
		id,
		publicIp,
		tgwId: id('tgw'),
		onpremListId: id('pl'),
		s3ListId: `pl-${rng.hex(8)}`,
		dynamodbListId: `pl-${rng.hex(8)}`,
	};
}

function addPrefixLists(ctx: Ctx, tgwSites: number): void {
	const lists = ctx.topology.prefixLists;
	lists.push(
		{id: ctx.s3ListId, name: `com.amazonaws.${REGION}.s3`, ownership: 'aws-managed', serviceName: `com.amazonaws.${REGION}.s3`, region: REGION, cidrs: ['52.216.0.0/15', '3.5.0.0/19', '54.231.0.0/16', '16.182.0.0/16']},
		{id: ctx.dynamodbListId, name: `com.amazonaws.${REGION}.dynamodb`, ownership: 'aws-managed', serviceName: `com.amazonaws.${REGION}.dynamodb`, region: REGION, cidrs: ['52.94.0.0/22', '3.218.180.0/22']},
	);
	// On-premises sites behind the transit gateway VPNs: route tables and SGs name the list, so a
	// new site is one edit (the way customer-managed lists are used in practice).
	const cidrs = [];
	for (let t = 0; t < tgwSites; t++) cidrs.push(tgwSiteBlock(t));
	lists.push({id: ctx.onpremListId, name: 'onprem-sites', ownership: 'customer-managed', region: REGION, cidrs});
}

/** Routes that fill each VPC up to its quota: more specific on-premises and partner /24s. */
function fillRoutes(plan: VpcPlan, tables: RouteTable[], quota: number, tgwId: string, tgwSites: number): void {
	let count = tables.reduce((sum, table) => sum + table.routes.length, 0);
	if (count > quota) throw new Error(`VPC ${plan.vpcId} has ${count} routes before filling, more than its quota of ${quota}`);
	// The whole partner block goes to the transit gateway first; the /24s below only refine it.
	// Without it a partner host outside those /24s would fall to 0/0 and leave through the NAT.
	for (const table of tables) {
		if (count >= quota) break;
		if (table.routes.some(route => route.destinationCidr === PARTNER_BLOCK)) continue;
		table.routes.push({destinationCidr: PARTNER_BLOCK, target: tgwId, origin: 'static', state: 'active'});
		count++;
	}
	const pool: string[] = [];
	for (let t = 0; t < tgwSites; t++) for (let m = 0; m < 16; m++) pool.push(`192.168.${t * 16 + m}.0/24`);
	for (let m = 0; m < 512; m++) pool.push(`198.${18 + (m >>> 8)}.${m & 255}.0/24`);
	const next = new Map<RouteTable, number>(tables.map((table, i) => [table, i * 7]));
	for (let turn = 0; count < quota; turn++) {
		const table = tables[turn % tables.length]!;
		const position = next.get(table)!;
		next.set(table, position + 1);
		const route: Route = {destinationCidr: pool[position % pool.length], target: tgwId, origin: 'static', state: 'active'};
		table.routes.push(route);
		count++;
	}
}

export function generateLarge({seed, scale = 1}: GenerateOptions): Topology {
	const counts = largeCounts(scale);
	const rng = createRng(`large:${seed}`);
	const topology = emptyTopology(scale);
	const ctx = createCtx(rng, topology);
	addPrefixLists(ctx, counts.tgwVpnSites);
	const plans: VpcPlan[] = [];
	for (let i = 0; i < counts.vpcs; i++) plans.push(buildVpc(ctx, i));
	buildHybrid(ctx, plans, counts);
	for (const plan of plans) {
		const tables = [...plan.privateTables, plan.publicTable, plan.mainTable];
		fillRoutes(plan, tables, ROUTES_PER_VPC, ctx.tgwId, counts.tgwVpnSites);
	}
	return topology;
}
