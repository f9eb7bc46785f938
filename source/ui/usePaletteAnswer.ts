// The palette's answer (help, cidr): wrapped inside the palette's frame rather than cut off, and
// scrolled a page at a time inside the rows the panes can spare, so they keep their minimum height.
import {useMemo, useState} from 'react';
import {panelBudget, wrapText, type Layout} from './layout.js';
import {outputRows, outputStart} from './PalettePanel.js';
import type {PaletteState} from './paletteState.js';

export type PaletteAnswer = {
	/** The answer as shown: wrapped to the frame. */
	readonly lines: readonly string[];
	/** The first line shown. */
	readonly top: number;
	/** The rows the answer may take. */
	readonly maxRows: number;
	/** Replaces the answer and scrolls back to its start. */
	show(lines: readonly string[]): void;
	/** Pages up (-1) or down (1). */
	scroll(direction: number): void;
};

export function usePaletteAnswer(palette: PaletteState, layout: Layout): PaletteAnswer {
	const [output, setOutput] = useState<readonly string[]>([]);
	const [top, setTop] = useState(0);
	const maxRows = outputRows(palette, panelBudget(layout.body), layout.width);
	const lines = useMemo(() => output.flatMap(line => wrapText(line, layout.width - 4)), [output, layout.width]);
	return {
		lines,
		top,
		maxRows,
		show(next) {
			setOutput(next);
			setTop(0);
		},
		scroll(direction) {
			const page = Math.max(1, maxRows - 2);
			setTop(at => outputStart(at + direction * page, lines.length, maxRows));
		},
	};
}
