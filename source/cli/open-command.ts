// `vpcsim open <name|file>` and `vpcsim` alone: the interactive console (console-launch.ts), and
// what those two say when there is no terminal to run it in.
import type {Command} from './command.js';
import {launchConsole} from './console-launch.js';
import {CliError, colorEnabled, paint, writeLine, type Io, type Paint} from './io.js';
import {loadTopologyArg, storeFor} from './store-access.js';
import {formatList, movedHint, passWarnings} from './store-commands.js';
import {templateLines} from './template-commands.js';

const forScripts = 'for scripts use: vpcsim trace --topology <name|file> --from <ref> --to <ref>';

export const openCommand: Command = {
	name: 'open',
	usage: '<name|file.json>',
	summary: 'open the console on a saved topology or a topology file',
	description: 'A path separator or a .json ending means a file (changes are saved back to it); anything else is a saved name.',
	args: {names: ['name|file']},
	flags: {},
	examples: ['vpcsim open lab', 'vpcsim open ./exports/prod.json'],
	run: ({io, input}) => launchConsole(io, input[0]!),
};

/**
 * The console's launch forms when input or output is not a terminal. `vpcsim open <arg>` loads the
 * topology (a damaged saved file is moved aside, as a terminal would have it) and says how to
 * trace instead; `vpcsim` alone prints what there is to work with.
 */
export function withoutTerminal(io: Io, arg: string | undefined): number {
	if (arg === undefined) return listForScripts(io, paint(colorEnabled(io)));
	loadTopologyArg(io, arg);
	throw new CliError('open: the console needs an interactive terminal (stdin and stdout)', forScripts);
}

function listForScripts(io: Io, paint: Paint): number {
	const store = storeFor(io);
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
