// Saved topologies damaged by hand or changed behind the program's back: the command that meets
// one moves it aside (never over anything), says where, and loses nothing.
import {existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {lines, sandbox} from './helpers.js';

// Lets a test change the saved file while a script is being applied, as another vpcsim could.
const during = vi.hoisted(() => ({script: undefined as (() => void) | undefined}));
vi.mock('../../source/commands/index.js', async importOriginal => {
	const original = await importOriginal<typeof import('../../source/commands/index.js')>();
	return {
		...original,
		runScript: (...args: Parameters<typeof original.runScript>) => {
			const result = original.runScript(...args);
			during.script?.();
			return result;
		},
	};
});

const saved = (home: string, name: string) => path.join(home, 'topologies', `${name}.json`);
const movedAside = (home: string, name: string) =>
	readdirSync(path.join(home, 'topologies')).filter(file => file.startsWith(`${name}.corrupt-`) && file.endsWith('.json'));

const damages: Record<string, (text: string) => string> = {
	truncated: text => text.slice(0, 500),
	garbage: () => 'garbage!!',
	'valid JSON that fails validation': text => text.replace('"cidr": "10.0.1.0/24"', '"cidr": "192.168.0.0/24"'),
};

describe('a damaged saved topology', () => {
	for (const [damage, spoil] of Object.entries(damages)) {
		it(`is moved aside by list when ${damage}, and the listing says where`, async () => {
			const box = sandbox();
			await box.run(['new', 'good']);
			await box.run(['new', 'lab']);
			const bad = spoil(readFileSync(saved(box.home, 'lab'), 'utf8'));
			writeFileSync(saved(box.home, 'lab'), bad);
			const {status, stdout, stderr} = await box.run(['list']);
			expect(status).toBe(0);
			const [moved] = movedAside(box.home, 'lab');
			expect(moved).toBeDefined();
			expect(readFileSync(path.join(box.home, 'topologies', moved!), 'utf8')).toBe(bad);
			expect(existsSync(saved(box.home, 'lab'))).toBe(false);
			const rows = lines(stdout);
			expect(rows[1]).toMatch(/^ {2}lab\s+cannot be opened: /);
			expect(rows[1]!.endsWith(`; moved aside to ${path.join(box.home, 'topologies', moved!)}`)).toBe(true);
			expect(lines(stderr)).toEqual(['hint: a moved file is kept as it was: mend it ("vpcsim validate <file>" names every problem) and move it back']);
			// The next listing shows what can be opened, and nothing was moved twice.
			expect(lines((await box.run(['list'])).stdout).map(row => row.trim().split(/\s+/)[0])).toEqual(['good']);
			expect(movedAside(box.home, 'lab')).toHaveLength(1);
		});
	}

	it('is moved aside by open without a terminal, which says where and how to mend it', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		writeFileSync(saved(box.home, 'lab'), '[]');
		const {status, stderr} = await box.run(['open', 'lab']);
		expect(status).toBe(2);
		const [moved] = movedAside(box.home, 'lab');
		const to = path.join(box.home, 'topologies', moved!);
		expect(lines(stderr)).toEqual([
			`vpcsim: ${saved(box.home, 'lab')}: (document): a topology must be a JSON object; moved it aside to ${to}`,
			`hint: mend it ("vpcsim validate ${to}" names every problem) and move it back to ${saved(box.home, 'lab')}`,
		]);
	});

	it('never moves a file over an earlier copy', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		box.write('nothing.txt', '# nothing\n');
		// Within one second, so both copies want the same timestamped name.
		for (const text of ['first', 'second']) {
			writeFileSync(saved(box.home, 'lab'), text);
			const {status, stderr} = await box.run(['run', 'nothing.txt', '-t', 'lab']);
			expect(status).toBe(2);
			expect(stderr).toMatch(/is not valid JSON: .*; moved it aside to /);
		}
		const copies = movedAside(box.home, 'lab').map(file => readFileSync(path.join(box.home, 'topologies', file), 'utf8'));
		expect(copies.sort()).toEqual(['first', 'second']);
	});
});

describe('a damaged settings file', () => {
	it('does not stop list or rm: it is moved aside and they say where', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		await box.run(['new', 'old']);
		writeFileSync(path.join(box.home, 'settings.json'), 'garbage');
		const listed = await box.run(['list']);
		expect(listed.status).toBe(0);
		expect(lines(listed.stdout)).toHaveLength(2);
		expect(lines(listed.stderr)[0]).toMatch(/^vpcsim: .*settings\.json is not valid JSON: .*; moved it aside to .*settings\.corrupt-.*\.json$/);
		writeFileSync(path.join(box.home, 'settings.json'), 'garbage');
		const removed = await box.run(['rm', 'old']);
		expect(removed.status).toBe(0);
		expect(removed.stdout).toBe('removed old\n');
		expect(lines(removed.stderr)[0]).toMatch(/moved it aside to /);
		expect(existsSync(saved(box.home, 'old'))).toBe(false);
	});
});

describe('a topology changed on disk while run applies a script', () => {
	const script = 'add subnet extra-a vpc=main cidr=10.0.9.0/24\n';

	it('is not overwritten; run says nothing was saved and prints no applied changes', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		box.write('change.txt', script);
		const theirs = readFileSync(saved(box.home, 'lab'), 'utf8').replace('"title": "', '"title": "Theirs: ');
		during.script = () => writeFileSync(saved(box.home, 'lab'), theirs);
		try {
			const {status, stdout, stderr} = await box.run(['run', 'change.txt', '--topology', 'lab']);
			expect(status).toBe(2);
			expect(stdout).toBe('');
			expect(lines(stderr)).toEqual(['vpcsim: run: lab changed on disk while change.txt ran; nothing was saved', 'hint: run change.txt again on the topology as it is now']);
			expect(readFileSync(saved(box.home, 'lab'), 'utf8')).toBe(theirs);
		} finally {
			during.script = undefined;
		}
	});

	it('is not recreated when it was removed meanwhile', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		box.write('change.txt', script);
		during.script = () => rmSync(saved(box.home, 'lab'));
		try {
			const {status, stderr} = await box.run(['run', 'change.txt', '--topology', 'lab']);
			expect(status).toBe(2);
			expect(lines(stderr)[0]).toBe('vpcsim: run: lab was removed while change.txt ran; nothing was saved');
			expect(existsSync(saved(box.home, 'lab'))).toBe(false);
		} finally {
			during.script = undefined;
		}
	});
});
