// Builds small describe-* snapshots in temporary folders, in any of the layouts the importer reads.
import {cpSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'aws-describe');

export function tempDir(prefix = 'vpcsim-import-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `{relative path: document}` under a new folder and returns it. */
export function writeSnapshot(files: Record<string, unknown>): string {
	const dir = tempDir();
	for (const [path, document] of Object.entries(files)) {
		const file = join(dir, path);
		mkdirSync(dirname(file), {recursive: true});
		writeFileSync(file, typeof document === 'string' ? document : JSON.stringify(document, null, 1));
	}
	return dir;
}

export function copyFixture(name: string): string {
	const dir = tempDir();
	cpSync(join(fixtures, name), dir, {recursive: true});
	return dir;
}

export const tag = (name: string) => [{Key: 'Name', Value: name}];
