// The `t` trace picker as the console runs it: its state, the endpoints matching what was typed
// (listed only while the picker is open, as listing walks the whole topology), and what Enter does
// at each step.
import {useMemo, useReducer} from 'react';
import type {FlowSpec} from '../engine/types.js';
import type {Topology} from '../model/types.js';
import {flowOf, noMatch, pickerCandidates, pickerReducer, startPicker, traceEndpoints} from './tracePicker.js';

/** `runFlow` starts the trace, or returns why it cannot. */
export function useTracePicker(topology: Topology, open: boolean, runFlow: (flow: FlowSpec) => string | undefined) {
	const [picker, dispatch] = useReducer(pickerReducer, undefined, () => startPicker());
	const side = picker.step === 'from' ? 'from' : 'to';
	const endpoints = useMemo(() => (open ? traceEndpoints(topology, side) : []), [topology, open, side]);
	const candidates = useMemo(() => pickerCandidates(endpoints, picker.query), [endpoints, picker.query]);
	const submit = () => {
		if (picker.step !== 'protocol') {
			const chosen = candidates[picker.cursor];
			if (chosen) dispatch({type: 'choose', ref: chosen.ref});
			else dispatch({type: 'error', error: noMatch(picker.query)});
			return;
		}
		const flow = flowOf(picker);
		if (!flow.ok) return dispatch({type: 'error', error: flow.error});
		const error = runFlow(flow.flow);
		if (error) dispatch({type: 'error', error});
	};
	return {picker, dispatch, candidates, submit};
}
