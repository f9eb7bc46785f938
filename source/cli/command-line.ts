// Every command line but the console's launch: help, the subcommands and their flags. Loaded by
// main() on demand, with the registry of commands and the argument parser.
import {helpText} from '../commands/index.js';
import {parseArgs} from './args.js';
import type {Command} from './command.js';
import {commandHelp, mainHelp} from './help.js';
import {CliError, EXIT_OK, colorEnabled, paint, type Io} from './io.js';
import {commands, findCommand} from './registry.js';
import {didYouMean} from './suggest.js';
import {version} from '../model/version.js';

export async function runCommandLine(first: string, rest: readonly string[], io: Io): Promise<number> {
	if (first === '--help' || first === '-h') {
		io.stdout.write(mainHelp(commands, version(), paint(colorEnabled(io))));
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
	if (command) {
		io.stdout.write(commandHelp(command, colors));
		return EXIT_OK;
	}
	// `vpcsim help add subnet`: the palette's language, as `help add subnet` shows it in the console.
	const palette = paletteHelp(argv.join(' '));
	if (palette) {
		io.stdout.write(`${colors.bold('palette command')} (type it after : in the console, or put it in a script for vpcsim run)\n\n${palette}\n`);
		return EXIT_OK;
	}
	throw new CliError(`help: no command "${name}"`, didYouMean(name, commands.map(c => c.name), c => `"vpcsim help ${c}"`));
}

function paletteHelp(topic: string): string | undefined {
	try {
		return helpText(topic);
	} catch {
		return undefined;
	}
}
