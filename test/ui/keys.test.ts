import {describe, expect, it} from 'vitest';
import type {Key} from 'ink';
import {actionFor, footerHints, helpSections, keyName, keyTable} from '../../source/ui/keys.js';
import {footerText} from '../../source/ui/Chrome.js';
import {helpLines} from '../../source/ui/HelpOverlay.js';
import {dispatchKey} from '../../source/ui/dispatch.js';

const none: Key = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
	return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
	super: false, hyper: false, capsLock: false, numLock: false,
};

describe('key table', () => {
	it('names key presses the way the table writes them', () => {
		expect(keyName('', {...none, upArrow: true})).toBe('up');
		expect(keyName('', {...none, tab: true, shift: true})).toBe('shift-tab');
		expect(keyName('', {...none, delete: true})).toBe('backspace');
		expect(keyName('', {...none, delete: true}, '\u007F')).toBe('backspace');
		expect(keyName('', {...none, delete: true}, '\u001B[3~')).toBe('delete');
		expect(keyName('r', {...none, ctrl: true})).toBe('ctrl-r');
		expect(keyName(' ', none)).toBe('space');
		expect(keyName('G', {...none, shift: true})).toBe('G');
	});

	it('binds each key once per scope', () => {
		const seen = new Set<string>();
		for (const binding of keyTable)
			for (const key of binding.keys) {
				const id = `${binding.scope} ${key}`;
				expect(seen.has(id), id).toBe(false);
				seen.add(id);
			}
	});

	it('has the keys the console promises', () => {
		expect(actionFor('global', ':')).toBe('palette');
		expect(actionFor('global', '?')).toBe('help');
		expect(actionFor('global', 'u')).toBe('undo');
		expect(actionFor('global', 'ctrl-r')).toBe('redo');
		expect(actionFor('global', 'q')).toBe('quit');
		expect(actionFor('global', 'ctrl-c')).toBe('force-quit');
		expect(actionFor('global', 'shift-tab')).toBe('focus-prev');
		expect(actionFor('pane:trace', 'space')).toBe('play');
		expect(actionFor('pane:trace', 'l')).toBe('step-forward');
		expect(actionFor('pane:trace', 'h')).toBe('step-back');
		expect(actionFor('pane:*', 'j')).toBe('move-down');
		expect(actionFor('overlay:help', 'q')).toBe('close');
	});

	it('generates the help overlay from every binding', () => {
		const text = helpLines().join('\n');
		for (const section of helpSections()) for (const row of section.rows) expect(text).toContain(row.description);
		expect(text).toContain('Ctrl-R');
		expect(text).toContain('redo');
		expect(text).toContain('play/pause');
	});

	it('generates a footer for the focused pane, the trace pane overriding generic keys', () => {
		const trace = footerHints('trace', undefined).map(hint => `${hint.keys} ${hint.description}`);
		expect(trace).toContain('Space play/pause');
		expect(trace).toContain('→/l step');
		expect(footerText('resources', undefined, 200)).toContain('Enter open/close');
		expect(footerText('resources', undefined, 200)).not.toContain('play/pause');
		expect(footerText('resources', 'palette', 200)).toContain('Tab complete');
		expect(footerText('resources', undefined, 40).length).toBeLessThanOrEqual(40);
		// Help and quit are never cut off an 80-column footer, whichever pane has the focus.
		for (const pane of ['resources', 'routes', 'rules', 'trace'] as const) {
			expect(footerText(pane, undefined, 80)).toMatch(/^\? help {2}q quit/);
			expect(footerText(pane, undefined, 80).length).toBeLessThanOrEqual(80);
		}
		expect(footerText('resources', 'palette', 80)).not.toContain('q quit');
	});

	it('shares one footer hint between the bindings of a group', () => {
		expect(footerText('resources', 'help', 80)).toBe('Esc/q close help  ↑/↓ scroll  PgUp/PgDn page  g/G top/bottom');
		// The help overlay lists them one by one.
		// The trace picker's list moves with the arrows only (letters are typed into its filter).
		expect(footerText('resources', 'trace-picker', 80)).toBe('↑/↓ move  Enter choose  Esc back a step (closes at the first)');
		expect(footerText('resources', 'suggested', 80)).toMatch(/^↑\/↓ move {2}Enter run trace/);
		const help = helpSections().find(section => section.title === 'This help')!;
		expect(help.rows.map(row => row.description)).toEqual(['close help', 'scroll up', 'scroll down', 'page up', 'page down', 'top', 'bottom']);
	});

	it('dispatches through layers until one consumes the key', () => {
		const calls: string[] = [];
		const consumed = dispatchKey({name: 'j', input: 'j'}, [
			{scopes: ['overlay:help'], handle: () => false},
			{scopes: ['pane:resources', 'pane:*'], handle: action => (calls.push(`pane ${action}`), true)},
			{scopes: ['global'], handle: action => (calls.push(`global ${action}`), true)},
		]);
		expect(consumed).toBe(true);
		expect(calls).toEqual(['pane move-down']);
	});
});
