// Palette completion: command names, nouns, option keys and resource ids and names of the kind the
// argument under the cursor takes, all read from the command descriptions.
import {type AnyResource, type ResourceKind, collectionKeys, collections} from '../model/resources.js';
import type {Topology} from '../model/types.js';
import {findCommand, nounAliases, verbs, commandDefs} from './registry.js';
import type {ArgSpec} from './syntax.js';

export type Completion = {
	/** Where the word being completed starts (0-based): replace line[replaceFrom..cursor]. */
	readonly replaceFrom: number;
	readonly suggestions: readonly string[];
};

/** The kind part of an id, `sg-` of `sg-0abc`: typed that far, a word is taken for an id. */
const idStem = (id: string) => (id.includes('-') ? id.slice(0, id.indexOf('-') + 1) : id).toLowerCase();

/**
 * The resources of these kinds, each by its name, or by its id when it has none. Once the word
 * typed reaches the kind part of an id (`i-`, `sg-a`, `rtb-`), the ids of named resources come
 * too; an empty or shorter word (`v` before `vpc=`) lists each resource once.
 */
function resourceWords(topology: Topology, kinds: readonly ResourceKind[] | undefined, typed: string): string[] {
	const words: string[] = [];
	for (const collection of collectionKeys) {
		if (kinds && !kinds.includes(collections[collection])) continue;
		for (const resource of topology[collection] as readonly AnyResource[]) {
			words.push(resource.name ?? resource.id);
			if (resource.name !== undefined && resource.name !== resource.id && typed.startsWith(idStem(resource.id))) words.push(resource.id);
		}
	}
	return words;
}

function valuesFor(spec: ArgSpec, topology: Topology, typed: string): string[] {
	switch (spec.kind) {
		case 'ref':
		case 'refs':
		case 'destination':
		case 'peer':
			return [...(spec.values ?? []), ...resourceWords(topology, spec.refKinds, typed)];
		case 'enum':
			return [...(spec.values ?? [])];
		case 'bool':
			return ['true', 'false'];
		case 'protocol':
			return ['tcp', 'udp', 'icmp', 'all'];
		case 'ip':
			return [...(spec.values ?? [])];
		case 'text':
			return spec.refKinds ? resourceWords(topology, spec.refKinds, typed) : [];
		default:
			return [];
	}
}

const unquoted = (prefix: string) => prefix.replace(/^["']/, '');

/** Words starting with the prefix, sorted; names with blanks come quoted, ready to insert. */
const matching = (words: readonly string[], prefix: string) => {
	const lower = unquoted(prefix).toLowerCase();
	const found = new Set(words.filter(word => word.toLowerCase().startsWith(lower)));
	return [...found].sort().map(word => (/\s/.test(word) ? `"${word}"` : word));
};

export function complete(line: string, cursor: number, topology: Topology): Completion {
	const before = line.slice(0, cursor);
	const start = before.search(/\S*$/);
	const word = before.slice(start);
	const done = before.slice(0, start).trim().split(/\s+/).filter(Boolean);
	if (done.length === 0) {
		const firsts = [...verbs.keys(), ...commandDefs.filter(def => !def.name.includes(' ')).map(def => def.name)];
		return {replaceFrom: start, suggestions: matching(firsts, word)};
	}
	const verb = done[0]!.toLowerCase();
	if (done.length === 1 && verbs.has(verb)) return {replaceFrom: start, suggestions: matching([...verbs.get(verb)!], word)};
	const twoWords = verbs.has(verb);
	if (verb === 'help') {
		const topic = before.slice(before.indexOf('help') + 4).trimStart();
		const names = commandDefs.map(def => def.name).filter(name => name.startsWith(topic.toLowerCase()));
		const words = names.map(name => name.split(' ')[done.length - 1]).filter((item): item is string => item !== undefined);
		return {replaceFrom: start, suggestions: matching(words, word)};
	}
	const def = twoWords ? findCommand(`${verb} ${nounAliases.get(done[1]!.toLowerCase()) ?? done[1]!.toLowerCase()}`) : findCommand(verb);
	if (!def) return {replaceFrom: start, suggestions: []};
	const options = def.options ?? [];
	const all = [...def.args, ...options];
	const given = done.slice(twoWords ? 2 : 1);
	const keysGiven = new Set(given.filter(item => item.includes('=')).map(item => item.slice(0, item.indexOf('='))));
	const positional = given.filter(item => !item.includes('='));
	const open = def.args.filter(arg => !keysGiven.has(arg.name));
	// What the line says so far, by argument name, for suggestions that depend on it.
	const sofar: Record<string, string> = {};
	for (const item of given) if (item.includes('=')) sofar[item.slice(0, item.indexOf('='))] = item.slice(item.indexOf('=') + 1);
	positional.forEach((item, index) => open[index] && (sofar[open[index]!.name] = item.replace(/^["']|["']$/g, '')));
	// An argument written key=value is offered the same values as in its place.
	const offers = (spec: ArgSpec, prefix: string) => [
		...(spec.suggest?.(topology, sofar) ?? []),
		...valuesFor(spec, topology, unquoted(prefix).toLowerCase()),
	];
	const equals = word.indexOf('=');
	if (equals > 0) {
		const spec = all.find(item => item.name === word.slice(0, equals));
		if (!spec) return {replaceFrom: start, suggestions: []};
		const value = word.slice(equals + 1);
		const comma = spec.kind === 'refs' ? value.lastIndexOf(',') + 1 : 0;
		const prefix = value.slice(comma);
		return {replaceFrom: start + equals + 1 + comma, suggestions: matching(offers(spec, prefix), prefix)};
	}
	const next = open[positional.length];
	const keys = all.filter(item => !keysGiven.has(item.name) && !open.slice(0, positional.length).includes(item)).map(item => `${item.name}=`);
	const values = next ? offers(next, word) : [];
	return {replaceFrom: start, suggestions: [...matching(values, word), ...matching(keys, word)]};
}
