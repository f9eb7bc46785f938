// What Routes and Rules show: the tables that apply to the selected resource or, when they follow
// the trace, to the current hop. Memoised per subject, so moving through a trace redraws only.
import {useMemo} from 'react';
import type {MatchedEntry} from '../engine/types.js';
import type {ResourceIndex} from '../model/resources.js';
import type {Topology} from '../model/types.js';
import {traceHops, type ConsoleState} from './consoleState.js';
import {rulesFor} from './rules-view.js';
import {matchedOwner, routesFor, toLines, type RouteRow, type RuleRow} from './selection.js';

export function useRoutesAndRules(topology: Topology, index: ResourceIndex, state: ConsoleState, selectedId: string | undefined) {
	const hops = useMemo(() => traceHops(state.trace), [state.trace?.result]);
	const hop = state.trace ? hops[state.trace.cursor]?.hop : undefined;
	// Following the trace, Routes shows the last route decided up to the current hop and Rules the
	// last rule, so a hop without one (a gateway, an instance) keeps the context on screen.
	const following = state.follow === 'trace' && state.trace !== undefined;
	const lastMatch = (kinds: ReadonlyArray<MatchedEntry['kind']>) => {
		if (!following) return undefined;
		for (let at = state.trace!.cursor; at >= 0; at--) {
			const found = hops[at]?.hop.matched;
			if (found && kinds.includes(found.kind)) return found;
		}
		return undefined;
	};
	const matchedRoute = lastMatch(['route', 'tgw-route']);
	const matchedRule = lastMatch(['sg-rule', 'nacl-rule']);
	const routesSubject = matchedRoute ? matchedOwner(matchedRoute) : following && hop ? hop.component : selectedId;
	const rulesSubject = matchedRule ? matchedOwner(matchedRule) : following && hop ? hop.component : selectedId;
	const routeView = useMemo(() => routesFor(topology, index, routesSubject), [topology, index, routesSubject]);
	const ruleView = useMemo(() => rulesFor(topology, index, rulesSubject), [topology, index, rulesSubject]);
	const routeLines = useMemo(() => toLines<RouteRow>(routeView.tables, state.filters.routes), [routeView, state.filters.routes]);
	const ruleLines = useMemo(() => toLines<RuleRow>(ruleView.sections, state.filters.rules), [ruleView, state.filters.rules]);
	return {hops, hop, matchedRoute, matchedRule, routesSubject, rulesSubject, routeView, ruleView, routeLines, ruleLines};
}
