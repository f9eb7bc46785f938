// The Routes and Rules panes: section headings and rows, windowed, with the row the current trace
// hop matched marked and kept in view.
import {Text} from 'ink';
import {fit, listRows, windowStart, type Rect} from './layout.js';
import {ListRow, PaneFrame, Paragraph} from './PaneFrame.js';
import type {Line} from './selection.js';
import {hue} from './theme.js';

type Props<T> = {
	readonly number: number;
	readonly title: string;
	readonly lines: ReadonlyArray<Line<T>>;
	readonly empty?: string;
	readonly cursor: number;
	readonly rect: Rect;
	readonly focused: boolean;
	readonly filter: string;
	readonly filtering: boolean;
	readonly format: (row: T) => {text: string; dim?: string};
	readonly isMarked: (row: T) => boolean;
	/** Shown after the title: what the pane follows (the selection or the trace hop). */
	readonly context?: string;
	readonly tabs?: ReadonlyArray<{number: number; title: string; active: boolean}>;
};

export function TablePane<T>({number, title, lines, empty, cursor, rect, focused, filter, filtering, format, isMarked, context, tabs}: Props<T>) {
	if (rect.height === 0) return null;
	const width = rect.width - 2;
	const visible = listRows(rect) - (filter || filtering ? 1 : 0) - (context ? 1 : 0);
	const marked = lines.findIndex(line => line.kind === 'row' && isMarked(line.row));
	// Unfocused, the pane follows the trace: the matched row stays in view.
	const anchor = !focused && marked >= 0 ? marked : cursor;
	const start = windowStart(anchor, lines.length, visible);
	return (
		<PaneFrame number={number} title={title} rect={rect} focused={focused} tabs={tabs} summary={lines.length > visible ? `${Math.min(cursor + 1, lines.length)}/${lines.length}` : ''}>
			{context ? (
				<Text wrap="truncate" dimColor>
					{fit(context, width)}
				</Text>
			) : null}
			{filter || filtering ? (
				<Text wrap="truncate" color={hue('yellow')}>
					/{filter}
					{filtering ? '█' : ''}
				</Text>
			) : null}
			{lines.length === 0 && empty ? <Paragraph text={empty} width={width} maxLines={visible} /> : null}
			{lines.slice(start, start + visible).map((line, offset) => {
				const at = start + offset;
				if (line.kind === 'heading')
					return (
						<Text key={at} wrap="truncate" bold color={hue(at === cursor && focused ? 'cyan' : 'blue')}>
							{fit(`${at === cursor ? '>' : ' '}${line.text}`, width)}
						</Text>
					);
				const shown = format(line.row);
				return <ListRow key={at} selected={at === cursor} focused={focused} marked={isMarked(line.row)} width={width} text={` ${shown.text}`} dim={shown.dim} />;
			})}
		</PaneFrame>
	);
}
