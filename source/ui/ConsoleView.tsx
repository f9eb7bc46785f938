// What the console screen draws: header, the panes (side by side or compact), the overlay that
// takes the body's place, the palette and the footer. No state of its own: ConsoleScreen derives
// everything it shows.
import React from 'react';
import {Box} from 'ink';
import type {MatchedEntry} from '../engine/types.js';
import type {Topology} from '../model/types.js';
import {Footer, Header} from './Chrome.js';
import type {ConsoleState} from './consoleState.js';
import {HelpOverlay} from './HelpOverlay.js';
import type {Layout} from './layout.js';
import {ConflictOverlay, SuggestedOverlay, TracePickerOverlay} from './Overlays.js';
import {sideTabs} from './PaneFrame.js';
import {PalettePanel} from './PalettePanel.js';
import type {PaletteState} from './paletteState.js';
import {ResourcesPane} from './ResourcesPane.js';
import {isMatchedRoute, isMatchedRule, type Line, type RouteRow, type RouteView, type RuleRow, type RuleView} from './selection.js';
import {TablePane} from './TablePane.js';
import type {Endpoint, PickerState} from './tracePicker.js';
import {TracePane} from './TracePane.js';
import type {TreeRow} from './tree.js';

export type ConsoleViewProps = {
	readonly state: ConsoleState;
	/** The Resources cursor as shown: it follows the selected resource when the rows change. */
	readonly resourceCursor: number;
	readonly topology: Topology;
	/** The whole frame, and the panes' places once the palette has taken its rows. */
	readonly layout: Layout;
	readonly bodyLayout: Layout;
	readonly palette: PaletteState;
	readonly paletteOutput: readonly string[];
	readonly paletteOutputTop: number;
	readonly maxOutput: number;
	readonly picker: PickerState;
	readonly candidates: readonly Endpoint[];
	readonly treeRows: readonly TreeRow[];
	readonly routeLines: ReadonlyArray<Line<RouteRow>>;
	readonly ruleLines: ReadonlyArray<Line<RuleRow>>;
	readonly routeView: RouteView;
	readonly ruleView: RuleView;
	/** The route and the rule the trace decided with last, when Routes and Rules follow it. */
	readonly matchedRoute: MatchedEntry | undefined;
	readonly matchedRule: MatchedEntry | undefined;
	/** The resource Routes and Rules show instead of the selection, when following the trace. */
	readonly followingRoutes: string | undefined;
	readonly followingRules: string | undefined;
	readonly labelOf: (id: string) => string;
	/** A resource's name (else its id), for narrow columns. */
	readonly nameOf: (id: string) => string;
};

export function ConsoleView({state, resourceCursor, topology, layout, bodyLayout, palette, paletteOutput, paletteOutputTop, maxOutput, picker, candidates, treeRows, routeLines, ruleLines, routeView, ruleView, matchedRoute, matchedRule, followingRoutes, followingRules, labelOf, nameOf}: ConsoleViewProps) {
	const bodyHeight = bodyLayout.body;
	const overlayBody = state.overlay === 'help' || state.overlay === 'trace-picker' || state.overlay === 'suggested' || state.overlay === 'conflict';
	const stackedTabs = (active: 'routes' | 'rules' | 'trace') => (bodyLayout.mode === 'stacked' ? sideTabs(active) : undefined);
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
			format={row => ({text: `${row.destination.padEnd(18)} → ${nameOf(row.target)}`, dim: row.note})}
			isMarked={row => isMatchedRoute(row, matchedRoute)}
			context={followingRoutes ? `following trace hop: ${followingRoutes}` : undefined}
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
			isMarked={row => isMatchedRule(row, matchedRule)}
			context={followingRules ? `following trace hop: ${followingRules}` : undefined}
			tabs={stackedTabs('rules')}
		/>
	);
	const tracePane = <TracePane trace={state.trace} rect={p.trace} focused={state.focus === 'trace'} tabs={stackedTabs('trace')} labelOf={labelOf} />;

	let body: React.ReactNode;
	if (state.overlay === 'help') body = <HelpOverlay width={layout.width} height={bodyHeight} scroll={state.overlayCursor} />;
	else if (state.overlay === 'trace-picker') body = <TracePickerOverlay state={picker} candidates={candidates} width={layout.width} height={bodyHeight} />;
	else if (state.overlay === 'suggested') body = <SuggestedOverlay traces={topology.suggestedTraces} cursor={state.overlayCursor} width={layout.width} height={bodyHeight} />;
	else if (state.overlay === 'conflict') body = <ConflictOverlay name={state.name} width={layout.width} height={bodyHeight} />;
	const resources = <ResourcesPane rows={treeRows} cursor={resourceCursor} rect={p.resources} focused={state.focus === 'resources'} filter={state.filters.resources} filtering={filtering && state.focus === 'resources'} />;

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
			{state.overlay === 'palette' ? <PalettePanel state={palette} output={paletteOutput} top={paletteOutputTop} width={layout.width} maxOutput={maxOutput} /> : null}
			<Footer focus={state.focus} overlay={state.overlay} message={state.message} width={layout.width} />
		</Box>
	);
}
