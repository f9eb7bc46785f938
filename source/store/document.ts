// Reading and writing one topology document, whether a saved topology or a file named on the
// command line. A read takes the file's bytes once: they are hashed for the revision, decoded,
// parsed, upgraded and checked without touching the disk again. Writes go through conf, which
// writes a temporary file and renames it over the old one, so a crash never leaves half a file.
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {checkTopology} from '../model/load.js';
import {formatProblem, parseTopology, type Problem} from '../model/parse.js';
import type {Topology} from '../model/types.js';
import {ConflictError, StoreError, ioError, type StoreErrorKind} from './errors.js';
import {decodeText, parseJson, revisionOf} from './json.js';
import type {CheckedRevisions} from './checked.js';
import {withFileLock} from './lock.js';
import {quarantineFile} from './quarantine.js';
import {defaultUpgrader, upgradeDocument, type Upgrader} from './upgrade.js';

export type LoadedTopology = {
	readonly topology: Topology;
	/** Identifies the file's content as loaded; pass it back to save to detect changes by others. */
	readonly revision: string;
	readonly file: string;
	/** The schema version the file was written in, when it was older and upgraded in memory. */
	readonly upgradedFrom?: number;
};

export type ReadOptions = {
	/** Move a bad file aside (saved topologies) instead of only reporting it (the user's own files). */
	readonly quarantine: boolean;
	readonly upgrader?: Upgrader;
	readonly now?: () => Date;
	/** Documents known to be checked already (by content): those are not checked again. */
	readonly checked?: CheckedRevisions;
};

export function readTopologyDocument(file: string, options: ReadOptions): LoadedTopology {
	let bytes: Buffer;
	try {
		bytes = fs.readFileSync(file);
	} catch (error) {
		throw ioError(file, 'read', error);
	}
	return topologyFromBytes(file, bytes, options);
}

/** readTopologyDocument for bytes already read from `file` (a listing reads each file once). */
export function topologyFromBytes(file: string, bytes: Buffer, options: ReadOptions): LoadedTopology {
	const revision = revisionOf(bytes);
	const fail = (kind: StoreErrorKind, message: string, extra: {problems?: Problem[]; line?: number; column?: number} = {}) => {
		if (!options.quarantine) return new StoreError(kind, message, {file, ...extra});
		const moved = quarantineFile(file, revision, options.now?.() ?? new Date());
		const note = moved.ok ? `; moved it aside to ${moved.to}` : `; could not move it aside (${moved.reason})`;
		// The moved copy is the user's work: say how to get it back, not only where it went.
		const hint = moved.ok ? `mend it ("vpcsim validate ${moved.to}" names every problem) and move it back to ${file}` : undefined;
		return new StoreError(kind, message + note, {file, quarantinedTo: moved.ok ? moved.to : undefined, hint, ...extra});
	};

	const text = decodeText(bytes);
	const parsed = parseJson(text);
	if (!parsed.ok) {
		const {line, column, message} = parsed.error;
		throw fail('unreadable', `${file} is not valid JSON: ${message} at line ${line}, column ${column}`, {line, column});
	}
	const upgraded = upgradeDocument(parsed.value, options.upgrader ?? defaultUpgrader);
	if (!upgraded.ok) {
		// A newer program's file is fine, just not ours to judge: it stays exactly where it is.
		if (upgraded.reason === 'newer') throw new StoreError('newer', `${file}: ${upgraded.message}`, {file});
		throw fail('invalid', `${file}: ${upgraded.message}`);
	}
	if (upgraded.from === undefined && options.checked?.has(revision)) return {topology: upgraded.document as unknown as Topology, revision, file};
	const checked = checkTopology(upgraded.document);
	if (!checked.ok) throw fail('invalid', `${file}: ${describeProblems(checked.problems)}`, {problems: checked.problems});
	// Only a document that is exactly what the check gives back (as vpcsim writes it) can skip the
	// check next time: one written by hand may lean on defaults the check fills in.
	if (options.checked && upgraded.from === undefined && documentText(checked.topology) === text) options.checked.add(revision);
	return {topology: checked.topology, revision, file, ...(upgraded.from === undefined ? {} : {upgradedFrom: upgraded.from})};
}

export function describeProblems(problems: readonly Problem[]): string {
	const first = problems[0];
	if (!first) return 'not a valid topology';
	const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
	return formatProblem(first) + more;
}

export type WriteMode =
	/** The revision the caller loaded: the write fails with ConflictError if the file changed. */
	| {readonly expectedRevision: string}
	/** Replace whatever is there (the user chose to overwrite someone else's change). */
	| {readonly force: true}
	/** Only write if there is no file yet. */
	| {readonly create: true};

/** How every document is written: tab-indented JSON and a final newline. */
export function documentText(value: unknown): string {
	return `${JSON.stringify(value, undefined, '\t')}\n`;
}

const writers = new Map<string, {conf: Conf<Record<string, unknown>>; text: {last: string}}>();

/**
 * Writes `value` as tab-indented JSON through one conf store per file and returns the revision of
 * what was written. Reads never go through conf: its getter would parse the whole file a second
 * time and, with clearInvalidConfig, could replace a bad file with an empty one. So its
 * deserializer is inert (conf only reads to carry over its internal keys, which these files never
 * have) and clearInvalidConfig is off: conf cannot clear a store, only write what it is given.
 */
export function writeJsonFile(file: string, value: Record<string, unknown>): string {
	let writer = writers.get(file);
	if (!writer) {
		const text = {last: ''};
		const conf = new Conf<Record<string, unknown>>({
			projectName: 'vpcsim',
			cwd: path.dirname(file),
			configName: path.basename(file),
			fileExtension: '',
			clearInvalidConfig: false,
			accessPropertiesByDotNotation: false,
			deserialize: () => ({}),
			serialize: data => (text.last = documentText(data)),
		});
		writer = {conf, text};
		writers.set(file, writer);
	}
	try {
		writer.conf.store = value;
	} catch (error) {
		throw ioError(file, 'write', error);
	}
	return revisionOf(Buffer.from(writer.text.last, 'utf8'));
}

function currentRevision(file: string): string | undefined {
	try {
		return revisionOf(fs.readFileSync(file));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw ioError(file, 'read', error);
	}
}

export type WriteOptions = {
	/** Where to record that the written document is checked, so reading it back skips the check. */
	readonly checked?: CheckedRevisions;
	/**
	 * The caller has checked AWS's rules on this very topology (every palette change does), so only
	 * its structure is checked here: on a large topology the rules take most of a save.
	 */
	readonly rulesChecked?: boolean;
};

/** Checks the topology, then (holding the file's lock) the file, then writes atomically; returns the new revision. */
export function writeTopologyDocument(file: string, topology: Topology, mode: WriteMode, options: WriteOptions = {}): string {
	const checked = options.rulesChecked ? parseTopology(topology) : checkTopology(topology);
	if (!checked.ok)
		throw new StoreError('invalid', `not saved to ${file}: ${describeProblems(checked.problems)}`, {file, problems: checked.problems});
	const revision = withFileLock(file, () => {
		if ('create' in mode && fs.existsSync(file)) throw new StoreError('exists', `${file} already exists`, {file});
		if ('expectedRevision' in mode) {
			const onDisk = currentRevision(file);
			if (onDisk !== mode.expectedRevision)
				throw new ConflictError(
					file,
					onDisk === undefined
						? `${file} was removed since it was opened; overwrite to recreate it, or save as another name`
						: `${file} was changed by someone else since it was opened; reload it, overwrite it, or save as another name`,
					onDisk,
				);
		}
		return writeJsonFile(file, checked.topology as unknown as Record<string, unknown>);
	});
	options.checked?.add(revision);
	return revision;
}
