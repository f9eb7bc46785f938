// The command palette as drawn: the line with its cursor, the inline error, completion
// candidates and the output of commands that only explain (help, cidr).
import {Box, Text} from 'ink';
import {fit, wrapText} from './layout.js';
import type {PaletteState} from './paletteState.js';
import {hue} from './theme.js';

/** An error keeps a few lines: enough for the command language's longest, short of hiding the panes. */
export const maxErrorLines = 3;

/** The inline error as shown, wrapped to the palette's inside width. */
export function errorLines(state: PaletteState, width: number): string[] {
	return state.error ? wrapText(`✗ ${state.error}`, width - 4, maxErrorLines) : [];
}

/** Rows the palette takes besides its answer: the frame, the line, `applying…`, the error and the candidates. */
export function paletteChrome(state: PaletteState, width: number): number {
	return 3 + (state.applying ? 1 : 0) + errorLines(state, width).length + (state.candidates.length > 0 ? 1 : 0);
}

/** Answer lines that fit in a budget of rows for the whole palette (at least two: a line and where it is). */
export function outputRows(state: PaletteState, budget: number, width: number): number {
	return Math.max(2, budget - paletteChrome(state, width));
}

export function paletteHeight(state: PaletteState, output: readonly string[], maxOutput: number, width: number): number {
	return paletteChrome(state, width) + Math.min(output.length, maxOutput);
}

type Props = {readonly state: PaletteState; readonly output: readonly string[]; readonly top: number; readonly width: number; readonly maxOutput: number};

/** The first output line shown, kept so the last page is full. */
export function outputStart(top: number, total: number, maxOutput: number): number {
	return total <= maxOutput ? 0 : Math.max(0, Math.min(top, total - (maxOutput - 1)));
}

export function PalettePanel({state, output, top, width, maxOutput}: Props) {
	// A long answer (help) pages: one line says where it is and how to move.
	const long = output.length > maxOutput;
	const start = outputStart(top, output.length, maxOutput);
	const shownOutput = long ? output.slice(start, start + maxOutput - 1) : output;
	const inner = width - 4;
	// Keep the cursor in view on a line longer than the panel.
	const offset = Math.max(0, state.cursor - inner + 2);
	const shown = state.text.slice(offset);
	const at = state.cursor - offset;
	return (
		<Box flexDirection="column" width={width} borderStyle="round" borderColor={hue('yellow')}>
			<Text wrap="truncate">
				<Text color={hue('yellow')}>:</Text>
				{shown.slice(0, at)}
				<Text inverse>{shown[at] ?? ' '}</Text>
				{shown.slice(at + 1)}
			</Text>
			{state.applying ? (
				<Text wrap="truncate" color={hue('yellow')}>
					{fit('applying…', inner)}
				</Text>
			) : null}
			{errorLines(state, width).map((line, index) => (
				<Text key={`error${index}`} wrap="truncate" color={hue('red')}>
					{line}
				</Text>
			))}
			{state.candidates.length > 0 ? (
				<Text wrap="truncate" dimColor>
					{fit(state.candidates.join('  '), inner)}
				</Text>
			) : null}
			{shownOutput.map((line, index) => (
				<Text key={index} wrap="truncate">
					{fit(line, inner)}
				</Text>
			))}
			{long ? (
				<Text dimColor wrap="truncate">
					{fit(`lines ${start + 1}-${start + shownOutput.length} of ${output.length}; PgUp/PgDn to scroll`, inner)}
				</Text>
			) : null}
		</Box>
	);
}
