import {describe, expect, it} from 'vitest';
import {locateJsonError, parseJson} from '../../source/store/json.js';

describe('locateJsonError', () => {
	it('finds nothing wrong in valid JSON', () => {
		const valid = ['0', '-0.5e+3', '"a\\u00e9\\n"', 'true', ' null ', '[]', '{}', '[1, [2, {"a": [true, false, null]}]]', '{"a": {"b": {}}, "c": []}', '"\\"\\\\\\/\\b\\f\\r\\t"'];
		for (const text of valid) expect(locateJsonError(text), text).toBeUndefined();
	});

	it.each([
		['', 1, 1, 'unexpected end of file, expected a value'],
		['{"a": 1,}', 1, 9, 'unexpected "}", expected a property name in double quotes'],
		['[1, 2', 1, 6, 'unexpected end of file, expected "," or "]"'],
		['{"a" 1}', 1, 6, 'unexpected "1", expected ":"'],
		['{\n\t"a": tru\n}', 2, 7, 'unexpected "t", expected a value'],
		['[01]', 1, 3, 'unexpected "1", expected "," or "]"'],
		['{"a": "x\ny"}', 1, 9, 'a control character must be escaped inside a string'],
		['"\\x"', 1, 2, 'bad escape in a string'],
		['{} {}', 1, 4, 'unexpected "{", expected the end of the file'],
		['["abc', 1, 6, 'unexpected end of file inside a string'],
		['{\'a\': 1}', 1, 2, 'unexpected "\'", expected a property name in double quotes'],
	])('places the error in %j at line %i, column %i', (text, line, column, message) => {
		expect(locateJsonError(text)).toMatchObject({line, column, message});
	});

	it('agrees with JSON.parse on thousands of damaged documents', () => {
		const base = JSON.stringify({schemaVersion: 1, name: 'lab', vpcs: [{id: 'vpc-1', cidrBlocks: ['10.0.0.0/16'], n: -1.5e3, ok: true, none: null}], s: 'a\\"b\\u0041'}, undefined, '\t');
		const alphabet = '{}[],:"\\ \n0123456789-+.eEtrufalsn';
		let seed = 42;
		const random = (limit: number) => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed % limit;
		};
		for (let round = 0; round < 3000; round++) {
			let text = base;
			for (let edits = 1 + random(3); edits > 0; edits--) {
				const at = random(text.length + 1);
				const kind = random(3);
				const char = alphabet[random(alphabet.length)]!;
				text = kind === 0 ? text.slice(0, at) + text.slice(at + 1) : kind === 1 ? text.slice(0, at) + char + text.slice(at) : text.slice(0, at) + char + text.slice(at + 1);
			}
			let valid = true;
			try {
				JSON.parse(text);
			} catch {
				valid = false;
			}
			expect(locateJsonError(text) === undefined, text).toBe(valid);
		}
	});

	it('copes with very deep nesting without overflowing the stack', () => {
		expect(locateJsonError('['.repeat(200_000))).toMatchObject({line: 1, column: 200_001});
	});
});

describe('parseJson', () => {
	it('parses once and reports where it failed', () => {
		expect(parseJson('{"a": [1]}')).toEqual({ok: true, value: {a: [1]}});
		expect(parseJson('{"a": [1}')).toMatchObject({ok: false, error: {line: 1, column: 9, offset: 8}});
	});
});
