// `trace --batch` (one result a line, in order; a bad line gives an `error` result and the rest go
// on) and the exit statuses of `trace`: 0 reachable, 1 not reachable, 2 bad input, the last with
// one plain line on stderr that names what is wrong and where, never a stack trace.
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {type Result, Topo, publicPrivate, run} from './helpers.js';

function topo(): Topo {
	return publicPrivate()
		.sg('sg-web', 'vpc-a', [{protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0'}])
		.instance('i-web', 'subnet-pub', '10.0.1.10', {publicIp: '54.1.2.3', sgs: ['sg-web'], name: 'web'})
		.instance('i-app', 'subnet-priv', '10.0.2.10', {name: 'app'});
}

function outputLines(text: string): string[] {
	return text.split('\n').filter(line => line !== '');
}

function noStack(stderr: string): void {
	expect(stderr).not.toMatch(/^\s+at /m);
	expect(stderr).not.toMatch(/Error:|TypeError|ReferenceError/);
}

async function batch(lines: string[]): Promise<{status: number; results: Array<Result & {error?: string}>; stderr: string}> {
	const {cwd, file} = topo().write();
	const flows = path.join(cwd, 'flows.jsonl');
	writeFileSync(flows, `${lines.join('\n')}\n`);
	const {status, stdout, stderr} = await run(['trace', '--topology', file, '--batch', flows], cwd);
	return {status, stderr, results: outputLines(stdout).map(line => JSON.parse(line) as Result & {error?: string})};
}

describe('trace --batch', () => {
	it('prints one result a line, in the order of the flows, each a whole trace result', async () => {
		const flows = [
			{from: '198.51.100.1', to: 'web', protocol: 'tcp', port: 443},
			{from: 'app', to: 'web', protocol: 'tcp', port: 22},
			{from: 'web', to: 'app', protocol: 'icmp'},
			{from: '198.51.100.1', to: '54.1.2.3', protocol: 'tcp', port: 443, sourcePort: 50123},
		];
		const {results} = await batch(flows.map(flow => JSON.stringify(flow)));
		expect(results).toHaveLength(4);
		expect(results.map(result => result.reachable)).toEqual([true, false, false, true]);
		expect(results[1]?.packet).toEqual({protocol: 'tcp', source: '10.0.2.10', destination: '10.0.1.10', sourcePort: 49152, destinationPort: 22});
		expect(results[3]?.packet.sourcePort).toBe(50123);
		for (const result of results)
			for (const key of ['reachable', 'packet', 'forward', 'return', 'blockedAt', 'explanations']) expect(result).toHaveProperty(key);
	});

	it('the same flow gives the same result in a batch and alone', async () => {
		const flow = {from: 'app', to: 'web', protocol: 'tcp', port: 443};
		const {results} = await batch([JSON.stringify(flow)]);
		const {cwd, file} = topo().write();
		const alone = await run(['trace', '--topology', file, '--from', 'app', '--to', 'web', '--protocol', 'tcp', '--port', '443', '--json'], cwd);
		expect(results[0]).toEqual(JSON.parse(alone.stdout));
	});

	it('a bad line gives a result with an error naming it, and the lines after it are still traced', async () => {
		const {results, stderr} = await batch([
			JSON.stringify({from: 'ghost', to: 'web', protocol: 'tcp', port: 443}),
			'{not json',
			JSON.stringify({from: 'app', to: 'web', protocol: 'tcp', port: 70000}),
			JSON.stringify({from: 'app', to: 'web', protocol: 'sctpish', port: 443}),
			JSON.stringify({from: 'app', to: '10.0.1.300', protocol: 'tcp', port: 443}),
			JSON.stringify({to: 'web', protocol: 'tcp', port: 443}),
			JSON.stringify({from: '198.51.100.1', to: 'web', protocol: 'tcp', port: 443}),
		]);
		noStack(stderr);
		expect(results).toHaveLength(7);
		for (const result of results.slice(0, 6)) {
			expect(result.error, JSON.stringify(result)).toBeTypeOf('string');
			expect(result).not.toHaveProperty('reachable');
		}
		expect(results[0]?.error).toMatch(/line 1\b/);
		expect(results[0]?.error).toContain('ghost');
		expect(results[1]?.error).toMatch(/line 2\b/);
		expect(results[2]?.error).toContain('70000');
		expect(results[3]?.error).toContain('sctpish');
		expect(results[4]?.error).toContain('10.0.1.300');
		expect(results[5]?.error).toMatch(/from/);
		expect(results[6]).toMatchObject({reachable: true, blockedAt: null});
		expect(results[6]).not.toHaveProperty('error');
	});

	it('a missing flows file is bad input', async () => {
		const {cwd, file} = topo().write();
		const {status, stdout, stderr} = await run(['trace', '--topology', file, '--batch', 'missing.jsonl'], cwd);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(outputLines(stderr)[0]).toContain('missing.jsonl');
		noStack(stderr);
	});
});

describe('trace: exit status', () => {
	it('0 when reachable, 1 when not, for plain and --json output alike', async () => {
		const {cwd, file} = topo().write();
		for (const json of [[], ['--json']]) {
			const ok = await run(['trace', '--topology', file, '--from', '198.51.100.1', '--to', 'web', '--port', '443', ...json], cwd);
			expect(ok.status, ok.stderr).toBe(0);
			expect(ok.stderr).toBe('');
			const blocked = await run(['trace', '--topology', file, '--from', '198.51.100.1', '--to', 'web', '--port', '22', ...json], cwd);
			expect(blocked.status, blocked.stderr).toBe(1);
			expect(blocked.stderr).toBe('');
		}
	});

	it('1 (not 2) when the request arrives and only the reply is dropped', async () => {
		const t = topo().acl('acl-web', 'vpc-a', ['subnet-pub'], [[100, 'all', '0.0.0.0/0', 'allow']], [[100, 'tcp', '0.0.0.0/0', 'allow', 443]]);
		const {cwd, file} = t.write();
		const {status} = await run(['trace', '--topology', file, '--from', '198.51.100.1', '--to', 'web', '--port', '443'], cwd);
		expect(status).toBe(1);
	});
});

describe('trace: bad input exits 2 with one line naming what and where', () => {
	const cases: Array<[string, string[], RegExp]> = [
		['an unknown --from ref', ['--from', 'ghost-host', '--to', 'web', '--port', '443'], /ghost-host/],
		['an unknown --to ref', ['--from', 'web', '--to', 'nowhere-1', '--port', '443'], /nowhere-1/],
		['a bad IPv4 address', ['--from', 'web', '--to', '10.0.0.256', '--port', '443'], /10\.0\.0\.256/],
		['an address with too few parts', ['--from', '10.0.1', '--to', 'web', '--port', '443'], /10\.0\.1\b/],
		['a port above 65535', ['--from', 'app', '--to', 'web', '--port', '65536'], /65536/],
		['a negative port', ['--from', 'app', '--to', 'web', '--port', '-5'], /-5/],
		['a port that is not a number', ['--from', 'app', '--to', 'web', '--port', 'https'], /https/],
		['a source port above 65535', ['--from', 'app', '--to', 'web', '--port', '443', '--source-port', '70000'], /70000/],
		['an unknown protocol name', ['--from', 'app', '--to', 'web', '--protocol', 'sctpish', '--port', '443'], /sctpish/],
		['a protocol number above 255', ['--from', 'app', '--to', 'web', '--protocol', '300'], /300/],
		['a ref that is not a host (a security group)', ['--from', 'app', '--to', 'sg-web', '--port', '443'], /sg-web/],
	];
	for (const [what, argv, names] of cases)
		it(what, async () => {
			const {cwd, file} = topo().write();
			const {status, stdout, stderr} = await run(['trace', '--topology', file, ...argv, '--json'], cwd);
			expect(status, stderr).toBe(2);
			expect(stdout).toBe('');
			const lines = outputLines(stderr);
			expect(lines.length, stderr).toBeGreaterThanOrEqual(1);
			expect(lines.length, stderr).toBeLessThanOrEqual(2);
			expect(lines[0]).toMatch(/^vpcsim: /);
			expect(lines[0]).toMatch(names);
			noStack(stderr);
		});

	it('a topology file that does not validate: the file, the JSON path and the resource are named', async () => {
		const t = topo();
		t.get('subnets', 'subnet-priv').cidr = '10.9.2.0/24';
		const {cwd, file} = t.write();
		const {status, stdout, stderr} = await run(['trace', '--topology', file, '--from', 'app', '--to', 'web', '--port', '443'], cwd);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		const first = outputLines(stderr)[0] ?? '';
		expect(first).toContain('topology.json');
		expect(first).toContain('subnets[1]');
		expect(first).toContain('subnet-priv');
		expect(first).toContain('10.9.2.0/24');
		noStack(stderr);
	});

	it('a topology file with host bits set in a block suggests the network address', async () => {
		const t = topo();
		t.get('vpcs', 'vpc-a').cidrBlocks = ['10.0.0.1/16'];
		const {cwd, file} = t.write();
		const {status, stderr} = await run(['trace', '--topology', file, '--from', 'app', '--to', 'web', '--port', '443'], cwd);
		expect(status).toBe(2);
		expect(stderr).toContain('vpcs[0]');
		expect(stderr).toContain('10.0.0.0/16');
		noStack(stderr);
	});

	it('a topology file that is not JSON names the file', async () => {
		const cwd = (topo().write()).cwd;
		writeFileSync(path.join(cwd, 'broken.json'), '{"schemaVersion": 1, "name": ');
		const {status, stdout, stderr} = await run(['trace', '--topology', 'broken.json', '--from', 'app', '--to', 'web', '--port', '443'], cwd);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(outputLines(stderr)[0]).toContain('broken.json');
		noStack(stderr);
	});

	it('a topology with an unknown field names the field and its path', async () => {
		const t = topo();
		t.get('networkInterfaces', 'eni-i-web').publicIP = '54.1.2.3';
		const {cwd, file} = t.write();
		const {status, stderr} = await run(['trace', '--topology', file, '--from', 'app', '--to', 'web', '--port', '443'], cwd);
		expect(status).toBe(2);
		expect(stderr).toContain('publicIP');
		expect(stderr).toContain('eni-i-web');
		noStack(stderr);
	});

	it('a route to a target that does not exist names the route table and the target', async () => {
		const t = topo().route('rtb-pub', '172.16.0.0/12', 'pcx-missing');
		const {cwd, file} = t.write();
		const {status, stderr} = await run(['trace', '--topology', file, '--from', 'app', '--to', 'web', '--port', '443'], cwd);
		expect(status).toBe(2);
		expect(stderr).toContain('rtb-pub');
		expect(stderr).toContain('pcx-missing');
		noStack(stderr);
	});

	it('a missing topology file names it', async () => {
		const {status, stderr} = await run(['trace', '--topology', './no-such-topology.json', '--from', 'app', '--to', 'web', '--port', '443']);
		expect(status).toBe(2);
		expect(outputLines(stderr)[0]).toContain('no-such-topology.json');
		noStack(stderr);
	});
});
