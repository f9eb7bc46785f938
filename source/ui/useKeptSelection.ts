// The Resources selection is a resource, not a row number: when the rows change under it (a
// change, undo, a cleared filter) the cursor follows the resource it was on, if it is still there.
// A cursor put on a row on purpose (reveal, a new filter) counts in state.placed and is left alone.
import {useLayoutEffect, useRef} from 'react';
import type {ConsoleAction, ConsoleState} from './consoleState.js';
import type {TreeRow} from './tree.js';

/** The Resources cursor to show; the state is brought in line right after the render. */
export function useKeptSelection(rows: readonly TreeRow[], state: ConsoleState, dispatch: (action: ConsoleAction) => void): number {
	const kept = useRef<{rows: readonly TreeRow[]; placed: number; key?: string}>({rows, placed: state.placed});
	let cursor = Math.min(state.cursors.resources, rows.length - 1);
	const last = kept.current;
	if (last.rows !== rows && last.placed === state.placed && last.key !== undefined) {
		const at = rows.findIndex(row => row.node.key === last.key);
		if (at >= 0) cursor = at;
	}
	// A layout effect, so the state has the new cursor before the next key is read.
	useLayoutEffect(() => {
		kept.current = {rows, placed: state.placed, key: rows[cursor]?.node.key};
		if (cursor >= 0 && cursor !== state.cursors.resources) dispatch({type: 'set-cursor', pane: 'resources', index: cursor});
	});
	return cursor;
}
