// Runs a measurement in a fresh Node process, bundled the way the CLI ships (one esbuild file, no
// TypeScript loader in memory), so memory figures hold only what the measured work costs.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {buildSync} from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/** Bundles `bench/<entry>` and runs it; the probe prints one JSON line last on stdout. */
export function runProbe<T>(entry: string, args: string[]): T | {error: string} {
	const work = mkdtempSync(join(tmpdir(), 'vpcsim-probe-'));
	try {
		const bundle = join(work, 'probe.mjs');
		buildSync({
			entryPoints: [join(here, entry)], outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error',
			banner: {js: "import {createRequire as __probeRequire} from 'node:module';const require = __probeRequire(import.meta.url);"},
		});
		const child = spawnSync(process.execPath, ['--expose-gc', bundle, ...args], {encoding: 'utf8', maxBuffer: 16 << 20});
		const last = child.stdout.trim().split('\n').pop() ?? '';
		try {
			return JSON.parse(last) as T;
		} catch {
			return {error: (child.stderr || 'the probe printed nothing').trim().split('\n')[0] ?? 'the probe failed'};
		}
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
}

/** Collects garbage when the process runs with --expose-gc, so resident figures settle. */
export function settle(): void {
	const gc = (globalThis as {gc?: () => void}).gc;
	if (gc) for (let i = 0; i < 3; i++) gc();
}
