// Moving a bad file aside (`name.corrupt-<time>.json`), never replacing anything. Kept apart from
// the document code so that reading the settings, which the console does before its first frame,
// does not load the schema or the writer.
import fs from 'node:fs';
import path from 'node:path';
import {ioError} from './errors.js';
import {revisionOf} from './json.js';
import {quarantineFileName} from './names.js';

export type Moved = {ok: true; to: string} | {ok: false; reason: string};

/** Moves a bad file to `name.corrupt-<time>.json` beside it, never replacing anything. */
export function quarantineFile(file: string, revision: string, at: Date): Moved {
	// Someone may have fixed or replaced the file since it was read: only move what was judged.
	try {
		if (revisionOf(fs.readFileSync(file)) !== revision) return {ok: false, reason: 'it changed while it was being read'};
	} catch (error) {
		return {ok: false, reason: ioError(file, 'read', error).message};
	}
	const directory = path.dirname(file);
	const extension = path.extname(file);
	const base = path.basename(file, extension);
	const stamped = quarantineFileName(base, '', at);
	for (let attempt = 1; attempt < 100; attempt++) {
		const to = path.join(directory, `${stamped}${attempt === 1 ? '' : `-${attempt}`}${extension}`);
		try {
			moveNoClobber(file, to);
			return {ok: true, to};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
			return {ok: false, reason: (error as Error).message};
		}
	}
	return {ok: false, reason: 'too many copies already moved aside this second'};
}

/**
 * Renames without ever replacing an existing file: a hard link fails if the target exists, where
 * rename would silently overwrite it. File systems without hard links fall back to check-then-rename.
 */
export function moveNoClobber(from: string, to: string): void {
	try {
		fs.linkSync(from, to);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EEXIST' || code === 'ENOENT') throw error;
		if (fs.existsSync(to)) throw Object.assign(new Error(`${to} already exists`), {code: 'EEXIST'});
		fs.renameSync(from, to);
		return;
	}
	fs.unlinkSync(from);
}

