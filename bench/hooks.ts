// Measurements of work built apart from the trace engine: the AWS importer and the console. A
// hook returns `measured: false` until its subject exists (or when it fails); the runner then
// prints "not measured yet" next to the SPEC target instead of a made-up figure.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadTemplate} from '../source/model/templates.js';
import type {Topology} from '../source/model/types.js';
import {openStore} from '../source/store/index.js';
import type {ImportReport} from './import-probe.js';
import {type ConsoleReport, hasPty, probeConsole} from './console-probe.js';
import {count, mb, median, ms, quantile} from './measure.js';
import {runProbe} from './probe.js';

export type HookResult =
	| {measured: false; reason: string}
	| {measured: true; figures: {label: string; value: string; target: string; ok: boolean}[]; notes?: string[]};

/**
 * AWS snapshot import (SPEC section 7: under 3 seconds, under 500 MB resident), in a fresh
 * process: the median of 3 imports, and the peak resident memory of the first. What came in is
 * compared with what was written, so a fast import that drops half the snapshot shows.
 */
export async function measureAwsImport(snapshotDir: string, written: Topology): Promise<HookResult> {
	const report = runProbe<ImportReport>('import-probe.ts', [snapshotDir, '3']);
	if ('error' in report && report.error) return {measured: false, reason: `the import failed: ${report.error}`};
	const imported = report as ImportReport;
	const {times, peakRss, counts} = imported;
	const time = median(times);
	const expected: Record<string, number> = {
		vpcs: written.vpcs.length, subnets: written.subnets.length, instances: written.instances.length,
		routes: written.routeTables.reduce((sum, t) => sum + t.routes.length, 0),
		securityGroupRules: written.securityGroups.reduce((sum, g) => sum + g.ingress.length + g.egress.length, 0),
		tgwAttachments: written.transitGatewayAttachments.length, vpnConnections: written.vpnConnections.length,
	};
	const short = Object.entries(expected).filter(([key, value]) => counts[key] !== value).map(([key, value]) => `${key} ${count(counts[key] ?? 0)} of ${count(value)}`);
	return {
		measured: true,
		figures: [
			{label: 'time', value: `median ${ms(time)} of ${times.length} runs (first ${ms(times[0] ?? 0)})`, target: '< 3 s', ok: time < 3000},
			{label: 'memory', value: `${mb(peakRss)} peak resident, first import`, target: '< 500 MB', ok: peakRss < 500 * 1024 * 1024},
		],
		notes: [
			`imported ${count(counts.vpcs ?? 0)} VPCs, ${count(counts.subnets ?? 0)} subnets, ${count(counts.instances ?? 0)} instances, ${count(counts.routes ?? 0)} routes, ` +
				`${count(counts.securityGroupRules ?? 0)} SG rules, ${count(counts.tgwRoutes ?? 0)} TGW routes, ${count(counts.sites ?? 0)} sites`,
			short.length > 0 ? `differs from what was written: ${short.join(', ')}` : 'every VPC, subnet, instance, route, SG rule, TGW attachment and VPN came back',
			`${count(imported.unmapped)} notes on what was mended or left out of a resource, ${count(imported.leftOut)} resources left out, ${count(imported.skippedFiles)} files skipped`,
		],
	};
}

/**
 * The console (SPEC section 7: first frame within 400 ms of launch, a key press redrawn within
 * 30 ms with the large topology open): the CLI is built from the current source the way the
 * test suite builds it, then opened inside a pseudo-terminal, 120x40. The large topology is saved
 * the way a user has it (vpcsim wrote it, so reopening it skips the check); it is also opened as a
 * file vpcsim did not write, which is checked in full, and a template-sized one is opened for scale.
 */
export async function measureConsole(topologyFile: string, topology: Topology, runs = 5): Promise<HookResult> {
	if (!hasPty()) return {measured: false, reason: 'util-linux `script` is needed for a pseudo-terminal'};
	const root = fileURLToPath(new URL('..', import.meta.url));
	const build = spawnSync(process.execPath, ['scripts/build.mjs'], {cwd: root, encoding: 'utf8'});
	if (build.status !== 0) return {measured: false, reason: `the CLI did not build: ${(build.stderr || build.stdout).trim().split('\n')[0]}`};
	const cli = join(root, 'dist', 'cli.js');
	const home = mkdtempSync(join(tmpdir(), 'vpcsim-console-'));
	// NODE_EXTRA_CA_CERTS makes every Node process read a certificate bundle before running any
	// code; vpcsim opens no connections, and a user's shell seldom sets it. Left out, and its cost noted.
	const {NODE_EXTRA_CA_CERTS: caCerts, ...env} = process.env;
	const series = async (target: string, count: number, options: {keys?: number; env?: NodeJS.ProcessEnv} = {}) => {
		const reports: ConsoleReport[] = [];
		for (let i = 0; i < count; i++) reports.push(await probeConsole(cli, target, {home, env: options.env ?? env, keys: i === 0 ? (options.keys ?? 0) : 0}));
		return {first: median(reports.map(r => r.firstFrame)), panes: median(reports.map(r => r.panes)), keys: reports.flatMap(r => r.keys), missed: reports.reduce((sum, r) => sum + r.missed, 0)};
	};
	try {
		const store = openStore({home});
		store.create('large', topology);
		store.create('small', loadTemplate('basic-public-private'));
		const saved = await series('large', runs, {keys: 30});
		const file = await series(topologyFile, 3);
		const small = await series('small', runs);
		const withCa = caCerts ? await series('large', 3, {env: process.env}) : undefined;
		const key = median(saved.keys);
		return {
			measured: true,
			figures: [
				{label: 'first frame', value: `median ${ms(saved.first)} of ${runs} launches (the console's frame; the panes fill in at ${ms(saved.panes)})`, target: '<= 400 ms', ok: saved.first <= 400},
				{label: 'key press', value: `median ${ms(key)}, p99 ${ms(quantile(saved.keys, 0.99))} over ${saved.keys.length} keys`, target: '<= 30 ms', ok: key <= 30},
			],
			notes: [
				`large topology as a file vpcsim did not write (checked in full on open): first frame ${ms(file.first)}, panes ${ms(file.panes)}`,
				`a template-sized topology: first frame ${ms(small.first)}, panes ${ms(small.panes)}`,
				...(withCa ? [`with this machine's NODE_EXTRA_CA_CERTS set, as Node reads it at start: first frame ${ms(withCa.first)}, panes ${ms(withCa.panes)}`] : []),
				...(saved.missed > 0 ? [`${saved.missed} keys drew nothing within a second`] : []),
			],
		};
	} catch (error) {
		return {measured: false, reason: (error as Error).message};
	} finally {
		rmSync(home, {recursive: true, force: true});
	}
}
