// The one place that touches the terminal itself: checks before Ink starts, the alternate screen,
// and putting everything back on quit, on a signal and on a crash.
const enterAlternate = '\u001B[?1049h\u001B[?25l';
const leaveAlternate = '\u001B[?25h\u001B[?1049l';

export type Streams = {
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
	readonly stderr: NodeJS.WriteStream;
};

/** Why the console cannot run here, or undefined when it can. */
export function terminalProblem(streams: Streams): string | undefined {
	if (!streams.stdin.isTTY || !streams.stdout.isTTY)
		return 'vpcsim: the console needs an interactive terminal (input and output are not both a terminal); for scripts use `vpcsim trace --topology <name> --from <ref> --to <ref>`';
	return undefined;
}

export function terminalSize(stdout: NodeJS.WriteStream): {columns: number; rows: number} {
	// A terminal that does not report its size is treated as the smallest supported one.
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

export type FullScreen = {
	/** Leaves the alternate screen; safe to call more than once. */
	readonly restore: () => void;
};

/**
 * Switches to the alternate screen and makes sure the user's screen comes back however the
 * program ends: a normal quit (restore), SIGINT/SIGTERM/SIGHUP, or an uncaught error.
 */
export function enterFullScreen(streams: Streams, onFatal: (code: number) => void = code => process.exit(code)): FullScreen {
	let active = true;
	streams.stdout.write(enterAlternate);
	const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	const exitCodes: Record<string, number> = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129};
	const restore = () => {
		if (!active) return;
		active = false;
		for (const signal of signals) process.off(signal, onSignal);
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		process.off('exit', restore);
		try {
			if (streams.stdin.isTTY && streams.stdin.isRaw) streams.stdin.setRawMode(false);
		} catch {
			// The input may already be closed; the screen still has to come back.
		}
		streams.stdout.write(leaveAlternate);
	};
	function onSignal(signal: NodeJS.Signals) {
		restore();
		onFatal(exitCodes[signal] ?? 1);
	}
	function onCrash(error: unknown) {
		restore();
		const debug = process.env['VPCSIM_DEBUG'] === '1';
		const text = debug && error instanceof Error ? (error.stack ?? error.message) : error instanceof Error ? error.message : String(error);
		streams.stderr.write(`vpcsim: the console stopped on an unexpected error: ${text}\n`);
		onFatal(1);
	}
	for (const signal of signals) process.on(signal, onSignal);
	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	process.on('exit', restore);
	return {restore};
}

const eraseScrollback = '\u001B[3J';

/**
 * The output stream as Ink gets it. When the frame had filled the terminal (a window made
 * smaller), Ink clears the screen with ESC[2J ESC[3J; the second also erases the scrollback, which
 * many terminals keep for the user's normal screen even while the console is in the alternate one.
 * The console never wants that: it is taken out of everything Ink writes.
 */
export function consoleOutput(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
	const write = (chunk: unknown, ...rest: unknown[]) =>
		(stdout.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' && chunk.includes(eraseScrollback) ? chunk.replaceAll(eraseScrollback, '') : chunk, ...rest);
	return new Proxy(stdout, {
		get(target, property) {
			if (property === 'write') return write;
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}

