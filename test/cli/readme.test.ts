// The README is the reference a new user reads: its trace-code table must list exactly the codes
// the engine can raise, and its quick start must be the two commands that work on a fresh clone.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {mainHelp} from '../../source/cli/help.js';
import {paint} from '../../source/cli/io.js';
import {commands} from '../../source/cli/registry.js';
import {codes} from '../../source/engine/codes.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const table = readme.slice(readme.indexOf('## Trace codes'), readme.indexOf('\n## ', readme.indexOf('## Trace codes') + 5));

describe('README', () => {
	it('lists every trace code the engine can raise, with its meaning', () => {
		const rows = new Map([...table.matchAll(/^\| `([A-Z0-9_]+)` \| (.+) \|$/gm)].map(match => [match[1]!, match[2]!]));
		for (const code of Object.keys(codes)) expect(rows.get(code), code).toBeTruthy();
		for (const code of rows.keys()) expect(Object.keys(codes), `README lists ${code}, which the engine never raises`).toContain(code);
	});

	it('lists the same exit statuses as vpcsim --help', () => {
		const section = readme.slice(readme.indexOf('### Exit status'), readme.indexOf('\n## ', readme.indexOf('### Exit status')));
		const statuses = [...section.matchAll(/^\| (\d+) \|/gm)].map(match => match[1]!);
		expect(statuses).toEqual(['0', '1', '2', '70']);
		const help = mainHelp(commands, '0.0.0', paint(false));
		const line = help.split('\n').find(item => item.startsWith('Exit status:')) ?? '';
		expect([...line.matchAll(/\b(\d+) /g)].map(match => match[1])).toEqual(statuses);
	});

	it('starts a new user with exactly npm install && npm start, then npm test', () => {
		expect(readme).toContain('npm install && npm start');
		expect(readme).toContain('npm test');
	});
});
