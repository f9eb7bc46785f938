// The command line: `vpcsim <command> [args] [flags]`. main() never exits the process and never
// lets an exception escape; it prints what went wrong on one line and returns the exit status.
// Only what the console's launch needs is loaded up front: the commands, their parser and the
// store load on demand, so the console's first frame does not wait for them.
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {StoreError} from '../store/errors.js';
import {QUARANTINE_INFIX} from '../store/names.js';
import {launchConsole} from './console-launch.js';
import {CliError, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, writeLine, type Io} from './io.js';
import {didYouMean} from './suggest.js';
import {version} from '../model/version.js';

export type {Io} from './io.js';

export {EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK} from './io.js';

export async function main(argv: readonly string[], io: Io): Promise<number> {
	quietWhenReaderLeaves(io.stdout, io);
	quietWhenReaderLeaves(io.stderr, undefined);
	try {
		return await dispatch(argv, io);
	} catch (error) {
		return report(error, io);
	}
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
	const [first, ...rest] = argv;
	if (first === undefined) return launchConsole(io);
	if (first === '--version' || first === '-v') {
		writeLine(io.stdout, version());
		return EXIT_OK;
	}
	// The console's own launch form skips the argument parser; `open` with anything more goes the long way.
	if (first === 'open' && rest.length === 1 && !rest[0]!.startsWith('-')) return launchConsole(io, rest[0]);
	const {runCommandLine} = await import('./command-line.js');
	return runCommandLine(first, rest, io);
}

const guarded = new WeakSet<object>();

/**
 * `vpcsim export lab --format dot | head` closes the pipe while vpcsim still writes: the reader has
 * what it wanted, so that is no error to report (and without a listener Node dies with a stack
 * trace). Anything else that breaks the output is said in one line.
 */
function quietWhenReaderLeaves(out: Io['stdout'], io: Io | undefined): void {
	const stream = out as Partial<Pick<NodeJS.EventEmitter, 'on'>>;
	if (typeof stream.on !== 'function' || guarded.has(stream)) return;
	guarded.add(stream);
	stream.on.call(out, 'error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
		if (io) writeLine(io.stderr, `vpcsim: cannot write the output: ${error.message}`);
	});
}

type Hinted = {message: string; hint?: unknown; name?: string; kind?: unknown};

/** Mistakes the user can fix: the module that found them wrote a one-line message for stderr. */
function isUserError(error: unknown): error is Hinted {
	if (error instanceof CliError) return true;
	const name = (error as Hinted | undefined)?.name;
	return ['StoreError', 'ConflictError', 'NetParseError', 'TemplateError', 'TraceInputError'].includes(name ?? '');
}

function report(error: unknown, io: Io): number {
	const debug = io.env.VPCSIM_DEBUG === '1';
	if (isUserError(error)) {
		writeLine(io.stderr, `vpcsim: ${firstLine(error.message)}`);
		const hint = typeof error.hint === 'string' && error.hint ? error.hint : nearMiss(error);
		if (hint) writeLine(io.stderr, `hint: ${hint}`);
		if (debug && error instanceof Error && error.stack) writeLine(io.stderr, error.stack);
		return error instanceof CliError ? error.exitCode : EXIT_BAD_INPUT;
	}
	const message = error instanceof Error ? error.message : String(error);
	writeLine(io.stderr, `vpcsim: internal error: ${firstLine(message)}`);
	if (debug && error instanceof Error && error.stack) writeLine(io.stderr, error.stack);
	else writeLine(io.stderr, 'hint: run again with VPCSIM_DEBUG=1 to see where it happened, and report it');
	return EXIT_INTERNAL;
}

/** For a saved topology or file that is not there: the one beside it that was probably meant. */
function nearMiss(error: Hinted): string | undefined {
	if (!(error instanceof StoreError) || error.kind !== 'not-found' || !error.file) return undefined;
	let entries: string[];
	try {
		entries = readdirSync(path.dirname(error.file));
	} catch {
		return undefined;
	}
	const saved = error.message.startsWith('no saved topology');
	const wanted = path.basename(error.file, saved ? '.json' : undefined);
	const candidates = entries
		.filter(entry => entry.endsWith('.json') && !entry.includes(QUARANTINE_INFIX))
		.map(entry => (saved ? entry.slice(0, -'.json'.length) : entry));
	return didYouMean(wanted, candidates);
}

function firstLine(text: string): string {
	return text.split('\n')[0]!.trim();
}
