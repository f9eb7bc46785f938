// Reading one palette line: find the command, fill its arguments (positionally or as key=value),
// check every value against its kind, and point at the column of the first thing wrong.
import {findCommand, nounAliases, verbs} from './registry.js';
import {type ArgSpec, ParseError, type Token, type Value, parseValue, placeholder, tokenize} from './syntax.js';
import {Args, type Command, type CommandDef} from './types.js';

export function synopsis(def: CommandDef): string {
	const args = def.args.map(arg => (arg.optional ? `[${placeholder(arg)}]` : placeholder(arg)));
	const options = (def.options ?? []).map(option => `[${option.name}=${option.kind === 'bool' ? 'true|false' : placeholder(option)}]`);
	return [def.name, ...args, ...options].join(' ');
}

/** The command a line starts with, and how many words its name took. */
export function lookup(tokens: readonly Token[]): {def: CommandDef; words: number} | ParseError {
	const first = tokens[0]!;
	const verb = first.text.toLowerCase();
	if (verbs.has(verb)) {
		const second = tokens[1];
		if (!second) return new ParseError(`${verb} what? e.g. ${verb} ${[...verbs.get(verb)!][0]} ...; nouns: ${[...verbs.get(verb)!].join(', ')}`, first.start + first.text.length + 1);
		const noun = nounAliases.get(second.text.toLowerCase()) ?? second.text.toLowerCase();
		const def = findCommand(`${verb} ${noun}`);
		if (!def) return new ParseError(`cannot ${verb} "${second.text}": ${verb} works on ${[...verbs.get(verb)!].join(', ')}`, second.start + 1);
		return {def, words: 2};
	}
	const def = findCommand(verb);
	if (!def) {
		const near = [...verbs.keys(), 'rename', 'trace', 'cidr', 'help', 'undo', 'redo', 'save-as', 'open', 'quit'].filter(name =>
			name.startsWith(verb.slice(0, 2)),
		);
		return new ParseError(`unknown command "${first.text}"${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}; type help for the list`, first.start + 1);
	}
	return {def, words: 1};
}

function exampleValue(spec: ArgSpec): string {
	if (spec.values?.length) return spec.values[0]!;
	const examples: Partial<Record<ArgSpec['kind'], string>> = {cidr: '10.0.1.0/24', cidrs: '10.0.1.0/24', ip: '10.0.1.10', bool: 'true', ports: '443', protocol: 'tcp', int: '1'};
	return examples[spec.kind] ?? placeholder(spec);
}

function fits(spec: ArgSpec, text: string): boolean {
	try {
		parseValue(spec, text);
		return true;
	} catch {
		return false;
	}
}

/** Reads a line into a command, or says what is wrong and where (1-based column). */
export function parseCommand(line: string): Command | ParseError {
	let tokens: Token[];
	try {
		tokens = tokenize(line);
	} catch (error) {
		return error as ParseError;
	}
	if (tokens.length === 0) return new ParseError('empty command; type help for the list of commands', 1);
	const found = lookup(tokens);
	if (found instanceof ParseError) return found;
	const {def, words} = found;
	const options = def.options ?? [];
	const values: Record<string, Value> = {};
	const positional = [...def.args];
	let next = 0;
	const take = (spec: ArgSpec, text: string, column: number): ParseError | undefined => {
		if (values[spec.name] !== undefined) return new ParseError(`${spec.name} is given twice`, column);
		try {
			values[spec.name] = parseValue(spec, text);
		} catch (error) {
			return new ParseError((error as Error).message, column);
		}
		return undefined;
	};
	const rest = tokens.slice(words);
	const restArg = def.args.find(arg => arg.rest);
	if (restArg && rest.length > 0) {
		values[restArg.name] = rest.map(token => token.text).join(' ');
		return def.intent ? def.intent(new Args(values)) : {type: 'change', name: def.name, values};
	}
	for (const token of rest) {
		const equals = token.text.indexOf('=');
		const key = equals > 0 ? token.text.slice(0, equals) : undefined;
		if (key !== undefined && /^[a-z][a-z0-9-]*$/.test(key)) {
			const spec = options.find(option => option.name === key) ?? positional.find(arg => arg.name === key);
			if (!spec) {
				const known = [...positional, ...options].map(item => `${item.name}=`).join(', ');
				return new ParseError(`${def.name} has no option "${key}"${known ? `; it takes ${known}` : ''}`, token.start + 1);
			}
			if (equals === token.text.length - 1) return new ParseError(`${key}= needs a value, e.g. ${key}=${exampleValue(spec)}`, token.start + equals + 2);
			const error = take(spec, token.text.slice(equals + 1), token.start + equals + 2);
			if (error) return error;
			continue;
		}
		while (next < positional.length && values[positional[next]!.name] !== undefined) next++;
		let spec = positional[next];
		// An optional argument that does not fit this word is skipped when a later one does (ports before a CIDR).
		while (spec?.optional && !fits(spec, token.text)) {
			const later = positional.slice(next + 1).find(arg => values[arg.name] === undefined);
			if (!later || !fits(later, token.text)) break;
			next++;
			while (next < positional.length && values[positional[next]!.name] !== undefined) next++;
			spec = positional[next];
		}
		if (!spec) return new ParseError(`unexpected "${token.text}": ${synopsis(def)}`, token.start + 1);
		const error = take(spec, token.text, token.start + 1);
		if (error) return error;
		next++;
	}
	const missing = def.args.find(arg => !arg.optional && values[arg.name] === undefined);
	if (missing) return new ParseError(`${def.name} needs ${placeholder(missing)}: ${synopsis(def)} (e.g. ${def.example})`, line.trimEnd().length + 2);
	if (def.intent) return def.intent(new Args(values));
	return {type: 'change', name: def.name, values};
}
