// Where saved topologies live and what a command-line argument names, without loading the store
// itself (conf, its JSON-schema validator and the topology schema). The console answers these
// before its first frame and loads the rest behind it.
import fs from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import {StoreError} from './errors.js';
import {assertName, isValidName, nameError} from './names.js';
import {readSettings} from './settings.js';

export type StorePaths = {
	readonly home: string;
	/** One `<name>.json` per saved topology. */
	readonly folder: string;
	readonly settingsFile: string;
	/** The record of documents already checked (checked.ts). */
	readonly checkedFile: string;
};

export type TopologySource = {readonly kind: 'file'; readonly file: string} | {readonly kind: 'saved'; readonly name: string; readonly file: string};

/**
 * `home` if given, else `$VPCSIM_HOME`, else the user's config folder (~/.config/vpcsim on Linux):
 * the folder conf itself picks for project "vpcsim" with no "-nodejs" suffix.
 */
export function storePaths(home?: string): StorePaths {
	const fromEnvironment = process.env['VPCSIM_HOME'];
	const resolved = path.resolve(home ?? (fromEnvironment ? fromEnvironment : envPaths('vpcsim', {suffix: ''}).config));
	return {home: resolved, folder: path.join(resolved, 'topologies'), settingsFile: path.join(resolved, 'settings.json'), checkedFile: path.join(resolved, 'checked.json')};
}

/** The file a saved name is kept in; refuses a name that is not a safe file name. */
export function savedFile(paths: Pick<StorePaths, 'folder'>, name: string): string {
	assertName(name);
	return path.join(paths.folder, `${name}.json`);
}

export function isSaved(paths: Pick<StorePaths, 'folder'>, name: string): boolean {
	return isValidName(name) && fs.existsSync(savedFile(paths, name));
}

/** A path separator or a `.json` ending means a file; anything else is a saved name. */
export function isFileArg(arg: string): boolean {
	return arg.toLowerCase().endsWith('.json') || arg.includes('/') || (path.sep === '\\' && arg.includes('\\'));
}

/** Decides what `arg` names and checks that it is there, with an error saying what to do if not. */
export function locateTopology(arg: string, paths: Pick<StorePaths, 'folder'>): TopologySource {
	if (isFileArg(arg)) {
		const file = path.resolve(arg);
		if (!fs.existsSync(file)) throw new StoreError('not-found', `no such file: ${file}`, {file});
		return {kind: 'file', file};
	}
	const problem = nameError(arg);
	if (problem) throw new StoreError('bad-name', `${problem}; a topology file must end in .json or be given with a path (./${arg})`);
	if (!isSaved(paths, arg)) {
		const hint = fs.existsSync(arg) ? ` (for the file ${arg} in this folder, write ./${arg})` : '';
		throw new StoreError('not-found', `no saved topology named "${arg}"; \`vpcsim list\` shows them${hint}`, {file: savedFile(paths, arg)});
	}
	return {kind: 'saved', name: arg, file: savedFile(paths, arg)};
}

/**
 * The topology the console opened last, if it is still saved. A damaged settings file only loses
 * that preference: it is moved aside, its reason added to `warnings`, and the answer is none.
 */
export function lastUsedTopology(paths: StorePaths, now: () => Date, warnings: string[]): string | undefined {
	const name = lastUsedSetting(paths.settingsFile, now, warnings);
	return name !== undefined && isSaved(paths, name) ? name : undefined;
}

/** The setting itself, saved or not; a damaged settings file is moved aside and reads as none. */
export function lastUsedSetting(settingsFile: string, now: () => Date, warnings: string[]): string | undefined {
	try {
		return readSettings(settingsFile, now).lastUsed;
	} catch (error) {
		// Only a preference is lost, and the bad file is out of the way: rm, mv and list go on.
		if (!(error instanceof StoreError) || error.quarantinedTo === undefined) throw error;
		warnings.push(error.message);
		return undefined;
	}
}

/** The name a topology file goes by in the console: its file name without the extension. */
export function topologyNameOfFile(file: string): string {
	return path.basename(file, path.extname(file));
}
