// Tab completion for the palette line: command names first, then resource ids and names of the
// open topology for the word under the cursor. Completes the common prefix of the candidates and
// lists them when more than one remains.
import {collectionKeys, type AnyResource} from '../model/resources.js';
import type {Topology} from '../model/types.js';
import type {Completion} from './services.js';

function commonPrefix(words: readonly string[]): string {
	if (words.length === 0) return '';
	let prefix = words[0]!;
	for (const word of words) while (!word.toLowerCase().startsWith(prefix.toLowerCase())) prefix = prefix.slice(0, -1);
	return prefix;
}

/** Every id and name in the topology, ids first. Cached per topology object. */
const refCache = new WeakMap<Topology, string[]>();
export function topologyRefs(topology: Topology): string[] {
	const cached = refCache.get(topology);
	if (cached) return cached;
	const ids: string[] = [];
	const names: string[] = [];
	for (const key of collectionKeys) {
		for (const resource of topology[key] as readonly AnyResource[]) {
			ids.push(resource.id);
			if (resource.name) names.push(resource.name);
		}
	}
	const refs = [...new Set([...names, ...ids])];
	refCache.set(topology, refs);
	return refs;
}

export function completeLine(line: string, cursor: number, topology: Topology, commandNames: readonly string[]): Completion {
	const before = line.slice(0, cursor);
	const after = line.slice(cursor);
	const wordStart = before.search(/\S*$/);
	const word = before.slice(wordStart);
	const typed = before.slice(0, wordStart).trim();
	// Command names are one or two words (`add subnet`): match on the text typed so far.
	const commandPrefix = typed ? `${typed} ${word}` : word;
	const commandWords = commandNames
		.filter(name => name.startsWith(commandPrefix.toLowerCase()) && name.split(' ').length > (typed ? typed.split(/\s+/).length : 0))
		.map(name => name.split(' ')[typed ? typed.split(/\s+/).length : 0]!);
	let candidates = [...new Set(commandWords)];
	if (candidates.length === 0 && typed) {
		// `key=value` options: complete the value part.
		const eq = word.indexOf('=');
		const valuePart = eq >= 0 ? word.slice(eq + 1) : word;
		const head = eq >= 0 ? word.slice(0, eq + 1) : '';
		const needle = valuePart.toLowerCase();
		candidates = topologyRefs(topology)
			.filter(ref => ref.toLowerCase().startsWith(needle))
			.slice(0, 50)
			.map(ref => head + ref);
	}
	if (candidates.length === 0) return {text: line, cursor, candidates: []};
	const completed = candidates.length === 1 ? `${candidates[0]} ` : commonPrefix(candidates);
	const replacement = completed.length >= word.length ? completed : word;
	const text = before.slice(0, wordStart) + replacement + after;
	return {text, cursor: wordStart + replacement.length, candidates: candidates.length > 1 ? candidates.slice(0, 20) : []};
}
