// templates, new, list, cp, mv, rm against a temporary VPCSIM_HOME.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {TEMPLATE_ORDER} from '../../source/model/templates.js';
import {openStore} from '../../source/store/index.js';
import {lines, sandbox} from './helpers.js';

const saved = (home: string, name: string) => path.join(home, 'topologies', `${name}.json`);

describe('vpcsim templates', () => {
	it('lists the nine templates, one a line with its title, in the guide\'s order', async () => {
		const {status, stdout} = await sandbox().run(['templates']);
		expect(status).toBe(0);
		const rows = lines(stdout).filter(line => line.startsWith('  '));
		expect(rows.map(row => row.trim().split(/\s+/)[0])).toEqual([...TEMPLATE_ORDER]);
		for (const row of rows) expect(row.trim().split(/\s{2,}/)[1]).toBeTruthy();
	});
});

describe('vpcsim new', () => {
	it('saves basic-public-private by default, named as asked', async () => {
		const box = sandbox();
		const {status, stdout} = await box.run(['new', 'lab']);
		expect(status).toBe(0);
		expect(stdout).toContain('saved lab from template basic-public-private');
		const document = JSON.parse(readFileSync(saved(box.home, 'lab'), 'utf8')) as {name: string; vpcs: Array<{id: string}>};
		expect(document.name).toBe('lab');
		expect(document.vpcs.map(vpc => vpc.id)).toEqual(['vpc-main']);
	});

	it('saves the template given with --template', async () => {
		const box = sandbox();
		expect((await box.run(['new', 'hub', '--template', 'transit-gateway-hub'])).status).toBe(0);
		const document = JSON.parse(readFileSync(saved(box.home, 'hub'), 'utf8')) as {transitGateways: unknown[]};
		expect(document.transitGateways.length).toBeGreaterThan(0);
	});

	it('refuses an unknown template with the closest id', async () => {
		const box = sandbox();
		const {status, stderr} = await box.run(['new', 'lab', '--template', 'client-vpm']);
		expect(status).toBe(2);
		expect(lines(stderr)).toEqual(['vpcsim: new: no template "client-vpm"', 'hint: did you mean client-vpn?']);
		expect(existsSync(saved(box.home, 'lab'))).toBe(false);
	});

	it('refuses a name that is taken and leaves the saved one alone', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		const before = readFileSync(saved(box.home, 'lab'), 'utf8');
		const {status, stderr} = await box.run(['new', 'lab', '--template', 'client-vpn']);
		expect(status).toBe(2);
		expect(lines(stderr)).toEqual(['vpcsim: a saved topology named "lab" already exists; choose another name or remove it first']);
		expect(readFileSync(saved(box.home, 'lab'), 'utf8')).toBe(before);
	});

	it('refuses a name that is not a safe file name', async () => {
		const {status, stderr} = await sandbox().run(['new', '../escape']);
		expect(status).toBe(2);
		expect(lines(stderr)).toHaveLength(1);
		expect(stderr).toMatch(/^vpcsim: "\.\.\/escape" is not a valid saved name/);
	});
});

describe('vpcsim list', () => {
	it('says where topologies go when there are none', async () => {
		const box = sandbox();
		const {status, stdout} = await box.run(['list']);
		expect(status).toBe(0);
		expect(lines(stdout)[0]).toBe(`no saved topologies in ${path.join(box.home, 'topologies')}`);
	});

	it('lists saved topologies by name with their size and title', async () => {
		const box = sandbox();
		await box.run(['new', 'beta', '--template', 'peering-non-transitive']);
		await box.run(['new', 'alpha']);
		const {status, stdout} = await box.run(['list']);
		expect(status).toBe(0);
		const rows = lines(stdout);
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatch(/^ {2}alpha\s+16 resources\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+Public and private subnets/);
		expect(rows[1]).toMatch(/^ {2}beta\s+\d+ resources .*VPC peering is not transitive$/);
	});


	it('marks the topology the console opened last', async () => {
		const box = sandbox();
		await box.run(['new', 'alpha']);
		await box.run(['new', 'beta']);
		openStore({home: box.home}).setLastUsed('beta');
		expect(lines((await box.run(['list'])).stdout).map(row => row.slice(0, 8))).toEqual(['  alpha ', '* beta  ']);
	});
});

describe('vpcsim cp, mv and rm', () => {
	it('copies, renames and removes', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		expect(await box.run(['cp', 'lab', 'lab-copy'])).toEqual({status: 0, stdout: 'copied lab to lab-copy\n', stderr: ''});
		expect(existsSync(saved(box.home, 'lab-copy'))).toBe(true);
		expect(await box.run(['mv', 'lab-copy', 'renamed'])).toEqual({status: 0, stdout: 'renamed lab-copy to renamed\n', stderr: ''});
		expect(existsSync(saved(box.home, 'lab-copy'))).toBe(false);
		expect(existsSync(saved(box.home, 'renamed'))).toBe(true);
		expect(await box.run(['rm', 'renamed'])).toEqual({status: 0, stdout: 'removed renamed\n', stderr: ''});
		expect(existsSync(saved(box.home, 'renamed'))).toBe(false);
		expect(lines((await box.run(['list'])).stdout).map(row => row.trim().split(/\s+/)[0])).toEqual(['lab']);
	});

	it('refuses to copy or rename onto a taken name', async () => {
		const box = sandbox();
		await box.run(['new', 'a']);
		await box.run(['new', 'b', '--template', 'client-vpn']);
		const before = readFileSync(saved(box.home, 'b'), 'utf8');
		for (const command of ['cp', 'mv']) {
			const {status, stderr} = await box.run([command, 'a', 'b']);
			expect(status, command).toBe(2);
			expect(lines(stderr)).toEqual(['vpcsim: a saved topology named "b" already exists; choose another name or remove it first']);
		}
		expect(readFileSync(saved(box.home, 'b'), 'utf8')).toBe(before);
		expect(existsSync(saved(box.home, 'a'))).toBe(true);
	});

	it('says which name is missing', async () => {
		const box = sandbox();
		for (const argv of [['cp', 'ghost', 'x'], ['mv', 'ghost', 'x'], ['rm', 'ghost']]) {
			const {status, stderr} = await box.run(argv);
			expect(status, argv[0]).toBe(2);
			expect(lines(stderr)).toEqual(['vpcsim: no saved topology named "ghost"; `vpcsim list` shows them']);
		}
	});
});

describe('vpcsim with no arguments, without a terminal', () => {
	it('lists the templates and saved topologies and says how to trace', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		const {status, stdout} = await box.run([]);
		expect(status).toBe(0);
		expect(stdout).toContain('vpcsim trace --topology <name|file> --from <ref> --to <ref>');
		for (const id of TEMPLATE_ORDER) expect(stdout).toContain(`  ${id} `);
		expect(stdout).toMatch(/^ {2}lab\s+16 resources/m);
	});
});
