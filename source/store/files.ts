// Topology files named on the command line (`vpcsim open file.json`, `--topology file.json`), and
// the rule that tells such a file from a saved name. These are the user's own files: a bad one
// is reported with its line, column or JSON path, and never moved.
import path from 'node:path';
import type {Topology} from '../model/types.js';
import {StoreError} from './errors.js';
import type {CheckedRevisions} from './checked.js';
import {readTopologyDocument, writeTopologyDocument, type LoadedTopology, type WriteMode, type WriteOptions} from './document.js';
import {locateTopology, type TopologySource} from './locate.js';
import {openStore, type TopologyStore} from './store.js';
import type {Upgrader} from './upgrade.js';

export function loadTopologyFile(file: string, options: {upgrader?: Upgrader; checked?: CheckedRevisions} = {}): LoadedTopology {
	const absolute = path.resolve(file);
	try {
		return readTopologyDocument(absolute, {quarantine: false, upgrader: options.upgrader, checked: options.checked});
	} catch (error) {
		if (error instanceof StoreError && error.kind === 'not-found')
			throw new StoreError('not-found', `no such file: ${absolute}`, {file: absolute, cause: error});
		throw error;
	}
}

/** Writes a topology file atomically, with the same conflict rules as a saved topology. */
export function saveTopologyFile(file: string, topology: Topology, mode: WriteMode, options: WriteOptions = {}): {revision: string} {
	return {revision: writeTopologyDocument(path.resolve(file), topology, mode, options)};
}

/** Decides what `arg` names and checks that it is there, with an error saying what to do if not. */
export function resolveTopologyArg(arg: string, store: TopologyStore = openStore()): TopologySource {
	return locateTopology(arg, store);
}

/** Resolves and loads in one step: what `open`, `trace --topology` and `run --topology` need. */
export function openTopology(arg: string, store: TopologyStore = openStore()): LoadedTopology & {source: TopologySource} {
	const source = resolveTopologyArg(arg, store);
	const loaded = source.kind === 'saved' ? store.load(source.name) : loadTopologyFile(source.file, {checked: store.checked});
	return {...loaded, source};
}
