// Flows to trace through a generated topology: the traffic a landing zone carries (tier to tier,
// VPC to VPC over peering and the transit gateway, out to and in from the internet, to and from
// on premises over VPN and Direct Connect), with a share that AWS would refuse. Each flow carries
// its category, what it crosses, and the outcome the generator built it for, so the benchmark can
// report timings per kind of path and flag any disagreement with the engine.
import type {FlowSpec} from '../source/engine/types.js';
import {formatIpv4, parseCidr, sizeOf} from '../source/net/ipv4.js';
import type {Instance, Topology} from '../source/model/types.js';
import {createRng, type Rng} from './prng.js';

export type FlowCategory =
	| 'intra-vpc'
	| 'peering'
	| 'tgw'
	| 'internet-egress'
	| 'internet-ingress'
	| 'vpn-tgw'
	| 'vpn-vgw'
	| 'dx-tgw'
	| 'dx-vgw';
export type Via = 'peering' | 'tgw' | 'vpn' | 'dx' | 'igw' | 'nat';
export type BenchFlow = FlowSpec & {category: FlowCategory; via: Via[]; expect: 'reachable' | 'unreachable'};

/** How often each category appears, in percent. */
export const flowMix: Record<FlowCategory, number> = {
	'intra-vpc': 20, peering: 10, tgw: 20, 'internet-egress': 10, 'internet-ingress': 10, 'vpn-tgw': 10, 'vpn-vgw': 5, 'dx-tgw': 10, 'dx-vgw': 5,
};

type Host = {instance: Instance; publicIp?: string};
type VpcInfo = {id: string; segment: string; hosts: Record<string, Host[]>; vgw: boolean; branch?: string};

const INTERNET = ['1.1.1.1', '8.8.8.8', '140.82.112.3', '151.101.1.69', '81.2.69.160', '93.184.216.34'];

function hostIn(rng: Rng, cidr: string): string {
	const block = parseCidr(cidr);
	return formatIpv4(block.base + 10 + rng.int(Math.max(1, sizeOf(block) - 20)));
}

function survey(topology: Topology) {
	const vpcOfSubnet = new Map(topology.subnets.map(s => [s.id, s.vpcId]));
	const eniOf = new Map(topology.networkInterfaces.filter(e => e.instanceId && (e.deviceIndex ?? 0) === 0).map(e => [e.instanceId!, e]));
	const vpcs = new Map<string, VpcInfo>(topology.vpcs.map(v => [v.id, {id: v.id, segment: v.tags?.Segment ?? 'prod', hosts: {}, vgw: false}]));
	for (const instance of topology.instances) {
		const eni = eniOf.get(instance.id);
		const vpc = eni && vpcs.get(vpcOfSubnet.get(eni.subnetId) ?? '');
		if (!vpc || instance.state !== 'running') continue;
		const role = instance.tags?.Role ?? 'app';
		(vpc.hosts[role] ??= []).push({instance, publicIp: eni.publicIp});
	}
	for (const vgw of topology.vpnGateways) if (vgw.vpcId && vpcs.has(vgw.vpcId)) vpcs.get(vgw.vpcId)!.vgw = true;
	const sites = (kind: string) => topology.sites.filter(s => s.tags?.Kind === kind);
	for (const branch of sites('vgw-vpn')) {
		const vpc = vpcs.get(branch.tags?.Vpc ?? '');
		if (vpc) vpc.branch = branch.cidrs[0];
	}
	const peers = new Map<string, {vpc: string; active: boolean}[]>();
	for (const pcx of topology.peeringConnections) {
		const active = pcx.status === 'active';
		(peers.get(pcx.requesterVpcId) ?? peers.set(pcx.requesterVpcId, []).get(pcx.requesterVpcId)!).push({vpc: pcx.accepterVpcId, active});
		if (active) (peers.get(pcx.accepterVpcId) ?? peers.set(pcx.accepterVpcId, []).get(pcx.accepterVpcId)!).push({vpc: pcx.requesterVpcId, active});
	}
	const dc = sites('dx')[0];
	return {
		vpcs: [...vpcs.values()].filter(v => (v.hosts.app?.length ?? 0) > 0),
		byId: vpcs,
		peers,
		tgwSites: sites('tgw-vpn'),
		dxTransit: dc?.cidrs[0],
		dxPrivate: dc?.cidrs[1],
	};
}

type Survey = ReturnType<typeof survey>;
type Maker = (rng: Rng, s: Survey) => BenchFlow | undefined;

const tcp = (from: string, to: string, port: number) => ({from, to, protocol: 'tcp' as const, port});
const pickHost = (rng: Rng, vpc: VpcInfo, role: string): Host | undefined => {
	const list = vpc.hosts[role];
	return list && list.length > 0 ? rng.pick(list) : undefined;
};
const reachable = 'reachable' as const;
const unreachable = 'unreachable' as const;

const makers: Record<FlowCategory, Maker> = {
	'intra-vpc'(rng, s) {
		const vpc = rng.pick(s.vpcs);
		const app = pickHost(rng, vpc, 'app')!;
		const roll = rng.next();
		const web = pickHost(rng, vpc, 'web');
		const db = pickHost(rng, vpc, 'db');
		const batch = pickHost(rng, vpc, 'batch');
		if (roll < 0.45 && web) return {...tcp(web.instance.id, app.instance.id, 8080), category: 'intra-vpc', via: [], expect: reachable};
		if (roll < 0.85 && db) return {...tcp(app.instance.id, db.instance.id, 5432), category: 'intra-vpc', via: [], expect: reachable};
		if (roll < 0.93 && web && db) return {...tcp(web.instance.id, db.instance.id, 5432), category: 'intra-vpc', via: [], expect: unreachable};
		if (batch) return {...tcp(app.instance.id, batch.instance.id, 22), category: 'intra-vpc', via: [], expect: unreachable};
		return undefined;
	},
	peering(rng, s) {
		const candidates = s.vpcs.filter(v => s.peers.has(v.id));
		if (candidates.length === 0) return undefined;
		const vpc = rng.pick(candidates);
		const peer = rng.pick(s.peers.get(vpc.id)!);
		const other = s.byId.get(peer.vpc);
		const to = other && pickHost(rng, other, 'app');
		if (!to) return undefined;
		return {...tcp(pickHost(rng, vpc, 'app')!.instance.id, to.instance.id, 443), category: 'peering', via: ['peering'], expect: peer.active ? reachable : unreachable};
	},
	tgw(rng, s) {
		const from = rng.pick(s.vpcs);
		const peered = new Set((s.peers.get(from.id) ?? []).map(p => p.vpc));
		const blocked = rng.chance(0.1) && from.segment === 'dev';
		const fits = (v: VpcInfo) =>
			v.id !== from.id && !peered.has(v.id) && (blocked ? v.segment === 'prod' : v.segment === from.segment || v.segment === 'shared' || from.segment === 'shared');
		const to = s.vpcs.filter(fits);
		if (to.length === 0) return undefined;
		const host = pickHost(rng, rng.pick(to), 'app')!;
		return {...tcp(pickHost(rng, from, 'app')!.instance.id, host.instance.id, 443), category: 'tgw', via: ['tgw'], expect: blocked ? unreachable : reachable};
	},
	'internet-egress'(rng, s) {
		const vpc = rng.pick(s.vpcs);
		const target = rng.pick(INTERNET);
		const roll = rng.next();
		const web = vpc.hosts.web ?? [];
		const exposed = web.filter(h => h.publicIp);
		const hidden = web.filter(h => !h.publicIp);
		if (roll < 0.3 && exposed.length > 0) return {...tcp(rng.pick(exposed).instance.id, target, 443), category: 'internet-egress', via: ['igw'], expect: reachable};
		if (roll < 0.4 && hidden.length > 0) return {...tcp(rng.pick(hidden).instance.id, target, 443), category: 'internet-egress', via: ['igw'], expect: unreachable};
		const from = roll < 0.8 ? pickHost(rng, vpc, 'app')! : (pickHost(rng, vpc, 'db') ?? pickHost(rng, vpc, 'app')!);
		return {...tcp(from.instance.id, target, 443), category: 'internet-egress', via: ['nat', 'igw'], expect: reachable};
	},
	'internet-ingress'(rng, s) {
		const exposed = rng.pick(s.vpcs).hosts.web?.filter(h => h.publicIp) ?? [];
		if (exposed.length === 0) return undefined;
		const client = `81.2.${69 + rng.int(8)}.${1 + rng.int(254)}`;
		const ssh = rng.chance(0.15);
		return {...tcp(client, rng.pick(exposed).publicIp!, ssh ? 22 : 443), category: 'internet-ingress', via: ['igw'], expect: ssh ? unreachable : reachable};
	},
	'vpn-tgw'(rng, s) {
		if (s.tgwSites.length === 0) return undefined;
		const site = rng.pick(s.tgwSites);
		const onprem = hostIn(rng, rng.pick(site.cidrs));
		const app = pickHost(rng, rng.pick(s.vpcs), 'app')!;
		if (rng.chance(0.5)) return {...tcp(app.instance.id, onprem, 22), category: 'vpn-tgw', via: ['tgw', 'vpn'], expect: reachable};
		// The partner block is routed, but the app tier only admits on-premises sites.
		const fromPartner = onprem.startsWith('198.');
		return {...tcp(onprem, app.instance.id, 443), category: 'vpn-tgw', via: ['vpn', 'tgw'], expect: fromPartner ? unreachable : reachable};
	},
	'vpn-vgw'(rng, s) {
		const withBranch = s.vpcs.filter(v => v.branch);
		if (withBranch.length === 0) return undefined;
		const vpc = rng.pick(withBranch);
		const branchHost = hostIn(rng, vpc.branch!);
		const app = pickHost(rng, vpc, 'app')!;
		return rng.chance(0.5)
			? {...tcp(app.instance.id, branchHost, 443), category: 'vpn-vgw', via: ['vpn'], expect: reachable}
			: {...tcp(branchHost, app.instance.id, 443), category: 'vpn-vgw', via: ['vpn'], expect: reachable};
	},
	'dx-tgw'(rng, s) {
		if (!s.dxTransit) return undefined;
		const vpc = rng.pick(s.vpcs);
		const dcHost = hostIn(rng, s.dxTransit);
		const db = pickHost(rng, vpc, 'db');
		if (db && rng.chance(0.4)) return {...tcp(dcHost, db.instance.id, 5432), category: 'dx-tgw', via: ['dx', 'tgw'], expect: reachable};
		return {...tcp(pickHost(rng, vpc, 'app')!.instance.id, dcHost, 443), category: 'dx-tgw', via: ['tgw', 'dx'], expect: reachable};
	},
	'dx-vgw'(rng, s) {
		const withVgw = s.vpcs.filter(v => v.vgw);
		if (withVgw.length === 0 || !s.dxPrivate) return undefined;
		return {...tcp(pickHost(rng, rng.pick(withVgw), 'app')!.instance.id, hostIn(rng, s.dxPrivate), 443), category: 'dx-vgw', via: ['dx'], expect: reachable};
	},
};

/** `n` flows in the proportions of `flowMix`, the same for the same topology and seed. */
export function generateFlows(topology: Topology, n: number, seed: number | string): BenchFlow[] {
	const rng = createRng(`flows:${seed}`);
	const s = survey(topology);
	if (s.vpcs.length === 0) return [];
	const weighted = Object.entries(flowMix) as [FlowCategory, number][];
	const total = weighted.reduce((sum, [, w]) => sum + w, 0);
	const flows: BenchFlow[] = [];
	for (let attempts = 0; flows.length < n && attempts < n * 20; attempts++) {
		let roll = rng.int(total);
		const [category] = weighted.find(([, w]) => (roll -= w) < 0)!;
		const flow = makers[category](rng, s);
		if (flow) flows.push(flow);
	}
	return flows;
}
