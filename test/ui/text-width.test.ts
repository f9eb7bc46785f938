// The console's fast path for text widths must agree with string-width, which Ink uses, on every
// character it accepts, and hand everything else back.
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {narrowWidth, withNarrowFastPath} from '../../source/ui/text-width.js';

describe('narrowWidth', () => {
	it('agrees with string-width on every character it does not hand back', () => {
		const disagreements: string[] = [];
		let accepted = 0;
		for (let code = 0; code <= 0xffff; code++) {
			if (code >= 0xd800 && code <= 0xdfff) continue;
			const text = String.fromCharCode(code);
			const fast = narrowWidth(text);
			if (fast < 0) continue;
			accepted++;
			const real = stringWidth(text);
			if (fast !== real) disagreements.push(`U+${code.toString(16).padStart(4, '0')} fast ${fast}, string-width ${real}`);
		}
		expect(disagreements).toEqual([]);
		// The glyphs the console draws are all on the fast path.
		expect(accepted).toBeGreaterThan(900);
	});

	it('counts the frames, arrows and marks the console draws, and skips colour codes', () => {
		for (const text of ['┌─ Resources ─┐', '│ ▸ vpc-1  10.0.0.0/16 │', '← → ↑ ↓ ↔ … — ▶ ▾ ✗ ✓ █', '\u001B[31mred\u001B[39m', '\u001B[1;38;5;208m▶ hop\u001B[0m', '\u001B[38:2::255:0:0mx\u001B[m', 'café Zürich', '\u001B[2K\u001B[1A']) {
			expect(narrowWidth(text)).toBe(stringWidth(text));
		}
	});

	it('hands back wide, combining and emoji text and other escape sequences', () => {
		for (const text of ['漢字', 'e\u0301', '👍', '◽', 'soft\u00adhyphen', '\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007', '\u009B31m', 'tab\there', '\u001B[', '\u001B[ 1m', '\u001B[1$p']) {
			expect(narrowWidth(text)).toBe(-1);
		}
	});
});

describe('withNarrowFastPath', () => {
	const width = withNarrowFastPath(stringWidth);

	it('gives string-width answers on both paths', () => {
		for (const text of ['', 'plain', '┌──┐', '漢字 and ─', '\u001B[32mok\u001B[39m 👍']) expect(width(text)).toBe(stringWidth(text));
	});

	it('leaves options it does not model to string-width', () => {
		expect(width('─', {ambiguousIsNarrow: false})).toBe(stringWidth('─', {ambiguousIsNarrow: false}));
		expect(width('\u001B[31mx', {countAnsiEscapeCodes: true})).toBe(stringWidth('\u001B[31mx', {countAnsiEscapeCodes: true}));
	});
});
