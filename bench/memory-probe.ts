// Run in a fresh process by the benchmark: loads a topology file the way the console opens one
// (read, parse, check, prepare) and reports resident memory, so that the figure holds only what
// an open topology costs and not the generator's leftovers in the benchmark's own process.
import {readFileSync} from 'node:fs';
import {checkTopology} from '../source/model/load.js';
import {loadEngine} from './engine.js';
import {settle} from './probe.js';

export type MemoryReport = {
	baselineRss: number;
	/** Resident after loading, once garbage is collected: what an open topology holds. */
	rss: number;
	/** The most resident at any point, parsing included (maxRSS). */
	peakRss: number;
	heapUsed: number;
	prepared: boolean;
	error?: string;
};

/** Holds what was loaded, so nothing is collected before it is measured. */
const retained: unknown[] = [];


async function main(file: string): Promise<MemoryReport> {
	const load = await loadEngine();
	settle();
	const baselineRss = process.memoryUsage().rss;
	const checked = checkTopology(JSON.parse(readFileSync(file, 'utf8')));
	if (!checked.ok) return {baselineRss, rss: 0, peakRss: 0, heapUsed: 0, prepared: false, error: `topology does not pass checkTopology: ${checked.problems[0]?.message}`};
	const context = load.ok ? load.engine.prepare(checked.topology) : undefined;
	settle();
	const {rss, heapUsed} = process.memoryUsage();
	retained.push(checked.topology, context);
	return {baselineRss, rss, peakRss: process.resourceUsage().maxRSS * 1024, heapUsed, prepared: load.ok};
}

const file = process.argv[2];
if (!file) {
	console.error('usage: memory-probe <topology.json>');
	process.exit(2);
}
main(file).then(
	report => console.log(JSON.stringify(report)),
	error => {
		console.log(JSON.stringify({baselineRss: 0, rss: 0, peakRss: 0, heapUsed: 0, prepared: false, error: String((error as Error).message ?? error)}));
	},
);
