// The frame every pane shares: a border that lights up when focused and a title line with the
// pane's number (its focus key) and a summary on the right.
import React from 'react';
import {Box, Text} from 'ink';
import {paneTitles} from './keys.js';
import {fit, wrapText, type Rect} from './layout.js';
import {colorsOn, hue} from './theme.js';

type Props = {
	readonly number: number;
	readonly title: string;
	readonly summary?: string;
	readonly rect: Rect;
	readonly focused: boolean;
	/** Other panes sharing this place in the compact layout, shown as tabs. */
	readonly tabs?: ReadonlyArray<{number: number; title: string; active: boolean}>;
	readonly children: React.ReactNode;
};

// No overflow clipping: every row is cut to the width and counted to the height by the panes,
// and clipping makes Ink re-slice every line of the pane on every frame.
export function PaneFrame({number, title, summary, rect, focused, tabs, children}: Props) {
	const inner = rect.width - 2;
	const heading = tabs
		? tabs.map(tab => (tab.active ? `[${tab.number} ${tab.title}]` : ` ${tab.number} ${tab.title} `)).join(' ')
		: `[${number} ${title}]`;
	const right = summary ? fit(summary, Math.max(0, inner - heading.length - 1)) : '';
	const gap = Math.max(1, inner - heading.length - right.length);
	return (
		<Box flexDirection="column" width={rect.width} height={rect.height} borderStyle="round" borderColor={hue(focused ? 'cyan' : 'gray')}>
			<Text wrap="truncate">
				<Text bold color={hue(focused ? 'cyan' : undefined)} inverse={focused && !colorsOn()}>
					{fit(heading, inner)}
				</Text>
				{right ? <Text dimColor>{' '.repeat(gap) + right}</Text> : null}
			</Text>
			{children}
		</Box>
	);
}

/** The tabs of the compact layout's right-hand place (Routes, Rules, Trace), `active` the one shown. */
export function sideTabs(active: 'routes' | 'rules' | 'trace'): Array<{number: number; title: string; active: boolean}> {
	return (['routes', 'rules', 'trace'] as const).map((pane, at) => ({number: at + 2, title: paneTitles[pane], active: pane === active}));
}

type RowProps = {readonly selected: boolean; readonly focused: boolean; readonly marked?: boolean; readonly width: number; readonly text: string; readonly dim?: string; readonly color?: string};

/** One list row: `>` marks the cursor, `▶` a row the current trace hop matched. */
export function ListRow({selected, focused, marked, width, text, dim, color}: RowProps) {
	const lead = selected ? '>' : marked ? '▶' : ' ';
	const main = fit(`${lead}${text}`, width);
	const rest = dim ? fit(` ${dim}`, Math.max(0, width - main.length)) : '';
	return (
		<Text wrap="truncate" inverse={selected && focused} color={hue(marked ? 'yellow' : color)} bold={marked}>
			{main}
			{rest ? <Text dimColor>{rest}</Text> : null}
		</Text>
	);
}

type ParagraphProps = {readonly text: string; readonly width: number; readonly maxLines?: number; readonly dim?: boolean; readonly color?: string};

/**
 * Prose wrapped by wrapText rather than by Ink, whose wrapping starts lines with the space it broke
 * at and parts `:` from the word after it.
 */
export function Paragraph({text, width, maxLines, dim, color}: ParagraphProps) {
	return (
		<>
			{wrapText(text, width, maxLines).map((line, at) => (
				<Text key={at} wrap="truncate" dimColor={dim} color={hue(color)}>
					{line}
				</Text>
			))}
		</>
	);
}
