// The Resources pane: the tree of the topology, windowed so that only the rows on screen render.
import {Text} from 'ink';
import {listRows, windowStart, type Rect} from './layout.js';
import {ListRow, PaneFrame, Paragraph} from './PaneFrame.js';
import type {TreeRow} from './tree.js';
import {hue} from './theme.js';

type Props = {
	readonly rows: readonly TreeRow[];
	readonly cursor: number;
	readonly rect: Rect;
	readonly focused: boolean;
	readonly filter: string;
	readonly filtering: boolean;
};

const kindWords: Record<string, string> = {vpc: 'VPC', subnet: 'subnet'};

export function ResourcesPane({rows, cursor, rect, focused, filter, filtering}: Props) {
	if (rect.height === 0) return null;
	const visible = listRows(rect) - (filter || filtering ? 1 : 0);
	const start = windowStart(cursor, rows.length, visible);
	const width = rect.width - 2;
	const summary = rows.length > visible ? `${cursor + 1}/${rows.length}` : '';
	return (
		<PaneFrame number={1} title="Resources" summary={summary} rect={rect} focused={focused}>
			{filter || filtering ? (
				<Text wrap="truncate" color={hue('yellow')}>
					/{filter}
					{filtering ? '█' : ''}
				</Text>
			) : null}
			{rows.length === 0 ? <Paragraph text={filter ? 'Nothing matches the filter.' : 'This topology is empty: press : to add a VPC.'} width={width} maxLines={visible} dim /> : null}
			{rows.slice(start, start + visible).map((row, offset) => {
				const item = row.node;
				const marker = item.children.length > 0 ? (row.expanded ? '▾ ' : '▸ ') : '  ';
				const kind = kindWords[item.kind] ?? '';
				return (
					<ListRow
						key={item.key}
						selected={start + offset === cursor}
						focused={focused}
						width={width}
						text={`${'  '.repeat(row.depth)}${marker}${kind ? `${kind} ` : ''}${item.label}`}
						dim={item.detail}
						color={item.kind === 'group' ? 'magenta' : item.kind === 'vpc' ? 'green' : undefined}
					/>
				);
			})}
		</PaneFrame>
	);
}
