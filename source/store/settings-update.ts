// Writing the settings, through conf like every other write (see settings.ts for reading).
import {StoreError} from './errors.js';
import {writeJsonFile} from './document.js';
import {readSettings, type Settings} from './settings.js';

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
