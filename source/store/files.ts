// Topology files named on the command line (`vpcsim open file.json`, `--topology file.json`), and
// the rule that tells such a file from a saved name. These are the user's own files: a bad one
// is reported with its line, column or JSON path, and never moved.
import fs from 'node:fs';
import path from 'node:path';
import type {Topology} from '../model/types.js';
import {StoreError} from './errors.js';
import {readTopologyDocument, writeTopologyDocument, type LoadedTopology, type WriteMode} from './document.js';
import {nameError} from './names.js';
import {openStore, type TopologyStore} from './store.js';
import type {Upgrader} from './upgrade.js';

export function loadTopologyFile(file: string, options: {upgrader?: Upgrader} = {}): LoadedTopology {
	const absolute = path.resolve(file);
	try {
		return readTopologyDocument(absolute, {quarantine: false, upgrader: options.upgrader});
	} catch (error) {
		if (error instanceof StoreError && error.kind === 'not-found')
			throw new StoreError('not-found', `no such file: ${absolute}`, {file: absolute, cause: error});
		throw error;
	}
}

/** Writes a topology file atomically, with the same conflict rules as a saved topology. */
export function saveTopologyFile(file: string, topology: Topology, mode: WriteMode): {revision: string} {
	return {revision: writeTopologyDocument(path.resolve(file), topology, mode)};
}

export type TopologySource = {readonly kind: 'file'; readonly file: string} | {readonly kind: 'saved'; readonly name: string; readonly file: string};

/** A path separator or a `.json` ending means a file; anything else is a saved name. */
export function isFileArg(arg: string): boolean {
	return arg.toLowerCase().endsWith('.json') || arg.includes('/') || (path.sep === '\\' && arg.includes('\\'));
}

/** Decides what `arg` names and checks that it is there, with an error saying what to do if not. */
export function resolveTopologyArg(arg: string, store: TopologyStore = openStore()): TopologySource {
	if (isFileArg(arg)) {
		const file = path.resolve(arg);
		if (!fs.existsSync(file)) throw new StoreError('not-found', `no such file: ${file}`, {file});
		return {kind: 'file', file};
	}
	const problem = nameError(arg);
	if (problem) throw new StoreError('bad-name', `${problem}; a topology file must end in .json or be given with a path (./${arg})`);
	if (!store.exists(arg)) {
		const hint = fs.existsSync(arg) ? ` (for the file ${arg} in this folder, write ./${arg})` : '';
		throw new StoreError('not-found', `no saved topology named "${arg}"; \`vpcsim list\` shows them${hint}`, {file: store.fileOf(arg)});
	}
	return {kind: 'saved', name: arg, file: store.fileOf(arg)};
}

/** Resolves and loads in one step: what `open`, `trace --topology` and `run --topology` need. */
export function openTopology(arg: string, store: TopologyStore = openStore()): LoadedTopology & {source: TopologySource} {
	const source = resolveTopologyArg(arg, store);
	const loaded = source.kind === 'saved' ? store.load(source.name) : loadTopologyFile(source.file);
	return {...loaded, source};
}
