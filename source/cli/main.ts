// The command line: `vpcsim <command> [args] [flags]`. main() never exits the process and never
// lets an exception escape; it prints what went wrong on one line and returns the exit status.
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {StoreError} from '../store/index.js';
import {QUARANTINE_INFIX} from '../store/names.js';
import {parseArgs} from './args.js';
import type {Command} from './command.js';
import {commandHelp, mainHelp} from './help.js';
import {CliError, colorEnabled, paint, writeLine, type Io} from './io.js';
import {commands, findCommand} from './registry.js';
import {runDefault} from './open-command.js';
import {didYouMean} from './suggest.js';
import {version} from './version.js';

export type {Io} from './io.js';

/** Exit statuses (SPEC section 2). `trace` also returns 1 for an unreachable destination. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;
/** A bug in vpcsim rather than a mistake in the input. */
export const EXIT_INTERNAL = 70;

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
	const colors = paint(colorEnabled(io));
	const [first, ...rest] = argv;
	if (first === undefined) return runDefault(io, colors);
	if (first === '--help' || first === '-h') {
		io.stdout.write(mainHelp(commands, version(), colors));
		return EXIT_OK;
	}
	if (first === '--version' || first === '-v') {
		writeLine(io.stdout, version());
		return EXIT_OK;
	}
	if (first === 'help') return helpCommand(rest, io);
	if (first.startsWith('-')) {
		const name = first.split('=')[0]!;
		const hint = didYouMean(name.replace(/^-+/, ''), ['help', 'version'], c => `--${c}`) ?? 'run "vpcsim --help" for the commands';
		throw new CliError(`unknown option ${name}`, hint);
	}
	const command = findCommand(first);
	if (!command) {
		const hint = didYouMean(first, commands.map(c => c.name), c => `"vpcsim ${c}"`) ?? 'run "vpcsim --help" for the commands';
		throw new CliError(`unknown command "${first}"`, hint);
	}
	return runCommand(command, rest, io);
}

async function runCommand(command: Command, argv: readonly string[], io: Io): Promise<number> {
	const colors = paint(colorEnabled(io));
	const parsed = parseArgs(command.name, argv, command.flags, command.args);
	if (parsed.help) {
		io.stdout.write(commandHelp(command, colors));
		return EXIT_OK;
	}
	return command.run({io, paint: colors, input: parsed.input, flags: parsed.flags});
}

function helpCommand(argv: readonly string[], io: Io): number {
	const colors = paint(colorEnabled(io));
	const [name] = argv;
	if (name === undefined || name === '--help' || name === '-h') {
		io.stdout.write(mainHelp(commands, version(), colors));
		return EXIT_OK;
	}
	const command = findCommand(name);
	if (!command) throw new CliError(`help: no command "${name}"`, didYouMean(name, commands.map(c => c.name), c => `"vpcsim help ${c}"`));
	io.stdout.write(commandHelp(command, colors));
	return EXIT_OK;
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
