// The JSON contract of SPEC section 3: keys and types that other programs rely on, and every code
// the engine raises is listed (with its meaning) in codes.ts.
import {describe, expect, it} from 'vitest';
import {TraceInputError, codes, prepare, trace} from '../../source/engine/index.js';
import type {Hop, TraceResult} from '../../source/engine/types.js';
import {loadTemplate, templateIds} from '../../source/model/templates.js';

const actions = new Set(['allow', 'deny', 'forward', 'translate', 'deliver', 'drop']);

function checkPacket(packet: unknown): void {
	expect(packet).toBeTypeOf('object');
	const p = packet as Record<string, unknown>;
	expect(Object.keys(p).every(key => ['protocol', 'source', 'destination', 'sourcePort', 'destinationPort'].includes(key))).toBe(true);
	expect(['tcp', 'udp', 'icmp', 'all'].includes(p.protocol as string) || typeof p.protocol === 'number').toBe(true);
	expect(p.source).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
	expect(p.destination).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
	if (p.sourcePort !== undefined) expect(Number.isInteger(p.sourcePort)).toBe(true);
	if (p.destinationPort !== undefined) expect(Number.isInteger(p.destinationPort)).toBe(true);
}

function checkHop(hop: Hop): void {
	expect(Object.keys(hop).every(key => ['component', 'type', 'action', 'detail', 'code', 'packet', 'packetBefore', 'matched'].includes(key))).toBe(true);
	expect(hop.component).toBeTypeOf('string');
	expect(hop.component.length).toBeGreaterThan(0);
	expect(hop.type).toBeTypeOf('string');
	expect(actions.has(hop.action)).toBe(true);
	expect(hop.detail).toBeTypeOf('string');
	expect(hop.detail.length).toBeGreaterThan(0);
	if (hop.code !== undefined) expect(Object.hasOwn(codes, hop.code)).toBe(true);
	if (hop.action === 'translate') {
		checkPacket(hop.packet);
		checkPacket(hop.packetBefore);
	}
}

function checkResult(result: TraceResult): void {
	const round = JSON.parse(JSON.stringify(result)) as TraceResult;
	expect(Object.keys(round).sort()).toEqual(['blockedAt', 'explanations', 'forward', 'packet', 'reachable', 'return']);
	expect(round.reachable).toBeTypeOf('boolean');
	checkPacket(round.packet);
	for (const hop of [...round.forward, ...round.return]) checkHop(hop);
	if (round.reachable) {
		expect(round.blockedAt).toBeNull();
		expect(round.forward.at(-1)!.action).toBe('deliver');
		expect(round.return.at(-1)!.action).toBe('deliver');
	} else {
		expect(Object.keys(round.blockedAt!).sort()).toEqual(['code', 'component', 'direction', 'type']);
		expect(['forward', 'return']).toContain(round.blockedAt!.direction);
		const last = round[round.blockedAt!.direction].at(-1)!;
		expect(last).toMatchObject({component: round.blockedAt!.component, code: round.blockedAt!.code});
		expect(round.explanations).toContainEqual(expect.objectContaining({code: round.blockedAt!.code, component: round.blockedAt!.component}));
	}
	for (const explanation of round.explanations) {
		expect(Object.keys(explanation).sort()).toEqual(['code', 'component', 'message']);
		expect(Object.hasOwn(codes, explanation.code)).toBe(true);
	}
}

describe('trace result contract', () => {
	for (const id of ['basic-public-private', 'nacl-ephemeral-ports', 'peering-non-transitive', 'gateway-endpoint-s3']) {
		it(`holds for every suggested trace of ${id}`, () => {
			const topology = loadTemplate(id);
			const ctx = prepare(topology);
			for (const suggested of topology.suggestedTraces) checkResult(trace(ctx, {from: suggested.from, to: suggested.to, protocol: suggested.protocol, port: suggested.port}));
		});
	}

	it('every pair of ends in every template gives a result or a TraceInputError, never a crash', () => {
		for (const id of templateIds()) {
			const topology = loadTemplate(id);
			const ctx = prepare(topology);
			const ends = [
				...topology.instances.map(r => r.id),
				...topology.networkInterfaces.map(r => r.id),
				...topology.natGateways.map(r => r.id),
				...topology.vpcEndpoints.map(r => r.id),
				...topology.sites.map(r => r.id),
				...topology.internetGateways.map(r => r.id),
				'8.8.8.8',
				'203.0.113.9',
			];
			for (const from of ends) {
				for (const to of ends) {
					for (const flow of [{protocol: 'tcp' as const, port: 443}, {protocol: 'icmp' as const}]) {
						try {
							checkResult(trace(ctx, {from, to, ...flow}));
						} catch (error) {
							expect(error, `${id}: ${from} -> ${to}`).toBeInstanceOf(TraceInputError);
						}
					}
				}
			}
		}
	});

	it('every code has a one-line meaning', () => {
		for (const [code, meaning] of Object.entries(codes)) {
			expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
			expect(meaning).not.toContain('\n');
			expect(meaning.length).toBeGreaterThan(10);
		}
	});
});
