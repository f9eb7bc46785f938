// The console screen: four panes over one topology. State lives in consoleReducer; this component
// derives what the panes show (memoised per topology and per selection, so a key press on a large
// topology only redraws), runs the effects (save, trace, play) and lays the panes out.
import React, {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import {Box} from 'ink';
import type {FlowSpec} from '../engine/types.js';
import {indexResources} from '../model/resources.js';
import type {Topology} from '../model/types.js';
import {Footer, Header} from './Chrome.js';
import {consoleReducer, createConsoleState, traceHops} from './consoleState.js';
import {redoHistory, undoHistory} from './history.js';
import {HelpOverlay, helpLines} from './HelpOverlay.js';
import {type Pane} from './keys.js';
import {computeLayout, listRows} from './layout.js';
import {ConflictOverlay, SuggestedOverlay, TracePickerOverlay} from './Overlays.js';
import {PalettePanel, paletteHeight} from './PalettePanel.js';
import {emptyPalette, paletteReducer} from './paletteState.js';
import {ResourcesPane} from './ResourcesPane.js';
import {isMatchedRoute, isMatchedRule, matchedOwner, routesFor, rulesFor, toLines, type RouteRow, type RuleRow} from './selection.js';
import {errorText, isConflict, type ConsoleServices, type Opened} from './services.js';
import {TablePane} from './TablePane.js';
import {flowOf, pickerCandidates, pickerReducer, startPicker, traceEndpoints} from './tracePicker.js';
import {TracePane} from './TracePane.js';
import {buildTree, flattenTree, initialExpanded, pathTo} from './tree.js';
import {useConsoleKeys, type ConsoleController} from './useConsoleKeys.js';
import {label} from '../model/resources.js';

export type ConsoleScreenProps = {
	readonly opened: Opened;
	readonly services: ConsoleServices;
	readonly columns: number;
	readonly rows: number;
	readonly onQuit: () => void;
	/** `open NAME` from the palette: the root swaps the screen for the other topology. */
	readonly onOpen: (opened: Opened) => void;
};

const playInterval = 700;

export function ConsoleScreen({opened, services, columns, rows, onQuit, onOpen}: ConsoleScreenProps) {
	const [state, dispatch] = useReducer(consoleReducer, opened, () => {
		const roots = buildTree(opened.topology);
		return createConsoleState({name: opened.name, topology: opened.topology, revision: opened.revision, expanded: initialExpanded(roots)});
	});
	const [palette, paletteDispatch] = useReducer(paletteReducer, emptyPalette);
	const [picker, pickerDispatch] = useReducer(pickerReducer, undefined, () => startPicker());
	const [output, setOutput] = useState<readonly string[]>([]);
	const topology = state.doc.present;

	// Saving is serialised and uses the newest revision, which a render may not have seen yet.
	const revision = useRef<string | undefined>(opened.revision);
	const saving = useRef<Promise<void>>(Promise.resolve());
	const nameRef = useRef(state.name);
	nameRef.current = state.name;

	const index = useMemo(() => indexResources(topology), [topology]);
	const roots = useMemo(() => buildTree(topology), [topology]);
	const treeRows = useMemo(() => flattenTree(roots, state.expanded, state.filters.resources), [roots, state.expanded, state.filters.resources]);
	const selectedRow = treeRows[Math.min(state.cursors.resources, treeRows.length - 1)];
	const selectedId = selectedRow?.node.resourceId;

	const hops = useMemo(() => traceHops(state.trace), [state.trace?.result]);
	const hop = state.trace ? hops[state.trace.cursor]?.hop : undefined;
	const matched = state.follow === 'trace' ? hop?.matched : undefined;
	const routesSubject = matched && (matched.kind === 'route' || matched.kind === 'tgw-route') ? matchedOwner(matched) : state.follow === 'trace' && hop ? hop.component : selectedId;
	const rulesSubject = matched && (matched.kind === 'sg-rule' || matched.kind === 'nacl-rule') ? matchedOwner(matched) : state.follow === 'trace' && hop ? hop.component : selectedId;
	const routeView = useMemo(() => routesFor(topology, index, routesSubject), [topology, index, routesSubject]);
	const ruleView = useMemo(() => rulesFor(topology, index, rulesSubject), [topology, index, rulesSubject]);
	const routeLines = useMemo(() => toLines<RouteRow>(routeView.tables, state.filters.routes), [routeView, state.filters.routes]);
	const ruleLines = useMemo(() => toLines<RuleRow>(ruleView.sections, state.filters.rules), [ruleView, state.filters.rules]);
	const endpoints = useMemo(() => (state.overlay === 'trace-picker' ? traceEndpoints(topology) : []), [topology, state.overlay === 'trace-picker']);
	const candidates = useMemo(() => pickerCandidates(endpoints, picker.query), [endpoints, picker.query]);

	const labelOf = (id: string) => {
		const entry = index.byId.get(id);
		return entry ? label(entry.resource) : id;
	};

	// Play: one hop per tick until the last.
	const playing = state.trace?.playing ?? false;
	useEffect(() => {
		if (!playing) return;
		const timer = setInterval(() => dispatch({type: 'trace-step', delta: 1}), playInterval);
		return () => clearInterval(timer);
	}, [playing]);

	useEffect(() => {
		if (state.quitting) onQuit();
	}, [state.quitting]);

	const persist = (next: Topology) => {
		dispatch({type: 'saving'});
		saving.current = saving.current.then(async () => {
			try {
				revision.current = await services.save(nameRef.current, next, revision.current);
				dispatch({type: 'saved', revision: revision.current});
			} catch (error) {
				if (isConflict(error)) dispatch({type: 'save-conflict', topology: next});
				else dispatch({type: 'message', text: `Not saved: ${errorText(error)}`, tone: 'error'});
			}
		});
	};

	const runFlow = (flow: FlowSpec): string | undefined => {
		try {
			dispatch({type: 'trace-start', flow, result: services.trace(topology, flow)});
			return undefined;
		} catch (error) {
			return errorText(error);
		}
	};

	const layout = computeLayout(columns, rows, state.side);
	const maxOutput = Math.max(3, Math.floor(layout.body / 2));
	const paletteRows = state.overlay === 'palette' ? paletteHeight(palette, output, maxOutput) : 0;
	const bodyLayout = paletteRows > 0 ? computeLayout(columns, rows, state.side, paletteRows) : layout;
	const bodyHeight = bodyLayout.body;

	const controller: ConsoleController = {
		state,
		dispatch,
		palette: paletteDispatch,
		picker: pickerDispatch,
		lengths: {
			resources: treeRows.length,
			routes: routeLines.length,
			rules: ruleLines.length,
			trace: hops.length,
			overlay: state.overlay === 'help' ? helpLines().length : state.overlay === 'suggested' ? topology.suggestedTraces.length : candidates.length,
		},
		page: listRows(bodyLayout.panes[state.focus]),
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
		submitPalette() {
			const line = palette.text;
			if (!line.trim()) return;
			let result;
			try {
				result = services.run(line, topology);
			} catch (error) {
				paletteDispatch({type: 'error', error: errorText(error)});
				return;
			}
			if (!result.ok) {
				paletteDispatch({type: 'error', error: result.error});
				return;
			}
			const intent = result.intent;
			if (intent?.kind === 'trace') {
				const error = runFlow(intent.flow);
				if (error) return paletteDispatch({type: 'error', error});
			}
			paletteDispatch({type: 'submitted', line});
			if (intent) {
				setOutput([]);
				if (intent.kind === 'undo') controller.undo();
				else if (intent.kind === 'redo') controller.redo();
				else if (intent.kind === 'quit') controller.quit();
				else if (intent.kind === 'save-as') saveAs(intent.name);
				else if (intent.kind === 'open') openOther(intent.name);
				if (intent.kind !== 'save-as') dispatch({type: 'close-overlay'});
				return;
			}
			if (result.changed) {
				setOutput([]);
				dispatch({type: 'apply', topology: result.topology, message: result.message});
				dispatch({type: 'close-overlay'});
				persist(result.topology);
				return;
			}
			// help, cidr: the answer stays under the line.
			setOutput(result.message.split('\n'));
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
		submitPicker() {
			if (picker.step !== 'protocol') {
				const chosen = candidates[picker.cursor];
				if (chosen) pickerDispatch({type: 'choose', ref: chosen.ref});
				return;
			}
			const flow = flowOf(picker);
			if (!flow.ok) return pickerDispatch({type: 'error', error: flow.error});
			const error = runFlow(flow.flow);
			if (error) pickerDispatch({type: 'error', error});
		},
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
			persist(next);
		},
		redo() {
			if (state.doc.future.length === 0) return dispatch({type: 'redo'});
			const next = redoHistory(state.doc).present;
			dispatch({type: 'redo'});
			persist(next);
		},
		resolveConflict(choice) {
			const pending = state.pendingSave ?? topology;
			if (choice === 'save-as') {
				paletteDispatch({type: 'reset', text: `save-as ${state.name}-2`});
				dispatch({type: 'open-overlay', overlay: 'palette'});
				return;
			}
			if (choice === 'overwrite') {
				dispatch({type: 'close-overlay'});
				saving.current = saving.current.then(async () => {
					try {
						revision.current = await services.overwrite(nameRef.current, pending);
						dispatch({type: 'saved', revision: revision.current});
					} catch (error) {
						dispatch({type: 'message', text: `Not saved: ${errorText(error)}`, tone: 'error'});
					}
				});
				return;
			}
			services.open(state.name).then(
				reloaded => {
					revision.current = reloaded.revision;
					dispatch({type: 'reloaded', topology: reloaded.topology, revision: reloaded.revision});
				},
				error => dispatch({type: 'message', text: `Cannot reload: ${errorText(error)}`, tone: 'error'}),
			);
		},
		quit() {
			dispatch({type: 'quit'});
		},
	};

	function reveal(id: string) {
		const path = pathTo(roots, id);
		if (!path) return dispatch({type: 'message', text: `${labelOf(id)} is not in the Resources tree.`, tone: 'info'});
		const expanded = new Set(state.expanded);
		for (const key of path.slice(0, -1)) expanded.add(key);
		const index = flattenTree(roots, expanded).findIndex(row => row.node.key === path[path.length - 1]);
		dispatch({type: 'reveal', expanded, index: Math.max(0, index)});
	}

	function saveAs(name: string) {
		services.saveAs(name, topology).then(
			saved => {
				revision.current = saved;
				dispatch({type: 'renamed', name, revision: saved});
				dispatch({type: 'message', text: `Saved as ${name}; you are now editing ${name}.`, tone: 'success'});
			},
			error => paletteDispatch({type: 'error', error: errorText(error)}),
		);
	}

	function openOther(name: string) {
		services.open(name).then(onOpen, error => dispatch({type: 'message', text: errorText(error), tone: 'error'}));
	}

	useConsoleKeys(controller);

	const overlayBody = state.overlay === 'help' || state.overlay === 'trace-picker' || state.overlay === 'suggested' || state.overlay === 'conflict';
	const stackedTabs = (active: Pane) =>
		bodyLayout.mode === 'stacked'
			? (['routes', 'rules', 'trace'] as const).map(pane => ({number: pane === 'routes' ? 2 : pane === 'rules' ? 3 : 4, title: pane[0]!.toUpperCase() + pane.slice(1), active: pane === active}))
			: undefined;
	const p = bodyLayout.panes;
	const filtering = state.overlay === 'filter';
	const routesPane = (
		<TablePane<RouteRow>
			number={2}
			title="Routes"
			lines={routeLines}
			empty={routeView.empty}
			cursor={state.cursors.routes}
			rect={p.routes}
			focused={state.focus === 'routes'}
			filter={state.filters.routes}
			filtering={filtering && state.focus === 'routes'}
			format={row => ({text: `${row.destination.padEnd(18)} → ${row.target}`, dim: row.note})}
			isMarked={row => isMatchedRoute(row, matched)}
			context={state.follow === 'trace' && routesSubject !== selectedId ? `following trace hop: ${labelOf(routesSubject ?? '')}` : undefined}
			tabs={stackedTabs('routes')}
		/>
	);
	const rulesPane = (
		<TablePane<RuleRow>
			number={3}
			title="Rules"
			lines={ruleLines}
			empty={ruleView.empty}
			cursor={state.cursors.rules}
			rect={p.rules}
			focused={state.focus === 'rules'}
			filter={state.filters.rules}
			filtering={filtering && state.focus === 'rules'}
			format={row => ({text: row.text})}
			isMarked={row => isMatchedRule(row, matched)}
			context={state.follow === 'trace' && rulesSubject !== selectedId ? `following trace hop: ${labelOf(rulesSubject ?? '')}` : undefined}
			tabs={stackedTabs('rules')}
		/>
	);
	const tracePane = <TracePane trace={state.trace} rect={p.trace} focused={state.focus === 'trace'} tabs={stackedTabs('trace')} labelOf={labelOf} />;

	let body: React.ReactNode;
	if (state.overlay === 'help') body = <HelpOverlay width={layout.width} height={bodyHeight} scroll={state.overlayCursor} />;
	else if (state.overlay === 'trace-picker') body = <TracePickerOverlay state={picker} candidates={candidates} width={layout.width} height={bodyHeight} />;
	else if (state.overlay === 'suggested') body = <SuggestedOverlay traces={topology.suggestedTraces} cursor={state.overlayCursor} width={layout.width} height={bodyHeight} />;
	else if (state.overlay === 'conflict') body = <ConflictOverlay name={state.name} width={layout.width} height={bodyHeight} />;
	const resources = <ResourcesPane rows={treeRows} cursor={state.cursors.resources} rect={p.resources} focused={state.focus === 'resources'} filter={state.filters.resources} filtering={filtering && state.focus === 'resources'} />;

	return (
		<Box flexDirection="column" width={layout.width} height={layout.height}>
			<Header name={state.name} title={topology.title} saveState={state.saveState} width={layout.width} undo={state.doc.past.length} />
			{overlayBody ? (
				body
			) : bodyLayout.mode === 'grid' ? (
				<Box height={bodyHeight}>
					{resources}
					<Box flexDirection="column">
						{routesPane}
						{rulesPane}
					</Box>
					{tracePane}
				</Box>
			) : (
				<Box height={bodyHeight}>
					{resources}
					{state.side === 'rules' ? rulesPane : state.side === 'trace' ? tracePane : routesPane}
				</Box>
			)}
			{state.overlay === 'palette' ? <PalettePanel state={palette} output={output} width={layout.width} maxOutput={maxOutput} /> : null}
			<Footer focus={state.focus} overlay={state.overlay} message={state.message} width={layout.width} />
		</Box>
	);
}
