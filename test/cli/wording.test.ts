// What the command line says when the input is wrong: where, what, and what would be right.
import {cpSync, existsSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {commands} from '../../source/cli/registry.js';
import {lines, sandbox} from './helpers.js';

const fixtures = fileURLToPath(new URL('../fixtures/aws-describe/', import.meta.url));

describe('did you mean', () => {
	it('takes two swapped letters for the command meant', async () => {
		const box = sandbox();
		for (const [typed, meant] of [['lsit', 'list'], ['nwe', 'new'], ['epxort', 'export']]) {
			const {status, stderr} = await box.run([typed!]);
			expect(status).toBe(2);
			expect(lines(stderr)).toEqual([`vpcsim: unknown command "${typed}"`, `hint: did you mean "vpcsim ${meant}"?`]);
		}
	});
});

describe('a saved topology or file that is not there', () => {
	it('suggests the saved name or the file beside it that was probably meant', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		await box.run(['new', 'hub']);
		for (const argv of [['rm', 'lba'], ['export', 'lab2'], ['cp', 'lab', 'x'].map(word => (word === 'lab' ? 'alb' : word))]) {
			const {status, stderr} = await box.run(argv);
			expect(status, argv.join(' ')).toBe(2);
			expect(lines(stderr)[1], argv.join(' ')).toBe('hint: did you mean lab?');
		}
		box.write('prod.json', '{}');
		expect(lines((await box.run(['validate', './prdo.json'])).stderr)).toEqual(['vpcsim: ./prdo.json: no such file']);
		expect(lines((await box.run(['export', './prdo.json'])).stderr)[1]).toBe('hint: did you mean prod.json?');
		expect(lines((await box.run(['rm', 'ghost'])).stderr)).toEqual(['vpcsim: no saved topology named "ghost"; `vpcsim list` shows them']);
	});
});

describe('vpcsim import aws', () => {
	it('checks --name before reading the snapshot, and saves nothing', async () => {
		const box = sandbox();
		const {status, stderr} = await box.run(['import', 'aws', path.join(box.cwd, 'not-there'), '--name', 'bad name']);
		expect(status).toBe(2);
		expect(lines(stderr)).toEqual([
			'vpcsim: "bad name" is not a valid saved name: use letters, digits, ".", "_" and "-", 1 to 64 characters, not starting with "." or "-"',
		]);
	});

	it('saves under the VPCSIM_HOME every other command uses, relative to the working folder', async () => {
		const box = sandbox();
		const home = path.relative(box.cwd, box.home);
		const {status} = await box.run(['import', 'aws', path.join(fixtures, 'test-vpc-peering'), '--name', 'peer'], {env: {VPCSIM_HOME: home}});
		expect(status).toBe(0);
		expect(existsSync(path.join(box.home, 'topologies', 'peer.json'))).toBe(true);
	});

	it('names the line and column of a snapshot file that is not JSON', async () => {
		const box = sandbox();
		const dir = path.join(box.cwd, 'snap');
		cpSync(path.join(fixtures, 'test-vpc-peering'), dir, {recursive: true});
		writeFileSync(path.join(dir, 'aws_configs', 'Subnets.json'), '{\n  "Subnets": [\n    {"SubnetId": "subnet-1",\n');
		const {status, stderr} = await box.run(['import', 'aws', 'snap', '--out', 'out.json']);
		expect(status).toBe(2);
		expect(lines(stderr)).toEqual(['vpcsim: aws_configs/Subnets.json: (document): is not valid JSON: unexpected end of file, expected a property name in double quotes at line 4, column 1']);
		expect(existsSync(path.join(box.cwd, 'out.json'))).toBe(false);
	});

	it('refuses an --out that later commands would take for a saved name', async () => {
		const box = sandbox();
		const {status, stderr} = await box.run(['import', 'aws', path.join(fixtures, 'test-vpc-peering'), '--out', 'prod']);
		expect(status).toBe(2);
		expect(lines(stderr)).toEqual(['vpcsim: --out prod: a topology file must end in .json (or be given with a path)', 'hint: --out prod.json, or --name prod to save it as a topology']);
		expect(existsSync(path.join(box.cwd, 'prod'))).toBe(false);
	});

	it('says a snapshot folder that is not there does not exist', async () => {
		const box = sandbox();
		const missing = await box.run(['import', 'aws', 'nowhere', '--out', 'out.json']);
		expect(lines(missing.stderr)[0]).toBe(`vpcsim: ${path.join(box.cwd, 'nowhere')}: (folder): does not exist; give the snapshot folder (the one holding aws_configs/ or the JSON files)`);
	});
});

describe('help and flag hints', () => {
	it('wraps every command\'s help to 100 columns, as the main help is', async () => {
		const box = sandbox();
		for (const command of commands) {
			const {stdout} = await box.run([command.name, '--help']);
			// The usage line is one command line and may run longer; it is never split.
			const long = lines(stdout).slice(1).filter(line => line.length > 100);
			expect(long, command.name).toEqual([]);
		}
	});

	it('fills each line of a command\'s description before starting the next: a line ends early only at a sentence\'s end', async () => {
		const box = sandbox();
		for (const command of commands) {
			const {stdout} = await box.run([command.name, '--help']);
			const all = lines(stdout);
			// Usage, a blank line, the summary, a blank line, then the description up to the next blank line.
			const description = all.slice(4, all.indexOf('', 4));
			if (!command.description) continue;
			expect(description.length, command.name).toBeGreaterThan(0);
			description.slice(0, -1).forEach((line, at) => {
				if (/[.:?!]["')\]]*$/.test(line)) return;
				const next = description[at + 1]!.split(' ')[0]!;
				expect(line.length + 1 + next.length, `${command.name}: "${line}" could take "${next}"`).toBeGreaterThan(100);
			});
		}
	});

	it('shows a real value, not the placeholder again, for a flag given without one', async () => {
		const box = sandbox();
		for (const [argv, hint] of [
			[['new', 'lab', '--template'], 'hint: e.g. --template peering-non-transitive'],
			[['import', 'aws', 'snap', '--out'], 'hint: e.g. --out prod.json'],
			[['run', 'x.txt', '--topology'], 'hint: e.g. --topology lab'],
			[['trace', '--topology', 'lab', '--from'], 'hint: e.g. --from web-1'],
		] as const) {
			const {status, stderr} = await box.run([...argv]);
			expect(status, argv.join(' ')).toBe(2);
			expect(lines(stderr)[1]).toBe(hint);
		}
	});
});

describe('vpcsim validate', () => {
	it('shows how to check a saved topology when given its name', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		const {status, stderr} = await box.run(['validate', 'lab']);
		expect(status).toBe(2);
		expect(lines(stderr)).toEqual(['vpcsim: lab: no such file', 'hint: lab is a saved topology: vpcsim export lab > lab.json && vpcsim validate lab.json']);
		expect(lines((await box.run(['validate', 'other'])).stderr)).toEqual(['vpcsim: other: no such file']);
	});
});

describe('vpcsim trace --batch', () => {
	it('names a missing or unreadable flows file in one plain line', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		const hint = 'hint: one JSON flow a line: {"from": "web-1", "to": "8.8.8.8", "port": 443}';
		const missing = await box.run(['trace', '-t', 'lab', '--batch', 'nope.jsonl']);
		expect(missing.status).toBe(2);
		expect(lines(missing.stderr)).toEqual(['vpcsim: trace: --batch nope.jsonl: no such file', hint]);
		const folder = await box.run(['trace', '-t', 'lab', '--batch', '.']);
		expect(lines(folder.stderr)).toEqual(['vpcsim: trace: --batch .: is a folder, not a file of flows', hint]);
	});
});
