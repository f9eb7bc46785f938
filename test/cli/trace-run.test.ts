// trace, run, open and import as main() wires them: flags to the trace command, scripts to the
// palette language, the console only on a terminal, snapshots to the importer.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {lines, sandbox} from './helpers.js';

const fixtures = fileURLToPath(new URL('../fixtures/aws-describe/', import.meta.url));

describe('vpcsim trace', () => {
	it('exits 0 for a reachable flow and prints the hops', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		const {status, stdout, stderr} = await box.run(['trace', '--topology', 'lab', '--from', '203.0.113.10', '--to', 'web-1', '--protocol', 'tcp', '--port', '443']);
		expect(stderr).toBe('');
		expect(status).toBe(0);
		expect(stdout).toContain('igw-main');
	});

	it('exits 1 for an unreachable flow; --json has the keys of the trace contract', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		const {status, stdout} = await box.run(['trace', '-t', 'lab', '--from', '203.0.113.10', '--to', 'web-1', '--port', '22', '--json']);
		expect(status).toBe(1);
		const result = JSON.parse(stdout) as Record<string, unknown>;
		expect(Object.keys(result)).toEqual(expect.arrayContaining(['reachable', 'packet', 'forward', 'return', 'blockedAt', 'explanations']));
		expect(result.reachable).toBe(false);
		expect(result.blockedAt).toMatchObject({direction: 'forward'});
	});

	it('traces a topology file, relative to the working folder', async () => {
		const box = sandbox();
		box.write('lab.json', readFileSync(new URL('../../templates/basic-public-private.json', import.meta.url), 'utf8'));
		const {status} = await box.run(['trace', '--topology', 'lab.json', '--from', 'app-1', '--to', '8.8.8.8', '--port', '443', '--source-port', '50000']);
		expect(status).toBe(0);
	});

	it('traces a batch, one JSON result a line, relative to the working folder', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		box.write('flows.jsonl', [
			JSON.stringify({from: '203.0.113.10', to: 'web-1', protocol: 'tcp', port: 443}),
			JSON.stringify({from: '203.0.113.10', to: 'web-1', protocol: 'tcp', port: 22}),
		].join('\n'));
		const {status, stdout} = await box.run(['trace', '--topology', 'lab', '--batch', 'flows.jsonl']);
		expect(status).toBe(1);
		expect(lines(stdout).map(line => (JSON.parse(line) as {reachable: boolean}).reachable)).toEqual([true, false]);
	});

	it('needs --topology, --from and --to, and refuses --batch with --from', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		const cases: Array<[string[], string]> = [
			[['trace', '--from', 'a', '--to', 'b'], 'vpcsim: trace: --topology <name|file> is required'],
			[['trace', '-t', 'lab', '--from', 'web-1'], 'vpcsim: trace: --to <ref> is required'],
			[['trace', '-t', 'lab'], 'vpcsim: trace: --from <ref> and --to <ref> are required'],
			[['trace', '-t', 'lab', '--batch', 'x.jsonl', '--from', 'a'], 'vpcsim: trace: --batch takes the flows from its file; leave out --from and --to'],
			[['trace', '-t', 'ghost', '--from', 'a', '--to', 'b'], 'vpcsim: no saved topology named "ghost"; `vpcsim list` shows them'],
		];
		for (const [argv, message] of cases) {
			const {status, stderr} = await box.run(argv);
			expect(status, argv.join(' ')).toBe(2);
			expect(lines(stderr)[0]).toBe(message);
		}
	});

	it('reports bad flow input on one line that says who speaks', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		const {status, stderr} = await box.run(['trace', '-t', 'lab', '--from', 'web-1', '--to', '8.8.8.8', '--port', '99999']);
		expect(status).toBe(2);
		expect(lines(stderr)).toHaveLength(1);
		expect(stderr).toMatch(/^vpcsim: trace: .*99999/);
	});
});

describe('vpcsim run', () => {
	it('applies every line and saves', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		box.write('change.txt', '# one more subnet\n\nadd subnet extra-a vpc=main cidr=10.0.9.0/24\n');
		const {status, stdout} = await box.run(['run', 'change.txt', '--topology', 'lab']);
		expect(status).toBe(0);
		expect(lines(stdout).at(-1)).toBe('1 change applied and saved to lab');
		const saved = JSON.parse(readFileSync(path.join(box.home, 'topologies', 'lab.json'), 'utf8')) as {subnets: Array<{name: string}>};
		expect(saved.subnets.map(subnet => subnet.name)).toContain('extra-a');
	});

	it('stops at the first failing line, names it, and saves nothing', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		const file = path.join(box.home, 'topologies', 'lab.json');
		const before = readFileSync(file, 'utf8');
		box.write('change.txt', 'add subnet extra-a vpc=main cidr=10.0.9.0/24\nadd subnet extra-b vpc=nowhere cidr=10.0.10.0/24\n');
		const {status, stdout, stderr} = await box.run(['run', 'change.txt', '--topology', 'lab']);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(lines(stderr)[0]).toMatch(/^vpcsim: change\.txt:2: .*nowhere/);
		expect(lines(stderr)[1]).toBe('hint: nothing was saved; lab is unchanged');
		expect(readFileSync(file, 'utf8')).toBe(before);
	});

	it('saves nothing with --dry-run', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		const file = path.join(box.home, 'topologies', 'lab.json');
		const before = readFileSync(file, 'utf8');
		box.write('change.txt', 'add subnet extra-a vpc=main cidr=10.0.9.0/24\n');
		const {status, stdout} = await box.run(['run', 'change.txt', '--topology', 'lab', '--dry-run']);
		expect(status).toBe(0);
		expect(lines(stdout).at(-1)).toBe('1 change checked; nothing saved (--dry-run)');
		expect(readFileSync(file, 'utf8')).toBe(before);
	});

	it('names a missing script and a missing --topology', async () => {
		const box = sandbox();
		expect(lines((await box.run(['run', 'none.txt', '-t', 'lab'])).stderr)[0]).toBe('vpcsim: run: none.txt: no such file');
		expect(lines((await box.run(['run', 'none.txt'])).stderr)[0]).toBe('vpcsim: run: --topology <name|file> is required');
	});
});

describe('vpcsim open', () => {
	it('checks the name first, then refuses to draw the console without a terminal', async () => {
		const box = sandbox();
		const missing = await box.run(['open', 'ghost']);
		expect(missing.status).toBe(2);
		expect(lines(missing.stderr)).toEqual(['vpcsim: no saved topology named "ghost"; `vpcsim list` shows them']);
		await box.run(['new', 'lab']);
		const piped = await box.run(['open', 'lab']);
		expect(piped.status).toBe(2);
		expect(piped.stdout).toBe('');
		expect(lines(piped.stderr)).toEqual([
			'vpcsim: open: the console needs an interactive terminal (stdin and stdout)',
			'hint: for scripts use: vpcsim trace --topology <name|file> --from <ref> --to <ref>',
		]);
	});
});

describe('vpcsim import', () => {
	it('imports a snapshot into a saved topology that then validates', async () => {
		const box = sandbox();
		const {status, stdout} = await box.run(['import', 'aws', path.join(fixtures, 'hybrid-cloud'), '--name', 'hybrid']);
		expect(status).toBe(0);
		expect(lines(stdout).at(-1)).toBe('saved as hybrid: vpcsim open hybrid');
		const exported = await box.run(['export', 'hybrid']);
		expect(exported.status).toBe(0);
		box.write('hybrid.json', exported.stdout);
		expect((await box.run(['validate', 'hybrid.json'])).status).toBe(0);
	});

	it('refuses a source other than aws, and needs exactly one of --out and --name', async () => {
		const box = sandbox();
		const other = await box.run(['import', 'gcp', 'dir', '--name', 'x']);
		expect(other.status).toBe(2);
		expect(lines(other.stderr)[0]).toBe('vpcsim: unknown import source "gcp"');
		const neither = await box.run(['import', 'aws', 'dir']);
		expect(neither.status).toBe(2);
		expect(lines(neither.stderr)[0]).toBe('vpcsim: give exactly one of --out <file.json> and --name <saved-name>');
		expect(existsSync(path.join(box.home, 'topologies'))).toBe(false);
	});
});
