import {describe, expect, it} from 'vitest';
import {loadTemplate} from '../../source/model/templates.js';
import type {TraceResult} from '../../source/engine/types.js';
import type {Topology} from '../../source/model/types.js';
import {consoleReducer, createConsoleState} from '../../source/ui/consoleState.js';
import {createHistory, pushHistory, redoHistory, undoHistory} from '../../source/ui/history.js';
import {computeLayout, fit, listRows, tooSmall, windowStart, wrapText} from '../../source/ui/layout.js';
import {emptyPalette, paletteReducer} from '../../source/ui/paletteState.js';
import {parseProtocolLine, pickerReducer, startPicker, traceEndpoints} from '../../source/ui/tracePicker.js';

const topology = loadTemplate('basic-public-private');
const hop = (component: string) => ({component, type: 'instance', action: 'forward' as const, detail: component});
const result: TraceResult = {
	reachable: true,
	packet: {protocol: 'tcp', source: '10.0.1.10', destination: '10.0.2.10', sourcePort: 49152, destinationPort: 8080},
	forward: [hop('a'), hop('b'), hop('c')],
	return: [hop('c'), hop('a')],
	blockedAt: null,
	explanations: [],
};

describe('paletteReducer history', () => {
	it('keeps a refused line in place and in history, so Esc does not lose it', () => {
		let state = paletteReducer(emptyPalette, {type: 'insert', text: 'add subnet x vpc=main cidr=10.0.0.0/33'});
		state = paletteReducer(state, {type: 'applying'});
		state = paletteReducer(state, {type: 'error', error: 'column 29: not a CIDR'});
		expect(state.text).toBe('add subnet x vpc=main cidr=10.0.0.0/33');
		expect(state.history).toEqual(['add subnet x vpc=main cidr=10.0.0.0/33']);
		state = paletteReducer(state, {type: 'reset'});
		state = paletteReducer(state, {type: 'history', delta: -1});
		expect(state.text).toBe('add subnet x vpc=main cidr=10.0.0.0/33');
		// Run once mended: history has both, once each.
		state = paletteReducer(state, {type: 'submitted', line: 'add subnet x vpc=main cidr=10.0.0.0/24'});
		state = paletteReducer(paletteReducer(state, {type: 'insert', text: 'bad'}), {type: 'error', error: 'x'});
		state = paletteReducer(state, {type: 'error', error: 'x'});
		expect(state.history).toEqual(['add subnet x vpc=main cidr=10.0.0.0/33', 'add subnet x vpc=main cidr=10.0.0.0/24', 'bad']);
	});
});

describe('paletteReducer delete', () => {
	it('deletes before the cursor with Backspace and under it with Delete', () => {
		const typed = paletteReducer(paletteReducer(emptyPalette, {type: 'insert', text: 'abc'}), {type: 'cursor', delta: -2});
		expect(paletteReducer(typed, {type: 'delete-forward'})).toMatchObject({text: 'ac', cursor: 1});
		expect(paletteReducer(typed, {type: 'delete-back'})).toMatchObject({text: 'bc', cursor: 0});
		const atEnd = paletteReducer(emptyPalette, {type: 'insert', text: 'abc'});
		expect(paletteReducer(atEnd, {type: 'delete-forward'})).toBe(atEnd);
	});
});

describe('pickerReducer placeholder', () => {
	it('replaces the suggested protocol on the first key and clears it with Backspace', () => {
		const atProtocol = pickerReducer(pickerReducer(startPicker('web-1'), {type: 'choose', ref: 'app-1'}), {type: 'move', delta: 0, length: 1});
		expect(atProtocol).toMatchObject({step: 'protocol', query: 'tcp 443', placeholder: true});
		expect(pickerReducer(atProtocol, {type: 'type', text: 'u'})).toMatchObject({query: 'u', placeholder: false});
		expect(pickerReducer(atProtocol, {type: 'delete-back'})).toMatchObject({query: '', placeholder: false});
	});
});

describe('wrapText', () => {
	it('wraps at words, cuts long words, keeps an indent and marks what it leaves out', () => {
		expect(wrapText('hello world this is long', 12)).toEqual(['hello world', 'this is long']);
		expect(wrapText('abcdefghijklmnop', 6)).toEqual(['abcdef', 'ghijkl', 'mnop']);
		expect(wrapText('  a list entry', 8)).toEqual(['  a list', '  entry']);
		expect(wrapText('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
	});

	it('starts a wrapped line with a word, not a space', () => {
		expect(wrapText('one two.  three four', 9)).toEqual(['one two.', 'three', 'four']);
		expect(wrapText('a  b', 1)).toEqual(['a', 'b']);
		const message = 'No trace yet. Press t to pick a source and a destination, s for the suggested traces, or type : trace <from> <to> tcp 443.';
		for (let width = 16; width <= 80; width++) {
			const lines = wrapText(message, width);
			for (const line of lines) expect(line.length, `${width}: ${JSON.stringify(lines)}`).toBeLessThanOrEqual(width);
			for (const line of lines.slice(1)) expect(line, `${width}: ${JSON.stringify(lines)}`).not.toMatch(/^ /);
			expect(lines.join(' ')).toBe(message);
		}
	});

	it('keeps a mark with the word after it', () => {
		expect(wrapText('or type : trace <from>', 10)).toEqual(['or type', ': trace', '<from>']);
		expect(wrapText('10.0.0.0 - 10.0.255.255', 16)).toEqual(['10.0.0.0', '- 10.0.255.255']);
		expect(wrapText('a → b', 3)).toEqual(['a', '→ b']);
		// Only when the two fit on a line together.
		expect(wrapText('x : abcdef', 6)).toEqual(['x :', 'abcdef']);
	});

	it('goes on under the second column of an indented table row', () => {
		expect(wrapText('  add vgw-propagation   let a virtual private gateway propagate its routes into a route table', 60)).toEqual([
			'  add vgw-propagation   let a virtual private gateway',
			'                        propagate its routes into a route',
			'                        table',
		]);
		// A column past the middle, or a row that is not indented, keeps the indent it has.
		expect(wrapText('  a-very-long-command-name   does things', 30)).toEqual(['  a-very-long-command-name', '  does things']);
		expect(wrapText('Sentence one.  Sentence two goes on', 20)).toEqual(['Sentence one.', 'Sentence two goes on']);
	});
});

describe('consoleReducer', () => {
	const start = createConsoleState({name: 'demo', topology});

	it('cycles focus both ways and jumps to a pane', () => {
		let state = consoleReducer(start, {type: 'focus-cycle', delta: 1});
		expect(state.focus).toBe('routes');
		state = consoleReducer(state, {type: 'focus-cycle', delta: -1});
		state = consoleReducer(state, {type: 'focus-cycle', delta: -1});
		expect(state.focus).toBe('trace');
		expect(consoleReducer(start, {type: 'focus', pane: 'rules'}).focus).toBe('rules');
	});

	it('counts the Resources cursor placed on purpose, not a cleared filter', () => {
		let state = consoleReducer(start, {type: 'set-filter', pane: 'resources', text: 'app'});
		expect(state.placed).toBe(1);
		state = consoleReducer(state, {type: 'set-filter', pane: 'resources', text: ''});
		expect(state.placed).toBe(1);
		state = consoleReducer(state, {type: 'set-cursor', pane: 'resources', index: 4});
		expect(state.placed).toBe(2);
		expect(consoleReducer(state, {type: 'apply', topology}).placed).toBe(2);
	});

	it('keeps cursors inside the list', () => {
		let state = consoleReducer(start, {type: 'move', pane: 'resources', delta: -3, length: 10});
		expect(state.cursors.resources).toBe(0);
		state = consoleReducer(state, {type: 'move', pane: 'resources', delta: 50, length: 10});
		expect(state.cursors.resources).toBe(9);
		state = consoleReducer(state, {type: 'jump', pane: 'resources', to: 'first', length: 10});
		expect(state.cursors.resources).toBe(0);
	});

	it('undoes and redoes applied topologies', () => {
		const changed = {...topology, title: 'changed'};
		let state = consoleReducer(start, {type: 'apply', topology: changed, message: 'set the title.'});
		state = consoleReducer(state, {type: 'apply', topology: {...changed, title: 'again'}, message: 'set it again'});
		expect(state.saveState).toBe('unsaved');
		state = consoleReducer(state, {type: 'undo'});
		expect(state.doc.present).toBe(changed);
		expect(state.message?.text).toBe('Undone: set it again.');
		state = consoleReducer(state, {type: 'undo'});
		expect(state.doc.present).toBe(topology);
		expect(state.message?.text).toBe('Undone: set the title.');
		state = consoleReducer(state, {type: 'redo'});
		expect(state.doc.present).toBe(changed);
		expect(state.message?.text).toBe('Redone: set the title.');
		expect(consoleReducer(start, {type: 'undo'}).message?.text).toBe('Nothing to undo.');
	});

	it('steps through a trace, request then reply, and stops playing at the end', () => {
		let state = consoleReducer(start, {type: 'trace-start', flow: {from: 'a', to: 'c'}, result});
		expect(state.focus).toBe('trace');
		expect(state.trace?.cursor).toBe(0);
		state = consoleReducer(state, {type: 'trace-step', delta: 1});
		state = consoleReducer(state, {type: 'trace-step', delta: 1});
		state = consoleReducer(state, {type: 'trace-step', delta: 1});
		expect(state.trace?.cursor).toBe(3);
		state = consoleReducer(state, {type: 'trace-step', delta: -1});
		expect(state.trace?.cursor).toBe(2);
		state = consoleReducer(state, {type: 'trace-jump', to: 'last'});
		expect(state.trace?.cursor).toBe(4);
		state = consoleReducer(state, {type: 'trace-step', delta: 1});
		expect(state.trace?.cursor).toBe(4);
		// Play at the end starts over; playing stops on the last hop.
		state = consoleReducer(state, {type: 'trace-play'});
		expect(state.trace).toMatchObject({cursor: 0, playing: true});
		for (let i = 0; i < 10; i++) state = consoleReducer(state, {type: 'trace-step', delta: 1});
		expect(state.trace).toMatchObject({cursor: 4, playing: false});
	});

	it('takes a re-run trace at the same step, or the last one, and marks one that cannot run', () => {
		let state = consoleReducer(start, {type: 'trace-start', flow: {from: 'a', to: 'c'}, result});
		state = consoleReducer(state, {type: 'trace-step', delta: 3});
		const rerun = {...result, forward: [hop('a'), hop('x'), hop('c')]};
		state = consoleReducer(state, {type: 'trace-rerun', result: rerun});
		expect(state.trace).toMatchObject({cursor: 3, result: rerun, flow: {from: 'a', to: 'c'}});
		const shorter = {...result, forward: [hop('a')], return: []};
		expect(consoleReducer(state, {type: 'trace-rerun', result: shorter}).trace?.cursor).toBe(0);
		state = consoleReducer(state, {type: 'trace-stale', reason: 'no instance c'});
		expect(state.trace?.stale).toBe('no instance c');
		expect(consoleReducer(start, {type: 'trace-rerun', result}).trace).toBeUndefined();
	});

	it('follows the trace in Routes and Rules until the selection moves', () => {
		let state = consoleReducer(start, {type: 'trace-start', flow: {from: 'a', to: 'c'}, result});
		expect(state.follow).toBe('trace');
		state = consoleReducer(state, {type: 'focus', pane: 'routes'});
		expect(state.follow).toBe('trace');
		state = consoleReducer(state, {type: 'focus', pane: 'resources'});
		expect(state.follow).toBe('selection');
	});

	it('records a save conflict and opens the question', () => {
		const changed = {...topology, title: 'mine'};
		const state = consoleReducer(start, {type: 'save-conflict', topology: changed});
		expect(state).toMatchObject({saveState: 'changed-on-disk', overlay: 'conflict', pendingSave: changed});
	});
});

describe('history', () => {
	it('keeps at least 100 steps', () => {
		let history = createHistory(0);
		for (let i = 1; i <= 150; i++) history = pushHistory(history, i);
		for (let i = 0; i < 150; i++) history = undoHistory(history);
		expect(history.present).toBe(0);
		for (let i = 0; i < 150; i++) history = redoHistory(history);
		expect(history.present).toBe(150);
	});

	it('drops the redo branch on a new change', () => {
		let history = pushHistory(pushHistory(createHistory('a'), 'b'), 'c');
		history = undoHistory(history);
		history = pushHistory(history, 'd');
		expect(history.future).toEqual([]);
		expect(redoHistory(history)).toBe(history);
	});
});

describe('paletteReducer', () => {
	it('edits the line at the cursor', () => {
		let state = paletteReducer(emptyPalette, {type: 'insert', text: 'add vpc'});
		state = paletteReducer(state, {type: 'cursor', delta: -3});
		state = paletteReducer(state, {type: 'delete-back'});
		expect(state.text).toBe('addvpc');
		expect(state.cursor).toBe(3);
	});

	it('browses history and comes back to the draft', () => {
		let state = paletteReducer(emptyPalette, {type: 'submitted', line: 'help'});
		state = paletteReducer(state, {type: 'submitted', line: 'cidr 10.0.0.0/16'});
		state = paletteReducer(state, {type: 'insert', text: 'dra'});
		state = paletteReducer(state, {type: 'history', delta: -1});
		expect(state.text).toBe('cidr 10.0.0.0/16');
		state = paletteReducer(state, {type: 'history', delta: -1});
		expect(state.text).toBe('help');
		state = paletteReducer(state, {type: 'history', delta: 1});
		state = paletteReducer(state, {type: 'history', delta: 1});
		expect(state.text).toBe('dra');
	});

	it('keeps the error until the line changes', () => {
		let state = paletteReducer(emptyPalette, {type: 'insert', text: 'bogus'});
		state = paletteReducer(state, {type: 'error', error: 'unknown command'});
		expect(state.error).toBe('unknown command');
		expect(paletteReducer(state, {type: 'insert', text: 'x'}).error).toBeUndefined();
	});

	it('says it is applying from Enter until the line answers', () => {
		let state = paletteReducer(emptyPalette, {type: 'insert', text: 'add vpc x 10.9.0.0/16'});
		state = paletteReducer(state, {type: 'error', error: 'old'});
		state = paletteReducer(state, {type: 'applying'});
		expect(state).toMatchObject({applying: true, error: undefined, text: 'add vpc x 10.9.0.0/16'});
		expect(paletteReducer(state, {type: 'error', error: 'no'}).applying).toBe(false);
		const done = paletteReducer(state, {type: 'submitted', line: state.text});
		expect(done).toMatchObject({applying: false, text: '', history: ['add vpc x 10.9.0.0/16']});
		expect(paletteReducer(state, {type: 'reset'}).applying).toBe(false);
	});
});

describe('trace picker', () => {
	it('goes source, destination, protocol and back', () => {
		let state = startPicker();
		state = pickerReducer(state, {type: 'choose', ref: 'web-1'});
		expect(state).toMatchObject({step: 'to', from: 'web-1'});
		state = pickerReducer(state, {type: 'choose', ref: 'app-1'});
		expect(state).toMatchObject({step: 'protocol', to: 'app-1', query: 'tcp 443'});
		state = pickerReducer(state, {type: 'back'});
		expect(state.step).toBe('to');
	});

	it('reads protocol lines', () => {
		expect(parseProtocolLine('tcp 22')).toEqual({ok: true, protocol: 'tcp', port: 22});
		expect(parseProtocolLine('icmp')).toEqual({ok: true, protocol: 'icmp'});
		expect(parseProtocolLine('tcp').ok).toBe(false);
		expect(parseProtocolLine('tcp 70000').ok).toBe(false);
	});
});

describe('layout', () => {
	it('stacks at 80x24 and stays one row short of the terminal', () => {
		const layout = computeLayout(80, 24, 'trace');
		expect(layout.mode).toBe('stacked');
		expect(layout.height).toBe(23);
		expect(layout.panes.resources.width + layout.panes.trace.width).toBe(80);
		expect(layout.panes.routes.height).toBe(0);
	});

	it('puts all four panes side by side on a large terminal', () => {
		const layout = computeLayout(200, 50, 'resources');
		expect(layout.mode).toBe('grid');
		for (const rect of Object.values(layout.panes)) expect(rect.height).toBeGreaterThan(5);
		expect(layout.panes.routes.height + layout.panes.rules.height).toBe(layout.body);
		expect(layout.panes.resources.width + layout.panes.routes.width + layout.panes.trace.width).toBe(200);
	});

	it('gives rows to a palette without going under the minimum', () => {
		expect(computeLayout(80, 24, 'routes', 5).body).toBe(computeLayout(80, 24, 'routes').body - 5);
		expect(listRows({x: 0, y: 0, width: 10, height: 2})).toBe(1);
	});

	it('windows long lists around the cursor', () => {
		expect(windowStart(0, 10_000, 20)).toBe(0);
		expect(windowStart(5_000, 10_000, 20)).toBe(4_990);
		expect(windowStart(9_999, 10_000, 20)).toBe(9_980);
		expect(windowStart(3, 5, 20)).toBe(0);
	});

	it('knows when the terminal is too small and cuts long text', () => {
		expect(tooSmall(79, 24)).toBe(true);
		expect(tooSmall(80, 23)).toBe(true);
		expect(tooSmall(80, 24)).toBe(false);
		expect(fit('abcdef', 4)).toBe('abc…');
	});
});

describe('trace picker endpoints', () => {
	it('offers at each end only what a trace takes there', () => {
		const basic = loadTemplate('basic-public-private');
		const privatelink = loadTemplate('privatelink-service');
		const refs = (topology: Topology, side: 'from' | 'to') => traceEndpoints(topology, side).map(endpoint => endpoint.ref);
		const nat = basic.natGateways[0]!.id;
		const endpoint = privatelink.vpcEndpoints[0]!.id;
		const lb = privatelink.loadBalancers[0]!.id;
		expect(refs(basic, 'from')).not.toContain(nat);
		expect(refs(basic, 'to')).toContain(nat);
		expect(refs(privatelink, 'from')).not.toContain(endpoint);
		expect(refs(privatelink, 'to')).toContain(endpoint);
		expect([...refs(privatelink, 'from'), ...refs(privatelink, 'to')]).not.toContain(lb);
		for (const side of ['from', 'to'] as const) expect(refs(basic, side)).toEqual(expect.arrayContaining(['web-1', 'app-1', '203.0.113.10']));
	});
});
