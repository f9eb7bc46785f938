// The console's entry: `vpcsim` and `vpcsim open <name|file>`. Checks the terminal, draws the
// first frame at once, then loads the program behind the console (the store, the schema, the
// command language and the engine, in chunks of their own) and the topology, and runs Ink inside
// the alternate screen until the user quits.
import {render} from 'ink';
import {lastUsedTopology, storePaths, topologyNameOfFile} from '../store/locate.js';
import type {TopologyStore} from '../store/store.js';
import {Root, type Started} from './Root.js';
import type {ConsoleServices} from './services.js';
import {consoleOutput, enterFullScreen, terminalProblem, type Streams} from './terminal.js';

export type ConsoleOptions = {
	/** A saved topology to open; without it and without `file`, the last one used, else the picker. */
	readonly topologyName?: string;
	/** A topology file to open; changes are saved back to it. */
	readonly file?: string;
	/** Where the saved topologies are (see storePaths); the store itself loads after the first frame. */
	readonly home?: string;
	/** An open store instead (tests). */
	readonly store?: TopologyStore;
	readonly streams?: Partial<Streams>;
	/** Replaces the real services (tests). */
	readonly services?: ConsoleServices;
};

/**
 * Runs the console until the user quits; resolves with the exit status (0, or 2 when there is no
 * terminal). A topology that cannot be opened is thrown once the terminal is restored, for the
 * command line to report as it reports any error (one line, a hint, the exit status).
 */
export async function runConsole(options: ConsoleOptions): Promise<number> {
	const streams: Streams = {
		stdin: options.streams?.stdin ?? process.stdin,
		stdout: options.streams?.stdout ?? process.stdout,
		stderr: options.streams?.stderr ?? process.stderr,
	};
	const problem = terminalProblem(streams);
	if (problem) {
		streams.stderr.write(`${problem}\n`);
		return 2;
	}
	const name = options.file ? topologyNameOfFile(options.file) : (options.topologyName ?? lastUsed(options));
	// Quitting on the opening frame stops the start before it opens (or moves aside) anything.
	let quit = false;
	let starting: Promise<unknown> | undefined;
	const start = {name, run: () => (starting = startProgram(options, name, () => quit)) as Promise<Started>};
	let failure: unknown;
	const screen = enterFullScreen(streams);
	try {
		// A failed start ends the app; its error is taken from the start itself, below.
		const app = render(<Root start={start} />, {
			stdin: streams.stdin,
			stdout: consoleOutput(streams.stdout),
			stderr: streams.stderr,
			exitOnCtrlC: false,
			patchConsole: false,
			// Ink's default 30 fps throttle alone can hold a key's frame back ~33 ms; the redraw target is 30 ms.
			maxFps: 120,
		});
		await app.waitUntilExit();
		quit = true;
		await starting?.catch(error => (failure = error));
	} finally {
		screen.restore();
	}
	if (failure !== undefined) throw failure;
	return 0;
}

function lastUsed(options: ConsoleOptions): string | undefined {
	if (options.store) return options.store.getLastUsed();
	// A damaged settings file is moved aside and only the preference is lost: the picker opens.
	return lastUsedTopology(storePaths(options.home), () => new Date(), []);
}

/** After the first frame: the services (loaded now, unless given) and the topology, opened. */
async function startProgram(options: ConsoleOptions, name: string | undefined, quitting: () => boolean): Promise<Started> {
	let services = options.services;
	if (!services) {
		const {createServices} = await import('./storeServices.js');
		services = createServices({store: options.store, home: options.home, file: options.file});
	}
	return {services, opened: name === undefined || quitting() ? undefined : await services.open(name)};
}
