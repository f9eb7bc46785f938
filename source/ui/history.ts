// Undo and redo as a stack of whole topologies: commands are pure and topologies are never
// mutated, so keeping the old object is cheap (unchanged collections are shared).
export const historyLimit = 200;

export type History<T> = {
	readonly past: readonly T[];
	readonly present: T;
	readonly future: readonly T[];
};

export function createHistory<T>(present: T): History<T> {
	return {past: [], present, future: []};
}

export function pushHistory<T>(history: History<T>, next: T, limit = historyLimit): History<T> {
	const past = [...history.past, history.present];
	return {past: past.length > limit ? past.slice(past.length - limit) : past, present: next, future: []};
}

export function undoHistory<T>(history: History<T>): History<T> {
	if (history.past.length === 0) return history;
	return {past: history.past.slice(0, -1), present: history.past[history.past.length - 1]!, future: [history.present, ...history.future]};
}

export function redoHistory<T>(history: History<T>): History<T> {
	if (history.future.length === 0) return history;
	return {past: [...history.past, history.present], present: history.future[0]!, future: history.future.slice(1)};
}
