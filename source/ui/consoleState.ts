// The console screen's state and its reducer: focus, per-pane cursors and filters, the open
// overlay, the topology with its undo stack, the saved state and the trace being stepped through.
// Pure: every effect (saving, tracing) happens outside and reports back with an action.
import type {FlowSpec, Hop, TraceResult} from '../engine/types.js';
import type {Topology} from '../model/types.js';
import {createHistory, pushHistory, redoHistory, undoHistory, type History} from './history.js';
import {panes, type OverlayKind, type Pane} from './keys.js';

export type SaveState = 'saved' | 'unsaved' | 'changed-on-disk' | 'saving';

export type TraceView = {
	readonly flow: FlowSpec;
	readonly result: TraceResult;
	/** Index into forward hops followed by return hops. */
	readonly cursor: number;
	readonly playing: boolean;
	/** Why the trace could not be run again on the changed topology; it shows the old result meanwhile. */
	readonly stale?: string;
};

export type Message = {readonly text: string; readonly tone: 'info' | 'error' | 'success'};

export type ConsoleState = {
	readonly name: string;
	readonly doc: History<Topology>;
	/** What made each state of `doc`, in step with it: undo and redo say what they took back. */
	readonly changes: History<string>;
	readonly revision: unknown;
	readonly saveState: SaveState;
	readonly focus: Pane;
	/** The last pane other than Resources to have the focus: the one beside it in the compact layout. */
	readonly side: Pane;
	readonly cursors: Readonly<Record<Pane, number>>;
	/**
	 * Counts the times the Resources cursor was put on a row on purpose (reveal, a new filter). When
	 * the rows change without it (a change, undo, a cleared filter), the screen keeps the same resource.
	 */
	readonly placed: number;
	readonly filters: Readonly<Record<Pane, string>>;
	readonly expanded: ReadonlySet<string>;
	readonly overlay: OverlayKind | undefined;
	/** Cursor or scroll position inside the open overlay (help, suggested traces, pickers). */
	readonly overlayCursor: number;
	readonly trace: TraceView | undefined;
	/** What Routes and Rules show: the selected resource, or the current hop's table or rule. */
	readonly follow: 'selection' | 'trace';
	readonly message: Message | undefined;
	/** The topology a conflicting save wanted to write, kept until the user decides. */
	readonly pendingSave: Topology | undefined;
	readonly quitting: boolean;
};

export type ConsoleAction =
	| {type: 'focus'; pane: Pane}
	| {type: 'focus-cycle'; delta: 1 | -1}
	| {type: 'move'; pane: Pane; delta: number; length: number}
	| {type: 'jump'; pane: Pane; to: 'first' | 'last'; length: number}
	| {type: 'set-cursor'; pane: Pane; index: number}
	| {type: 'expand'; key: string}
	| {type: 'collapse'; key: string}
	| {type: 'toggle'; key: string}
	| {type: 'reveal'; expanded: ReadonlySet<string>; index: number}
	| {type: 'open-overlay'; overlay: OverlayKind}
	| {type: 'close-overlay'}
	| {type: 'overlay-move'; delta: number; length: number}
	| {type: 'overlay-cursor'; index: number}
	| {type: 'set-filter'; pane: Pane; text: string}
	| {type: 'apply'; topology: Topology; message?: string}
	| {type: 'undo'}
	| {type: 'redo'}
	| {type: 'saving'}
	| {type: 'saved'; revision: unknown}
	| {type: 'save-conflict'; topology: Topology}
	| {type: 'disk-changed'}
	| {type: 'reloaded'; topology: Topology; revision: unknown}
	| {type: 'renamed'; name: string; revision: unknown}
	| {type: 'trace-start'; flow: FlowSpec; result: TraceResult}
	| {type: 'trace-rerun'; result: TraceResult}
	| {type: 'trace-stale'; reason: string}
	| {type: 'trace-step'; delta: number}
	| {type: 'trace-jump'; to: 'first' | 'last'}
	| {type: 'trace-play'; playing?: boolean}
	| {type: 'message'; text: string; tone?: Message['tone']}
	| {type: 'clear-message'}
	| {type: 'quit'};

/** "Undone: added subnet extra (subnet-1a2b)." */
function said(what: string, change: string): string {
	return change ? `${what}: ${change.replace(/\.$/, '')}.` : `${what}.`;
}

export function createConsoleState(options: {name: string; topology: Topology; revision?: unknown; expanded?: ReadonlySet<string>; saveState?: SaveState}): ConsoleState {
	const zero = {resources: 0, routes: 0, rules: 0, trace: 0};
	return {
		name: options.name,
		doc: createHistory(options.topology),
		changes: createHistory(''),
		revision: options.revision,
		saveState: options.saveState ?? 'saved',
		focus: 'resources',
		side: 'routes',
		cursors: zero,
		placed: 0,
		filters: {resources: '', routes: '', rules: '', trace: ''},
		expanded: options.expanded ?? new Set(),
		overlay: undefined,
		overlayCursor: 0,
		trace: undefined,
		follow: 'selection',
		message: undefined,
		pendingSave: undefined,
		quitting: false,
	};
}

export function traceHops(trace: TraceView | undefined): Array<{hop: Hop; direction: 'forward' | 'return'; index: number}> {
	if (!trace) return [];
	return [
		...trace.result.forward.map((hop, index) => ({hop, direction: 'forward' as const, index})),
		...trace.result.return.map((hop, index) => ({hop, direction: 'return' as const, index})),
	];
}

function clamp(value: number, length: number): number {
	return Math.max(0, Math.min(value, length - 1));
}

function withCursor(state: ConsoleState, pane: Pane, index: number): ConsoleState {
	if (state.cursors[pane] === index) return state;
	return {...state, cursors: {...state.cursors, [pane]: index}};
}

function withSet(set: ReadonlySet<string>, key: string, present: boolean): ReadonlySet<string> {
	if (set.has(key) === present) return set;
	const next = new Set(set);
	if (present) next.add(key);
	else next.delete(key);
	return next;
}

/** Resources takes Routes and Rules back to the selection; Trace hands them to the hops. */
function followFor(state: ConsoleState, pane: Pane): ConsoleState['follow'] {
	if (pane === 'resources') return 'selection';
	if (pane === 'trace' && state.trace) return 'trace';
	return state.follow;
}

function sideFor(state: ConsoleState, pane: Pane): Pane {
	return pane === 'resources' ? state.side : pane;
}

function stepTrace(state: ConsoleState, cursor: number, playing?: boolean): ConsoleState {
	if (!state.trace) return state;
	const total = traceHops(state.trace).length;
	const next = clamp(cursor, total);
	// Playing stops on the last hop, like a tape reaching its end.
	const keepPlaying = (playing ?? state.trace.playing) && next < total - 1;
	return {...state, follow: 'trace', trace: {...state.trace, cursor: next, playing: keepPlaying}};
}

export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
	switch (action.type) {
		case 'focus':
			return state.focus === action.pane ? state : {...state, focus: action.pane, side: sideFor(state, action.pane), follow: followFor(state, action.pane)};
		case 'focus-cycle': {
			const at = panes.indexOf(state.focus);
			const pane = panes[(at + action.delta + panes.length) % panes.length]!;
			return {...state, focus: pane, side: sideFor(state, pane), follow: followFor(state, pane)};
		}
		case 'move':
			if (action.length === 0) return state;
			if (action.pane === 'trace') return stepTrace(state, state.trace ? state.trace.cursor + action.delta : 0, false);
			return withCursor(action.pane === 'resources' ? {...state, follow: 'selection'} : state, action.pane, clamp(state.cursors[action.pane] + action.delta, action.length));
		case 'jump':
			if (action.pane === 'trace') return consoleReducer(state, {type: 'trace-jump', to: action.to});
			return withCursor(state, action.pane, action.to === 'first' ? 0 : Math.max(0, action.length - 1));
		case 'set-cursor': {
			const next = withCursor(state, action.pane, Math.max(0, action.index));
			return next === state || action.pane !== 'resources' ? next : {...next, placed: state.placed + 1};
		}
		case 'expand':
			return {...state, expanded: withSet(state.expanded, action.key, true)};
		case 'collapse':
			return {...state, expanded: withSet(state.expanded, action.key, false)};
		case 'toggle':
			return {...state, expanded: withSet(state.expanded, action.key, !state.expanded.has(action.key))};
		case 'reveal':
			return {
				...state,
				expanded: action.expanded,
				filters: {...state.filters, resources: ''},
				cursors: {...state.cursors, resources: action.index},
				placed: state.placed + 1,
				focus: 'resources',
				follow: 'selection',
			};
		case 'open-overlay':
			return {...state, overlay: action.overlay, overlayCursor: 0, message: undefined};
		case 'close-overlay':
			return state.overlay ? {...state, overlay: undefined} : state;
		case 'overlay-move':
			return {...state, overlayCursor: clamp(state.overlayCursor + action.delta, Math.max(1, action.length))};
		case 'overlay-cursor':
			return {...state, overlayCursor: Math.max(0, action.index)};
		case 'set-filter':
			// A new filter starts at the top of the filtered list; clearing one keeps the selected resource.
			return {
				...state,
				filters: {...state.filters, [action.pane]: action.text},
				cursors: {...state.cursors, [action.pane]: 0},
				placed: action.pane === 'resources' && action.text ? state.placed + 1 : state.placed,
			};
		case 'apply':
			return {
				...state,
				doc: pushHistory(state.doc, action.topology),
				changes: pushHistory(state.changes, action.message ?? ''),
				saveState: 'unsaved',
				message: action.message ? {text: action.message, tone: 'success'} : state.message,
			};
		case 'undo':
			if (state.doc.past.length === 0) return {...state, message: {text: 'Nothing to undo.', tone: 'info'}};
			return {...state, doc: undoHistory(state.doc), changes: undoHistory(state.changes), saveState: 'unsaved', message: {text: said('Undone', state.changes.present), tone: 'info'}};
		case 'redo':
			if (state.doc.future.length === 0) return {...state, message: {text: 'Nothing to redo.', tone: 'info'}};
			return {...state, doc: redoHistory(state.doc), changes: redoHistory(state.changes), saveState: 'unsaved', message: {text: said('Redone', state.changes.future[0] ?? ''), tone: 'info'}};
		case 'saving':
			return {...state, saveState: 'saving'};
		case 'saved':
			return {...state, saveState: 'saved', revision: action.revision, pendingSave: undefined};
		case 'disk-changed':
			return state.saveState === 'changed-on-disk' ? state : {...state, saveState: 'changed-on-disk', message: {text: 'Another program saved this topology; your next change will ask what to do.', tone: 'info'}};
		case 'save-conflict':
			return {...state, saveState: 'changed-on-disk', pendingSave: action.topology, overlay: 'conflict'};
		case 'reloaded':
			return {
				...state,
				doc: pushHistory(state.doc, action.topology),
				changes: pushHistory(state.changes, 'reloaded the version on disk'),
				revision: action.revision,
				saveState: 'saved',
				pendingSave: undefined,
				overlay: undefined,
				message: {text: 'Reloaded the version on disk (u brings yours back).', tone: 'info'},
			};
		case 'renamed':
			return {...state, name: action.name, revision: action.revision, saveState: 'saved', pendingSave: undefined, overlay: undefined};
		case 'trace-start':
			return {...state, trace: {flow: action.flow, result: action.result, cursor: 0, playing: false}, focus: 'trace', side: 'trace', follow: 'trace', overlay: undefined};
		case 'trace-rerun': {
			// The same flow on the changed topology: the step stays where the new hop list still reaches.
			if (!state.trace) return state;
			const total = action.result.forward.length + action.result.return.length;
			const cursor = clamp(state.trace.cursor, total);
			return {...state, trace: {flow: state.trace.flow, result: action.result, cursor, playing: state.trace.playing && cursor < total - 1}};
		}
		case 'trace-stale':
			return state.trace ? {...state, trace: {...state.trace, stale: action.reason, playing: false}} : state;
		case 'trace-step':
			return state.trace ? stepTrace(state, state.trace.cursor + action.delta) : state;
		case 'trace-jump':
			return state.trace ? stepTrace(state, action.to === 'first' ? 0 : traceHops(state.trace).length - 1, false) : state;
		case 'trace-play': {
			if (!state.trace) return state;
			const playing = action.playing ?? !state.trace.playing;
			const total = traceHops(state.trace).length;
			// Play from the start again when the tape is at its end.
			const cursor = playing && state.trace.cursor >= total - 1 ? 0 : state.trace.cursor;
			return {...state, trace: {...state.trace, playing: playing && total > 1, cursor}};
		}
		case 'message':
			return {...state, message: {text: action.text, tone: action.tone ?? 'info'}};
		case 'clear-message':
			return state.message ? {...state, message: undefined} : state;
		case 'quit':
			return {...state, quitting: true};
	}
}
