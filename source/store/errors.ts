// Every failure of the store is a StoreError whose message is one line fit for stderr: it names
// the file (and the JSON path for an invalid document), so the CLI can print it as it is.
import type {Problem} from '../model/parse.js';

export type StoreErrorKind =
	/** A saved name that is not a safe file name. */
	| 'bad-name'
	/** No saved topology or no file by that name. */
	| 'not-found'
	/** create, copy or rename onto a name that is taken. */
	| 'exists'
	/** Not JSON at all; `line` and `column` say where it stops making sense. */
	| 'unreadable'
	/** JSON, but not a topology this program accepts; `problems` has every one. */
	| 'invalid'
	/** Written by a later vpcsim: left exactly as it is. */
	| 'newer'
	/** Changed on disk since it was loaded; see ConflictError. */
	| 'conflict'
	/** The file system refused (permissions, a folder where a file should be, a full disk). */
	| 'io';

export type StoreErrorDetails = {
	readonly file?: string;
	/** Where a bad saved file was moved to; the original path no longer exists. */
	readonly quarantinedTo?: string;
	readonly problems?: readonly Problem[];
	readonly line?: number;
	readonly column?: number;
	readonly cause?: unknown;
	/** What to do about it, printed on a line of its own after the message. */
	readonly hint?: string;
};

export class StoreError extends Error {
	override readonly name: string = 'StoreError';
	readonly file?: string;
	readonly quarantinedTo?: string;
	readonly problems?: readonly Problem[];
	readonly line?: number;
	readonly column?: number;
	readonly hint?: string;

	constructor(
		readonly kind: StoreErrorKind,
		message: string,
		details: StoreErrorDetails = {},
	) {
		super(message, details.cause === undefined ? undefined : {cause: details.cause});
		this.file = details.file;
		this.quarantinedTo = details.quarantinedTo;
		this.problems = details.problems;
		this.line = details.line;
		this.column = details.column;
		this.hint = details.hint;
	}
}

/** The file changed on disk since it was loaded; the console offers reload, overwrite or save as. */
export class ConflictError extends StoreError {
	override readonly name: string = 'ConflictError';
	declare readonly kind: 'conflict';
	declare readonly file: string;

	constructor(
		file: string,
		message: string,
		/** The revision now on disk, or undefined when the file was removed. */
		readonly currentRevision: string | undefined,
	) {
		super('conflict', message, {file});
	}
}

export function isStoreError(error: unknown): error is StoreError {
	return error instanceof StoreError;
}

/** Turns a file system error into a StoreError that names the file and says what went wrong. */
export function ioError(file: string, action: string, error: unknown): StoreError {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	const reason =
		code === 'ENOENT'
			? 'it does not exist'
			: code === 'EACCES' || code === 'EPERM'
				? 'permission denied'
				: code === 'EISDIR'
					? 'it is a folder, not a file'
					: code === 'ENOSPC'
						? 'the disk is full'
						: code === 'ENOTDIR'
							? 'part of the path is not a folder'
							: error instanceof Error
								? error.message
								: String(error);
	return new StoreError(code === 'ENOENT' ? 'not-found' : 'io', `cannot ${action} ${file}: ${reason}`, {file, cause: error});
}
