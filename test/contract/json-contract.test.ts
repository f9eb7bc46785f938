// The shape of `vpcsim trace --json` (SPEC section 3), checked on flows of every outcome: other
// programs read these keys, so each result is held to the whole contract, not to one field.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {type Hop, type Result, Topo, publicPrivate, summary, trace} from './helpers.js';

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

/** Holds one result to every rule of the contract. */
function checkContract(result: Result): void {
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
		// Every code is listed in the README with its meaning.
		expect(readme, `README lists ${explanation.code}`).toContain(`| \`${explanation.code}\` |`);
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

function web(): Topo {
	return publicPrivate()
		.acl('acl-web', 'vpc-a', ['subnet-pub'], [[100, 'tcp', '0.0.0.0/0', 'allow', 443], [110, 'tcp', '0.0.0.0/0', 'allow', 22]], [[100, 'tcp', '0.0.0.0/0', 'allow', 1024, 65535], [110, 'tcp', '0.0.0.0/0', 'allow', 443]])
		.sg('sg-web', 'vpc-a', [{protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0'}])
		.instance('i-web', 'subnet-pub', '10.0.1.10', {publicIp: '54.1.2.3', sgs: ['sg-web'], name: 'web'})
		.instance('i-app', 'subnet-priv', '10.0.2.10', {sgs: ['sg-vpc-a-default']});
}

describe('trace --json: the result object', () => {
	it('a reachable flow: blockedAt null, both directions delivered, the packet as sent', async () => {
		const result = await trace(web(), {from: '198.51.100.1', to: 'web', protocol: 'tcp', port: 443});
		checkContract(result);
		expect(result.reachable).toBe(true);
		expect(result.packet).toEqual({protocol: 'tcp', source: '198.51.100.1', destination: '54.1.2.3', sourcePort: 49152, destinationPort: 443});
		expect(result.explanations).toEqual([]);
	});

	it('the internet gateway\'s hop carries the rewritten packet both ways', async () => {
		const result = await trace(web(), {from: '198.51.100.1', to: 'web', protocol: 'tcp', port: 443});
		expect(result.forward.find(hop => hop.type === 'internet-gateway')).toMatchObject({action: 'translate', packet: {destination: '10.0.1.10', destinationPort: 443}});
		expect(result.return.find(hop => hop.type === 'internet-gateway')).toMatchObject({action: 'translate', packet: {source: '54.1.2.3', sourcePort: 443, destinationPort: 49152}});
		// Hops that do not rewrite the header carry no packet.
		for (const hop of [...result.forward, ...result.return]) if (hop.action !== 'translate') expect(hop.packet, `${hop.component}`).toBeUndefined();
	});

	it('a flow stopped on the way in: blockedAt direction forward and no reply hops past it', async () => {
		const result = await trace(web(), {from: '198.51.100.1', to: 'web', protocol: 'tcp', port: 22});
		checkContract(result);
		expect(result.blockedAt).toEqual({component: 'sg-web', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
		expect(result.return.some(hop => hop.action === 'deliver')).toBe(false);
	});

	it('a flow whose request arrives but whose reply is dropped is not reachable (direction return)', async () => {
		const topo = web();
		topo.get('networkAcls', 'acl-web').outbound = [{ruleNumber: 100, protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', action: 'allow'}];
		const result = await trace(topo, {from: '198.51.100.1', to: 'web', protocol: 'tcp', port: 443});
		checkContract(result);
		expect(result.reachable).toBe(false);
		expect(result.forward.at(-1)).toMatchObject({component: 'i-web', action: 'deliver'});
		expect(result.blockedAt).toMatchObject({component: 'acl-web', direction: 'return'});
	});

	it('a NACL hop names the rule that decided, in the detail sentence', async () => {
		const result = await trace(web(), {from: '198.51.100.1', to: 'web', protocol: 'tcp', port: 443});
		expect(result.forward.find(hop => hop.component === 'acl-web')?.detail).toMatch(/rule 100 allows tcp 443 from 0\.0\.0\.0\/0/);
		expect(result.return.find(hop => hop.component === 'acl-web')?.detail).toMatch(/rule 100 allows tcp 1024-65535 to 0\.0\.0\.0\/0/);
	});

	it('a route hop names the route, e.g. "0.0.0.0/0 -> igw-a"', async () => {
		const result = await trace(web(), {from: '198.51.100.1', to: 'web', protocol: 'tcp', port: 443});
		expect(result.return.find(hop => hop.type === 'route-table')?.detail).toMatch(/0\.0\.0\.0\/0 -> igw-a/);
	});

	it('ICMP has no ports; protocol all and numbers are accepted and echoed', async () => {
		const topo = web();
		topo.get('securityGroups', 'sg-web').ingress = [{protocol: 'all', cidr: '0.0.0.0/0'}];
		topo.get('networkAcls', 'acl-web').inbound = [{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}];
		topo.get('networkAcls', 'acl-web').outbound = [{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}];
		const icmp = await trace(topo, {from: '198.51.100.1', to: 'web', protocol: 'icmp'});
		checkContract(icmp);
		expect(icmp.reachable, summary(icmp)).toBe(true);
		expect(icmp.packet).toEqual({protocol: 'icmp', source: '198.51.100.1', destination: '54.1.2.3'});
		const gre = await trace(topo, {from: '198.51.100.1', to: 'web', protocol: '47'});
		checkContract(gre);
		expect([47, '47']).toContain(gre.packet.protocol);
		expect(gre.reachable, summary(gre)).toBe(true);
	});

	it('every blocked outcome of a mixed set of flows honours the contract', async () => {
		const topo = web().instance('i-priv', 'subnet-priv', '10.0.2.20', {sgs: ['sg-web']});
		topo.route('rtb-vpc-a', '0.0.0.0/0', 'nat-gone', {state: 'blackhole'});
		const flows = [
			{from: 'i-app', to: '8.8.8.8', protocol: 'tcp', port: 443},
			{from: '198.51.100.1', to: 'i-app', protocol: 'tcp', port: 443},
			{from: 'i-web', to: 'i-app', protocol: 'udp', port: 53},
			{from: 'i-app', to: 'i-web', protocol: 'tcp', port: 22},
			{from: 'i-app', to: 'i-priv', protocol: 'tcp', port: 80},
			{from: 'i-web', to: '10.0.2.99', protocol: 'tcp', port: 80},
		];
		for (const flow of flows) checkContract(await trace(topo, flow));
	});
});
