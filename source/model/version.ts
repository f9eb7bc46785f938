// The program's version: printed by --version, and stamped on the store's record of the documents
// it has checked. The bundle has it inlined by scripts/build.mjs; running from source (tests, tsx)
// reads package.json instead.
import {readFileSync} from 'node:fs';

declare const __VPCSIM_VERSION__: string | undefined;

export function version(): string {
	if (typeof __VPCSIM_VERSION__ === 'string') return __VPCSIM_VERSION__;
	const file = new URL('../../package.json', import.meta.url);
	return (JSON.parse(readFileSync(file, 'utf8')) as {version: string}).version;
}
