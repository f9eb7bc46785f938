// `vpcsim trace` as the CLI wires it: exit statuses, --json, the readable output, --batch.
import {describe, expect, it} from 'vitest';
import {runTraceCommand, type TraceCommandOptions} from '../../source/cli/trace-command.js';
import {loadTemplate} from '../../source/model/templates.js';

const topology = loadTemplate('basic-public-private');

function run(options: Partial<TraceCommandOptions>, files: Record<string, string> = {}) {
	let stdout = '';
	let stderr = '';
	const status = runTraceCommand(topology, {
		stdout: {write: (text: string) => (stdout += text)},
		stderr: {write: (text: string) => (stderr += text)},
		color: false,
		readFile: path => {
			if (!(path in files)) throw new Error('no such file');
			return files[path]!;
		},
		...options,
	});
	return {status, stdout, stderr};
}

describe('vpcsim trace', () => {
	it('exits 0 for a reachable flow and prints the hops and the verdict', () => {
		const {status, stdout, stderr} = run({from: 'app-1', to: '8.8.8.8', protocol: 'tcp', port: '443'});
		expect(status).toBe(0);
		expect(stderr).toBe('');
		expect(stdout).toContain('Request');
		expect(stdout).toContain('Reply');
		expect(stdout).toMatch(/translate\s+nat-a/);
		expect(stdout).toContain('tcp 10.0.2.10:49152 -> 8.8.8.8:443  ->  tcp 10.0.1.50:49152 -> 8.8.8.8:443');
		expect(stdout).toContain('Reachable: the request arrives and the reply gets back.');
		expect(stdout).not.toContain('\u001B[');
	});

	it('exits 1 for an unreachable flow and says where and why in words', () => {
		const {status, stdout} = run({from: '203.0.113.10', to: 'web-1', port: 22});
		expect(status).toBe(1);
		expect(stdout).toContain('Not reachable: the request was stopped at acl-public (SUBNET_ACL_RESTRICTION)');
	});

	it('--json prints one TraceResult object', () => {
		const {status, stdout} = run({from: 'web-1', to: 'app-1', port: 8080, json: true});
		expect(status).toBe(0);
		const result = JSON.parse(stdout);
		expect(result.reachable).toBe(true);
		expect(result.packet).toEqual({protocol: 'tcp', source: '10.0.1.10', destination: '10.0.2.10', sourcePort: 49152, destinationPort: 8080});
	});

	it('--source-port sets the client port', () => {
		const {stdout} = run({from: 'web-1', to: 'app-1', port: 8080, sourcePort: '33000', json: true});
		expect(JSON.parse(stdout).packet.sourcePort).toBe(33000);
	});

	it('exits 2 with one line on stderr for bad input', () => {
		for (const options of [{from: 'web-1', to: 'nope', port: 80}, {from: 'web-1', to: 'app-1', port: '99999'}, {from: 'web-1', to: 'app-1', protocol: 'xyz', port: 1}, {to: 'app-1'}]) {
			const {status, stdout, stderr} = run(options);
			expect(status).toBe(2);
			expect(stdout).toBe('');
			expect(stderr.trim().split('\n')).toHaveLength(1);
		}
	});

	it('colours only when asked', () => {
		const {stdout} = run({from: 'web-1', to: 'app-1', port: 8080, color: true});
		expect(stdout).toContain('\u001B[');
	});
});

describe('vpcsim trace --batch', () => {
	const lines = [
		'{"from": "web-1", "to": "app-1", "port": 8080}',
		'',
		'{"from": "203.0.113.10", "to": "app-1", "port": 8080}',
		'{"from": "web-1", "to": "nowhere", "port": 1}',
		'not json',
		'{"from": "app-1", "to": "8.8.8.8", "protocol": "tcp", "port": 443, "sourcePort": 40000}',
	].join('\n');

	it('prints one JSON line per flow, in order; bad lines become {"error"} and the rest go on', () => {
		const {status, stdout} = run({batch: 'flows.jsonl'}, {'flows.jsonl': lines});
		const out = stdout.trim().split('\n').map(line => JSON.parse(line));
		expect(out).toHaveLength(5);
		expect(out[0].reachable).toBe(true);
		expect(out[1].blockedAt.code).toBe('IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS');
		expect(out[2].error).toMatch(/^line 4: .*nowhere/);
		expect(out[3].error).toMatch(/^line 5: /);
		expect(out[4].packet.sourcePort).toBe(40000);
		expect(status).toBe(2);
	});

	it('exits 1 when a flow is unreachable and every line is good, 0 when all are reachable', () => {
		expect(run({batch: 'f'}, {f: lines.split('\n').slice(0, 3).join('\n')}).status).toBe(1);
		expect(run({batch: 'f'}, {f: lines.split('\n')[0]!}).status).toBe(0);
	});

	it('exits 2 when the file cannot be read', () => {
		const {status, stderr} = run({batch: 'missing.jsonl'});
		expect(status).toBe(2);
		expect(stderr).toContain('missing.jsonl');
	});
});
