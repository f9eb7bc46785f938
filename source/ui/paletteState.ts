// The command palette's line editor: text and cursor, history (up/down), completion candidates
// and the inline error. Pure; the palette component runs commands and reports back.
export type PaletteState = {
	readonly text: string;
	readonly cursor: number;
	/** Commands run before, oldest first; kept for the whole session. */
	readonly history: readonly string[];
	/** Position while browsing history; history.length means the line being written. */
	readonly historyIndex: number;
	/** The line being written, kept while browsing history. */
	readonly draft: string;
	readonly error: string | undefined;
	/** Candidates shown under the line after a Tab that had more than one. */
	readonly candidates: readonly string[];
	/** Enter was pressed: the line is being run (the palette says so until it answers). */
	readonly applying: boolean;
};

export type PaletteAction =
	| {type: 'insert'; text: string}
	| {type: 'delete-back'}
	| {type: 'delete-forward'}
	| {type: 'cursor'; delta: number}
	| {type: 'history'; delta: -1 | 1}
	| {type: 'completed'; text: string; cursor: number; candidates: readonly string[]}
	| {type: 'applying'}
	| {type: 'error'; error: string}
	| {type: 'submitted'; line: string}
	| {type: 'reset'; text?: string};

export const emptyPalette: PaletteState = {text: '', cursor: 0, history: [], historyIndex: 0, draft: '', error: undefined, candidates: [], applying: false};

export function paletteReducer(state: PaletteState, action: PaletteAction): PaletteState {
	switch (action.type) {
		case 'insert': {
			// Pasted text arrives in one piece; keep only the first line of it.
			const clean = action.text.replace(/[\r\n].*$/s, '').replace(/[\u0000-\u001f\u007f]/g, '');
			if (!clean) return state;
			const text = state.text.slice(0, state.cursor) + clean + state.text.slice(state.cursor);
			return {...state, text, cursor: state.cursor + clean.length, error: undefined, candidates: [], historyIndex: state.history.length};
		}
		case 'delete-back': {
			if (state.cursor === 0) return state;
			const text = state.text.slice(0, state.cursor - 1) + state.text.slice(state.cursor);
			return {...state, text, cursor: state.cursor - 1, error: undefined, candidates: []};
		}
		case 'delete-forward': {
			if (state.cursor >= state.text.length) return state;
			const text = state.text.slice(0, state.cursor) + state.text.slice(state.cursor + 1);
			return {...state, text, error: undefined, candidates: []};
		}
		case 'cursor':
			return {...state, cursor: Math.max(0, Math.min(state.text.length, state.cursor + action.delta))};
		case 'history': {
			const index = Math.max(0, Math.min(state.history.length, state.historyIndex + action.delta));
			if (index === state.historyIndex) return state;
			const draft = state.historyIndex === state.history.length ? state.text : state.draft;
			const text = index === state.history.length ? draft : state.history[index]!;
			return {...state, historyIndex: index, draft, text, cursor: text.length, error: undefined, candidates: []};
		}
		case 'completed':
			return {...state, text: action.text, cursor: action.cursor, candidates: action.candidates};
		case 'applying':
			return {...state, applying: true, error: undefined, candidates: []};
		case 'error': {
			// A refused line stays to be mended, and goes into history like any other: Esc does not lose it.
			const history = remember(state.history, state.text);
			return {...state, error: action.error, candidates: [], applying: false, history, historyIndex: history.length};
		}
		case 'submitted': {
			const history = remember(state.history, action.line);
			return {...emptyPalette, history, historyIndex: history.length};
		}
		case 'reset':
			return {...state, text: action.text ?? '', cursor: (action.text ?? '').length, error: undefined, candidates: [], historyIndex: state.history.length, draft: '', applying: false};
	}
}

function remember(history: readonly string[], text: string): readonly string[] {
	const line = text.trim();
	return line && history[history.length - 1] !== line ? [...history, line].slice(-500) : history;
}
