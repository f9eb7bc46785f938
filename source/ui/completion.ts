// Turns the command language's completion (where the word starts, the words that fit) into the
// palette's new line: one candidate is inserted with a space after it (not after an option's
// `key=`, whose value comes next); several complete their common prefix and are listed under the line.
import type {Completion as WordCompletion} from '../commands/complete.js';
import type {Completion} from './services.js';

export function commonPrefix(words: readonly string[]): string {
	if (words.length === 0) return '';
	let prefix = words[0]!;
	for (const word of words) while (!word.toLowerCase().startsWith(prefix.toLowerCase())) prefix = prefix.slice(0, -1);
	return prefix;
}

export function applyCompletion(line: string, cursor: number, completion: WordCompletion, shown = 20): Completion {
	const {replaceFrom, suggestions} = completion;
	if (suggestions.length === 0) return {text: line, cursor, candidates: []};
	const word = line.slice(replaceFrom, cursor);
	const single = suggestions.length === 1;
	const prefix = single ? (suggestions[0]!.endsWith('=') ? suggestions[0]! : `${suggestions[0]} `) : commonPrefix(suggestions);
	// Never shorten what was typed (a prefix match is case-insensitive).
	const replacement = prefix.length >= word.length ? prefix : word;
	const text = line.slice(0, replaceFrom) + replacement + line.slice(cursor);
	const more = suggestions.length > shown ? [`…${suggestions.length - shown} more`] : [];
	return {text, cursor: replaceFrom + replacement.length, candidates: single ? [] : [...suggestions.slice(0, shown), ...more]};
}
