// Builds dist/cli.js once before the suite, so tests that spawn the binary run the current source.
import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export default function setup(): void {
	const root = fileURLToPath(new URL('..', import.meta.url));
	execFileSync(process.execPath, ['scripts/build.mjs'], {cwd: root, stdio: 'inherit'});
}
