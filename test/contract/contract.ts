// The rules of SPEC section 3 that every `trace --json` result must follow, whatever the flow.
import {readFileSync} from 'node:fs';
import {expect} from 'vitest';
import {type Hop, type Result, summary} from './helpers.js';

const actions = ['allow', 'deny', 'forward', 'translate', 'deliver', 'drop'];
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function checkPacket(packet: unknown, where: string): void {
	expect(packet, where).toBeTypeOf('object');
	const p = packet as Record<string, unknown>;
	for (const key of Object.keys(p)) expect(['protocol', 'source', 'destination', 'sourcePort', 'destinationPort'], `${where}: key ${key}`).toContain(key);
	expect(['string', 'number'], where).toContain(typeof p.protocol);
	expect(p.source, where).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
	expect(p.destination, where).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
	for (const port of ['sourcePort', 'destinationPort'])
		if (p[port] !== undefined) {
			expect(Number.isInteger(p[port]), `${where}.${port}`).toBe(true);
			expect(p[port] as number, `${where}.${port}`).toBeGreaterThanOrEqual(0);
			expect(p[port] as number, `${where}.${port}`).toBeLessThanOrEqual(65535);
		}
}

function checkHop(hop: Hop, where: string): void {
	expect(hop.component, where).toBeTypeOf('string');
	expect(hop.component.length, where).toBeGreaterThan(0);
	expect(hop.type, where).toMatch(/^[a-z]+(-[a-z]+)*$/);
	expect(actions, where).toContain(hop.action);
	expect(hop.detail, where).toBeTypeOf('string');
	expect(hop.detail.length, where).toBeGreaterThan(0);
	// One sentence: no line breaks, and no second sentence starting after a full stop.
	expect(hop.detail, where).not.toMatch(/\n/);
	expect(hop.detail, where).not.toMatch(/[a-z0-9)][.!?]\s+[A-Z]/);
	if (hop.code !== undefined) expect(hop.code, where).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
	if (hop.action === 'deny' || hop.action === 'drop') expect(hop.code, `${where}: a ${hop.action} hop names its code`).toBeDefined();
	if (hop.action === 'translate') expect(hop.packet, `${where}: a translate hop shows the rewritten packet`).toBeDefined();
	if (hop.packet !== undefined) checkPacket(hop.packet, `${where}.packet`);
}

/** The codes of a result that the README's code table does not list with a meaning. */
export function codesMissingFromReadme(result: Result): string[] {
	const codes = new Set([...result.explanations.map(e => e.code), ...(result.blockedAt ? [result.blockedAt.code] : [])]);
	return [...codes].filter(code => !readme.includes(`| \`${code}\` |`));
}

/** Holds one result to every rule of the contract. */
export function checkContract(result: Result): void {
	const text = summary(result);
	for (const key of ['reachable', 'packet', 'forward', 'return', 'blockedAt', 'explanations']) expect(result, text).toHaveProperty(key);
	expect(result.reachable).toBeTypeOf('boolean');
	checkPacket(result.packet, 'packet');
	expect(Array.isArray(result.forward)).toBe(true);
	expect(Array.isArray(result.return)).toBe(true);
	expect(result.forward.length, text).toBeGreaterThan(0);
	result.forward.forEach((hop, i) => checkHop(hop, `forward[${i}]`));
	result.return.forEach((hop, i) => checkHop(hop, `return[${i}]`));
	expect(Array.isArray(result.explanations)).toBe(true);
	for (const explanation of result.explanations) {
		expect(Object.keys(explanation).sort()).toEqual(['code', 'component', 'message']);
		expect(explanation.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
		expect(explanation.message.length).toBeGreaterThan(0);
	}
	for (const hop of [...result.forward, ...result.return])
		if (hop.code) expect(result.explanations.some(e => e.code === hop.code && e.component === hop.component), `explanation for ${hop.code} at ${hop.component}`).toBe(true);
	if (result.reachable) {
		expect(result.blockedAt, text).toBeNull();
		expect(result.forward.at(-1)?.action, text).toBe('deliver');
		expect(result.return.at(-1)?.action, text).toBe('deliver');
		expect([...result.forward, ...result.return].some(hop => hop.action === 'deny' || hop.action === 'drop'), text).toBe(false);
		return;
	}
	const blocked = result.blockedAt;
	expect(blocked, text).not.toBeNull();
	expect(Object.keys(blocked!).sort()).toEqual(['code', 'component', 'direction', 'type']);
	expect(['forward', 'return']).toContain(blocked!.direction);
	const hops = blocked!.direction === 'forward' ? result.forward : result.return;
	const last = hops.at(-1)!;
	// The hop that stopped the packet is the last of its direction and agrees with blockedAt.
	expect(['deny', 'drop'], text).toContain(last.action);
	expect({component: last.component, type: last.type, code: last.code}).toEqual({component: blocked!.component, type: blocked!.type, code: blocked!.code});
	expect(result.explanations.some(e => e.code === blocked!.code && e.component === blocked!.component), text).toBe(true);
	if (blocked!.direction === 'return') expect(result.forward.at(-1)?.action, 'the request arrived before the reply was stopped').toBe('deliver');
}

