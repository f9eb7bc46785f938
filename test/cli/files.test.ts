// validate and export: topology files and saved topologies in, one-line problems or documents out.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {checkTopology} from '../../source/model/load.js';
import {loadTemplate} from '../../source/model/templates.js';
import {lines, sandbox} from './helpers.js';

const template = (id: string) => readFileSync(new URL(`../../templates/${id}.json`, import.meta.url), 'utf8');

function broken(): string {
	const document = JSON.parse(template('basic-public-private')) as {subnets: Array<{cidr: string}>};
	document.subnets[0]!.cidr = '10.0.1.1/24';
	document.subnets[1]!.cidr = '300.0.2.0/24';
	return JSON.stringify(document, null, 2);
}

describe('vpcsim validate', () => {
	it('says ok with the number of resources', async () => {
		const box = sandbox();
		box.write('lab.json', template('basic-public-private'));
		const {status, stdout, stderr} = await box.run(['validate', 'lab.json']);
		expect(status).toBe(0);
		expect(stderr).toBe('');
		expect(stdout).toBe('ok: lab.json (16 resources)\n');
	});

	it('prints every problem on a line of its own, with path and resource, and exits 2', async () => {
		const box = sandbox();
		box.write('lab.json', broken());
		const {status, stdout, stderr} = await box.run(['validate', 'lab.json']);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		const problems = lines(stderr);
		expect(problems.length).toBeGreaterThanOrEqual(2);
		for (const line of problems) expect(line).toMatch(/^lab\.json: \S+( \([^)]+\))?: .+/);
		expect(problems[0]).toBe('lab.json: subnets[0].cidr (subnet-public-a): "10.0.1.1/24" has host bits set; did you mean 10.0.1.0/24?');
		expect(problems[1]).toMatch(/^lab\.json: subnets\[1\]\.cidr \(subnet-private-a\): .*300\.0\.2\.0/);
	});

	it('names the line and column of a JSON syntax error', async () => {
		const box = sandbox();
		box.write('bad.json', '{\n  "schemaVersion": 1,\n  "name": "x",\n}\n');
		const {status, stderr} = await box.run(['validate', 'bad.json']);
		expect(status).toBe(2);
		expect(lines(stderr)).toHaveLength(1);
		expect(stderr).toMatch(/^vpcsim: bad\.json:4:1: invalid JSON: /);
	});

	it('reports a missing file, an empty one and a folder', async () => {
		const box = sandbox();
		box.write('empty.json', '  \n');
		expect(lines((await box.run(['validate', 'nope.json'])).stderr)).toEqual(['vpcsim: nope.json: no such file']);
		expect(lines((await box.run(['validate', 'empty.json'])).stderr)).toEqual(['vpcsim: empty.json: the file is empty, not a JSON topology']);
		const folder = await box.run(['validate', '.']);
		expect(folder.status).toBe(2);
		expect(lines(folder.stderr)).toEqual(['vpcsim: .: is a folder, not a JSON file']);
	});

	it('refuses a document from a later vpcsim', async () => {
		const box = sandbox();
		box.write('future.json', JSON.stringify({schemaVersion: 99, name: 'x'}));
		const {status, stderr} = await box.run(['validate', 'future.json']);
		expect(status).toBe(2);
		expect(lines(stderr)).toHaveLength(1);
		expect(stderr).toMatch(/^vpcsim: future\.json: .*99/);
	});
});

describe('vpcsim export', () => {
	it('prints a saved topology as JSON that loads back to the same topology', async () => {
		const box = sandbox();
		await box.run(['new', 'lab', '--template', 'site-to-site-vpn']);
		const {status, stdout} = await box.run(['export', 'lab']);
		expect(status).toBe(0);
		const result = checkTopology(JSON.parse(stdout));
		expect(result.ok).toBe(true);
		expect(result.ok && result.topology).toEqual({...loadTemplate('site-to-site-vpn'), name: 'lab'});
	});

	it('exports a topology file given by path', async () => {
		const box = sandbox();
		box.write('peering.json', template('peering-non-transitive'));
		const {status, stdout} = await box.run(['export', 'peering.json', '--format', 'json']);
		expect(status).toBe(0);
		expect((JSON.parse(stdout) as {name: string}).name).toBe('peering-non-transitive');
	});

	it('refuses a file that is not a valid topology, naming the problem', async () => {
		const box = sandbox();
		box.write('lab.json', broken());
		const {status, stderr} = await box.run(['export', 'lab.json', '--format', 'dot']);
		expect(status).toBe(2);
		expect(lines(stderr)).toHaveLength(1);
		expect(stderr).toMatch(/^vpcsim: .*lab\.json: subnets\[0\]\.cidr \(subnet-public-a\): .*host bits/);
	});

	it('says when the saved name does not exist', async () => {
		const {status, stderr} = await sandbox().run(['export', 'ghost', '--format', 'mermaid']);
		expect(status).toBe(2);
		expect(lines(stderr)).toEqual(['vpcsim: no saved topology named "ghost"; `vpcsim list` shows them']);
	});
});
