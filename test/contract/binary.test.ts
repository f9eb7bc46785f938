// `node dist/cli.js trace` as another program runs it: exit statuses, JSON on stdout, one line on
// stderr for bad input, no colour codes when the output is not a terminal.
import {spawnSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {type Result, publicPrivate} from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = path.join(root, 'dist', 'cli.js');

function topologyFile(): {cwd: string; file: string} {
	return publicPrivate()
		.sg('sg-web', 'vpc-a', [{protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0'}])
		.instance('i-web', 'subnet-pub', '10.0.1.10', {publicIp: '54.1.2.3', sgs: ['sg-web'], name: 'web'})
		.instance('i-app', 'subnet-priv', '10.0.2.10', {name: 'app'})
		.write();
}

function vpcsim(argv: string[], cwd: string, env: Record<string, string> = {}) {
	const home = path.join(cwd, '.home');
	mkdirSync(home, {recursive: true});
	const result = spawnSync(process.execPath, [binary, ...argv], {
		cwd,
		encoding: 'utf8',
		env: {PATH: process.env.PATH ?? '', VPCSIM_HOME: home, ...env},
		timeout: 15_000,
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

describe('node dist/cli.js trace', () => {
	it('exits 0 and prints one JSON object for a reachable flow', () => {
		const {cwd, file} = topologyFile();
		const {status, stdout, stderr} = vpcsim(['trace', '--topology', file, '--from', '198.51.100.1', '--to', 'web', '--protocol', 'tcp', '--port', '443', '--json'], cwd);
		expect(stderr).toBe('');
		expect(status).toBe(0);
		const result = JSON.parse(stdout) as Result;
		expect(result.reachable).toBe(true);
		expect(result.blockedAt).toBeNull();
		expect(result.packet).toEqual({protocol: 'tcp', source: '198.51.100.1', destination: '54.1.2.3', sourcePort: 49152, destinationPort: 443});
	});

	it('exits 1 for a flow that is not reachable, with blockedAt in the JSON', () => {
		const {cwd, file} = topologyFile();
		const {status, stdout, stderr} = vpcsim(['trace', '--topology', file, '--from', '198.51.100.1', '--to', 'app', '--port', '443', '--json'], cwd);
		expect(stderr).toBe('');
		expect(status).toBe(1);
		const result = JSON.parse(stdout) as Result;
		expect(result.reachable).toBe(false);
		expect(result.blockedAt?.direction).toBe('forward');
	});

	it('exits 2 for an unknown ref with one line on stderr and nothing on stdout', () => {
		const {cwd, file} = topologyFile();
		const {status, stdout, stderr} = vpcsim(['trace', '--topology', file, '--from', 'no-such-host', '--to', 'web', '--port', '443', '--json'], cwd);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(stderr).toContain('no-such-host');
		expect(stderr).not.toMatch(/^\s+at /m);
	});

	it('exits 2 for a topology file that does not validate, without a stack trace', () => {
		const {cwd} = topologyFile();
		writeFileSync(path.join(cwd, 'bad.json'), JSON.stringify({schemaVersion: 1, name: 'bad', vpcs: [{id: 'vpc-x', cidrBlocks: ['10.0.0.0/33']}]}));
		const {status, stdout, stderr} = vpcsim(['trace', '--topology', 'bad.json', '--from', '198.51.100.1', '--to', '10.0.0.5', '--port', '443'], cwd);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toContain('bad.json');
		expect(stderr).toContain('vpcs[0]');
		expect(stderr).not.toMatch(/^\s+at /m);
	});

	it('prints plain text without colour codes when stdout is not a terminal', () => {
		const {cwd, file} = topologyFile();
		for (const env of [{}, {NO_COLOR: '1'}] as Array<Record<string, string>>) {
			const {status, stdout} = vpcsim(['trace', '--topology', file, '--from', '198.51.100.1', '--to', 'web', '--port', '443'], cwd, env);
			expect(status).toBe(0);
			expect(stdout).toContain('igw-a');
			expect(stdout).not.toContain('\u001B[');
		}
	});

	it('--batch prints one JSON line per flow, an error line for a bad one', () => {
		const {cwd, file} = topologyFile();
		writeFileSync(path.join(cwd, 'flows.jsonl'), [
			JSON.stringify({from: '198.51.100.1', to: 'web', protocol: 'tcp', port: 443}),
			JSON.stringify({from: 'web', to: 'nobody', protocol: 'tcp', port: 443}),
			JSON.stringify({from: '198.51.100.1', to: 'app', protocol: 'tcp', port: 443}),
		].join('\n'));
		const {stdout, stderr} = vpcsim(['trace', '--topology', file, '--batch', 'flows.jsonl'], cwd);
		expect(stderr).not.toMatch(/^\s+at /m);
		const results = stdout.trimEnd().split('\n').map(line => JSON.parse(line) as Result & {error?: string});
		expect(results).toHaveLength(3);
		expect(results[0]?.reachable).toBe(true);
		expect(results[1]?.error).toContain('nobody');
		expect(results[2]?.reachable).toBe(false);
	});
});
