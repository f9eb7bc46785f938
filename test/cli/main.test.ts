import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {commands} from '../../source/cli/registry.js';
import {lines, sandbox} from './helpers.js';

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version;
const ESC = '\u001B[';

describe('vpcsim --help and --version', () => {
	it('lists every command with its usage', async () => {
		const {status, stdout, stderr} = await sandbox().run(['--help']);
		expect(status).toBe(0);
		expect(stderr).toBe('');
		for (const name of ['open', 'templates', 'new', 'list', 'cp', 'mv', 'rm', 'trace', 'run', 'validate', 'export', 'import'])
			expect(stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
		expect(stdout).toContain('VPCSIM_HOME');
		// Every status the README's exit status table lists.
		expect(stdout).toContain('Exit status: 0 ok; 1 trace found the destination unreachable; 2 bad input; 70 a bug in vpcsim.');
	});

	it('accepts -h and `help`, and `help <command>` is the command\'s help', async () => {
		const box = sandbox();
		expect((await box.run(['-h'])).stdout).toBe((await box.run(['--help'])).stdout);
		expect((await box.run(['help'])).stdout).toBe((await box.run(['--help'])).stdout);
		expect((await box.run(['help', 'trace'])).stdout).toBe((await box.run(['trace', '--help'])).stdout);
		expect((await box.run(['help', '--help'])).stdout).toBe((await box.run(['--help'])).stdout);
	});

	it('`help <palette command>` is the palette\'s help for it', async () => {
		const box = sandbox();
		const subnet = await box.run(['help', 'add', 'subnet']);
		expect(subnet.status).toBe(0);
		expect(subnet.stdout).toMatch(/^palette command \(type it after : in the console/);
		expect(subnet.stdout).toContain('add subnet <name> <vpc> <cidr>');
		expect((await box.run(['help', 'add'])).stdout).toContain('add vpc <name> <cidr>');
		const unknown = await box.run(['help', 'nosuch']);
		expect(unknown.status).toBe(2);
		expect(unknown.stderr).toContain('help: no command "nosuch"');
	});

	it('gives every command a --help with its usage, flags and an example', async () => {
		const box = sandbox();
		for (const command of commands) {
			const {status, stdout} = await box.run([command.name, '--help']);
			expect(status, command.name).toBe(0);
			expect(stdout).toMatch(new RegExp(`^Usage: vpcsim ${command.name}`));
			for (const flag of Object.keys(command.flags)) expect(stdout).toContain(`--${flag.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`);
			expect(stdout).toMatch(/^ {2}\$ vpcsim /m);
		}
	});

	it('--help wins over missing arguments', async () => {
		const {status, stdout} = await sandbox().run(['cp', '--help']);
		expect(status).toBe(0);
		expect(stdout).toContain('Usage: vpcsim cp <from> <to>');
	});

	it('prints the version of package.json', async () => {
		for (const flag of ['--version', '-v']) {
			const {status, stdout} = await sandbox().run([flag]);
			expect(status).toBe(0);
			expect(stdout).toBe(`${packageVersion}\n`);
		}
	});
});

describe('mistakes on the command line', () => {
	it('refuses an unknown command with the closest name as a hint', async () => {
		const {status, stdout, stderr} = await sandbox().run(['tmplates']);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(lines(stderr)).toEqual(['vpcsim: unknown command "tmplates"', 'hint: did you mean "vpcsim templates"?']);
	});

	it('points to --help for a command nothing resembles', async () => {
		const {status, stderr} = await sandbox().run(['frobnicate']);
		expect(status).toBe(2);
		expect(lines(stderr)[1]).toBe('hint: run "vpcsim --help" for the commands');
	});

	it('refuses an unknown top-level option', async () => {
		const {status, stderr} = await sandbox().run(['--verison']);
		expect(status).toBe(2);
		expect(lines(stderr)).toEqual(['vpcsim: unknown option --verison', 'hint: did you mean --version?']);
	});

	it('refuses an unknown flag of a command, suggesting the flag meant', async () => {
		const {status, stderr} = await sandbox().run(['export', 'lab', '--formt', 'dot']);
		expect(status).toBe(2);
		expect(lines(stderr)).toEqual(['vpcsim: export: unknown flag --formt', 'hint: did you mean --format?']);
	});

	it('refuses an unknown short flag', async () => {
		const {status, stderr} = await sandbox().run(['list', '-x']);
		expect(status).toBe(2);
		expect(lines(stderr)[0]).toBe('vpcsim: list: unknown flag -x');
	});

	it('names a missing argument and an extra one', async () => {
		const box = sandbox();
		const missing = await box.run(['cp', 'a']);
		expect(missing.status).toBe(2);
		expect(lines(missing.stderr)).toEqual(['vpcsim: cp: missing <to>', 'hint: run "vpcsim cp --help" for usage']);
		const extra = await box.run(['rm', 'a', 'b']);
		expect(extra.status).toBe(2);
		expect(lines(extra.stderr)[0]).toBe('vpcsim: rm: unexpected argument "b"');
	});

	it('wants a value after a string flag and a known value for a choice', async () => {
		const box = sandbox();
		const empty = await box.run(['new', 'lab', '--template']);
		expect(empty.status).toBe(2);
		expect(lines(empty.stderr)[0]).toBe('vpcsim: new: --template needs a value (<id>)');
		const wrong = await box.run(['export', 'lab', '--format', 'mermiad']);
		expect(wrong.status).toBe(2);
		expect(lines(wrong.stderr)).toEqual(['vpcsim: export: --format must be one of json, mermaid, dot, not "mermiad"', 'hint: did you mean mermaid?']);
	});

	it('refuses a flag given twice', async () => {
		const {status, stderr} = await sandbox().run(['new', 'lab', '--template', 'a', '--template', 'b']);
		expect(status).toBe(2);
		expect(lines(stderr)[0]).toMatch(/^vpcsim: new: flag --template can only be set once$/);
	});

	it('shows a stack trace only with VPCSIM_DEBUG=1', async () => {
		const box = sandbox();
		const plain = await box.run(['rm', 'nothing-here']);
		expect(plain.status).toBe(2);
		expect(lines(plain.stderr)).toEqual(['vpcsim: no saved topology named "nothing-here"; `vpcsim list` shows them']);
		const debug = await box.run(['rm', 'nothing-here'], {env: {VPCSIM_DEBUG: '1'}});
		expect(debug.status).toBe(2);
		expect(debug.stderr).toMatch(/\n {4}at /);
	});
});

describe('colour', () => {
	it('colours help on a terminal', async () => {
		const {stdout} = await sandbox().run(['--help'], {isTTY: true});
		expect(stdout).toContain(ESC);
	});

	it('has no colour codes when stdout is not a terminal', async () => {
		const box = sandbox();
		for (const argv of [['--help'], ['templates'], ['list']]) expect((await box.run(argv)).stdout).not.toContain(ESC);
	});

	it('honours NO_COLOR on a terminal', async () => {
		const box = sandbox();
		for (const argv of [['--help'], ['templates'], ['trace', '--help']])
			expect((await box.run(argv, {isTTY: true, env: {NO_COLOR: '1'}})).stdout).not.toContain(ESC);
	});

	it('keeps error lines plain even on a terminal', async () => {
		const {stderr} = await sandbox().run(['nope'], {isTTY: true});
		expect(stderr).not.toContain(ESC);
	});
});
