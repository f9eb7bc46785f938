import {act} from 'react';
import fs from 'node:fs';
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {loadTemplate} from '../../source/model/templates.js';
import {applyCompletion} from '../../source/ui/completion.js';
import {runConsole} from '../../source/ui/run-console.js';
import {Root} from '../../source/ui/Root.js';
import {consoleOutput, enterFullScreen, terminalProblem} from '../../source/ui/terminal.js';
import {createServices} from '../../source/ui/storeServices.js';
import {keys, openedTemplate, press, resize, runLine, temporaryStore, tick, waitFor} from './helpers.js';

function fakeStream(isTTY: boolean) {
	const stream = new PassThrough() as unknown as NodeJS.WriteStream & NodeJS.ReadStream;
	(stream as {isTTY: boolean}).isTTY = isTTY;
	let text = '';
	stream.on('data', chunk => (text += String(chunk)));
	return {stream, text: () => text};
}

describe('terminal', () => {
	it('refuses to start without a terminal and points to vpcsim trace', async () => {
		const {store, cleanup} = temporaryStore();
		const stderr = fakeStream(false);
		const code = await runConsole({store, streams: {stdin: fakeStream(false).stream, stdout: fakeStream(false).stream, stderr: stderr.stream}});
		cleanup();
		expect(code).toBe(2);
		expect(stderr.text()).toContain('vpcsim trace');
		expect(terminalProblem({stdin: fakeStream(true).stream, stdout: fakeStream(true).stream, stderr: fakeStream(true).stream})).toBeUndefined();
	});

	it('enters the alternate screen and leaves it once', () => {
		const out = fakeStream(true);
		const screen = enterFullScreen({stdin: fakeStream(true).stream, stdout: out.stream, stderr: fakeStream(true).stream}, () => {});
		expect(out.text()).toContain('\u001B[?1049h');
		screen.restore();
		screen.restore();
		expect(out.text().split('\u001B[?1049l')).toHaveLength(2);
	});

	it('gives Ink an output that never erases the scrollback, and is the terminal in every other way', () => {
		const out = fakeStream(true);
		Object.assign(out.stream, {columns: 120, rows: 40});
		const output = consoleOutput(out.stream);
		output.write('\u001B[2J\u001B[3J\u001B[Hframe');
		expect(out.text()).toBe('\u001B[2J\u001B[Hframe');
		expect([output.columns, output.rows, output.isTTY]).toEqual([120, 40, true]);
		let resized = 0;
		output.on('resize', () => resized++);
		out.stream.emit('resize');
		expect(resized).toBe(1);
	});

	it('shows a message while the terminal is too small and comes back on resize', async () => {
		const setup = openedTemplate('basic-public-private');
		let app!: ReturnType<typeof render>;
		await act(async () => {
			app = render(<Root services={setup.services} opened={setup.opened} />);
			await tick();
		});
		await resize(app.stdout, 70, 20);
		expect(app.lastFrame()).toContain('at least 80x24');
		expect(app.lastFrame()).toContain('vpcsim trace');
		await resize(app.stdout, 160, 50);
		await waitFor(() => (app.lastFrame() ?? '').includes('[3 Rules]'), 'the wide layout');
		expect(app.lastFrame()).toContain('[2 Routes]');
		expect(app.lastFrame()).toContain('[4 Trace]');
		await act(async () => app.unmount());
		setup.cleanup();
	});
});

describe('a too-small interval', () => {
	it('keeps the topology, undo, the trace and the save revision through it', async () => {
		const setup = openedTemplate('basic-public-private');
		let app!: ReturnType<typeof render>;
		await act(async () => {
			app = render(<Root services={setup.services} opened={setup.opened} />);
			await tick();
		});
		const frame = () => app.lastFrame() ?? '';
		const subnets = () => setup.store.load('basic-public-private').topology.subnets.map(subnet => subnet.name);
		await runLine(app.stdin, 'add subnet extra-c vpc=main cidr=10.0.11.0/24');
		await waitFor(() => /1 undo\s+saved/.test(frame()), 'the first change saved');
		await runLine(app.stdin, 'trace web-1 app-1 tcp 8080');
		await waitFor(() => frame().includes('Reachable'), 'the trace');
		await press(app.stdin, 'l', 'l');
		expect(frame()).toContain('Request hop 3');

		await resize(app.stdout, 79, 24);
		expect(frame()).toContain('at least 80x24');
		// Keys other than q and Ctrl-C do nothing while the panes are hidden.
		await press(app.stdin, 'u');
		await resize(app.stdout, 100, 24);
		await waitFor(() => frame().includes('[4 Trace]'), 'the console back');
		expect(frame()).toContain('subnet extra-c 10.0.11.0/24');
		expect(frame()).toContain('Request hop 3');
		expect(frame()).toMatch(/1 undo\s+saved/);

		// The next change saves over the revision the screen kept: no conflict, nothing lost.
		await runLine(app.stdin, 'add subnet extra-d vpc=main cidr=10.0.12.0/24');
		await waitFor(() => /2 undo\s+saved/.test(frame()), 'the second change saved');
		expect(frame()).not.toContain('changed on disk');
		expect(subnets()).toEqual(expect.arrayContaining(['extra-c', 'extra-d']));
		await press(app.stdin, 'u');
		await waitFor(() => !frame().includes('subnet extra-d 10.0.12.0/24') && /1 undo\s+saved/.test(frame()), 'undo of the second change');
		expect(subnets()).toContain('extra-c');
		expect(subnets()).not.toContain('extra-d');
		await act(async () => app.unmount());
		setup.cleanup();
	});
});

describe('palette completion', () => {
	it('inserts a single candidate with a space and lists several', () => {
		expect(applyCompletion('add subn', 8, {replaceFrom: 4, suggestions: ['subnet']})).toEqual({text: 'add subnet ', cursor: 11, candidates: []});
		const several = applyCompletion('rm w', 4, {replaceFrom: 3, suggestions: ['web-1', 'web-2']});
		expect(several.text).toBe('rm web-');
		expect(several.candidates).toEqual(['web-1', 'web-2']);
		expect(applyCompletion('x', 1, {replaceFrom: 0, suggestions: []}).text).toBe('x');
		// An option's value follows its `=` straight away.
		expect(applyCompletion('add subnet x v', 14, {replaceFrom: 13, suggestions: ['vpc=']})).toEqual({text: 'add subnet x vpc=', cursor: 17, candidates: []});
	});
});

describe('first run', () => {
	it('lists the nine templates and opens the one chosen, saved under its id', async () => {
		const {store, cleanup} = temporaryStore();
		const services = createServices({store});
		let app!: ReturnType<typeof render>;
		await act(async () => {
			app = render(<Root services={services} />);
			await tick();
		});
		const frame = () => app.lastFrame() ?? '';
		expect(frame()).toContain('Welcome to vpcsim');
		for (const id of ['basic-public-private', 'nacl-ephemeral-ports', 'peering-non-transitive', 'gateway-endpoint-s3', 'privatelink-service', 'site-to-site-vpn', 'client-vpn', 'direct-connect', 'transit-gateway-hub'])
			expect(frame()).toContain(id);
		await press(app.stdin, 'j');
		await press(app.stdin, keys.enter);
		await waitFor(() => frame().includes('[1 Resources]'), 'the console');
		expect(frame()).toContain('nacl-ephemeral-ports');
		expect(store.exists('nacl-ephemeral-ports')).toBe(true);
		expect(store.getLastUsed()).toBe('nacl-ephemeral-ports');
		await act(async () => app.unmount());
		cleanup();
	});
});

describe('no last topology, but saved ones', () => {
	it('lists the saved topologies before the templates and opens the one chosen; a damaged one is reported and leaves the list', async () => {
		const {store, cleanup} = temporaryStore();
		store.create('alpha', {...loadTemplate('peering-non-transitive'), name: 'alpha'});
		store.create('broken', {...loadTemplate('basic-public-private'), name: 'broken'});
		fs.writeFileSync(store.fileOf('broken'), '{"schemaVersion": 1, ');
		const services = createServices({store});
		let app!: ReturnType<typeof render>;
		await act(async () => {
			app = render(<Root services={services} />);
			await tick();
		});
		const frame = () => app.lastFrame() ?? '';
		expect(frame()).toContain('Open a saved topology, or start from a template');
		const rows = frame().split('\n').filter(line => /open {2}|new {3}/.test(line));
		expect(rows[0]).toContain('open  alpha');
		expect(rows[1]).toContain('open  broken');
		expect(rows[2]).toContain('new   ');
		await press(app.stdin, 'j');
		await press(app.stdin, keys.enter);
		await waitFor(() => frame().includes('moved it aside'), 'the damaged file reported');
		expect(frame()).not.toContain('open  broken');
		for (let i = 0; i < 12 && !/> open {2}alpha/.test(frame()); i++) await press(app.stdin, keys.up);
		await press(app.stdin, keys.enter);
		await waitFor(() => frame().includes('[1 Resources]'), 'the console');
		expect(frame()).toContain('vpcsim  alpha');
		expect(store.list().map(entry => entry.name)).toEqual(['alpha']);
		await act(async () => app.unmount());
		cleanup();
	});
});

describe('opening', () => {
	it('draws the console frame at once, fills the panes when the start resolves, and quits with q meanwhile', async () => {
		const setup = openedTemplate('basic-public-private');
		let resolveStart!: (started: {services: typeof setup.services; opened: typeof setup.opened}) => void;
		const start = {name: 'basic-public-private', run: () => new Promise<{services: typeof setup.services; opened: typeof setup.opened}>(resolve => (resolveStart = resolve))};
		let app!: ReturnType<typeof render>;
		await act(async () => {
			app = render(<Root start={start} />);
			await tick();
		});
		const frame = () => app.lastFrame() ?? '';
		expect(frame()).toContain('vpcsim  basic-public-private');
		expect(frame()).toContain('opening…');
		for (const title of ['[1 Resources]', 'Routes', 'Rules', 'Trace']) expect(frame()).toContain(title);
		expect(frame()).toContain('q quit');
		await waitFor(() => resolveStart !== undefined, 'the start to be called');
		await act(async () => resolveStart({services: setup.services, opened: setup.opened}));
		await waitFor(() => /saved\s*$/m.test(frame().split('\n')[0]!), 'the panes');
		expect(frame()).toContain('VPC main');
		await act(async () => app.unmount());

		// Before the start resolves, q ends the app.
		let exited = false;
		await act(async () => {
			app = render(<Root start={{name: 'x', run: () => new Promise(() => {})}} onExit={() => (exited = true)} />);
			await tick();
		});
		await press(app.stdin, 'q');
		expect(exited).toBe(true);
		await act(async () => app.unmount());
		setup.cleanup();
	});

	it('ends with the reason when the start fails', async () => {
		let failure: unknown;
		let app!: ReturnType<typeof render>;
		await act(async () => {
			app = render(<Root start={{name: 'lab', run: () => Promise.reject(new Error('lab.json: not valid JSON'))}} onFailure={error => (failure = error)} />);
			await tick();
		});
		await waitFor(() => failure !== undefined, 'the failure');
		expect((failure as Error).message).toContain('not valid JSON');
		await act(async () => app.unmount());
	});
});

describe('a console that cannot open its topology', () => {
	function terminal() {
		const stdin = fakeStream(true);
		Object.assign(stdin.stream, {setRawMode: () => stdin.stream, isRaw: false, ref: () => stdin.stream, unref: () => stdin.stream});
		const stdout = fakeStream(true);
		Object.assign(stdout.stream, {columns: 100, rows: 30});
		return {stdin, stdout, stderr: fakeStream(true)};
	}

	it('restores the terminal, then hands the error to the command line to report', async () => {
		const setup = openedTemplate('basic-public-private');
		const broken = Object.assign(new Error('lab.json is not valid JSON: unexpected end at line 1, column 20; moved it aside to lab.corrupt.json'), {name: 'StoreError'});
		const services = {...setup.services, open: () => Promise.reject(broken)};
		const {stdin, stdout, stderr} = terminal();
		const run = runConsole({services, topologyName: 'lab', store: setup.store, streams: {stdin: stdin.stream, stdout: stdout.stream, stderr: stderr.stream}});
		await expect(run).rejects.toBe(broken);
		expect(stdout.text()).toContain('\u001B[?1049h');
		expect(stdout.text().endsWith('\u001B[?25h\u001B[?1049l')).toBe(true);
		setup.cleanup();
	});

	it('opens nothing once the user has quit on the opening frame', async () => {
		const setup = openedTemplate('basic-public-private');
		let opens = 0;
		const services = {
			...setup.services,
			open: async (name: string) => {
				opens++;
				return setup.services.open(name);
			},
		};
		const {stdin, stdout, stderr} = terminal();
		const run = runConsole({services, topologyName: 'basic-public-private', store: setup.store, streams: {stdin: stdin.stream, stdout: stdout.stream, stderr: stderr.stream}});
		// q before the start's timer fires.
		stdin.stream.write('q');
		await expect(run).resolves.toBe(0);
		expect(opens).toBe(0);
		setup.cleanup();
	});
});
