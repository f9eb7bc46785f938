// The `?` overlay: every key, grouped by where it works, generated from the key table.
import {Box, Text} from 'ink';
import {helpSections} from './keys.js';
import {fit} from './layout.js';
import {hue} from './theme.js';

export function helpLines(): string[] {
	const lines: string[] = [];
	for (const section of helpSections()) {
		if (section.rows.length === 0) continue;
		lines.push(`# ${section.title}`);
		for (const row of section.rows) lines.push(`  ${row.keys.padEnd(18)} ${row.description}`);
	}
	return lines;
}

/** Lines of keys the overlay shows in a body of `height` rows (its frame and title take three). */
export function helpRows(height: number): number {
	return Math.max(1, height - 3);
}

/** Where the overlay can start: the first line, down to the one that shows the last line at the bottom. */
export function helpScrollPositions(height: number): number {
	return Math.max(1, helpLines().length - helpRows(height) + 1);
}

export function HelpOverlay({width, height, scroll}: {width: number; height: number; scroll: number}) {
	const lines = helpLines();
	const visible = helpRows(height);
	const start = Math.max(0, Math.min(scroll, lines.length - visible));
	// The keys that scroll it are in the footer, from the key table.
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={hue('cyan')} overflow="hidden">
			<Text bold color={hue('cyan')}>
				{fit(`Keys  (${start + 1}-${Math.min(lines.length, start + visible)} of ${lines.length}; : then help for commands)`, width - 2)}
			</Text>
			{lines.slice(start, start + visible).map((line, at) => (
				<Text key={at} wrap="truncate" bold={line.startsWith('#')} color={hue(line.startsWith('#') ? 'blue' : undefined)}>
					{fit(line.startsWith('#') ? line.slice(2) : line, width - 2)}
				</Text>
			))}
		</Box>
	);
}
