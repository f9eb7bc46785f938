// The console's input: one useInput, one dispatcher, three layers (overlay > focused pane >
// global). Each layer maps the key table's actions onto the screen's controller.
import {useInput, useStdin, type Key} from 'ink';
import {useCallback, useEffect, useRef} from 'react';
import type {ConsoleAction, ConsoleState} from './consoleState.js';
import {actionIn, dispatchKey, isPrintable, stepActions, type KeyPress, type Layer} from './dispatch.js';
import {activeScopes, keyName, panes, type KeyAction, type Pane} from './keys.js';
import type {PaletteAction} from './paletteState.js';
import type {PickerAction} from './tracePicker.js';

/** What the key layers drive; built by the console screen on every render. */
export type ConsoleController = {
	readonly state: ConsoleState;
	/** The terminal is below 80x24: the panes are hidden and only q and Ctrl-C work. */
	readonly tooSmall: boolean;
	readonly dispatch: (action: ConsoleAction) => void;
	readonly palette: (action: PaletteAction) => void;
	readonly picker: (action: PickerAction) => void;
	/** The trace picker's step: Esc at the first one closes it. */
	readonly pickerStep: 'from' | 'to' | 'protocol';
	/** Rows in each pane's list and in the open overlay's list, for clamping moves. */
	readonly lengths: Readonly<Record<Pane, number>> & {overlay: number};
	/** Rows a page moves: the height of the focused pane's list, or of the help overlay when it is open. */
	readonly page: number;
	readonly openSelected: () => void;
	readonly expandSelected: (open: boolean) => void;
	/** Enter in the palette runs its line on the next turn (see applyDelay); keys wait until it has run. */
	readonly submitPalette: () => void;
	readonly busy: () => boolean;
	readonly completePalette: () => void;
	/** Opens the palette clean (no line, error or answer from before; the history stays), or with `text`. */
	readonly openPalette: (text?: string) => void;
	/** Pages the palette's answer (help, cidr) by a number of lines. */
	readonly scrollOutput: (delta: number) => void;
	readonly submitPicker: () => void;
	readonly submitSuggested: () => void;
	readonly startPicker: () => void;
	readonly undo: () => void;
	readonly redo: () => void;
	readonly resolveConflict: (choice: 'reload' | 'overwrite' | 'save-as') => void;
	readonly quit: () => void;
};

function overlayLayer(c: ConsoleController): Layer {
	const {state, dispatch} = c;
	const overlay = state.overlay!;
	return {
		scopes: activeScopes(state.focus, overlay),
		handle(action: KeyAction | undefined, press: KeyPress) {
			if (press.name === 'ctrl-c') return false; // Always reaches the global quit.
			const close = () => dispatch({type: 'close-overlay'});
			const times = press.times ?? 1;
			switch (overlay) {
				case 'help':
					if (action === 'close') close();
					else if (action === 'move-down' || action === 'move-up') dispatch({type: 'overlay-move', delta: (action === 'move-down' ? 1 : -1) * times, length: c.lengths.overlay});
					else if (action === 'page-down' || action === 'page-up')
						dispatch({type: 'overlay-move', delta: (action === 'page-down' ? 1 : -1) * Math.max(1, c.page - 1) * times, length: c.lengths.overlay});
					else if (action === 'first' || action === 'last') dispatch({type: 'overlay-cursor', index: action === 'first' ? 0 : c.lengths.overlay - 1});
					return true;
				case 'palette':
					if (action === 'close') close();
					else if (action === 'submit') c.submitPalette();
					else if (action === 'complete') c.completePalette();
					else if (action === 'history-prev' || action === 'history-next') c.palette({type: 'history', delta: action === 'history-prev' ? -1 : 1});
					else if (action === 'cursor-left' || action === 'cursor-right') c.palette({type: 'cursor', delta: action === 'cursor-left' ? -1 : 1});
					else if (action === 'delete-back') c.palette({type: 'delete-back'});
					else if (action === 'delete-forward') c.palette({type: 'delete-forward'});
					else if (action === 'page-down' || action === 'page-up') c.scrollOutput((action === 'page-down' ? 1 : -1) * times);
					else if (press.name === 'home' || press.name === 'ctrl-a') c.palette({type: 'cursor', delta: -10_000});
					else if (press.name === 'end' || press.name === 'ctrl-e') c.palette({type: 'cursor', delta: 10_000});
					else if (isPrintable(press)) c.palette({type: 'insert', text: press.input});
					return true;
				case 'filter': {
					const pane = state.focus;
					if (action === 'close') {
						dispatch({type: 'set-filter', pane, text: ''});
						close();
					} else if (action === 'submit') close();
					else if (action === 'delete-back') dispatch({type: 'set-filter', pane, text: state.filters[pane].slice(0, -1)});
					else if (isPrintable(press)) dispatch({type: 'set-filter', pane, text: state.filters[pane] + press.input});
					return true;
				}
				case 'trace-picker':
					if (action === 'close') {
						if (c.pickerStep === 'from') close();
						else c.picker({type: 'back'});
					} else if (action === 'submit') c.submitPicker();
					else if (action === 'delete-back') c.picker({type: 'delete-back'});
					else if (action === 'move-up' || action === 'move-down')
						c.picker({type: 'move', delta: (action === 'move-down' ? 1 : -1) * times, length: c.lengths.overlay});
					else if (isPrintable(press)) c.picker({type: 'type', text: press.input});
					return true;
				case 'suggested':
					if (action === 'close') close();
					else if (action === 'submit') c.submitSuggested();
					else if (action === 'move-down' || action === 'move-up') dispatch({type: 'overlay-move', delta: (action === 'move-down' ? 1 : -1) * times, length: c.lengths.overlay});
					return true;
				case 'conflict':
					if (action === 'close') close();
					else if (action === 'reload' || action === 'overwrite' || action === 'save-as') c.resolveConflict(action);
					return true;
			}
		},
	};
}

function paneLayer(c: ConsoleController): Layer {
	const {state, dispatch} = c;
	const pane = state.focus;
	return {
		scopes: [`pane:${pane}`, 'pane:*'],
		handle(action: KeyAction | undefined, press: KeyPress) {
			const length = c.lengths[pane];
			const times = press.times ?? 1;
			switch (action) {
				case 'move-down':
				case 'move-up':
					dispatch({type: 'move', pane, delta: (action === 'move-down' ? 1 : -1) * times, length});
					return true;
				case 'page-down':
				case 'page-up':
					dispatch({type: 'move', pane, delta: (action === 'page-down' ? 1 : -1) * Math.max(1, c.page - 1) * times, length});
					return true;
				case 'first':
				case 'last':
					dispatch({type: 'jump', pane, to: action, length});
					return true;
				case 'filter':
					dispatch({type: 'open-overlay', overlay: 'filter'});
					return true;
				case 'open':
					c.openSelected();
					return true;
				case 'expand':
				case 'collapse':
					c.expandSelected(action === 'expand');
					return true;
				case 'play':
					dispatch({type: 'trace-play'});
					return true;
				case 'step-forward':
				case 'step-back':
					dispatch({type: 'trace-step', delta: (action === 'step-forward' ? 1 : -1) * times});
					return true;
				default:
					return false;
			}
		},
	};
}

function globalLayer(c: ConsoleController): Layer {
	const {state, dispatch} = c;
	return {
		scopes: ['global'],
		handle(action: KeyAction | undefined) {
			switch (action) {
				case 'focus-next':
				case 'focus-prev':
					dispatch({type: 'focus-cycle', delta: action === 'focus-next' ? 1 : -1});
					return true;
				case 'focus-resources':
				case 'focus-routes':
				case 'focus-rules':
				case 'focus-trace':
					dispatch({type: 'focus', pane: action.slice('focus-'.length) as Pane});
					return true;
				case 'palette':
					c.openPalette();
					return true;
				case 'help':
					dispatch({type: 'open-overlay', overlay: 'help'});
					return true;
				case 'trace-new':
					c.startPicker();
					return true;
				case 'suggested':
					dispatch({type: 'open-overlay', overlay: 'suggested'});
					return true;
				case 'undo':
					c.undo();
					return true;
				case 'redo':
					c.redo();
					return true;
				case 'back':
					// One level back: a filter, then a playing trace, then the focus to Resources.
					if (state.filters[state.focus]) dispatch({type: 'set-filter', pane: state.focus, text: ''});
					else if (state.trace?.playing) dispatch({type: 'trace-play', playing: false});
					else if (state.focus !== panes[0]) dispatch({type: 'focus', pane: panes[0]});
					else dispatch({type: 'clear-message'});
					return true;
				case 'quit':
				case 'force-quit':
					c.quit();
					return true;
				default:
					return false;
			}
		},
	};
}

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/** A character of a burst as if typed alone: Enter, Tab and Backspace keep their meaning. */
export function keyOfChar(char: string): Key {
	if (char === '\r' || char === '\n') return {...noKey, return: true};
	if (char === '\t') return {...noKey, tab: true};
	if (char === '\u007F') return {...noKey, delete: true};
	return {...noKey, shift: /[A-Z]/.test(char)};
}

/** Several plain characters in one read (typed fast, pasted, sent by tmux) rather than one key. */
export function isBurst(input: string, key: Key): boolean {
	return input.length > 1 && !key.ctrl && !key.meta && /^[\u0020-\u007E\r\n\t\u007F]+$/.test(input);
}

type PendingKey = {input: string; key: Key; raw?: string};

/**
 * How many of the waiting keys, from the first, are one step key pressed again and again: a held
 * `j` whose presses piled up while a frame was drawn. They are taken as one move and one frame,
 * so the cursor stops when the key is let go instead of working through the backlog a frame at a time.
 */
export function repeats(c: ConsoleController, waiting: readonly PendingKey[]): number {
	const first = waiting[0];
	if (!first || c.tooSmall) return 1;
	const name = keyName(first.input, first.key, first.raw);
	const action = actionIn(activeScopes(c.state.focus, c.state.overlay), name);
	if (!action || !stepActions.has(action)) return 1;
	let times = 1;
	while (times < waiting.length && keyName(waiting[times]!.input, waiting[times]!.key, waiting[times]!.raw) === name) times++;
	return times;
}

export function useConsoleKeys(controller: ConsoleController): void {
	// The latest controller, so the input subscription is made once and never sees stale state.
	const latest = useRef(controller);
	latest.current = controller;
	const pending = useRef<PendingKey[]>([]);
	// The bytes of the key being handled: subscribed before useInput's own listener, so it is
	// already set when useInput calls back (Backspace and Delete differ only there).
	const raw = useRef<string | undefined>(undefined);
	const {internal_eventEmitter: events} = useStdin();
	useEffect(() => {
		const note = (data: string) => {
			raw.current = data;
		};
		events.on('input', note);
		return () => {
			events.off('input', note);
		};
	}, [events]);
	const handle = useCallback((input: string, key: Key, bytes?: string, times = 1) => {
		const c = latest.current;
		const press = {name: keyName(input, key, bytes), input, times};
		if (c.tooSmall) {
			if (press.name === 'q' || press.name === 'ctrl-c') c.quit();
			return;
		}
		const layers = c.state.overlay ? [overlayLayer(c), globalLayer(c)] : [paneLayer(c), globalLayer(c)];
		dispatchKey(press, layers);
	}, []);
	const onInput = useCallback((input: string, key: Key) => {
		const idle = pending.current.length === 0;
		const bytes = raw.current;
		if (idle && !isBurst(input, key) && !latest.current.busy()) return handle(input, key, bytes);
		// One key at a time, each after the screen has rendered what the previous one did (`:`
		// must have opened the palette before `c` is typed into it), and in the order they came:
		// a key that arrives while a burst is being taken, or while a palette line waits to run,
		// waits its turn.
		if (isBurst(input, key))
			for (const char of input) pending.current.push({input: char === '\r' || char === '\n' || char === '\t' || char === '\u007F' ? '' : char, key: keyOfChar(char)});
		else pending.current.push({input, key, raw: bytes});
		if (!idle) return;
		const drain = () => {
			const item = pending.current[0];
			if (!item) return;
			const before = latest.current;
			if (before.busy()) {
				setTimeout(drain, 2);
				return;
			}
			const times = repeats(before, pending.current);
			handle(item.input, item.key, item.raw, times);
			let tries = 0;
			// A key that changes nothing causes no render, so the wait for one is short.
			const next = () => {
				if (latest.current === before && tries++ < 4) setTimeout(next, 2);
				else {
					pending.current.splice(0, times);
					drain();
				}
			};
			setTimeout(next, 0);
		};
		drain();
	}, []);
	useInput(onInput);
}
