// The console end to end, in a real pseudo-terminal: the shipped dist/cli.js runs inside tmux, is
// driven by key presses and read back from the screen, and must leave the terminal as it found it.
import {afterEach, describe, expect, it} from 'vitest';
import {binary, cleanUp, flat, openTerminal, tempFolder, userEnv, vpcsim, type Terminal} from './terminal.js';

afterEach(() => {
	cleanUp();
});

/** Runs the console from the shell, with a line printed before it and its exit status after. */
function launch(terminal: Terminal, argv: string): void {
	// READY-$((6*7)) prints READY-42, which the typed command line itself does not contain.
	terminal.type(`echo READY-$((6*7)); node '${binary}' ${argv}; echo EXITED:$?`);
	terminal.press('Enter');
}

/** The text inside the left-hand pane (Resources): what lies between the first two borders of each row. */
function leftPane(screen: string): string {
	return screen
		.split('\n')
		.filter(line => line.startsWith('│'))
		.map(line => line.slice(1, line.indexOf('│', 1)))
		.join('\n');
}

/** A saved topology made from a template with the CLI, and the environment that finds it. */
function savedLab(): Record<string, string> {
	const env = userEnv(tempFolder('vpcsim-e2e-'));
	const created = vpcsim(env, ['new', 'lab', '--template', 'basic-public-private']);
	expect(created.stderr).toBe('');
	expect(created.status).toBe(0);
	return env;
}

async function openPalette(terminal: Terminal): Promise<void> {
	terminal.press(':');
	await terminal.waitFor('the command palette', screen => screen.includes('Enter run command'));
}

async function runInPalette(terminal: Terminal, command: string): Promise<void> {
	await openPalette(terminal);
	terminal.type(command);
	await terminal.waitFor(`"${command}" in the palette`, screen => screen.includes(`:${command}`));
	terminal.press('Enter');
}

/** Presses a key in the Trace pane and waits for the hop it selects: its row marked and its detail shown. */
async function step(terminal: Terminal, key: string, row: RegExp, detail: string): Promise<string> {
	terminal.press(key);
	const screen = await terminal.waitFor(`${key} to select the hop "${detail}"`, text => row.test(text) && flat(text).includes(detail));
	// Exactly one hop is selected.
	expect(screen.match(/>[→←]\s+\d+ /g)).toHaveLength(1);
	return screen;
}

/**
 * After the console has quit: the shell is back on the normal screen, in the mode it was in.
 * `resized`: the window changed size while the console ran. tmux 3.3 then carries full-width rows
 * of the alternate screen into the normal screen's scrollback when it is left (any program that
 * writes 80-column rows does it), so only the rows from the launch on are held to be clean.
 */
async function expectRestored(terminal: Terminal, {resized = false} = {}): Promise<void> {
	const screen = await terminal.waitFor('the console to exit with status 0', text => text.includes('EXITED:0'));
	expect(terminal.query('#{alternate_on}')).toBe('0');
	expect(terminal.query('#{pane_current_command}')).not.toBe('node');
	// What was printed before the console started is on screen again, and nothing of the console is.
	expect(screen).toContain('READY-42');
	const shell = resized ? screen.slice(screen.indexOf('echo READY-')) : screen;
	for (const frame of ['[1 Resources]', 'vpcsim  lab', '╭', '╰', '│']) expect(shell).not.toContain(frame);
	// The cursor is visible again and the line discipline is back to cooked mode with echo.
	expect(terminal.query('#{cursor_flag}')).toBe('1');
	terminal.type("echo MODE:$(stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ,)");
	terminal.press('Enter');
	await terminal.waitFor('the terminal modes', text => text.includes('MODE:icanon,echo,'));
}

describe.each([
	{columns: 80, rows: 24, grid: false},
	{columns: 160, rows: 48, grid: true},
])('the console at $columns x $rows', ({columns, rows, grid}) => {
	it('opens a saved topology, adds a subnet from the palette, steps through a trace, quits cleanly and keeps the change', {timeout: 180_000}, async () => {
		const env = savedLab();
		const terminal = openTerminal(columns, rows, env);
		expect(terminal.query('#{pane_width}x#{pane_height}')).toBe(`${columns}x${rows}`);
		await terminal.waitFor('the shell prompt', screen => screen.trim() !== '');
		launch(terminal, 'open lab');

		// The panes, the header (name, title, saved state) and the footer.
		let screen = await terminal.waitFor('the console', text => text.includes('[1 Resources]') && text.includes('web-1'));
		expect(terminal.query('#{alternate_on}')).toBe('1');
		expect(screen).not.toContain('READY-42');
		const header = screen.split('\n')[0]!;
		expect(header).toMatch(/^vpcsim {2}lab — Public and private subnets/);
		expect(header).toMatch(/saved\s*$/);
		for (const title of grid ? ['[2 Routes]', '[3 Rules]', '[4 Trace]'] : ['2 Routes', '3 Rules', '4 Trace']) expect(screen).toContain(title);
		expect(leftPane(screen)).toMatch(/VPC main 10\.0\.0\.0\/16/);
		expect(leftPane(screen)).toContain('app-1 10.0.2.10');
		expect(screen).toMatch(/: command {2}t trace/);

		// A subnet added from the palette appears in Resources, and the header counts one change.
		await runInPalette(terminal, 'add subnet extra-a vpc=main cidr=10.0.9.0/24');
		screen = await terminal.waitFor('the new subnet in Resources', text => leftPane(text).includes('subnet extra-a 10.0.9.0/24') && !text.includes('Enter run command'));
		expect(flat(screen)).toContain('added subnet extra-a');
		await terminal.waitFor('the header to show the change saved', text => /1 undo {2}saved\s*$/.test(text.split('\n')[0]!));
		// u takes it back and Ctrl-R puts it back, each saved at once.
		terminal.press('u');
		await terminal.waitFor('u to undo the subnet', text => {
			const top = text.split('\n')[0]!;
			return !leftPane(text).includes('extra-a') && flat(text).includes('Undone: added subnet extra-a') && !top.includes('undo') && /saved\s*$/.test(top);
		});
		terminal.press('C-r');
		await terminal.waitFor('Ctrl-R to redo it', text => leftPane(text).includes('subnet extra-a 10.0.9.0/24') && flat(text).includes('Redone: added subnet extra-a'));
		await terminal.waitFor('the header to show the redone change saved', text => /1 undo {2}saved\s*$/.test(text.split('\n')[0]!));

		// A trace from the palette, stepped through in the Trace pane.
		await runInPalette(terminal, 'trace web-1 app-1 tcp 8080');
		screen = await terminal.waitFor('the trace', text => text.includes('Reachable: the request arrives') && text.includes('1/14 paused'));
		expect(screen).toMatch(/>→\s+1 forward\s+web-1/);
		expect(flat(screen)).toContain('Request hop 1: web-1 (i-web-1)');
		await step(terminal, 'l', />→\s+2 allow\s+web \(sg-web\)/, 'Request hop 2: web (sg-web)');
		await step(terminal, 'Right', />→\s+3 allow\s+public-acl/, 'Request hop 3: public-acl (acl-public)');
		screen = await step(terminal, 'l', />→\s+4 forward\s+public \(rtb-public\)/, 'Request hop 4: public (rtb-public)');
		if (grid) {
			// Side by side, Routes follows the trace and marks the route this hop took.
			expect(screen).toContain('following trace hop: public (rtb-public)');
			expect(screen).toMatch(/▶ 10\.0\.0\.0\/16\s+→ local/);
		}
		await step(terminal, 'h', />→\s+3 allow\s+public-acl/, 'Request hop 3: public-acl (acl-public)');
		await step(terminal, 'Left', />→\s+2 allow\s+web \(sg-web\)/, 'Request hop 2: web (sg-web)');
		await step(terminal, 'G', />←\s+7 deliver\s+web-1/, 'Reply hop 7: web-1 (i-web-1)');
		await step(terminal, 'g', />→\s+1 forward\s+web-1/, 'Request hop 1: web-1 (i-web-1)');

		// The help overlay closes with q first; the next q quits.
		terminal.press('?');
		await terminal.waitFor('the help overlay', text => text.includes('Esc/q close help'));
		terminal.press('q');
		await terminal.waitFor('the help overlay to close', text => !text.includes('Esc/q close help') && text.includes('[1 Resources]'));
		terminal.press('q');
		await expectRestored(terminal);

		// The change was saved on the way.
		const exported = vpcsim(env, ['export', 'lab', '--format', 'json']);
		expect(exported.stderr).toBe('');
		expect(exported.status).toBe(0);
		const topology = JSON.parse(exported.stdout) as {subnets: Array<{name?: string; cidr: string; vpcId: string}>};
		expect(topology.subnets).toContainEqual(expect.objectContaining({name: 'extra-a', cidr: '10.0.9.0/24', vpcId: 'vpc-main'}));
	});
});

describe('the console in a small terminal', () => {
	it('says the terminal is too small instead of drawing a broken screen, and comes up once it is 80x24', {timeout: 120_000}, async () => {
		const env = savedLab();
		const terminal = openTerminal(60, 20, env);
		await terminal.waitFor('the shell prompt', screen => screen.trim() !== '');
		launch(terminal, 'open lab');

		let screen = await terminal.waitFor('the too-small message', text => flat(text).includes('needs a terminal of at least 80x24; this one is 60x20'));
		expect(flat(screen)).toContain('vpcsim trace --topology');
		for (const frame of ['[1 Resources]', '╭', '│']) expect(screen).not.toContain(frame);

		terminal.resize(80, 24);
		screen = await terminal.waitFor('the console after the resize', text => text.includes('[1 Resources]') && text.includes('web-1'));
		expect(screen.split('\n')[0]).toMatch(/^vpcsim {2}lab — /);
		expect(flat(screen)).not.toContain('needs a terminal');

		// Ctrl-C quits even with the palette open, and restores the terminal too.
		await openPalette(terminal);
		terminal.press('C-c');
		await expectRestored(terminal, {resized: true});
	});

	it('keeps the console state through a too-small interval: the change, undo and the save revision', {timeout: 120_000}, async () => {
		const env = savedLab();
		const terminal = openTerminal(80, 24, env);
		await terminal.waitFor('the shell prompt', screen => screen.trim() !== '');
		launch(terminal, 'open lab');
		await terminal.waitFor('the console', text => text.includes('[1 Resources]') && text.includes('web-1'));

		await runInPalette(terminal, 'add subnet extra-c vpc=main cidr=10.0.11.0/24');
		await terminal.waitFor('the first change saved', text => leftPane(text).includes('extra-c') && /1 undo {2}saved\s*$/.test(text.split('\n')[0]!));

		terminal.resize(79, 24);
		await terminal.waitFor('the too-small message', text => flat(text).includes('this one is 79x24'));
		terminal.resize(80, 24);
		await terminal.waitFor('the console with the change kept', text => leftPane(text).includes('subnet extra-c 10.0.11.0/24') && /1 undo {2}saved\s*$/.test(text.split('\n')[0]!));

		// The next change is saved over the kept revision: no "changed on disk", nothing lost.
		await runInPalette(terminal, 'add subnet extra-d vpc=main cidr=10.0.12.0/24');
		const screen = await terminal.waitFor('the second change saved', text => leftPane(text).includes('extra-d') && /2 undo {2}saved\s*$/.test(text.split('\n')[0]!));
		expect(screen).not.toContain('changed on disk');
		terminal.press('q');
		await expectRestored(terminal, {resized: true});

		const exported = vpcsim(env, ['export', 'lab', '--format', 'json']);
		const topology = JSON.parse(exported.stdout) as {subnets: Array<{name?: string}>};
		expect(topology.subnets.map(subnet => subnet.name)).toEqual(expect.arrayContaining(['extra-c', 'extra-d']));
	});
});
