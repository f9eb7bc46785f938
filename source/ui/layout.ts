// Layout math, kept pure so it is tested without a terminal: where each pane goes and how many
// rows of a list fit, for the terminal's current size.
import type {Pane} from './keys.js';

export const minColumns = 80;
export const minRows = 24;

export type Rect = {readonly x: number; readonly y: number; readonly width: number; readonly height: number};

export type Layout = {
	/** `stacked`: one pane large and the others as a line each (80x24); `grid`: all four open. */
	readonly mode: 'stacked' | 'grid';
	/** The whole frame: one row less than the terminal, so Ink never clears and redraws it all. */
	readonly width: number;
	readonly height: number;
	/** Rows for the panes between the header (1 row) and the footer (2 rows: message and keys). */
	readonly body: number;
	readonly panes: Readonly<Record<Pane, Rect>>;
};

export function tooSmall(columns: number, rows: number): boolean {
	return columns < minColumns || rows < minRows;
}

const headerRows = 1;
const footerRows = 2;
/** A bordered box spends two rows and two columns on its frame. */
export const frame = 2;

/**
 * `side` is the pane shown beside Resources in the compact layout (the last one focused there);
 * `reserved` rows are taken from the body by a panel such as the palette.
 */
export function computeLayout(columns: number, rows: number, side: Pane, reserved = 0): Layout {
	const width = Math.max(columns, minColumns);
	const height = Math.max(rows, minRows) - 1;
	const body = Math.max(4, height - headerRows - footerRows - reserved);
	const wide = width >= 120 && height >= 30;
	if (!wide) {
		// Compact: Resources on the left; the focused one of the other three on the right (all
		// three as titles), so at 80x24 every pane stays one key away and big enough to read.
		const left = Math.floor(width * 0.45);
		const right = width - left;
		const rest = side === 'resources' ? 'routes' : side;
		const panes = {} as Record<Pane, Rect>;
		panes.resources = {x: 0, y: headerRows, width: left, height: body};
		for (const pane of ['routes', 'rules', 'trace'] as const)
			panes[pane] = pane === rest ? {x: left, y: headerRows, width: right, height: body} : {x: left, y: headerRows, width: right, height: 0};
		return {mode: 'stacked', width, height, body, panes};
	}
	// Side by side: Resources tall on the left, Routes and Rules in the middle, Trace on the right.
	const left = Math.floor(width * 0.3);
	const middle = Math.floor(width * 0.38);
	const right = width - left - middle;
	const top = Math.floor(body / 2);
	return {
		mode: 'grid',
		width,
		height,
		body,
		panes: {
			resources: {x: 0, y: headerRows, width: left, height: body},
			routes: {x: left, y: headerRows, width: middle, height: top},
			rules: {x: left, y: headerRows + top, width: middle, height: body - top},
			trace: {x: left + middle, y: headerRows, width: right, height: body},
		},
	};
}

/** The panes keep this many rows (the Trace pane's verdict, packet, two hops, rule and detail). */
export const minPaneRows = 10;

/** Rows a panel under the panes (the palette) may take from the body and leave the panes their minimum. */
export function panelBudget(body: number): number {
	return Math.max(4, body - minPaneRows);
}

/** Rows of content a pane shows inside its frame and title line. */
export function listRows(rect: Rect): number {
	return Math.max(1, rect.height - frame - 1);
}

/** The first visible row that keeps `cursor` in view, centred where the list allows. */
export function windowStart(cursor: number, total: number, visible: number): number {
	if (total <= visible) return 0;
	const start = cursor - Math.floor(visible / 2);
	return Math.max(0, Math.min(start, total - visible));
}

/** Cuts a line to a width, marking the cut, so a long name never wraps a pane's rows. */
export function fit(text: string, width: number): string {
	if (width <= 0) return '';
	if (text.length <= width) return text;
	return width <= 1 ? text.slice(0, width) : `${text.slice(0, width - 1)}…`;
}

/** A token of one or two marks and no letters or digits (`:`, `→`, `-`): it goes with the word after it. */
const mark = /^[^\p{L}\p{N}\s]{1,2}$/u;

/** A row of a two-column table, indented, its second column after a gap of two spaces or more. */
const tableRow = /^ +\S+(?: \S+)*? {2,}(?=\S)/;

/**
 * Word-wraps text to a width. A line wrapped onto the next starts with a word, not a space, except
 * where the paragraph is indented on purpose: an indented line keeps its indent on the lines it
 * wraps to, and an indented table row (`  add vpc     create a VPC`) goes on under its second
 * column. A mark such as `:` or `→` stays with the word after it (`: trace`); a word longer than the
 * width is cut across lines. At most `maxLines` lines are kept, the last one ending in `…` when
 * text was left out.
 */
export function wrapText(text: string, width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
	if (width <= 0) return [];
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) lines.push(...wrapParagraph(paragraph, width));
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, Math.max(1, maxLines));
	const last = kept[kept.length - 1]!;
	kept[kept.length - 1] = last.length >= width ? `${last.slice(0, width - 1)}…` : `${last}…`;
	return kept;
}

function wrapParagraph(paragraph: string, width: number): string[] {
	const half = Math.floor(width / 2);
	const indent = Math.min(/^ */.exec(paragraph)![0].length, half);
	const column = tableRow.exec(paragraph)?.[0].length;
	const hang = ' '.repeat(column !== undefined && column <= half ? column : indent);
	// Each word with the spaces before it, so the spacing inside a line stays as written.
	const words = [...paragraph.slice(indent).matchAll(/( *)(\S+)/g)].map(([, space, word]) => ({space: space!, word: word!}));
	const lines: string[] = [];
	let line = ' '.repeat(indent);
	let fresh = true;
	const place = (space: string, word: string) => {
		const joined = `${line}${fresh ? '' : space}${word}`;
		if (joined.length <= width) {
			line = joined;
			fresh = false;
			return;
		}
		if (!fresh) lines.push(line);
		let rest = word;
		while (hang.length + rest.length > width) {
			lines.push(hang + rest.slice(0, width - hang.length));
			rest = rest.slice(width - hang.length);
		}
		line = hang + rest;
		fresh = false;
	};
	for (let at = 0; at < words.length; at++) {
		const {space, word} = words[at]!;
		const next = words[at + 1];
		const together = next && mark.test(word) ? `${word}${next.space}${next.word}` : undefined;
		// The mark and its word go to the next line together when they fit on one.
		if (together !== undefined && hang.length + together.length <= width) {
			place(space, together);
			at++;
		} else place(space, word);
	}
	lines.push(line);
	return lines;
}
