// The command palette as drawn: the line with its cursor, the inline error, completion
// candidates and the output of commands that only explain (help, cidr).
import {Box, Text} from 'ink';
import {fit} from './layout.js';
import type {PaletteState} from './paletteState.js';

export function paletteHeight(state: PaletteState, output: readonly string[], maxOutput: number): number {
	return 3 + (state.error ? 1 : 0) + (state.candidates.length > 0 ? 1 : 0) + Math.min(output.length, maxOutput);
}

type Props = {readonly state: PaletteState; readonly output: readonly string[]; readonly width: number; readonly maxOutput: number};

export function PalettePanel({state, output, width, maxOutput}: Props) {
	const inner = width - 4;
	// Keep the cursor in view on a line longer than the panel.
	const offset = Math.max(0, state.cursor - inner + 2);
	const shown = state.text.slice(offset);
	const at = state.cursor - offset;
	return (
		<Box flexDirection="column" width={width} borderStyle="round" borderColor="yellow">
			<Text wrap="truncate">
				<Text color="yellow">:</Text>
				{shown.slice(0, at)}
				<Text inverse>{shown[at] ?? ' '}</Text>
				{shown.slice(at + 1)}
			</Text>
			{state.error ? (
				<Text wrap="truncate" color="red">
					{fit(`✗ ${state.error}`, inner)}
				</Text>
			) : null}
			{state.candidates.length > 0 ? (
				<Text wrap="truncate" dimColor>
					{fit(state.candidates.join('  '), inner)}
				</Text>
			) : null}
			{output.slice(0, maxOutput).map((line, index) => (
				<Text key={index} wrap="truncate">
					{fit(line, inner)}
				</Text>
			))}
		</Box>
	);
}
