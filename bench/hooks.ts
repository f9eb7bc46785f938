// Measurements that belong to work not yet built. Each hook returns `measured: false` until its
// subject exists; the runner then prints "not measured yet" next to the SPEC target instead of
// a made-up figure. Fill a hook in when its subject lands; the runner needs no change.

export type HookResult =
	| {measured: false; reason: string}
	| {measured: true; figures: {label: string; value: string; target: string; ok: boolean}[]; notes?: string[]};

/**
 * AWS snapshot import (SPEC section 7: under 3 seconds, under 500 MB resident). `snapshotDir`
 * holds `aws_configs/<region>/*.json` written by writeAwsSnapshot. To fill in: run the importer
 * on it in a fresh process (as memory-probe.ts does for topologies), median of 3 runs, and report
 * the wall time and the peak resident memory (process.resourceUsage().maxRSS, in KB).
 */
export async function measureAwsImport(_snapshotDir: string): Promise<HookResult> {
	return {measured: false, reason: 'the AWS importer does not exist yet'};
}

/**
 * The console (SPEC section 7: first frame within 400 ms of launch, a key press redrawn within
 * 30 ms with the large topology open). `topologyFile` is the large topology as JSON. To fill in:
 * launch dist/cli.js on it under a pseudo-terminal, time the first full frame, then send arrow
 * keys and time each redraw (median and p99).
 */
export async function measureConsole(_topologyFile: string): Promise<HookResult> {
	return {measured: false, reason: 'the console does not exist yet'};
}
