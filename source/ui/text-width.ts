// A fast path in front of string-width for the text the console draws: ASCII, Latin letters, the
// box-drawing, arrow and shape glyphs of the frames, and colour codes. string-width answers every
// string with a non-ASCII character by grapheme segmentation and a `\p{RGI_Emoji}` regular
// expression whose first use costs tens of milliseconds, paid by the first frame (every pane
// border is non-ASCII). Here those strings are counted one column per character, as string-width
// counts them; anything else (wide, combining, emoji, other escapes) returns -1 and goes to
// string-width itself. The build puts this in front of Ink's string-width; test/ui/text-width.test.ts
// checks every character it accepts against the real thing.

/** Inclusive ranges of code points that are one column wide on their own (ambiguous ones narrow). */
const NARROW: readonly (readonly [number, number])[] = [
	[0x20, 0x7e],
	[0xa0, 0xac], // U+00AD, the soft hyphen, is invisible
	[0xae, 0x2ff], // Latin-1, Latin Extended, IPA, spacing modifiers; combining marks start at U+0300
	[0x2010, 0x2027],
	[0x2030, 0x205e],
	[0x2190, 0x21ff], // arrows
	[0x2500, 0x25fc], // box drawing, blocks, geometric shapes (U+25FD and U+25FE are wide emoji)
	[0x2713, 0x2718], // check and cross marks
];

function isNarrow(code: number): boolean {
	for (const [low, high] of NARROW) {
		if (code < low) return false;
		if (code <= high) return true;
	}
	return false;
}

/**
 * The width of `text` in columns when every character is one column wide, skipping colour and
 * style escape sequences; -1 when it needs the full rules.
 */
export function narrowWidth(text: string): number {
	let width = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x20 && code <= 0x7e) {
			width++;
			continue;
		}
		if (code === 0x1b && text.charCodeAt(i + 1) === 0x5b) {
			// The escapes Ink writes for colour and style: ESC [ digits ; : ... then a letter.
			let j = i + 2;
			while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x3b) j++;
			const final = text.charCodeAt(j);
			if (!((final >= 0x41 && final <= 0x5a) || (final >= 0x61 && final <= 0x7a))) return -1;
			i = j;
			continue;
		}
		if (!isNarrow(code)) return -1;
		width++;
	}
	return width;
}

type Options = {readonly ambiguousIsNarrow?: boolean; readonly countAnsiEscapeCodes?: boolean};

/** string-width with the fast path: same answers, and the same options honoured. */
export function withNarrowFastPath(full: (text: string, options?: Options) => number) {
	return (text: string, options?: Options): number => {
		if (typeof text === 'string' && options?.ambiguousIsNarrow !== false && options?.countAnsiEscapeCodes !== true) {
			const width = narrowWidth(text);
			if (width >= 0) return width;
		}
		return full(text, options);
	};
}
