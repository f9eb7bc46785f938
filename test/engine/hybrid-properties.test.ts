// Properties of the hybrid parts over the VPN, Direct Connect and transit gateway templates with
// links switched off at random (seeded): a trace never throws; it is reachable exactly when nothing
// blocked it; a link that is down never appears as carrying traffic; and taking a link down never
// makes an unreachable flow reachable.
import {describe, expect, it} from 'vitest';
import {loadTemplate} from '../../source/model/templates.js';
import type {Topology} from '../../source/model/types.js';
import {prepare, trace} from '../../source/engine/index.js';
import type {FlowSpec, TraceResult} from '../../source/engine/types.js';

function rng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 0x1_0000_0000;
	};
}

/** Every link that can be down, and what takes it down. */
function switches(topology: Topology): Array<{id: string; off: (t: Topology) => void}> {
	return [
		...topology.vpnConnections.map(vpn => ({id: vpn.id, off: (t: Topology) => t.vpnConnections.find(v => v.id === vpn.id)!.tunnels.forEach(tunnel => (tunnel.status = 'DOWN'))})),
		...topology.dxConnections.map(dx => ({id: dx.id, off: (t: Topology) => (t.dxConnections.find(d => d.id === dx.id)!.state = 'down')})),
		...topology.virtualInterfaces.map(vif => ({id: vif.id, off: (t: Topology) => (t.virtualInterfaces.find(v => v.id === vif.id)!.state = 'down')})),
		...topology.transitGatewayAttachments.map(att => ({id: att.id, off: (t: Topology) => (t.transitGatewayAttachments.find(a => a.id === att.id)!.state = 'deleting')})),
	];
}

function flows(topology: Topology): FlowSpec[] {
	const ends = [...topology.instances.map(i => i.id), ...topology.sites.map(s => s.cidrs[0]!.replace(/0\/\d+$/, '9'))];
	const out: FlowSpec[] = [];
	for (const from of ends) for (const to of ends) if (from !== to && !(from.includes('.') && to.includes('.'))) out.push({from, to, protocol: 'tcp', port: 443});
	return out;
}

const carriedBy = (result: TraceResult, id: string): boolean => [...result.forward, ...result.return].some(hop => hop.component === id && hop.action !== 'drop');

describe.each(['site-to-site-vpn', 'direct-connect', 'transit-gateway-hub'])('template %s with links down', id => {
	it('traces every pair consistently (seeded)', () => {
		const base = loadTemplate(id);
		const random = rng(id.length * 7919);
		const baseline = new Map(flows(base).map(flow => [`${flow.from}>${flow.to}`, trace(prepare(base), flow).reachable]));
		let lost = 0;
		for (let round = 0; round < 12; round++) {
			const topology = structuredClone(base);
			const down = switches(base).filter(() => random() < 0.35);
			for (const link of down) link.off(topology);
			const ctx = prepare(topology);
			for (const flow of flows(topology)) {
				const result = trace(ctx, flow);
				expect(result.reachable).toBe(result.blockedAt === null);
				for (const link of down) expect(carriedBy(result, link.id), `${flow.from} -> ${flow.to} over ${link.id}`).toBe(false);
				if (!baseline.get(`${flow.from}>${flow.to}`)) expect(result.reachable, `${flow.from} -> ${flow.to}`).toBe(false);
				else if (!result.reachable) lost++;
			}
		}
		// The rounds did take paths away.
		expect(lost).toBeGreaterThan(0);
	});
});
