import {act} from 'react';
import chalk from 'chalk';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {Root} from '../../source/ui/Root.js';
import {colorsOn} from '../../source/ui/theme.js';
import {openedTemplate, press, tick} from './helpers.js';

// Ink's chalk honours FORCE_COLOR but not NO_COLOR: turn its colours on as a colour terminal would
// have them, then check that the console itself leaves them out.
const saved = {level: chalk.level, force: process.env['FORCE_COLOR'], none: process.env['NO_COLOR']};
beforeEach(() => {
	chalk.level = 3;
	delete process.env['FORCE_COLOR'];
	delete process.env['NO_COLOR'];
});
afterEach(() => {
	chalk.level = saved.level;
	process.env['FORCE_COLOR'] = saved.force;
	if (saved.none === undefined) delete process.env['NO_COLOR'];
	else process.env['NO_COLOR'] = saved.none;
});

// Foreground and background colours (30-37, 39-47, 90-97, 38;5/38;2), not bold, dim or inverse.
const colourCode = /\u001B\[(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;\d+)*m/;

async function frames() {
	const setup = openedTemplate('basic-public-private');
	let app!: ReturnType<typeof render>;
	await act(async () => {
		app = render(<Root services={setup.services} opened={setup.opened} />);
		await tick();
	});
	const seen = [app.lastFrame() ?? ''];
	await press(app.stdin, 's');
	seen.push(app.lastFrame() ?? '');
	await press(app.stdin, '\r');
	seen.push(app.lastFrame() ?? '');
	await press(app.stdin, ':');
	seen.push(app.lastFrame() ?? '');
	await act(async () => app.unmount());
	setup.cleanup();
	return seen;
}

describe('colours', () => {
	it('are drawn on a colour terminal', async () => {
		expect((await frames()).some(frame => colourCode.test(frame))).toBe(true);
	});

	it('are left out with NO_COLOR, and the selection stays visible', async () => {
		process.env['NO_COLOR'] = '1';
		const seen = await frames();
		for (const frame of seen) expect(frame).not.toMatch(colourCode);
		// The selected row is inverse and marked with `>`.
		expect(seen[0]).toContain('\u001B[7m');
		expect(seen[0]).toMatch(/>.*VPC main/);
	});

	it('follow NO_COLOR and FORCE_COLOR=0', () => {
		expect(colorsOn({})).toBe(true);
		expect(colorsOn({NO_COLOR: '1'})).toBe(false);
		expect(colorsOn({NO_COLOR: ''})).toBe(true);
		expect(colorsOn({FORCE_COLOR: '0'})).toBe(false);
		expect(colorsOn({FORCE_COLOR: '1'})).toBe(true);
	});
});
