// Every subcommand, in the order `vpcsim --help` lists them.
import type {Command} from './command.js';
import {exportCommand} from './export-command.js';
import {importCommand} from './import-command.js';
import {openCommand} from './open-command.js';
import {runCommand} from './run-command.js';
import {traceCommand} from './trace-wiring.js';
import {newCommand, templatesCommand} from './template-commands.js';
import {copyCommand, listCommand, moveCommand, removeCommand} from './store-commands.js';
import {validateCommand} from './validate-command.js';

export const commands: readonly Command[] = [
	openCommand,
	templatesCommand,
	newCommand,
	listCommand,
	copyCommand,
	moveCommand,
	removeCommand,
	traceCommand,
	runCommand,
	validateCommand,
	exportCommand,
	importCommand,
];

export function findCommand(name: string): Command | undefined {
	return commands.find(command => command.name === name);
}
