// The small settings store beside the saved topologies. Like the topologies it is read here and
// only written through conf, so a damaged settings file is moved aside rather than reset.
import fs from 'node:fs';
import {StoreError, ioError} from './errors.js';
import {quarantineFile, writeJsonFile} from './document.js';
import {decodeText, parseJson, revisionOf} from './json.js';

export type Settings = {
	/** The saved topology the console opened last. */
	lastUsed?: string;
};

/** Reads the settings; a file that is not a JSON object is moved aside and reported. */
export function readSettings(file: string, now: () => Date): Settings {
	let bytes: Buffer;
	try {
		bytes = fs.readFileSync(file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
		throw ioError(file, 'read', error);
	}
	const parsed = parseJson(decodeText(bytes));
	const value = parsed.ok ? parsed.value : undefined;
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
		const {lastUsed} = value as {lastUsed?: unknown};
		// A field of the wrong type is only a preference lost, not worth losing the file over.
		return typeof lastUsed === 'string' ? {lastUsed} : {};
	}
	const why = parsed.ok ? 'is not a JSON object' : `is not valid JSON: ${parsed.error.message} at line ${parsed.error.line}, column ${parsed.error.column}`;
	const moved = quarantineFile(file, revisionOf(bytes), now());
	const note = moved.ok ? `; moved it aside to ${moved.to}` : `; could not move it aside (${moved.reason})`;
	throw new StoreError('unreadable', `${file} ${why}${note}`, {file, quarantinedTo: moved.ok ? moved.to : undefined});
}

/** Changes some settings, keeping the others; a damaged file is moved aside first. */
export function updateSettings(file: string, change: Partial<Settings>, now: () => Date): void {
	let current: Settings;
	try {
		current = readSettings(file, now);
	} catch (error) {
		// Start afresh only once the bad file is out of the way: it is never written over.
		if (!(error instanceof StoreError) || error.quarantinedTo === undefined) throw error;
		current = {};
	}
	const next: Record<string, unknown> = {...current, ...change};
	for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
	writeJsonFile(file, next);
}
