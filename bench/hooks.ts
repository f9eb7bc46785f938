// Measurements of work built apart from the trace engine: the AWS importer and the console. A
// hook returns `measured: false` until its subject exists (or when it fails); the runner then
// prints "not measured yet" next to the SPEC target instead of a made-up figure.
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Topology} from '../source/model/types.js';
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
 * test suite builds it, then opened on the topology file inside a pseudo-terminal.
 */
export async function measureConsole(topologyFile: string): Promise<HookResult> {
	if (!hasPty()) return {measured: false, reason: 'util-linux `script` is needed for a pseudo-terminal'};
	const root = fileURLToPath(new URL('..', import.meta.url));
	const build = spawnSync(process.execPath, ['scripts/build.mjs'], {cwd: root, encoding: 'utf8'});
	if (build.status !== 0) return {measured: false, reason: `the CLI did not build: ${(build.stderr || build.stdout).trim().split('\n')[0]}`};
	let report: ConsoleReport;
	try {
		report = await probeConsole(join(root, 'dist', 'cli.js'), topologyFile);
	} catch (error) {
		return {measured: false, reason: (error as Error).message};
	}
	const key = median(report.keys);
	return {
		measured: true,
		figures: [
			{label: 'first frame', value: `${ms(report.firstFrame)} to the panes (first paint ${ms(report.firstPaint)})`, target: '<= 400 ms', ok: report.firstFrame <= 400},
			{label: 'key press', value: `median ${ms(key)}, p99 ${ms(quantile(report.keys, 0.99))} over ${report.keys.length} keys`, target: '<= 30 ms', ok: key <= 30},
		],
		notes: report.missed > 0 ? [`${report.missed} keys drew nothing within a second`] : [],
	};
}
