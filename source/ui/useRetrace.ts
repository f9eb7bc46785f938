// Every change, undo, redo and reload runs the open trace again on the topology now shown, so its
// hops never describe rules that are gone; a trace that cannot run any more is marked out of date.
import {useEffect, useRef} from 'react';
import type {Topology} from '../model/types.js';
import type {ConsoleAction, TraceView} from './consoleState.js';
import {errorText, type ConsoleServices} from './services.js';

export function useRetrace(topology: Topology, trace: TraceView | undefined, services: ConsoleServices, dispatch: (action: ConsoleAction) => void): void {
	const tracedOn = useRef(topology);
	useEffect(() => {
		if (tracedOn.current === topology) return;
		tracedOn.current = topology;
		if (!trace) return;
		try {
			dispatch({type: 'trace-rerun', result: services.trace(topology, trace.flow)});
		} catch (error) {
			dispatch({type: 'trace-stale', reason: errorText(error)});
		}
	}, [topology]);
}
