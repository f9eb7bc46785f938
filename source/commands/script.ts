// `vpcsim run`: palette commands from a file, applied in order, all or nothing.
import type {Topology} from '../model/types.js';
import {applyCommand} from './apply.js';
import {parseCommand} from './parse.js';
import {ParseError} from './syntax.js';

export type ScriptResult =
	| {readonly ok: true; readonly topology: Topology; readonly applied: number; readonly messages: readonly string[]}
	| {readonly ok: false; readonly line: number; readonly error: string};

/** Commands a script cannot carry out: they belong to the console. */
const consoleOnly = new Set(['undo', 'redo', 'quit', 'save-as', 'open', 'trace']);

/**
 * Applies one command a line (`#` comments and blank lines ignored). Stops at the first error,
 * naming its line ("line 7: ..."); the topology is returned only when every line applied.
 */
export function runScript(text: string, topology: Topology): ScriptResult {
	let current = topology;
	const messages: string[] = [];
	let applied = 0;
	const lines = text.split(/\r?\n/);
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index]!;
		const fail = (error: string): ScriptResult => ({ok: false, line: index + 1, error: `line ${index + 1}: ${error}`});
		if (line.trim() === '' || line.trim().startsWith('#')) continue;
		const command = parseCommand(line);
		if (command instanceof ParseError) return fail(`column ${command.column}: ${command.message}`);
		if (consoleOnly.has(command.type)) return fail(`${command.type} works only in the console`);
		const result = applyCommand(current, command);
		if (!result.ok) return fail(result.error);
		current = result.topology;
		if (result.changed) applied++;
		messages.push(result.message);
	}
	return {ok: true, topology: current, applied, messages};
}
