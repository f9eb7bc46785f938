// The one-trace figure: trace every flow once to warm up (and to learn the outcomes), then time
// each trace on its own. Times are per trace, so the median and p99 say what a user waits for.
import type {TraceResult} from '../source/engine/types.js';
import type {Engine} from './engine.js';
import type {BenchFlow, FlowCategory, Via} from './flows.js';
import {now} from './measure.js';

export type TraceFigures = {
	samples: number[];
	byCategory: Map<FlowCategory, number[]>;
	/** Traces crossing a transit gateway, a VPN or Direct Connect (a flow can cross several). */
	byVia: Map<Via, number[]>;
	reachable: number;
	unreachable: number;
	errors: {flow: BenchFlow; message: string}[];
	/** Flows whose outcome differs from the one the generator built them for. */
	disagreements: {flow: BenchFlow; result: TraceResult}[];
};

export function benchTraces(engine: Engine, context: unknown, flows: BenchFlow[], passes = 2): TraceFigures {
	const figures: TraceFigures = {samples: [], byCategory: new Map(), byVia: new Map(), reachable: 0, unreachable: 0, errors: [], disagreements: []};
	const usable: BenchFlow[] = [];
	for (const flow of flows) {
		let result: TraceResult;
		try {
			result = engine.trace(context, flow);
		} catch (error) {
			figures.errors.push({flow, message: String((error as Error).message ?? error).split('\n')[0]!});
			continue;
		}
		usable.push(flow);
		if (result.reachable) figures.reachable++;
		else figures.unreachable++;
		if (result.reachable !== (flow.expect === 'reachable')) figures.disagreements.push({flow, result});
	}
	const add = <K>(map: Map<K, number[]>, key: K, value: number) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);
	for (let pass = 0; pass < passes; pass++) {
		for (const flow of usable) {
			const start = now();
			engine.trace(context, flow);
			const elapsed = now() - start;
			figures.samples.push(elapsed);
			add(figures.byCategory, flow.category, elapsed);
			for (const via of flow.via) add(figures.byVia, via, elapsed);
		}
	}
	return figures;
}

/** One line naming a flow and where the engine stopped it, for the disagreement list. */
export function describeOutcome(flow: BenchFlow, result: TraceResult): string {
	const where = result.blockedAt ? `blocked at ${result.blockedAt.type} ${result.blockedAt.component} (${result.blockedAt.code}, ${result.blockedAt.direction})` : 'reachable';
	return `${flow.category}: ${flow.from} -> ${flow.to} ${flow.protocol ?? 'tcp'}/${flow.port ?? ''}: expected ${flow.expect}, got ${where}`;
}

/** Disagreements grouped by category and where the engine stopped them, most frequent first. */
export function groupOutcomes(disagreements: TraceFigures['disagreements']): {key: string; count: number; example: string}[] {
	const groups = new Map<string, {key: string; count: number; example: string}>();
	for (const {flow, result} of disagreements) {
		const where = result.blockedAt ? `${result.blockedAt.type} ${result.blockedAt.code} (${result.blockedAt.direction})` : 'reachable';
		const key = `${flow.category}, expected ${flow.expect}, got ${where}`;
		const group = groups.get(key);
		if (group) group.count++;
		else groups.set(key, {key, count: 1, example: describeOutcome(flow, result)});
	}
	return [...groups.values()].sort((a, b) => b.count - a.count);
}
