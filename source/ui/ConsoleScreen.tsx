// The console screen: four panes over one topology. State lives in consoleReducer; this component
// derives what the panes show (memoised per topology and per selection, so a key press on a large
// topology only redraws), runs the effects through its hooks (save, retrace, play) and builds the
// controller the keys drive; ConsoleView draws it.
import {useEffect, useMemo, useReducer, useRef} from 'react';
import type {FlowSpec} from '../engine/types.js';
import {indexResources, label} from '../model/resources.js';
import {consoleReducer, createConsoleState} from './consoleState.js';
import {redoHistory, undoHistory} from './history.js';
import {helpRows, helpScrollPositions} from './HelpOverlay.js';
import {ConsoleView} from './ConsoleView.js';
import {TooSmallMessage} from './Chrome.js';
import {computeLayout, listRows, tooSmall} from './layout.js';
import {paletteHeight} from './PalettePanel.js';
import {emptyPalette, paletteReducer} from './paletteState.js';
import type {RouteRow, RuleRow} from './selection.js';
import {errorText, type ConsoleServices, type Opened} from './services.js';
import {buildTree, flattenTree, initialExpanded, revealIn} from './tree.js';
import {useConsoleKeys, type ConsoleController} from './useConsoleKeys.js';
import {useKeptSelection} from './useKeptSelection.js';
import {usePaletteAnswer} from './usePaletteAnswer.js';
import {usePlayback} from './usePlayback.js';
import {useRetrace} from './useRetrace.js';
import {useRoutesAndRules} from './useRoutesAndRules.js';
import {useSaving} from './useSaving.js';
import {useTracePicker} from './useTracePicker.js';

/**
 * How long after Enter the palette's line runs: long enough for the frame saying `applying…` to be
 * drawn first (Ink draws at most one frame per 9 ms; run-console.tsx asks for 120 a second), as a
 * change to a large topology is checked in one piece and can hold the screen for a second.
 */
export const applyDelay = 10;

export type ConsoleScreenProps = {
	readonly opened: Opened;
	readonly services: ConsoleServices;
	readonly columns: number;
	readonly rows: number;
	readonly onQuit: () => void;
	/** `open NAME` from the palette: the root swaps the screen for the other topology. */
	readonly onOpen: (opened: Opened) => void;
};

export function ConsoleScreen({opened, services, columns, rows, onQuit, onOpen}: ConsoleScreenProps) {
	const [state, dispatch] = useReducer(consoleReducer, opened, () => {
		const roots = buildTree(opened.topology);
		return createConsoleState({name: opened.name, topology: opened.topology, revision: opened.revision, expanded: initialExpanded(roots)});
	});
	const [palette, paletteDispatch] = useReducer(paletteReducer, emptyPalette);
	const topology = state.doc.present;

	const index = useMemo(() => indexResources(topology), [topology]);
	const roots = useMemo(() => buildTree(topology), [topology]);
	const treeRows = useMemo(() => flattenTree(roots, state.expanded, state.filters.resources), [roots, state.expanded, state.filters.resources]);
	const resourceCursor = useKeptSelection(treeRows, state, dispatch);
	const selectedRow = treeRows[resourceCursor];
	const selectedId = selectedRow?.node.resourceId;

	const tables = useRoutesAndRules(topology, index, state, selectedId);
	const {hops, hop, matchedRoute, matchedRule, routesSubject, rulesSubject, routeView, ruleView, routeLines, ruleLines} = tables;
	const runFlow = (flow: FlowSpec): string | undefined => {
		try {
			dispatch({type: 'trace-start', flow, result: services.trace(topology, flow)});
			return undefined;
		} catch (error) {
			return errorText(error);
		}
	};
	const {picker, dispatch: pickerDispatch, candidates, submit: submitPicker} = useTracePicker(topology, state.overlay === 'trace-picker', runFlow);

	const labelOf = (id: string) => {
		const entry = index.byId.get(id);
		return entry ? label(entry.resource) : id;
	};
	// In a narrow column (a route's target) the name alone, as Resources shows it.
	const nameOf = (id: string) => index.byId.get(id)?.resource.name ?? id;

	usePlayback(state.trace?.playing ?? false, dispatch);

	useRetrace(topology, state.trace, services, dispatch);

	useEffect(() => {
		if (state.quitting) onQuit();
	}, [state.quitting]);

	const saving = useSaving(opened, state.name, services, dispatch);

	// A palette line waiting to run (its timer), then run and waiting for the render that takes
	// what it did (the render it ran after): keys wait meanwhile, so each lands where it would have
	// had the line run at once.
	const renders = useRef(0);
	renders.current++;
	const applying = useRef<{timer?: ReturnType<typeof setTimeout>; ranAfter?: number}>({});
	const runLatest = useRef<(line: string) => boolean>(() => false);
	useEffect(() => () => clearTimeout(applying.current.timer), []);

	const layout = computeLayout(columns, rows, state.side);
	const answer = usePaletteAnswer(palette, layout);
	const paletteRows = state.overlay === 'palette' ? paletteHeight(palette, answer.lines, answer.maxRows, layout.width) : 0;
	const bodyLayout = paletteRows > 0 ? computeLayout(columns, rows, state.side, paletteRows) : layout;

	const small = tooSmall(columns, rows);
	const controller: ConsoleController = {
		state,
		tooSmall: small,
		dispatch,
		palette: paletteDispatch,
		picker: pickerDispatch,
		pickerStep: picker.step,
		lengths: {
			resources: treeRows.length,
			routes: routeLines.length,
			rules: ruleLines.length,
			trace: hops.length,
			overlay: state.overlay === 'help' ? helpScrollPositions(layout.body) : state.overlay === 'suggested' ? topology.suggestedTraces.length : candidates.length,
		},
		page: state.overlay === 'help' ? helpRows(layout.body) : listRows(bodyLayout.panes[state.focus]),
		openSelected() {
			if (state.focus === 'resources') {
				if (selectedRow && selectedRow.node.children.length > 0) dispatch({type: 'toggle', key: selectedRow.node.key});
				return;
			}
			// Enter elsewhere shows the resource behind the row in the Resources tree.
			let id: string | undefined;
			if (state.focus === 'trace') id = hop?.component;
			else {
				const line = (state.focus === 'routes' ? routeLines : ruleLines)[state.cursors[state.focus]];
				if (line?.kind === 'row') id = 'target' in line.row ? (line.row as RouteRow).target : (line.row as RuleRow).ownerId;
			}
			if (id) reveal(id);
		},
		expandSelected(open) {
			if (!selectedRow) return;
			if (open) {
				if (selectedRow.node.children.length > 0) dispatch({type: 'expand', key: selectedRow.node.key});
			} else if (selectedRow.expanded && selectedRow.node.children.length > 0 && !state.filters.resources) {
				dispatch({type: 'collapse', key: selectedRow.node.key});
			} else if (selectedRow.parentKey) {
				// Left on a leaf (or a closed node) goes to the parent, as in file managers.
				const parent = treeRows.findIndex(row => row.node.key === selectedRow.parentKey);
				if (parent >= 0) dispatch({type: 'set-cursor', pane: 'resources', index: parent});
			}
		},
		busy: () => applying.current.timer !== undefined || applying.current.ranAfter === renders.current,
		submitPalette() {
			const line = palette.text;
			if (!line.trim() || applying.current.timer !== undefined) return;
			// Say so at once; run on the next turn, once that frame is on screen.
			paletteDispatch({type: 'applying'});
			applying.current = {
				timer: setTimeout(() => {
					applying.current = {ranAfter: renders.current};
					// Open changes nothing until the other topology is read: no render to wait for.
					if (!runLatest.current(line)) applying.current = {};
				}, applyDelay),
			};
		},
		scrollOutput: answer.scroll,
		openPalette(text) {
			paletteDispatch({type: 'reset', text});
			answer.show([]);
			dispatch({type: 'open-overlay', overlay: 'palette'});
		},
		completePalette() {
			try {
				const completion = services.complete(palette.text, palette.cursor, topology);
				paletteDispatch({type: 'completed', ...completion});
			} catch (error) {
				paletteDispatch({type: 'error', error: errorText(error)});
			}
		},
		startPicker() {
			pickerDispatch({type: 'start', from: selectedRow?.node.kind === 'instance' ? selectedRow.node.label : undefined});
			dispatch({type: 'open-overlay', overlay: 'trace-picker'});
		},
		submitPicker,
		submitSuggested() {
			const suggested = topology.suggestedTraces[state.overlayCursor];
			if (!suggested) return;
			const error = runFlow({from: suggested.from, to: suggested.to, protocol: suggested.protocol, port: suggested.port});
			if (error) dispatch({type: 'message', text: error, tone: 'error'});
			else dispatch({type: 'message', text: `Expected: ${suggested.expect}. ${suggested.why}`, tone: 'info'});
		},
		undo() {
			if (state.doc.past.length === 0) return dispatch({type: 'undo'});
			const next = undoHistory(state.doc).present;
			dispatch({type: 'undo'});
			saving.persist(next);
		},
		redo() {
			if (state.doc.future.length === 0) return dispatch({type: 'redo'});
			const next = redoHistory(state.doc).present;
			dispatch({type: 'redo'});
			saving.persist(next);
		},
		resolveConflict(choice) {
			const pending = state.pendingSave ?? topology;
			if (choice === 'save-as') return controller.openPalette(`save-as ${state.name}-2`);
			if (choice === 'overwrite') {
				dispatch({type: 'close-overlay'});
				saving.overwrite(pending);
				return;
			}
			saving.reload();
		},
		quit() {
			dispatch({type: 'quit'});
		},
	};

	/** Runs a palette line against the topology of the latest render; false when nothing changes until later (open). */
	function runLine(line: string): boolean {
		let result;
		try {
			result = services.run(line, topology);
		} catch (error) {
			paletteDispatch({type: 'error', error: errorText(error)});
			return true;
		}
		if (!result.ok) {
			paletteDispatch({type: 'error', error: result.error});
			return true;
		}
		const intent = result.intent;
		if (intent?.kind === 'trace') {
			const error = runFlow(intent.flow);
			if (error) {
				paletteDispatch({type: 'error', error});
				return true;
			}
		}
		if (intent?.kind === 'open') {
			// The palette stays open, with the line, until the other topology has opened.
			services.open(intent.name).then(
				other => {
					paletteDispatch({type: 'submitted', line});
					onOpen(other);
				},
				error => paletteDispatch({type: 'error', error: errorText(error)}),
			);
			return false;
		}
		paletteDispatch({type: 'submitted', line});
		if (intent) {
			answer.show([]);
			if (intent.kind === 'undo') controller.undo();
			else if (intent.kind === 'redo') controller.redo();
			else if (intent.kind === 'quit') controller.quit();
			else if (intent.kind === 'save-as') saving.saveAs(intent.name, topology, error => paletteDispatch({type: 'error', error}));
			if (intent.kind !== 'save-as') dispatch({type: 'close-overlay'});
			return true;
		}
		if (result.changed) {
			answer.show([]);
			dispatch({type: 'apply', topology: result.topology, message: result.message});
			dispatch({type: 'close-overlay'});
			saving.persist(result.topology);
			return true;
		}
		// help, cidr: the answer stays under the line.
		answer.show(result.message.split('\n'));
		return true;
	}
	runLatest.current = runLine;

	function reveal(id: string) {
		const found = revealIn(roots, state.expanded, id);
		if (!found) return dispatch({type: 'message', text: `${labelOf(id)} is not in the Resources tree.`, tone: 'info'});
		dispatch({type: 'reveal', ...found});
	}

	useConsoleKeys(controller);

	// Only the panes give way to the message: the state above stays, whatever the size.
	if (small) return <TooSmallMessage columns={columns} rows={rows} />;
	return (
		<ConsoleView
			state={state}
			resourceCursor={Math.max(0, resourceCursor)}
			topology={topology}
			layout={layout}
			bodyLayout={bodyLayout}
			palette={palette}
			paletteOutput={answer.lines}
			paletteOutputTop={answer.top}
			maxOutput={answer.maxRows}
			picker={picker}
			candidates={candidates}
			treeRows={treeRows}
			routeLines={routeLines}
			ruleLines={ruleLines}
			routeView={routeView}
			ruleView={ruleView}
			matchedRoute={matchedRoute}
			matchedRule={matchedRule}
			followingRoutes={state.follow === 'trace' && routesSubject !== selectedId ? labelOf(routesSubject ?? '') : undefined}
			followingRules={state.follow === 'trace' && rulesSubject !== selectedId ? labelOf(rulesSubject ?? '') : undefined}
			labelOf={labelOf}
			nameOf={nameOf}
		/>
	);
}
