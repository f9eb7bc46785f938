// JSON helpers for documents read from disk: one parse on the happy path, and on failure a
// line and column that V8's messages do not reliably give (Node 20 often names no position).
import {createHash} from 'node:crypto';

export type JsonSyntaxError = {readonly offset: number; readonly line: number; readonly column: number; readonly message: string};

/** The content hash that identifies one version of a file: what `revision` means everywhere. */
export function revisionOf(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** Decodes UTF-8, dropping a byte order mark that editors on Windows like to add. */
export function decodeText(bytes: Buffer): string {
	const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	return bytes.toString('utf8', start);
}

export type ParsedJson = {ok: true; value: unknown} | {ok: false; error: JsonSyntaxError};

export function parseJson(text: string): ParsedJson {
	try {
		return {ok: true, value: JSON.parse(text)};
	} catch {
		return {ok: false, error: locateJsonError(text) ?? at(text, 0, 'not valid JSON')};
	}
}

function at(text: string, offset: number, message: string): JsonSyntaxError {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return {offset, line, column: offset - lineStart + 1, message};
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]{4}$/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Finds the first syntax error in `text`, or undefined when it is valid JSON. Only called after
 * JSON.parse has failed, so it favours plainness over speed; it keeps its own stack so that deep
 * nesting cannot overflow the call stack.
 */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
	let i = 0;
	const closers: string[] = [];
	const fail = (message: string) => at(text, i, message);
	const unexpected = (expected: string) =>
		fail(i >= text.length ? `unexpected end of file, expected ${expected}` : `unexpected ${JSON.stringify(text[i])}, expected ${expected}`);
	const skip = () => {
		while (i < text.length && WHITESPACE.has(text[i]!)) i++;
	};
	const string = (): JsonSyntaxError | undefined => {
		i++;
		for (;;) {
			if (i >= text.length) return fail('unexpected end of file inside a string');
			const c = text[i]!;
			if (c === '"') {
				i++;
				return undefined;
			}
			if (c < ' ') return fail('a control character must be escaped inside a string');
			if (c === '\\') {
				const next = text[i + 1];
				if (next === 'u') {
					if (!HEX.test(text.slice(i + 2, i + 6))) return fail('bad \\u escape in a string');
					i += 6;
				} else if (next !== undefined && ESCAPES.has(next)) i += 2;
				else return fail('bad escape in a string');
			} else i++;
		}
	};
	const key = (): JsonSyntaxError | undefined => {
		if (text[i] !== '"') return unexpected('a property name in double quotes');
		const error = string();
		if (error) return error;
		skip();
		if (text[i] !== ':') return unexpected('":"');
		i++;
		return undefined;
	};

	for (;;) {
		// A value is expected here.
		skip();
		const c = text[i];
		if (c === '{' || c === '[') {
			i++;
			skip();
			if (text[i] === (c === '{' ? '}' : ']')) i++;
			else {
				closers.push(c === '{' ? '}' : ']');
				if (c === '{') {
					const error = key();
					if (error) return error;
				}
				continue;
			}
		} else if (c === '"') {
			const error = string();
			if (error) return error;
		} else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
			NUMBER.lastIndex = i;
			if (!NUMBER.test(text)) return fail('bad number');
			i = NUMBER.lastIndex;
		} else {
			const word = ['true', 'false', 'null'].find(w => text.startsWith(w, i));
			if (!word) return unexpected('a value');
			i += word.length;
		}
		// After a value: close containers until a comma asks for the next value.
		for (;;) {
			skip();
			const closer = closers.at(-1);
			if (closer === undefined) return i < text.length ? unexpected('the end of the file') : undefined;
			if (text[i] === closer) {
				i++;
				closers.pop();
				continue;
			}
			if (text[i] !== ',') return unexpected(`"," or "${closer}"`);
			i++;
			if (closer === '}') {
				skip();
				const error = key();
				if (error) return error;
			}
			break;
		}
	}
}
