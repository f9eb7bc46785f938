// The console's entry: `vpcsim` and `vpcsim open <name|file>`. Checks the terminal, opens the
// topology (or nothing: the template picker), and runs Ink inside the alternate screen.
import {render} from 'ink';
import type {TopologyStore} from '../store/store.js';
import {Root} from './Root.js';
import type {ConsoleServices} from './services.js';
import {createServices} from './storeServices.js';
import {enterFullScreen, terminalProblem, type Streams} from './terminal.js';

export type ConsoleOptions = {
	/** A saved topology to open; without it and without `file`, the last one used, else the picker. */
	readonly topologyName?: string;
	/** A topology file to open; changes are saved back to it. */
	readonly file?: string;
	readonly store: TopologyStore;
	readonly streams?: Partial<Streams>;
	/** Replaces the real services (tests). */
	readonly services?: ConsoleServices;
};

/** Runs the console until the user quits; resolves with the exit status (0, or 2 for bad input). */
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
	const services = options.services ?? createServices({store: options.store, file: options.file});

	// The first frame goes up at once; the topology loads behind it (a large one takes a while).
	const name = options.file ? fileNameOf(options.file) : (options.topologyName ?? options.store.getLastUsed());
	const load = name === undefined ? undefined : {name, open: () => services.open(name)};
	let failure: unknown;
	const screen = enterFullScreen(streams);
	try {
		const app = render(<Root services={services} load={load} onFailure={error => (failure = error)} />, {
			stdin: streams.stdin,
			stdout: streams.stdout,
			stderr: streams.stderr,
			exitOnCtrlC: false,
			patchConsole: false,
			// Ink's default 30 fps throttle alone can hold a key's frame back ~33 ms; the redraw target is 30 ms.
			maxFps: 120,
		});
		await app.waitUntilExit();
	} finally {
		screen.restore();
	}
	if (failure !== undefined) {
		streams.stderr.write(`vpcsim: ${failure instanceof Error ? failure.message : String(failure)}\n`);
		return 2;
	}
	return 0;
}

function fileNameOf(file: string): string {
	const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
	return base.replace(/\.[^.]*$/, '');
}
