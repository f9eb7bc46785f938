// The small settings store beside the saved topologies. Like the topologies it is only written
// through conf (settings-update.ts), so a damaged settings file is moved aside rather than reset.
// Reading needs no conf: the console reads the last topology used before its first frame.
import fs from 'node:fs';
import {StoreError, ioError} from './errors.js';
import {decodeText, parseJson, revisionOf} from './json.js';
import {quarantineFile} from './quarantine.js';

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
