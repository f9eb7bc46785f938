// Help generated from the command descriptions, so it cannot drift from what the parser accepts.
import {nounAliases, commandDefs, findCommand} from './registry.js';
import {CommandError} from './draft.js';
import {synopsis} from './parse.js';
import {longEnumValues} from './syntax.js';
import type {CommandDef} from './types.js';

export type CommandSpec = {
	readonly name: string;
	readonly synopsis: string;
	readonly summary: string;
	readonly help: string;
	readonly example: string;
	readonly args: CommandDef['args'];
	readonly options: NonNullable<CommandDef['options']>;
};

/** The description of every command: what help and completion are made from. */
export const commandSpecs: readonly CommandSpec[] = commandDefs.map(def => ({
	name: def.name,
	synopsis: synopsis(def),
	summary: def.summary,
	help: def.help,
	example: def.example,
	args: def.args,
	options: def.options ?? [],
}));

export function helpText(topic?: string): string {
	if (!topic) {
		const width = Math.max(...commandSpecs.map(spec => spec.name.length));
		return [
			'commands (help <command> for details; refs are ids or names):',
			...commandSpecs.map(spec => `  ${spec.name.padEnd(width)}  ${spec.summary}`),
		].join('\n');
	}
	const words = topic.trim().toLowerCase().split(/\s+/);
	const name = words.length > 1 ? `${words[0]} ${nounAliases.get(words[1]!) ?? words[1]}` : words[0]!;
	const def = findCommand(name);
	if (!def) {
		const related = commandSpecs.filter(spec => spec.name.split(' ').includes(name));
		if (related.length > 0) return related.map(spec => `${spec.synopsis}\n  ${spec.summary}`).join('\n');
		throw new CommandError(`no command "${topic}"; type help for the list`);
	}
	// The words of an enum too long for the synopsis, which shows it as <name>.
	const enums = [...def.args, ...(def.options ?? [])].flatMap(spec => {
		const values = longEnumValues(spec);
		return values ? [`<${spec.name}> is one of ${values.slice(0, -1).join(', ')} or ${values.at(-1)}.`] : [];
	});
	return [synopsis(def), '', def.summary, def.help, ...enums, '', `example: ${def.example}`].join('\n');
}
