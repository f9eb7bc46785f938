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

export function HelpOverlay({width, height, scroll}: {width: number; height: number; scroll: number}) {
	const lines = helpLines();
	const visible = Math.max(1, height - 3);
	const start = Math.max(0, Math.min(scroll, lines.length - visible));
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={hue('cyan')} overflow="hidden">
			<Text bold color={hue('cyan')}>
				{fit(`Keys  (${start + 1}-${Math.min(lines.length, start + visible)} of ${lines.length}; j/k scroll, Esc closes; : then help for commands)`, width - 2)}
			</Text>
			{lines.slice(start, start + visible).map((line, at) => (
				<Text key={at} wrap="truncate" bold={line.startsWith('#')} color={hue(line.startsWith('#') ? 'blue' : undefined)}>
					{fit(line.startsWith('#') ? line.slice(2) : line, width - 2)}
				</Text>
			))}
		</Box>
	);
}
