// Run in a fresh process by the import hook: imports an AWS snapshot a few times and reports
// the wall time of each run, the peak resident memory of the first (what a user's one import
// costs), and what came in, so the benchmark can compare it with what was written.
import {settle} from './probe.js';

export type ImportReport = {
	times: number[];
	/** maxRSS after the first import, in bytes. */
	peakRss: number;
	counts: Record<string, number>;
	unmapped: number;
	leftOut: number;
	skippedFiles: number;
	error?: string;
};

async function main(dir: string, runs: number): Promise<ImportReport> {
	const {importAwsSnapshot} = await import('../source/importers/aws/index.js');
	settle();
	const times: number[] = [];
	let peakRss = 0;
	let last: ReturnType<typeof importAwsSnapshot> | undefined;
	for (let i = 0; i < runs; i++) {
		last = undefined;
		settle();
		const start = performance.now();
		last = importAwsSnapshot(dir, {name: 'large'});
		times.push(performance.now() - start);
		if (i === 0) peakRss = process.resourceUsage().maxRSS * 1024;
	}
	const t = last!.topology;
	const counts = {
		vpcs: t.vpcs.length, subnets: t.subnets.length, instances: t.instances.length, networkInterfaces: t.networkInterfaces.length,
		routes: t.routeTables.reduce((sum, table) => sum + table.routes.length, 0),
		securityGroupRules: t.securityGroups.reduce((sum, g) => sum + g.ingress.length + g.egress.length, 0),
		tgwAttachments: t.transitGatewayAttachments.length, tgwRoutes: t.transitGatewayRouteTables.reduce((sum, table) => sum + table.routes.length, 0),
		vpnConnections: t.vpnConnections.length, sites: t.sites.length,
	};
	return {times, peakRss, counts, unmapped: last!.unmapped.length, leftOut: last!.leftOut.length, skippedFiles: last!.skippedFiles.length};
}

const [dir, runs] = process.argv.slice(2);
if (!dir) {
	console.error('usage: import-probe <snapshot-dir> [runs]');
	process.exit(2);
}
main(dir, Number(runs ?? 3)).then(
	report => console.log(JSON.stringify(report)),
	error => console.log(JSON.stringify({times: [], peakRss: 0, counts: {}, unmapped: 0, leftOut: 0, skippedFiles: 0, error: String((error as Error).message ?? error).split('\n')[0]})),
);
