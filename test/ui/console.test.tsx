import {act} from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {Root} from '../../source/ui/Root.js';
import {keys, openedTemplate, press, resize, runLine, tick, type, waitFor} from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(async () => {
	await act(async () => {
		while (cleanups.length > 0) cleanups.pop()!();
	});
});

async function open(id = 'basic-public-private') {
	const setup = openedTemplate(id);
	let app!: ReturnType<typeof render>;
	// Await once after render: useInput subscribes in an effect.
	await act(async () => {
		app = render(<Root services={setup.services} opened={setup.opened} />);
		await tick();
	});
	cleanups.push(() => app.unmount(), setup.cleanup);
	const frame = () => app.lastFrame() ?? '';
	return {...setup, app, frame, stdin: app.stdin};
}

describe('console panes', () => {
	it('shows the tree, the route table and the rules of the selection', async () => {
		const {frame, stdin} = await open();
		expect(frame()).toContain('basic-public-private');
		expect(frame()).toContain('saved');
		expect(frame()).toContain('VPC main 10.0.0.0/16');
		expect(frame()).toContain('subnet public-a 10.0.1.0/24');
		expect(frame()).toContain('web-1 10.0.1.10');
		// The VPC is selected: its main route table, with the implicit local route.
		expect(frame()).toContain('private (main)');
		expect(frame()).toMatch(/0\.0\.0\.0\/0\s+→ nat-a/);
		expect(frame()).toMatch(/10\.0\.0\.0\/16\s+→ local/);
		// Down to web-1: the public subnet's table and web-1's security group and NACL.
		await press(stdin, 'j', 'j');
		// Targets by name, as Resources names them.
		expect(frame()).toMatch(/0\.0\.0\.0\/0\s+→ main-igw/);
		await press(stdin, '3');
		expect(frame()).toContain('[3 Rules]');
		expect(frame()).toContain('web inbound');
		expect(frame()).toContain('public-acl inbound');
		expect(frame()).toContain('* deny all traffic');
		await press(stdin, '4');
		expect(frame()).toContain('No trace yet');
	});

	it('wraps the Trace pane\'s prose at words: no line starts with a space, and ": trace" stays whole', async () => {
		const {frame, stdin} = await open();
		await press(stdin, '4');
		const pane = frame()
			.split('\n')
			.map(line => /│([^│]*)│$/.exec(line)?.[1] ?? '')
			.filter(text => text.trim());
		const start = pane.findIndex(text => text.startsWith('No trace yet.'));
		const message = pane.slice(start, start + 4).map(text => text.trimEnd());
		expect(message.join(' ')).toMatch(/: trace <from> <to> tcp 443\./);
		expect(message.some(text => /: trace/.test(text))).toBe(true);
		for (const text of message) expect(text).not.toMatch(/^ /);
	});

	it('words counts, kinds and hops the way people write them', async () => {
		const {frame, stdin} = await open();
		// Counted as Routes lists them, the implicit local route included.
		expect(frame()).toContain('public route table, 2 routes');
		expect(frame()).not.toMatch(/\b1 routes|\b2 route\b/);
		await press(stdin, '3');
		expect(frame()).toContain('No security group or network ACL applies to a VPC.');
		await press(stdin, '1', 'j', 'j', 'j', 'j', 'j', 'j', 'j', '3');
		expect(frame()).toContain('applies to a route');
		expect(frame()).not.toContain('route-table');
		await runLine(stdin, 'trace web-1 app-1 tcp 8080');
		await waitFor(() => frame().includes('Reachable'), 'the trace');
		expect(frame()).toContain('Request hop 1: web-1 (i-web-1), an instance, forwards');
		await press(stdin, 'l');
		expect(frame()).toContain('Request hop 2: web (sg-web), a security group, allows');
	});

	it('collapses and expands tree nodes and filters the list', async () => {
		const {frame, stdin} = await open();
		await press(stdin, keys.enter);
		expect(frame()).toContain('▸ VPC main');
		expect(frame()).not.toContain('web-1');
		await press(stdin, keys.right);
		expect(frame()).toContain('web-1');
		await press(stdin, '/');
		await type(stdin, 'app-1');
		expect(frame()).toContain('/app-1');
		expect(frame()).toContain('app-1 10.0.2.10');
		expect(frame()).not.toContain('web-1');
		await press(stdin, keys.esc);
		await waitFor(() => frame().includes('web-1'), 'the filter to clear');
	});

	it('keeps the selection on the same resource when a change adds rows above it, and on undo', async () => {
		const {frame, stdin} = await open();
		await press(stdin, 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j');
		expect(frame()).toMatch(/> +web security group/);
		await runLine(stdin, 'add subnet extra-c vpc=main cidr=10.0.11.0/24');
		await waitFor(() => frame().includes('subnet extra-c'), 'the new subnet');
		expect(frame()).toMatch(/> +web security group/);
		await press(stdin, 'u');
		await waitFor(() => !frame().includes('subnet extra-c 10.0.11.0/24'), 'the undo');
		expect(frame()).toMatch(/> +web security group/);
	});

	it('keeps the resource chosen under a filter when Esc clears it', async () => {
		const {frame, stdin} = await open();
		await press(stdin, '/');
		await type(stdin, 'app');
		await press(stdin, keys.enter, 'j', 'j');
		expect(frame()).toMatch(/> +app-1/);
		await press(stdin, keys.esc);
		await waitFor(() => frame().includes('web-1'), 'the filter to clear');
		expect(frame()).toMatch(/> +app-1 10\.0\.2\.10/);
	});

	it('moves between panes with Tab, Shift-Tab and digits', async () => {
		const {frame, stdin} = await open();
		await press(stdin, keys.tab);
		expect(frame()).toContain('[2 Routes]');
		await press(stdin, keys.tab);
		expect(frame()).toContain('[3 Rules]');
		await press(stdin, keys.shiftTab, keys.shiftTab, keys.shiftTab);
		expect(frame()).toContain('[4 Trace]');
	});
});

describe('bursts of keys', () => {
	it('takes several characters in one read as separate key presses', async () => {
		const {frame, stdin} = await open();
		await press(stdin, 'jj');
		await waitFor(() => /> +web-1/.test(frame()), 'the cursor on web-1');
		await press(stdin, ':cidr 10.0.0.0/16\r');
		await waitFor(() => frame().includes('10.0.255.255'), 'the cidr answer');
	});
});

describe('help and footer', () => {
	it('shows the keys of the focused pane and the help overlay', async () => {
		const {frame, stdin} = await open();
		expect(frame()).toContain('Enter open/close');
		expect(frame()).toContain(': command');
		await press(stdin, '4');
		expect(frame()).toContain('Space play/pause');
		await press(stdin, '?');
		expect(frame()).toContain('Keys');
		expect(frame()).toContain('Everywhere');
		expect(frame()).toContain('close help');
		await press(stdin, 'q');
		expect(frame()).not.toContain('Everywhere');
		expect(frame()).toContain('[4 Trace]');
	});

	it('scrolls the help overlay by line, by page and to either end, as in the panes', async () => {
		const {frame, stdin} = await open();
		await press(stdin, '?');
		const shown = () => {
			const match = /Keys {2}\((\d+)-(\d+) of (\d+)/.exec(frame());
			if (!match) throw new Error(`no help title in:\n${frame()}`);
			return {first: Number(match[1]), last: Number(match[2]), total: Number(match[3])};
		};
		const {last: pageEnd, total} = shown();
		expect(shown().first).toBe(1);
		expect(frame()).toMatch(/↑\/↓ scroll {2}PgUp\/PgDn page {2}g\/G top\/bottom/);
		await press(stdin, 'j');
		expect(shown().first).toBe(2);
		await press(stdin, keys.pageDown);
		expect(shown().first).toBe(2 + pageEnd - 1);
		await press(stdin, keys.pageUp);
		expect(shown().first).toBe(2);
		await press(stdin, 'G');
		expect(shown().last).toBe(total);
		expect(frame()).toContain('This help');
		// The bottom is a position like any other: one k moves one line up from it.
		const bottom = shown().first;
		await press(stdin, 'k');
		expect(shown().first).toBe(bottom - 1);
		await press(stdin, 'g');
		expect(shown().first).toBe(1);
		await press(stdin, '\u0004');
		expect(shown().first).toBe(pageEnd);
		await press(stdin, '\u0015');
		expect(shown().first).toBe(1);
		await press(stdin, keys.esc);
		await waitFor(() => !frame().includes('Keys  ('), 'the help to close');
	});
});

describe('palette', () => {
	it('completes command names and resource names', async () => {
		const {frame, stdin} = await open();
		await press(stdin, ':');
		await type(stdin, 'add subn');
		await press(stdin, keys.tab);
		expect(frame()).toContain(':add subnet ');
		await type(stdin, 'x v');
		await press(stdin, keys.tab);
		await type(stdin, 'ma');
		expect(frame()).toContain(':add subnet x vpc=ma');
		await press(stdin, keys.tab);
		expect(frame()).toContain('vpc=main ');
	});

	it('tells Delete from Backspace: Delete removes the character under the cursor', async () => {
		const {frame, stdin} = await open();
		await press(stdin, ':');
		await type(stdin, 'cidrx');
		await press(stdin, keys.left, keys.left, '\u001B[3~');
		expect(frame()).toContain(':cidx');
		await press(stdin, keys.backspace);
		expect(frame()).toContain(':cix');
		await press(stdin, keys.right, '\u001B[3~');
		expect(frame()).toContain(':cix');
	});

	it('shows an error inline and changes nothing', async () => {
		const {frame, stdin, store} = await open();
		const before = store.load('basic-public-private').revision;
		await runLine(stdin, 'add subnet db-a vpc=main cidr=10.0.1.0/24 az=us-east-1a');
		await waitFor(() => frame().includes('✗'), 'the error');
		expect(frame()).toContain('saved');
		expect(frame()).not.toContain('undo  saved');
		expect(store.load('basic-public-private').revision).toBe(before);
	});

	it('wraps a long error over a few lines', async () => {
		const {frame, stdin} = await open();
		await runLine(stdin, 'rm web-1');
		await waitFor(() => frame().includes('✗'), 'the error');
		expect(frame()).toContain('✗ column 4: cannot rm "web-1"');
		// The error goes on below its first line, the last of three ending in an ellipsis.
		expect(frame()).toMatch(/✗ column 4[^\n]*\n│[^\n]*\n│[^\n]*…/);
	});

	it('keeps the palette open with the line and the error when open fails', async () => {
		const {frame, stdin} = await open();
		await runLine(stdin, 'open nosuch');
		await waitFor(() => frame().includes('✗'), 'the error');
		expect(frame()).toContain(':open nosuch');
		expect(frame()).toContain('nosuch');
		expect(frame()).toContain('Enter run command');
	});

	it('applies and saves a command, keeps history, and undoes and redoes it', async () => {
		const {frame, stdin, store} = await open();
		await runLine(stdin, 'add subnet db-a vpc=main cidr=10.0.3.0/24 az=us-east-1a');
		await waitFor(() => frame().includes('subnet db-a 10.0.3.0/24'), 'the new subnet');
		await waitFor(() => /1 undo\s+saved/.test(frame()), 'the save');
		expect(store.load('basic-public-private').topology.subnets.map(subnet => subnet.name)).toContain('db-a');

		await press(stdin, ':', keys.up);
		expect(frame()).toContain(':add subnet db-a');
		await press(stdin, keys.esc);
		await waitFor(() => !frame().includes(':add subnet'), 'the palette to close');

		await press(stdin, 'u');
		await waitFor(() => !frame().includes('subnet db-a 10.0.3.0/24') && frame().includes('saved'), 'undo');
		expect(store.load('basic-public-private').topology.subnets.map(subnet => subnet.name)).not.toContain('db-a');
		await press(stdin, keys.ctrlR);
		await waitFor(() => frame().includes('subnet db-a'), 'redo');
		await waitFor(() => store.load('basic-public-private').topology.subnets.some(subnet => subnet.name === 'db-a'), 'the redo to be saved');
	});

	it('says a command is being applied before it runs, and keys pressed meanwhile wait for it', async () => {
		const {app, frame, stdin, store} = await open();
		await press(stdin, ':');
		await type(stdin, 'add subnet db-a vpc=main cidr=10.0.3.0/24 az=us-east-1a');
		const drawn = app.frames.length;
		// Enter, then u at once: the u is taken after the change, so it undoes it.
		await act(async () => {
			stdin.write(keys.enter);
			stdin.write('u');
			await tick();
		});
		// Undo says what it took back.
		await waitFor(() => /Undone: added subnet db-a/.test(frame()), 'the change and its undo');
		const frames = app.frames.slice(drawn);
		const applying = frames.findIndex(shown => shown.includes('applying…'));
		const applied = frames.findIndex(shown => shown.includes('subnet db-a 10.0.3.0/24'));
		expect(applying).toBeGreaterThanOrEqual(0);
		expect(applied).toBeGreaterThan(applying);
		expect(frames[applying]).toContain(':add subnet db-a');
		expect(frame()).not.toContain('applying…');
		expect(frame()).not.toContain('subnet db-a 10.0.3.0/24');
		await waitFor(() => !store.load('basic-public-private').topology.subnets.some(subnet => subnet.name === 'db-a'), 'the undo saved');
		// The line is in the history all the same.
		await press(stdin, ':', keys.up);
		expect(frame()).toContain(':add subnet db-a');
	});

	it('answers help and cidr under the line', async () => {
		const {frame, stdin} = await open();
		await runLine(stdin, 'cidr 192.168.32.1/24');
		await waitFor(() => frame().includes('192.168.32.0'), 'the cidr answer');
		// The palette stays open under an answer: the next command is typed straight away.
		await type(stdin, 'help');
		await press(stdin, keys.enter);
		await waitFor(() => frame().includes('add vpc'), 'the help answer');
		expect(frame()).toMatch(/lines 1-\d+ of \d+; PgUp\/PgDn/);
		await press(stdin, keys.pageDown);
		expect(frame()).not.toMatch(/lines 1-/);
		expect(frame()).not.toContain('add vpc ');
	});

	it('opens clean after Esc, with the history kept', async () => {
		const {frame, stdin} = await open();
		await runLine(stdin, 'cidr 10.0.0.0/16');
		await waitFor(() => frame().includes('10.0.255.255'), 'the cidr answer');
		await type(stdin, 'nosuch');
		await press(stdin, keys.enter);
		await waitFor(() => frame().includes('✗'), 'the error');
		await press(stdin, keys.esc);
		await waitFor(() => !frame().includes('10.0.255.255'), 'the palette to close');
		await press(stdin, ':');
		expect(frame()).toContain('Enter run command');
		expect(frame()).not.toContain('10.0.255.255');
		expect(frame()).not.toContain('✗');
		expect(frame()).not.toContain('nosuch');
		// The refused line is in history too, to be mended.
		await press(stdin, keys.up);
		expect(frame()).toContain(':nosuch');
		await press(stdin, keys.up);
		expect(frame()).toContain(':cidr 10.0.0.0/16');
	});

	it('scrolls a long answer inside its own rows and keeps the Trace pane whole at 80x24', async () => {
		const {app, frame, stdin} = await open();
		await resize(app.stdout, 80);
		await runLine(stdin, 'trace web-1 app-1 tcp 8080');
		await waitFor(() => frame().includes('Reachable'), 'the trace');
		await runLine(stdin, 'help');
		await waitFor(() => frame().includes('add vpc'), 'the help answer');
		const lines = frame().split('\n');
		expect(lines.length).toBeLessThanOrEqual(23);
		// The pane's title row is its title, and its hop list is on screen.
		expect(lines[2]).toMatch(/\[4 Trace\] 1\/14 paused│$/);
		expect(frame()).toMatch(/>→ +1 forward +web-1/);
		// The hop's detail starts with its first row, not a fragment of a later one.
		expect(frame()).toContain('│Request hop 1: web-1 (i-web-1), an');
		expect(frame()).toMatch(/lines 1-\d+ of \d+; PgUp\/PgDn/);
		// Every row of the panes ends with the pane's border: nothing spills out.
		for (const line of lines.slice(1, 12)) expect(line).toMatch(/[│╮╯]$/);
	});

	it('wraps a cidr answer at 80 columns instead of cutting it off', async () => {
		const {app, frame, stdin} = await open();
		await resize(app.stdout, 80);
		await runLine(stdin, 'cidr 10.0.9.1/24');
		await waitFor(() => frame().includes('10.0.9.0 - 10.0.9.255'), 'the answer');
		const text = frame().replace(/[│\s]+/g, ' ');
		expect(text).toContain('netmask 255.255.255.0');
		expect(text).toContain('10.0.9.255 (broadcast address)');
		expect(text).toContain('overlaps VPC main (vpc-main) 10.0.0.0/16');
		expect(frame().slice(frame().indexOf('│:'))).not.toContain('…');
	});

	it('after save as, watches the new file and does not take its own save for another writer', async () => {
		const {frame, stdin, store} = await open();
		await runLine(stdin, 'save-as lab-copy');
		await waitFor(() => frame().includes('now editing lab-copy'), 'the save as');
		// The watcher looks every 2 s: give it two looks.
		await new Promise(resolve => setTimeout(resolve, 4500));
		expect(frame()).not.toContain('changed on disk');
		store.save('lab-copy', {...store.load('lab-copy').topology, title: 'edited elsewhere'}, {force: true});
		await waitFor(() => frame().includes('changed on disk'), 'the header to notice the new file changing', 6000);
	});

	it('asks what to do when the file changed on disk', async () => {
		const {frame, stdin, store, opened} = await open();
		store.save('basic-public-private', {...opened.topology, title: 'edited elsewhere'}, {force: true});
		// Noticed without any key: the header says so.
		await waitFor(() => frame().includes('changed on disk'), 'the header to notice', 6000);
		await runLine(stdin, 'add subnet db-a vpc=main cidr=10.0.3.0/24 az=us-east-1a');
		await waitFor(() => frame().includes('overwrite'), 'the conflict');
		expect(store.load('basic-public-private').topology.title).toBe('edited elsewhere');
		await press(stdin, 'o');
		await waitFor(() => store.load('basic-public-private').topology.subnets.some(subnet => subnet.name === 'db-a'), 'the overwrite');
	});
});

describe('trace', () => {
	it('runs a suggested trace and steps forward and back', async () => {
		const {frame, stdin} = await open();
		await press(stdin, 's');
		expect(frame()).toContain('Suggested traces');
		await press(stdin, keys.enter);
		await waitFor(() => frame().includes('Reachable'), 'the trace');
		expect(frame()).toContain('Request hop 1');
		await press(stdin, 'l');
		expect(frame()).toContain('Request hop 2');
		expect(frame()).toContain('before');
		expect(frame()).toContain('after');
		await press(stdin, keys.right);
		expect(frame()).toContain('Request hop 3');
		await press(stdin, 'h');
		expect(frame()).toContain('Request hop 2');
		await press(stdin, 'G');
		expect(frame()).toContain('Reply hop');
		await press(stdin, 'g');
		expect(frame()).toContain('Request hop 1');
		// The internet's hop says so once, not "internet internet".
		expect(frame()).not.toMatch(/internet\s+internet/);
	});

	it('explains an unreachable trace and highlights the rule in Rules', async () => {
		const {frame, stdin} = await open();
		await runLine(stdin, 'trace 203.0.113.10 web-1 tcp 22');
		await waitFor(() => frame().includes('Not reachable'), 'the trace');
		await press(stdin, 'G');
		const blocked = frame();
		expect(blocked).toMatch(/DENIES|DROPS/);
		await press(stdin, '3');
		expect(frame()).toContain('following trace hop');
		expect(frame()).toContain('▶');
	});

	it('runs the open trace again after a change, an undo and a redo, at the same step', async () => {
		const {frame, stdin} = await open();
		await runLine(stdin, 'trace web-1 app-1 tcp 8080');
		await waitFor(() => frame().includes('Reachable'), 'the trace');
		await press(stdin, 'l', 'l', 'l', 'l');
		expect(frame()).toContain('rule 100 allows tcp 8080');
		await runLine(stdin, 'rm acl-rule private-acl in 100');
		await waitFor(() => frame().includes('rule 110 allows tcp 1024-65535'), 'the trace run again');
		expect(frame()).toContain('Request hop 5');
		expect(frame()).not.toContain('rule 100 allows');
		await press(stdin, 'u');
		await waitFor(() => frame().includes('rule 100 allows tcp 8080'), 'the trace after undo');
		await press(stdin, keys.ctrlR);
		await waitFor(() => frame().includes('rule 110 allows tcp 1024-65535'), 'the trace after redo');
	});

	it('builds a trace with the picker', async () => {
		const {frame, stdin} = await open();
		await press(stdin, 't');
		expect(frame()).toContain('where does the packet start');
		expect(frame()).toContain('↑/↓ move  Enter choose');
		await type(stdin, 'web');
		await press(stdin, keys.enter);
		expect(frame()).toContain('New trace from web-1');
		await type(stdin, 'app-1');
		await press(stdin, keys.enter);
		expect(frame()).toContain('protocol and port');
		// The suggested protocol is a placeholder: typing replaces it rather than adding to it.
		expect(frame()).toContain('protocol port: tcp 443');
		await type(stdin, 'tcp 8080');
		expect(frame()).toContain('protocol port: tcp 8080');
		expect(frame()).not.toContain('tcp 443tcp');
		await press(stdin, keys.enter);
		await waitFor(() => frame().includes('Reachable'), 'the trace');
	});

	it('takes the suggested protocol with Enter, and says why when nothing matches', async () => {
		const {frame, stdin} = await open();
		await press(stdin, 't');
		await type(stdin, 'nosuch');
		await press(stdin, keys.enter);
		expect(frame()).toContain('Nothing matches "nosuch"');
		expect(frame()).toContain('where does the packet start');
		await press(stdin, keys.backspace, keys.backspace, keys.backspace, keys.backspace, keys.backspace, keys.backspace);
		await type(stdin, 'web');
		await press(stdin, keys.enter);
		await type(stdin, 'app-1');
		await press(stdin, keys.enter);
		await press(stdin, keys.enter);
		await waitFor(() => frame().includes('tcp 10.0.1.10:49152 → 10.0.2.10:443'), 'the trace on tcp 443');
	});

	it('goes back a step with Esc and closes at the first', async () => {
		const {frame, stdin} = await open();
		await press(stdin, 't');
		await type(stdin, 'web');
		await press(stdin, keys.enter);
		expect(frame()).toContain('New trace from web-1');
		await press(stdin, keys.esc);
		await waitFor(() => frame().includes('where does the packet start'), 'the first step');
		await press(stdin, keys.esc);
		await waitFor(() => frame().includes('[1 Resources]'), 'the picker to close');
	});
});

describe('open', () => {
	it('shows the resource behind a trace hop or a route in the Resources tree', async () => {
		const {frame, stdin} = await open();
		await press(stdin, keys.enter); // Collapse the VPC: revealing must open it again.
		expect(frame()).not.toContain('web-1 10.0.1.10');
		await runLine(stdin, 'trace 203.0.113.10 web-1 tcp 443');
		await waitFor(() => frame().includes('Reachable'), 'the trace');
		await press(stdin, 'G', keys.up, keys.enter);
		await waitFor(() => frame().includes('[1 Resources]') && /> +main-igw/.test(frame()), 'the internet gateway selected');
		await press(stdin, '2', 'j', 'j', keys.enter);
		await waitFor(() => /> +main-igw|> +nat-a/.test(frame()), 'the route target selected');
	});
});
