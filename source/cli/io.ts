// What a command may touch of the outside world. main() receives it as a value so the whole CLI
// runs in-process in tests, with a fake terminal and a temporary VPCSIM_HOME.
import path from 'node:path';

export type Output = {write(text: string): unknown};

export type Io = {
	stdout: Output;
	stderr: Output;
	env: Record<string, string | undefined>;
	cwd: string;
	/** Whether stdout is a terminal: colour and the interactive console depend on it. */
	isTTY: boolean;
	/** Whether stdin is a terminal too: the console reads keys from it. Absent means no. */
	stdinIsTTY?: boolean;
};

/** The console needs a real terminal both ways; anything else gets plain output instead. */
export function canRunConsole(io: Io): boolean {
	return io.isTTY && io.stdinIsTTY === true;
}

/** The store's home as main() was given it: VPCSIM_HOME, relative to main()'s working folder. */
export function homeFrom(io: Io): string | undefined {
	return io.env.VPCSIM_HOME ? path.resolve(io.cwd, io.env.VPCSIM_HOME) : undefined;
}

/** Exit statuses (SPEC section 2). `trace` also returns 1 for an unreachable destination. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;
/** A bug in vpcsim rather than a mistake in the input. */
export const EXIT_INTERNAL = 70;

/** A failure the user can fix: printed as one line (and a hint), never with a stack trace. */
export class CliError extends Error {
	constructor(
		message: string,
		readonly hint?: string,
		readonly exitCode = 2,
	) {
		super(message);
		this.name = 'CliError';
	}
}

/**
 * Colour only for a terminal, and never when NO_COLOR is set to anything non-empty
 * (https://no-color.org); FORCE_COLOR=0 also turns it off.
 */
export function colorEnabled(io: Io): boolean {
	if (!io.isTTY) return false;
	if (io.env.NO_COLOR) return false;
	if (io.env.FORCE_COLOR === '0' || io.env.TERM === 'dumb') return false;
	return true;
}

export type Paint = {
	bold(text: string): string;
	dim(text: string): string;
	cyan(text: string): string;
	green(text: string): string;
	red(text: string): string;
};

const sgr = (open: number, close: number) => (text: string) => `\u001B[${open}m${text}\u001B[${close}m`;
const identity = (text: string) => text;

export function paint(enabled: boolean): Paint {
	if (!enabled) return {bold: identity, dim: identity, cyan: identity, green: identity, red: identity};
	return {bold: sgr(1, 22), dim: sgr(2, 22), cyan: sgr(36, 39), green: sgr(32, 39), red: sgr(31, 39)};
}

export function writeLine(out: Output, text = ''): void {
	out.write(`${text}\n`);
}
