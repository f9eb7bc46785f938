// A topology built through the palette itself, shared by the command tests.
import {applyCommand} from '../../source/commands/apply.js';
import {parseCommand} from '../../source/commands/parse.js';
import {ParseError} from '../../source/commands/syntax.js';
import {parseTopology} from '../../source/model/parse.js';
import type {Topology} from '../../source/model/types.js';

export function emptyTopology(): Topology {
	const parsed = parseTopology({schemaVersion: 1, name: 'test'});
	if (!parsed.ok) throw new Error('empty topology does not parse');
	return parsed.topology;
}

/** Applies lines that must all succeed; a failure fails the test with its message. */
export function build(lines: readonly string[], start: Topology = emptyTopology()): Topology {
	let topology = start;
	for (const line of lines) {
		const command = parseCommand(line);
		if (command instanceof ParseError) throw new Error(`${line}: column ${command.column}: ${command.message}`);
		const result = applyCommand(topology, command);
		if (!result.ok) throw new Error(`${line}: ${result.error}`);
		topology = result.topology;
	}
	return topology;
}

/** Runs a line that must be refused, checks the topology was left alone, and returns the error. */
export function refuse(topology: Topology, line: string): string {
	const snapshot = structuredClone(topology);
	const command = parseCommand(line);
	if (command instanceof ParseError) return command.message;
	const result = applyCommand(topology, command);
	if (result.ok) throw new Error(`${line} was accepted: ${result.message}`);
	if (JSON.stringify(snapshot) !== JSON.stringify(topology)) throw new Error(`${line} changed the topology it was refused on`);
	return result.error;
}
