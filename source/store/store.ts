// Saved topologies (SPEC section 5): one conf store per topology, named by its saved name, in
// `<home>/topologies/`, with `<home>/settings.json` beside that folder. Keeping topologies in a
// folder of their own means no saved name can collide with the settings file.
import fs from 'node:fs';
import path from 'node:path';
import {collectionKeys, type CollectionKey} from '../model/resources.js';
import {SCHEMA_VERSION} from '../model/schema.js';
import type {Topology} from '../model/types.js';
import {CheckedRevisions} from './checked.js';
import {StoreError, ioError} from './errors.js';
import {readTopologyDocument, topologyFromBytes, writeTopologyDocument, type LoadedTopology} from './document.js';
import {decodeText} from './json.js';
import {assertName, isValidName} from './names.js';
import {moveNoClobber} from './quarantine.js';
import {isSaved, lastUsedSetting, lastUsedTopology, savedFile, storePaths, type StorePaths} from './locate.js';
import {updateSettings} from './settings-update.js';
import type {Upgrader} from './upgrade.js';

export type StoreOptions = {
	/** The folder to use; otherwise `$VPCSIM_HOME`, otherwise the user's config folder. */
	readonly home?: string;
	/** The schema upgrades to apply on load (tests bring their own). */
	readonly upgrader?: Upgrader;
	/** The clock that stamps the names of files moved aside. */
	readonly now?: () => Date;
};

export type SavedTopology = {
	readonly name: string;
	readonly file: string;
	readonly modified: Date;
	readonly size: number;
	/** The document's title, else its name; absent when the file cannot be read. */
	readonly title?: string;
	/** Resources per collection, only those that have any; absent when the file cannot be read. */
	readonly counts?: Partial<Record<CollectionKey, number>>;
	/** Why the file cannot be opened as it is (it is moved aside when someone tries). */
	readonly problem?: string;
	/** Where a listing that checked the file moved it, because it could not be opened. */
	readonly movedTo?: string;
};

export type ListOptions = {
	/**
	 * Load and check every file as opening it would, moving aside the ones that cannot be opened
	 * (each then has `movedTo`). Without it the listing only reads, and never moves anything.
	 */
	readonly check?: boolean;
};

export type SaveMode = {readonly expectedRevision: string} | {readonly force: true};

export class TopologyStore {
	readonly home: string;
	/** Where the saved topologies are, one `<name>.json` each. */
	readonly folder: string;
	readonly settingsFile: string;
	readonly #paths: StorePaths;
	/** Documents already checked, by content: opening one again skips the check. */
	readonly checked: CheckedRevisions;
	readonly #upgrader?: Upgrader;
	readonly #now: () => Date;

	constructor(options: StoreOptions = {}) {
		this.#paths = storePaths(options.home);
		({home: this.home, folder: this.folder, settingsFile: this.settingsFile} = this.#paths);
		this.checked = new CheckedRevisions(this.#paths.checkedFile);
		this.#upgrader = options.upgrader;
		this.#now = options.now ?? (() => new Date());
	}

	/** The file a saved name is kept in; refuses a name that is not a safe file name. */
	fileOf(name: string): string {
		return savedFile(this.#paths, name);
	}

	exists(name: string): boolean {
		return isSaved(this.#paths, name);
	}

	/** Every saved topology, by name. Reads each file; only with `check` may it move one aside. */
	list(options: ListOptions = {}): SavedTopology[] {
		let entries: string[];
		try {
			entries = fs.readdirSync(this.folder);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
			throw ioError(this.folder, 'list', error);
		}
		const names = entries
			.filter(entry => entry.endsWith('.json'))
			.map(entry => entry.slice(0, -'.json'.length))
			// Also skips files moved aside and the temporary files of a write in progress.
			.filter(isValidName)
			.sort((a, b) => a.localeCompare(b));
		const saved: SavedTopology[] = [];
		for (const name of names) {
			const file = this.fileOf(name);
			let stat: fs.Stats;
			let bytes: Buffer;
			try {
				stat = fs.statSync(file);
				if (!stat.isFile()) continue;
				bytes = fs.readFileSync(file);
			} catch {
				continue; // Removed while listing.
			}
			const entry = {name, file, modified: stat.mtime, size: stat.size};
			// A checked entry takes its title and counts from the checked topology: the file is read
			// and parsed once, not once to summarize and again to check.
			saved.push(options.check ? this.#listChecked(entry, bytes) : {...entry, ...summarize(decodeText(bytes))});
		}
		return saved;
	}

	/** A listing entry as opening it would find it: a file that would be moved aside is moved now. */
	#listChecked(entry: SavedTopology, bytes: Buffer): SavedTopology {
		try {
			const {topology} = topologyFromBytes(entry.file, bytes, {quarantine: true, upgrader: this.#upgrader, now: this.#now, checked: this.checked});
			const counts: Partial<Record<CollectionKey, number>> = {};
			for (const key of collectionKeys) if (topology[key].length > 0) counts[key] = topology[key].length;
			return {...entry, title: topology.title ?? topology.name, counts, problem: undefined};
		} catch (error) {
			if (!(error instanceof StoreError)) throw error;
			if (error.kind === 'not-found') return entry; // Removed while listing.
			// The listing names the file and where it went in columns of its own.
			let problem = error.message.replace(`${entry.file}: `, '').replace(`${entry.file} is `, '');
			problem = error.quarantinedTo ? problem.replace(`; moved it aside to ${error.quarantinedTo}`, '') : problem;
			return {...entry, title: undefined, counts: undefined, problem, movedTo: error.quarantinedTo};
		}
	}

	/** Loads, upgrades and checks; a bad file is moved aside and the error says where to. */
	load(name: string): LoadedTopology {
		const file = this.#existing(name);
		return readTopologyDocument(file, {quarantine: true, upgrader: this.#upgrader, now: this.#now, checked: this.checked});
	}

	/** Saves a new topology; refuses a name that is taken. */
	create(name: string, topology: Topology): {revision: string} {
		const file = this.fileOf(name);
		if (fs.existsSync(file)) throw this.#taken(name);
		this.#refuseCaseTwin(name);
		return {revision: writeTopologyDocument(file, named(topology, name), {create: true}, {checked: this.checked})};
	}

	/**
	 * Saves over a topology that was loaded at `expectedRevision`; if the file changed since, a
	 * ConflictError says so and nothing is written. `{force: true}` overwrites regardless.
	 * `rulesChecked`: the caller has already checked AWS's rules on it (see WriteOptions).
	 */
	save(name: string, topology: Topology, mode: SaveMode, options: {rulesChecked?: boolean} = {}): {revision: string} {
		return {revision: writeTopologyDocument(this.fileOf(name), named(topology, name), mode, {checked: this.checked, ...options})};
	}

	/** Copies through a load, so the copy is checked and in the current schema. */
	copy(from: string, to: string): {revision: string} {
		const target = this.fileOf(to);
		if (fs.existsSync(target)) throw this.#taken(to);
		this.#refuseCaseTwin(to);
		const {topology} = this.load(from);
		return {revision: writeTopologyDocument(target, named(topology, to), {create: true}, {checked: this.checked})};
	}

	rename(from: string, to: string): void {
		const source = this.#existing(from);
		const target = this.fileOf(to);
		this.#refuseCaseTwin(to, from);
		try {
			moveNoClobber(source, target);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw this.#taken(to);
			throw ioError(source, 'rename', error);
		}
		if (this.#lastUsedName() === from) this.setLastUsed(to);
		this.#renameInside(target, to);
	}

	/** The moved document takes its new name inside too; a file that cannot be read stays as it was moved. */
	#renameInside(file: string, name: string): void {
		let loaded: LoadedTopology;
		try {
			loaded = readTopologyDocument(file, {quarantine: false, upgrader: this.#upgrader, checked: this.checked});
		} catch {
			return;
		}
		if (loaded.topology.name !== name)
			writeTopologyDocument(file, named(loaded.topology, name), {expectedRevision: loaded.revision}, {checked: this.checked, rulesChecked: true});
	}

	remove(name: string): void {
		const file = this.#existing(name);
		try {
			fs.unlinkSync(file);
		} catch (error) {
			throw ioError(file, 'remove', error);
		}
		if (this.#lastUsedName() === name) this.setLastUsed(undefined);
	}

	/**
	 * The topology the console opened last, if it is still saved. A damaged settings file only
	 * loses that preference: it is moved aside, the reason kept in `warnings`, and the answer is none.
	 */
	getLastUsed(): string | undefined {
		return lastUsedTopology(this.#paths, this.#now, this.warnings);
	}

	/** Problems met on the way that did not stop the operation, for the caller to pass on. */
	readonly warnings: string[] = [];

	setLastUsed(name: string | undefined): void {
		if (name !== undefined) assertName(name);
		updateSettings(this.settingsFile, {lastUsed: name}, this.#now);
	}

	#lastUsedName(): string | undefined {
		return lastUsedSetting(this.settingsFile, this.#now, this.warnings);
	}

	#existing(name: string): string {
		const file = this.fileOf(name);
		if (!fs.existsSync(file)) throw new StoreError('not-found', `no saved topology named "${name}"; \`vpcsim list\` shows them`, {file});
		return file;
	}

	/**
	 * `Lab` beside `lab` works here but is one file on macOS and Windows, where a copied or synced
	 * folder would lose one of them: a name is taken whatever its case (renaming `lab` to `Lab` is fine).
	 */
	#refuseCaseTwin(name: string, renaming?: string): void {
		let entries: string[];
		try {
			entries = fs.readdirSync(this.folder);
		} catch {
			return; // No folder yet: nothing is taken.
		}
		const wanted = `${name}.json`.toLowerCase();
		const twin = entries.find(entry => entry.toLowerCase() === wanted && entry !== `${renaming}.json`);
		if (!twin) return;
		const taken = twin.slice(0, -'.json'.length);
		if (taken === name) throw this.#taken(name);
		throw new StoreError('exists', `a saved topology named "${taken}" already exists, and "${name}" differs from it only in case; choose another name`, {
			file: path.join(this.folder, twin),
		});
	}

	#taken(name: string): StoreError {
		return new StoreError('exists', `a saved topology named "${name}" already exists; choose another name or remove it first`, {
			file: this.fileOf(name),
		});
	}
}

/** Title and resource counts from the raw text, or why it would not open. */
function summarize(text: string): Pick<SavedTopology, 'title' | 'counts' | 'problem'> {
	let document: unknown;
	try {
		document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch {
		return {problem: 'not valid JSON'};
	}
	if (typeof document !== 'object' || document === null || Array.isArray(document)) return {problem: 'not a JSON object'};
	const record = document as Record<string, unknown>;
	const version = record['schemaVersion'];
	if (typeof version === 'number' && version > SCHEMA_VERSION) return {problem: `written by a newer vpcsim (schema ${version})`};
	const title = typeof record['title'] === 'string' ? record['title'] : typeof record['name'] === 'string' ? record['name'] : undefined;
	const counts: Partial<Record<CollectionKey, number>> = {};
	for (const key of collectionKeys) {
		const list = record[key];
		if (Array.isArray(list) && list.length > 0) counts[key] = list.length;
	}
	return {title, counts};
}

/** A saved topology's document carries the name it is saved under. */
function named(topology: Topology, name: string): Topology {
	return topology.name === name ? topology : {...topology, name};
}

export function openStore(options: StoreOptions = {}): TopologyStore {
	return new TopologyStore(options);
}
