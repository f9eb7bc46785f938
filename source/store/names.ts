// Saved names become file names, so only names that are safe on every file system are accepted.
import {StoreError} from './errors.js';

const NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$/;
// Windows opens a device instead of a file for these, whatever the extension.
const DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;
/** Bad saved files are moved aside under this infix; such names are never listed nor accepted. */
export const QUARANTINE_INFIX = '.corrupt-';

export const NAME_RULE = 'letters, digits, ".", "_" and "-", 1 to 64 characters, not starting with "." or "-"';

/** Why `name` cannot be a saved name, or undefined when it can. */
export function nameError(name: string): string | undefined {
	if (name.length === 0) return 'a saved name cannot be empty';
	if (name.length > 64) return `"${name.slice(0, 20)}..." is too long for a saved name (at most 64 characters)`;
	if (!NAME.test(name)) return `"${name}" is not a valid saved name: use ${NAME_RULE}`;
	if (name.endsWith('.')) return `"${name}" is not a valid saved name: it must not end with "."`;
	// `open x.json` means a file, so a saved name ending like that could never be opened.
	if (name.toLowerCase().endsWith('.json')) return `"${name}" is not a valid saved name: a name ending in ".json" means a file`;
	if (DEVICE.test(name)) return `"${name}" is not a valid saved name: it is reserved by Windows`;
	if (name.includes(QUARANTINE_INFIX)) return `"${name}" is not a valid saved name: "${QUARANTINE_INFIX}" marks files moved aside`;
	return undefined;
}

export function assertName(name: string): void {
	const error = nameError(name);
	if (error) throw new StoreError('bad-name', error);
}

export function isValidName(name: string): boolean {
	return nameError(name) === undefined;
}

/** `name.corrupt-2026-11-28T15-30-00Z.json`: ISO time with colons (not allowed on Windows) as dashes. */
export function quarantineFileName(base: string, extension: string, at: Date): string {
	const stamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
	return `${base}${QUARANTINE_INFIX}${stamp}${extension}`;
}
