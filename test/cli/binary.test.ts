// The shipped binary, dist/cli.js, as a user runs it (built from the current source by
// test/global-setup.ts).
import {spawn, spawnSync} from 'node:child_process';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {TEMPLATE_ORDER} from '../../source/model/templates.js';
import {checkFingerprint} from '../../source/model/version.js';
import {tempFolder} from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = path.join(root, 'dist', 'cli.js');

function vpcsim(argv: string[], options: {cwd?: string; env?: Record<string, string>} = {}) {
	const result = spawnSync(process.execPath, [binary, ...argv], {
		cwd: options.cwd ?? root,
		encoding: 'utf8',
		env: {PATH: process.env.PATH ?? '', VPCSIM_HOME: tempFolder(), ...options.env},
		timeout: 15_000,
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

describe('dist/cli.js', () => {
	it('prints help and exits 0', () => {
		const {status, stdout, stderr} = vpcsim(['--help']);
		expect(stderr).toBe('');
		expect(status).toBe(0);
		expect(stdout).toMatch(/^vpcsim \d+\.\d+\.\d+: /);
		expect(stdout).toContain('trace --topology <name|file>');
		expect(stdout).not.toContain('\u001B[');
	});

	it('knows its version without a package.json beside it', () => {
		const {status, stdout} = vpcsim(['--version'], {cwd: tempFolder()});
		expect(status).toBe(0);
		expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
	});

	it('carries the fingerprint of the checking code it was built from', () => {
		const bundle = [binary, ...readdirSync(path.join(root, 'dist', 'chunks')).map(name => path.join(root, 'dist', 'chunks', name))].map(file => readFileSync(file, 'utf8')).join('\n');
		expect(bundle).toContain(`"${checkFingerprint()}"`);
	});

	it('lists the nine templates', () => {
		const {status, stdout} = vpcsim(['templates']);
		expect(status).toBe(0);
		for (const id of TEMPLATE_ORDER) expect(stdout).toMatch(new RegExp(`^  ${id} +\\S`, 'm'));
	});

	it('refuses a broken file with exit 2 and one line, no stack trace', () => {
		const folder = tempFolder();
		writeFileSync(path.join(folder, 'broken.json'), '{"schemaVersion": 1, "name": "x",, }');
		const {status, stdout, stderr} = vpcsim(['validate', 'broken.json'], {cwd: folder});
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(stderr).toMatch(/^vpcsim: broken\.json:1:\d+: invalid JSON: /);
		expect(stderr).not.toMatch(/\bat \S+:\d+:\d+/);
	});

	it('refuses an unknown command with exit 2 and a hint', () => {
		const {status, stderr} = vpcsim(['lisst']);
		expect(status).toBe(2);
		expect(stderr).toBe('vpcsim: unknown command "lisst"\nhint: did you mean "vpcsim list"?\n');
	});

	it('stops quietly when the reader of its output goes away (| head)', async () => {
		const folder = tempFolder();
		const big = {schemaVersion: 1, name: 'big', title: 'x'.repeat(2_000_000)};
		writeFileSync(path.join(folder, 'big.json'), JSON.stringify(big));
		const child = spawn(process.execPath, [binary, 'export', 'big.json'], {cwd: folder, env: {PATH: process.env.PATH ?? '', VPCSIM_HOME: tempFolder()}});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		// Read one chunk, then hang up, as head does.
		child.stdout.once('data', () => child.stdout.destroy());
		const status = await new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
		expect(stderr).toBe('');
		expect(status).toBe(0);
	});

	it('saves, traces and exits 1 for an unreachable flow', () => {
		const home = tempFolder();
		expect(vpcsim(['new', 'lab'], {env: {VPCSIM_HOME: home}}).status).toBe(0);
		const traced = vpcsim(['trace', '--topology', 'lab', '--from', '203.0.113.10', '--to', 'app-1', '--port', '8080', '--json'], {env: {VPCSIM_HOME: home}});
		expect(traced.status).toBe(1);
		expect((JSON.parse(traced.stdout) as {reachable: boolean}).reachable).toBe(false);
	});
});
