// The program's version, printed by --version, and the fingerprint of the code that checks a
// topology, which stamps the store's record of documents already checked (store/checked.ts): a
// change to the schema or the rules, released or not, must never let a document skip the check
// on the strength of an older one. The bundle has both inlined by scripts/build.mjs; running from
// source (tests, tsx), they are read from package.json and the source files.
import {createHash} from 'node:crypto';
import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

declare const __VPCSIM_VERSION__: string | undefined;
declare const __VPCSIM_CHECK_FINGERPRINT__: string | undefined;

export function version(): string {
	if (typeof __VPCSIM_VERSION__ === 'string') return __VPCSIM_VERSION__;
	const file = new URL('../../package.json', import.meta.url);
	return (JSON.parse(readFileSync(file, 'utf8')) as {version: string}).version;
}

/** The folders whose code decides whether a topology is valid, under source/. */
export const CHECK_SOURCES = ['model', 'net'];

let fingerprint: string | undefined;

/**
 * sha256 over `<folder>/<file>`, NUL, content, NUL for every .ts file of CHECK_SOURCES, in
 * sorted order; the first 16 hex digits. scripts/build.mjs computes the same.
 */
export function checkFingerprint(): string {
	if (typeof __VPCSIM_CHECK_FINGERPRINT__ === 'string') return __VPCSIM_CHECK_FINGERPRINT__;
	if (fingerprint) return fingerprint;
	const root = fileURLToPath(new URL('..', import.meta.url));
	const hash = createHash('sha256');
	const files = CHECK_SOURCES.flatMap(folder => readdirSync(`${root}/${folder}`).filter(name => name.endsWith('.ts')).map(name => `${folder}/${name}`)).sort();
	for (const file of files) hash.update(`${file}\0`).update(readFileSync(`${root}/${file}`)).update('\0');
	return (fingerprint = hash.digest('hex').slice(0, 16));
}
