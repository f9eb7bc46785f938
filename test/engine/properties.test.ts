// Seeded property tests: the route chosen always equals a brute-force reading of AWS's priority
// rules, and opening a security group never makes a reachable flow unreachable.
import {describe, expect, it} from 'vitest';
import {cidrContainsAddress, parseCidr, type Cidr} from '../../source/net/ipv4.js';
import {chooseRoute, prepare, trace} from '../../source/engine/index.js';
import type {Route} from '../../source/model/types.js';
import {TopologyBuilder} from './builder.js';

function rng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** AWS's order read literally: candidates containing the address; propagated ones out if a local route covers it; longest; static CIDR, prefix list, propagated; first listed. */
function bruteForce(routes: Route[], blocks: Cidr[], lists: Map<string, Cidr[]>, address: number): {target: string; prefix: number} | undefined {
	type Candidate = {target: string; cidr: Cidr; rank: number; index: number; propagated: boolean};
	const candidates: Candidate[] = [];
	const explicit = new Set<number>();
	routes.forEach((route, index) => {
		const cidrs = route.destinationCidr ? [parseCidr(route.destinationCidr)] : lists.get(route.destinationPrefixListId!) ?? [];
		for (const cidr of cidrs) {
			const block = blocks.findIndex(b => b.base === cidr.base && b.prefix === cidr.prefix);
			if (block >= 0) explicit.add(block);
			const propagated = route.origin === 'propagated';
			candidates.push({target: route.target, cidr, rank: propagated ? 2 : route.destinationPrefixListId ? 1 : 0, index, propagated: propagated && block < 0});
		}
	});
	blocks.forEach((cidr, block) => {
		if (!explicit.has(block)) candidates.push({target: 'local', cidr, rank: 0, index: -1, propagated: false});
	});
	const local = blocks.some(b => cidrContainsAddress(b, address));
	const usable = candidates.filter(c => cidrContainsAddress(c.cidr, address) && !(local && c.propagated));
	usable.sort((a, b) => b.cidr.prefix - a.cidr.prefix || a.rank - b.rank || a.index - b.index);
	const best = usable[0];
	return best && {target: best.target, prefix: best.cidr.prefix};
}

describe('route choice', () => {
	it('matches a brute-force scan of the table (seeded)', () => {
		const random = rng(20_260_101);
		const prefixLists = new Map([['pl-1', ['10.8.0.0/16', '52.0.0.0/8']], ['pl-2', ['52.0.0.0/8', '172.16.0.0/12']]]);
		const destinations = ['0.0.0.0/0', '10.0.0.0/8', '10.0.0.0/16', '10.0.1.0/24', '10.0.2.0/24', '10.8.0.0/16', '10.8.4.0/24', '52.0.0.0/8', '52.1.0.0/16', '172.16.0.0/12', '172.31.0.0/16'];
		const targets = ['igw-1', 'pcx-1', 'vgw-1', 'i-fw'];
		let checked = 0;
		for (let round = 0; round < 60; round++) {
			const routes: Route[] = [];
			const seen = new Set<string>();
			for (let n = 0; n < 8; n++) {
				const usePrefixList = random() < 0.2;
				const destination = usePrefixList ? pick(random, ['pl-1', 'pl-2']) : pick(random, destinations);
				const origin = random() < 0.3 ? 'propagated' : 'static';
				const target = origin === 'propagated' ? 'vgw-1' : pick(random, targets);
				const key = `${destination}|${origin}`;
				if (seen.has(key) || destination === '10.0.0.0/16') continue;
				seen.add(key);
				routes.push(usePrefixList ? {destinationPrefixListId: destination, target, origin, state: 'active'} : {destinationCidr: destination, target, origin, state: 'active'});
			}
			const b = new TopologyBuilder().vpc('vpc-a', '10.0.0.0/16', {igw: 'igw-1'}).vpc('vpc-p', '172.31.0.0/16').peering('pcx-1', 'vpc-a', 'vpc-p').vpnGateway('vgw-1', 'vpc-a');
			b.subnet('subnet-1', 'vpc-a', '10.0.1.0/24').subnet('subnet-2', 'vpc-a', '10.0.2.0/24').subnet('subnet-fw', 'vpc-a', '10.0.3.0/24').instance('i-fw', 'subnet-fw', '10.0.3.10', {sourceDestCheck: false});
			for (const [id, cidrs] of prefixLists) b.prefixList(id, cidrs);
			b.doc.routeTables.find(t => t.id === 'rtb-main-a')!.propagatingVgwIds = ['vgw-1'];
			// Only whole-subnet routes may be more specific than local: keep the generated table valid.
			b.routes('rtb-main-a', ...routes.filter(r => !(r.destinationCidr === '10.0.1.0/24' || r.destinationCidr === '10.0.2.0/24') || r.target === 'i-fw' || r.origin === 'propagated'));
			let topology;
			try {
				topology = b.build();
			} catch {
				continue; // a combination AWS refuses; the property is about tables AWS accepts
			}
			checked++;
			const ctx = prepare(topology);
			const table = ctx.routeTables.get('rtb-main-a')!;
			const lists = new Map([...prefixLists].map(([id, cidrs]) => [id, cidrs.map(c => parseCidr(c))]));
			const raw = topology.routeTables.find(t => t.id === 'rtb-main-a')!.routes;
			for (let probe = 0; probe < 40; probe++) {
				const address = pick(random, [0x0a000105, 0x0a000205, 0x0a080405, 0x0a080505, 0x34010101, 0x34020202, 0xac1f0505, 0xac100001, 0x08080808, 0x0a090909]);
				const chosen = chooseRoute(table, address);
				const expected = bruteForce(raw, [parseCidr('10.0.0.0/16')], lists, address);
				expect(chosen && {target: chosen.target, prefix: chosen.cidr.prefix}).toEqual(expected);
			}
		}
		expect(checked).toBeGreaterThan(30);
	});
});

describe('security groups', () => {
	it('adding an allow-all rule never makes a reachable flow unreachable (seeded)', () => {
		const random = rng(7);
		const ports = [22, 80, 443, 5432, 8080];
		const cidrs = ['10.0.0.0/16', '10.0.1.0/24', '10.0.2.0/24', '0.0.0.0/0', '10.0.2.10/32'];
		let reachableBefore = 0;
		for (let round = 0; round < 40; round++) {
			const rule = () => {
				const protocol = pick(random, ['tcp', 'udp', 'all'] as const);
				const cidr = pick(random, cidrs);
				const from = pick(random, ports);
				return protocol === 'all' ? {protocol, cidr} : {protocol, fromPort: from, toPort: from + pick(random, [0, 500, 1000]), cidr};
			};
			const b = new TopologyBuilder()
				.vpc('vpc-a', '10.0.0.0/16')
				.subnet('subnet-1', 'vpc-a', '10.0.1.0/24')
				.subnet('subnet-2', 'vpc-a', '10.0.2.0/24')
				.sg('sg-x', 'vpc-a', [rule(), rule()], [rule(), rule()])
				.sg('sg-y', 'vpc-a', [rule(), rule()], [rule()])
				.instance('i-a', 'subnet-1', '10.0.1.10', {groups: ['sg-x']})
				.instance('i-b', 'subnet-2', '10.0.2.10', {groups: ['sg-y']})
				.instance('i-c', 'subnet-2', '10.0.2.20', {groups: ['sg-x', 'sg-y']});
			const flows = Array.from({length: 10}, () => ({from: pick(random, ['i-a', 'i-b', 'i-c']), to: pick(random, ['i-a', 'i-b', 'i-c']), protocol: pick(random, ['tcp', 'udp'] as const), port: pick(random, ports) + (random() < 0.5 ? 0 : 500)}));
			const before = prepare(b.build());
			const group = pick(random, ['sg-x', 'sg-y']);
			const sg = b.doc.securityGroups.find(g => g.id === group)!;
			if (random() < 0.5) (sg.ingress ??= []).push({protocol: 'all', cidr: '0.0.0.0/0'});
			else (sg.egress ??= []).push({protocol: 'all', cidr: '0.0.0.0/0'});
			const after = prepare(b.build());
			for (const flow of flows) {
				if (!trace(before, flow).reachable) continue;
				reachableBefore++;
				expect(trace(after, flow).reachable, JSON.stringify(flow)).toBe(true);
			}
		}
		expect(reachableBefore).toBeGreaterThan(20);
	});
});
