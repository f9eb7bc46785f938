// `npm run bench`: the figures of SPEC section 7 on the generated `large` topology, each next to
// its target. It prints and never asserts: timings depend on the machine, so a miss is news, not
// a failure. Options: --scale <n> (default 1), --seed <s>, --flows <n>, --runs <n>, --keep,
// --json <file> (also write every figure as JSON, to compare runs).
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {checkTopology} from '../source/model/load.js';
import type {Topology} from '../source/model/types.js';
import {writeAwsSnapshot} from './aws-snapshot.js';
import {loadEngine} from './engine.js';
import {generateFlows, generateLarge, largeCounts} from './generate.js';
import {type HookResult, measureAwsImport, measureConsole} from './hooks.js';
import {count, line, mark, mb, median, ms, note, now, printed, quantile, repeat, section, us} from './measure.js';
import type {MemoryReport} from './memory-probe.js';
import {runProbe} from './probe.js';
import {benchTraces, groupOutcomes} from './trace-bench.js';

function option(name: string, fallback: string): string {
	const at = process.argv.indexOf(`--${name}`);
	return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}
const scale = Number(option('scale', '1'));
const seed = option('seed', '1');
const flowCount = Number(option('flows', '4000'));
const runs = Number(option('runs', '5'));
const keep = process.argv.includes('--keep');
const jsonOut = option('json', '');

function printHook(label: string, target: string, result: HookResult): void {
	if (!result.measured) {
		line(label, `not measured yet (${result.reason})`, target, 'n/a');
		return;
	}
	for (const figure of result.figures) line(`${label} ${figure.label}`, figure.value, figure.target, mark(figure.ok));
	for (const text of result.notes ?? []) note(text);
}

function summarize(topology: Topology): string {
	const routes = topology.routeTables.reduce((sum, t) => sum + t.routes.length, 0);
	const rules = topology.securityGroups.reduce((sum, g) => sum + g.ingress.length + g.egress.length, 0);
	const vpcAttachments = topology.transitGatewayAttachments.filter(a => a.type === 'vpc').length;
	return `${count(topology.vpcs.length)} VPCs, ${count(topology.subnets.length)} subnets, ${count(topology.instances.length)} instances, ${count(routes)} routes, ` +
		`${count(rules)} SG rules, ${vpcAttachments} TGW VPC attachments, ${topology.vpnConnections.length} VPNs, ${topology.virtualInterfaces.length} VIFs`;
}

function probeMemory(file: string): MemoryReport {
	const report = runProbe<MemoryReport>('memory-probe.ts', [file]);
	return 'rss' in report ? report : {baselineRss: 0, rss: 0, peakRss: 0, heapUsed: 0, prepared: false, error: report.error};
}

async function main(): Promise<void> {
	const work = mkdtempSync(join(tmpdir(), 'vpcsim-bench-'));
	try {
		await sections(work);
		if (jsonOut) {
			const [load1] = loadavg();
			writeFileSync(jsonOut, `${JSON.stringify({scale, seed, node: process.version, cpus: cpus().length, load: load1, at: new Date().toISOString(), figures: printed}, null, '\t')}\n`);
			console.log(`\nfigures written to ${jsonOut}`);
		}
	} finally {
		if (keep) console.log(`\nkept ${work}`);
		else rmSync(work, {recursive: true, force: true});
	}
}

async function sections(work: string): Promise<void> {
	const counts = largeCounts(scale);
	console.log(`vpcsim bench: generated large topology, scale ${scale}, seed ${seed}, Node ${process.version}, ${process.platform}/${process.arch}`);
	const [load1] = loadavg();
	console.log(`${cpus().length} CPUs, load average ${load1!.toFixed(1)}${load1! > cpus().length ? ': the machine is busy, so times run high' : ''}`);
	if (scale !== 1) console.log('(scale is not 1: the SPEC targets are for scale 1, so the marks below are only indicative)');

	section('generate');
	let start = now();
	const topology = generateLarge({seed, scale});
	line('generate', `${ms(now() - start)}  ${summarize(topology)}`);
	if (topology.vpcs.length !== counts.vpcs) note(`expected ${counts.vpcs} VPCs`);

	start = now();
	const json = JSON.stringify(topology);
	line('serialize', `${mb(Buffer.byteLength(json))} of JSON in ${ms(now() - start)}`);
	const topologyFile = join(work, 'large.json');
	writeFileSync(topologyFile, json);

	section('load and index (JSON.parse + checkTopology + engine prepare)');
	const load = await loadEngine();
	if (!load.ok) note(`engine not available: ${load.reason}; prepare is left out and traces are skipped`);
	const parts = {parse: [] as number[], check: [] as number[], prepare: [] as number[]};
	let context: unknown;
	let checked: Topology | undefined;
	const {times} = repeat(runs, () => {
		let t = now();
		const raw = JSON.parse(json) as unknown;
		parts.parse.push(now() - t);
		t = now();
		const result = checkTopology(raw);
		parts.check.push(now() - t);
		if (!result.ok) throw new Error(`the generated topology fails checkTopology: ${result.problems.slice(0, 3).map(p => `${p.path}: ${p.message}`).join('; ')}`);
		checked = result.topology;
		if (load.ok) {
			t = now();
			context = load.engine.prepare(result.topology);
			parts.prepare.push(now() - t);
		}
	});
	const loadTarget = load.ok ? '< 1 s' : '< 1 s (no prepare)';
	line('load-and-index', `median ${ms(median(times))} of ${runs} runs (first ${ms(times[0]!)})`, loadTarget, mark(load.ok ? median(times) < 1000 : undefined));
	note(`parse ${ms(median(parts.parse))}, checkTopology ${ms(median(parts.check))}${load.ok ? `, prepare ${ms(median(parts.prepare))}` : ''}`);

	section('one trace (topology loaded, after warm-up)');
	if (!load.ok || !checked) line('trace', `skipped: engine not available (${load.ok ? 'no topology' : load.reason})`, '<= 50 µs median', 'n/a');
	else {
		const flows = generateFlows(checked, flowCount, seed);
		const figures = benchTraces(load.engine, context, flows);
		const p50 = median(figures.samples);
		line('trace', `median ${us(p50)}, p99 ${us(quantile(figures.samples, 0.99))} over ${count(figures.samples.length)} traces`, '<= 50 µs median', mark(p50 <= 0.05));
		for (const [category, samples] of figures.byCategory)
			line(`  ${category}`, `median ${us(median(samples))}, p99 ${us(quantile(samples, 0.99))} (${count(samples.length)})`, '<= 50 µs median', mark(median(samples) <= 0.05));
		for (const via of ['tgw', 'vpn', 'dx'] as const) {
			const samples = figures.byVia.get(via) ?? [];
			if (samples.length > 0) line(`  via ${via}`, `median ${us(median(samples))}, p99 ${us(quantile(samples, 0.99))} (${count(samples.length)})`, '<= 50 µs median', mark(median(samples) <= 0.05));
		}
		note(`${count(figures.reachable)} reachable, ${count(figures.unreachable)} not, ${count(figures.errors.length)} threw; ` +
			`${count(flows.length - figures.errors.length - figures.disagreements.length)} of ${count(flows.length)} as the generator intended`);
		for (const {flow, message} of figures.errors.slice(0, 3)) note(`threw: ${flow.category} ${flow.from} -> ${flow.to}: ${message}`);
		const groups = groupOutcomes(figures.disagreements);
		for (const group of groups.slice(0, 8)) {
			note(`${count(group.count)} x ${group.key}`);
			note(`    e.g. ${group.example}`);
		}
		if (groups.length > 8) note(`... and ${groups.length - 8} more kinds of disagreement`);
	}

	section('memory (fresh process: read, parse, check and prepare the large topology)');
	const memory = probeMemory(topologyFile);
	if (memory.error) line('resident memory', `not measured: ${memory.error}`, '< 200 MB', 'n/a');
	else {
		line('resident memory', `${mb(memory.rss)} rss (heap ${mb(memory.heapUsed)})${memory.prepared ? '' : ', without engine prepare'}`, '< 200 MB', mark(memory.prepared ? memory.rss < 200 * 1024 * 1024 : undefined));
		note(`peak while loading ${mb(memory.peakRss)}; Node and the bundled code alone ${mb(memory.baselineRss)}`);
	}

	section('AWS snapshot import');
	start = now();
	const snapshot = writeAwsSnapshot(topology, join(work, 'snapshot'));
	line('snapshot', `${mb(snapshot.bytes)} in ${snapshot.files.length} files, written in ${ms(now() - start)}`);
	printHook('import', '< 3 s, < 500 MB', await measureAwsImport(snapshot.dir, topology));

	section('console (the built CLI in a pseudo-terminal, 120x40)');
	printHook('console', '<= 400 ms, <= 30 ms', await measureConsole(topologyFile, topology));
}

main().catch(error => {
	console.error(`bench failed: ${(error as Error).message}`);
	if (process.env.VPCSIM_DEBUG) console.error(error);
	process.exitCode = 1;
});
