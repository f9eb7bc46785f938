// `vpcsim open <name|file>` and `vpcsim` alone: the interactive console. Ink and React are loaded
// only here, on demand, so the scripted commands start without paying for them.
import path from 'node:path';
import {isFileArg, resolveTopologyArg, type TopologyStore} from '../store/index.js';
import type {Command} from './command.js';
import {canRunConsole, CliError, writeLine, type Io, type Paint} from './io.js';
import {loadTopologyArg, storeFor} from './store-access.js';
import {formatList, movedHint, passWarnings} from './store-commands.js';
import {templateLines} from './template-commands.js';

const forScripts = 'for scripts use: vpcsim trace --topology <name|file> --from <ref> --to <ref>';

async function startConsole(options: {store: TopologyStore; topologyName?: string; file?: string}): Promise<number> {
	const {runConsole} = await import('../ui/run-console.js');
	return runConsole(options);
}

export const openCommand: Command = {
	name: 'open',
	usage: '<name|file.json>',
	summary: 'open the console on a saved topology or a topology file',
	description: 'A path separator or a .json ending means a file (changes are saved back to it); anything else is a saved name.',
	args: {names: ['name|file']},
	flags: {},
	examples: ['vpcsim open lab', 'vpcsim open ./exports/prod.json'],
	async run({io, input}) {
		const arg = input[0]!;
		const store = storeFor(io);
		// The name is checked first, so a typo is reported the same way in a terminal or a pipe.
		const source = resolveTopologyArg(isFileArg(arg) ? path.resolve(io.cwd, arg) : arg, store);
		if (!canRunConsole(io)) {
			// Loaded (a damaged saved file is moved aside) so the answer is the one a terminal would get.
			loadTopologyArg(io, arg);
			throw new CliError('open: the console needs an interactive terminal (stdin and stdout)', forScripts);
		}
		return startConsole(source.kind === 'file' ? {store, file: source.file} : {store, topologyName: source.name});
	},
};

/**
 * `vpcsim` alone: the console on the last topology used (first time: the template picker). Piped
 * or redirected, it prints what there is to work with and how to trace instead.
 */
export async function runDefault(io: Io, paint: Paint): Promise<number> {
	const store = storeFor(io);
	if (canRunConsole(io)) return startConsole({store});
	writeLine(io.stdout, `The console needs an interactive terminal; ${forScripts}`);
	writeLine(io.stdout);
	writeLine(io.stdout, paint.bold('Templates') + ' (vpcsim new <name> --template <id>)');
	for (const line of templateLines(paint)) writeLine(io.stdout, line);
	writeLine(io.stdout);
	const saved = store.list({check: true});
	const lastUsed = store.getLastUsed();
	passWarnings(io, store);
	if (saved.some(entry => entry.movedTo)) writeLine(io.stderr, `hint: ${movedHint}`);
	writeLine(io.stdout, `${paint.bold('Saved topologies')} (in ${store.folder})`);
	if (saved.length === 0) writeLine(io.stdout, '  none yet');
	else for (const line of formatList(saved, lastUsed, paint)) writeLine(io.stdout, line);
	writeLine(io.stdout);
	writeLine(io.stdout, 'Run "vpcsim --help" for every command.');
	return 0;
}
