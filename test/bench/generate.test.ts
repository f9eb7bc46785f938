import {describe, expect, it} from 'vitest';
import {generateFlows, generateLarge, largeCounts} from '../../bench/generate.js';
import {checkTopology} from '../../source/model/load.js';
import type {Topology} from '../../source/model/types.js';
import {cidrsOverlap, parseCidr} from '../../source/net/ipv4.js';

const routeCount = (t: Topology) => t.routeTables.reduce((sum, table) => sum + table.routes.length, 0);
const ruleCount = (t: Topology) => t.securityGroups.reduce((sum, g) => sum + g.ingress.length + g.egress.length, 0);

function countsOf(t: Topology) {
	return {
		vpcs: t.vpcs.length,
		subnets: t.subnets.length,
		instances: t.instances.length,
		routes: routeCount(t),
		securityGroupRules: ruleCount(t),
		tgwVpcAttachments: t.transitGatewayAttachments.filter(a => a.type === 'vpc').length,
		tgwVpnSites: t.sites.filter(s => s.tags?.Kind === 'tgw-vpn').length,
	};
}

const problemsOf = (t: Topology) => {
	const result = checkTopology(JSON.parse(JSON.stringify(t)));
	return result.ok ? [] : result.problems.slice(0, 5).map(p => `${p.path}: ${p.message}`);
};

describe('generateLarge', () => {
	it.each([0.01, 0.025, 0.05])('passes checkTopology at scale %s', scale => {
		expect(problemsOf(generateLarge({seed: 7, scale}))).toEqual([]);
	});

	it('is the same for a seed and differs for another', () => {
		const a = JSON.stringify(generateLarge({seed: 'a', scale: 0.02}));
		expect(JSON.stringify(generateLarge({seed: 'a', scale: 0.02}))).toBe(a);
		expect(JSON.stringify(generateLarge({seed: 'b', scale: 0.02}))).not.toBe(a);
	});

	it('scales every count with the number of VPCs', () => {
		for (const scale of [0.01, 0.02, 0.05, 0.1]) {
			const vpcs = Math.max(2, Math.round(200 * scale));
			const expected = largeCounts(scale);
			expect(expected).toMatchObject({vpcs, subnets: 10 * vpcs, instances: 50 * vpcs, routes: 100 * vpcs, securityGroupRules: 25 * vpcs, tgwVpcAttachments: vpcs});
			expect(countsOf(generateLarge({seed: 1, scale}))).toEqual(expected);
		}
	});

	it('makes the SPEC section 7 topology at scale 1, valid', () => {
		const topology = generateLarge({seed: 1});
		expect(countsOf(topology)).toEqual({vpcs: 200, subnets: 2000, instances: 10_000, routes: 20_000, securityGroupRules: 5000, tgwVpcAttachments: 200, tgwVpnSites: 8});
		expect(problemsOf(topology)).toEqual([]);
	}, 60_000);

	it('refuses a scale that does not fit the address plan', () => {
		expect(() => largeCounts(2)).toThrow(/at most 250/);
		expect(() => largeCounts(0)).toThrow(/positive/);
	});

	const t = generateLarge({seed: 3, scale: 0.05});

	it('mixes every kind of route target, blackholes, propagated and prefix-list routes', () => {
		const kindOf = new Map<string, string>();
		for (const [list, kind] of [[t.internetGateways, 'igw'], [t.natGateways, 'nat'], [t.peeringConnections, 'pcx'], [t.transitGateways, 'tgw'], [t.vpnGateways, 'vgw']] as const)
			for (const resource of list) kindOf.set(resource.id, kind);
		const routes = t.routeTables.flatMap(table => table.routes);
		expect(new Set(routes.map(r => kindOf.get(r.target)))).toEqual(new Set(['igw', 'nat', 'pcx', 'tgw', 'vgw']));
		expect(routes.some(r => r.state === 'blackhole')).toBe(true);
		expect(routes.some(r => r.origin === 'propagated')).toBe(true);
		expect(routes.some(r => r.destinationPrefixListId)).toBe(true);
		const tgwRoutes = t.transitGatewayRouteTables.flatMap(table => table.routes);
		expect(t.transitGatewayRouteTables.length).toBeGreaterThanOrEqual(3);
		expect(tgwRoutes.some(r => r.state === 'blackhole')).toBe(true);
		expect(tgwRoutes.some(r => r.type === 'static' && r.attachmentId)).toBe(true);
		expect(tgwRoutes.some(r => r.type === 'propagated')).toBe(true);
	});

	it('has SG rules by CIDR, group and prefix list, NACL rules, VPNs both ways and Direct Connect', () => {
		const rules = t.securityGroups.flatMap(g => [...g.ingress, ...g.egress]);
		expect(rules.some(r => r.cidr) && rules.some(r => r.groupId) && rules.some(r => r.prefixListId)).toBe(true);
		expect(t.networkAcls.some(a => a.inbound.length > 3)).toBe(true);
		expect(t.vpnConnections.some(v => v.transitGatewayId) && t.vpnConnections.some(v => v.vpnGatewayId)).toBe(true);
		expect(new Set(t.transitGatewayAttachments.map(a => a.type))).toEqual(new Set(['vpc', 'vpn', 'direct-connect-gateway']));
		expect(t.dxConnections.length).toBe(1);
		expect(new Set(t.virtualInterfaces.map(v => v.type))).toEqual(new Set(['transit', 'private']));
		expect(t.networkInterfaces.some(e => e.publicIp)).toBe(true);
		expect(t.vpcs.some(v => v.cidrBlocks.length > 1)).toBe(true);
	});

	it('keeps VPC and site blocks apart and addresses unique', () => {
		const blocks = [...t.vpcs.flatMap(v => v.cidrBlocks), ...t.sites.flatMap(s => s.cidrs)].map(c => parseCidr(c));
		for (let i = 0; i < blocks.length; i++) for (let j = i + 1; j < blocks.length; j++) expect(cidrsOverlap(blocks[i]!, blocks[j]!)).toBe(false);
		const privateIps = t.networkInterfaces.map(e => e.privateIp);
		expect(new Set(privateIps).size).toBe(privateIps.length);
		const publicIps = [...t.networkInterfaces.flatMap(e => (e.publicIp ? [e.publicIp] : [])), ...t.natGateways.flatMap(n => (n.publicIp ? [n.publicIp] : []))];
		expect(new Set(publicIps).size).toBe(publicIps.length);
	});
});

describe('generateFlows', () => {
	const t = generateLarge({seed: 5, scale: 0.05});

	it('is the same for a seed, covers every category, and names resources of the topology', () => {
		const flows = generateFlows(t, 500, 9);
		expect(generateFlows(t, 500, 9)).toEqual(flows);
		expect(generateFlows(t, 500, 10)).not.toEqual(flows);
		expect(flows).toHaveLength(500);
		expect(new Set(flows.map(f => f.category))).toEqual(new Set(['intra-vpc', 'peering', 'tgw', 'internet-egress', 'internet-ingress', 'vpn-tgw', 'vpn-vgw', 'dx-tgw', 'dx-vgw']));
		const ids = new Set(t.instances.map(i => i.id));
		const isIp = (ref: string) => /^\d+\.\d+\.\d+\.\d+$/.test(ref);
		for (const flow of flows) {
			expect(ids.has(flow.from) || isIp(flow.from)).toBe(true);
			expect(ids.has(flow.to) || isIp(flow.to)).toBe(true);
		}
		expect(flows.some(f => f.expect === 'unreachable')).toBe(true);
	});

	it('still gives flows on the smallest topology', () => {
		expect(generateFlows(generateLarge({seed: 1, scale: 0.01}), 50, 1)).toHaveLength(50);
	});
});
