// The Trace pane: the verdict in plain words, the hop list (request then reply) and the selected
// hop's detail, including the packet header before and after a rewrite.
import {Box, Text} from 'ink';
import type {Hop, Packet} from '../engine/types.js';
import {aKind, kindName, type ResourceKind} from '../model/resources.js';
import type {TraceView} from './consoleState.js';
import {traceHops} from './consoleState.js';
import {fit, listRows, windowStart, wrapText, type Rect} from './layout.js';
import {ListRow, PaneFrame, Paragraph} from './PaneFrame.js';
import {hue} from './theme.js';

type Props = {
	readonly trace: TraceView | undefined;
	readonly rect: Rect;
	readonly focused: boolean;
	readonly tabs?: ReadonlyArray<{number: number; title: string; active: boolean}>;
	/** The name to show for a resource id (`web-1 (i-0abc)`). */
	readonly labelOf: (id: string) => string;
};

export function describePacket(packet: Packet): string {
	const port = (value?: number) => (value === undefined ? '' : `:${value}`);
	return `${packet.protocol} ${packet.source}${port(packet.sourcePort)} → ${packet.destination}${port(packet.destinationPort)}`;
}

const actionWords: Record<Hop['action'], string> = {
	allow: 'allows',
	deny: 'DENIES',
	forward: 'forwards',
	translate: 'rewrites',
	deliver: 'delivers',
	drop: 'DROPS',
};

/** What a hop is, in words: `an instance`, `a security group`; nothing for the internet itself. */
export function hopKind(type: string, article = true): string {
	// The internet's hops are labelled "internet" already: no kind after the label.
	if (type === 'internet') return '';
	return article ? aKind(type as ResourceKind) : kindName(type as ResourceKind);
}

/** The outcome in words a learner understands. */
export function verdict(trace: TraceView, labelOf: (id: string) => string): string {
	const {result} = trace;
	if (result.reachable) return 'Reachable: the request arrives and the reply gets back.';
	const blocked = result.blockedAt;
	if (!blocked) return 'Not reachable.';
	const why = result.explanations.find(item => item.component === blocked.component && item.code === blocked.code)?.message;
	const where = blocked.direction === 'return' ? 'the request arrives, but the reply is stopped on its way back' : 'the request is stopped on its way there';
	// The code is in the hop's detail; the verdict keeps to words.
	return `Not reachable: ${where} at ${labelOf(blocked.component)}.${why ? ` ${why}` : ` (${blocked.code})`}`;
}

export function TracePane({trace, rect, focused, tabs, labelOf}: Props) {
	if (rect.height === 0) return null;
	const width = rect.width - 2;
	if (!trace)
		return (
			<PaneFrame number={4} title="Trace" rect={rect} focused={focused} tabs={tabs}>
				<Paragraph text="No trace yet. Press t to pick a source and a destination, s for the suggested traces, or type : trace <from> <to> tcp 443." width={width} maxLines={listRows(rect)} />
			</PaneFrame>
		);
	const hops = traceHops(trace);
	const current = hops[trace.cursor];
	const detailLines: string[] = [];
	if (current) {
		const {hop, direction, index} = current;
		const kind = hopKind(hop.type);
		detailLines.push(`${direction === 'forward' ? 'Request' : 'Reply'} hop ${index + 1}: ${labelOf(hop.component)}${kind ? `, ${kind},` : ''} ${actionWords[hop.action]}`);
		detailLines.push(hop.detail);
		if (hop.code) detailLines.push(`code ${hop.code}`);
		if (hop.packet) {
			detailLines.push(`before ${hop.packetBefore ? describePacket(hop.packetBefore) : '(as received)'}`);
			detailLines.push(`after  ${describePacket(hop.packet)}`);
		}
	}
	const verdictText = trace.stale ? `Out of date: the topology changed and the trace cannot run again (${trace.stale}).` : verdict(trace, labelOf);
	// Rows: verdict (wrapped), packet, hop list, a rule, detail. A short pane gives up detail rows,
	// then verdict rows, so the list keeps two rows and nothing spills over the frame.
	const content = listRows(rect);
	// Wrapped here rather than by Ink, so a short pane shows whole first rows and not a jumble.
	const verdictWrapped = wrapText(verdictText, width);
	const detailWrapped = detailLines.flatMap((line, at) => wrapText(line, width).map(text => ({text, first: at === 0})));
	let verdictRows = Math.min(rect.height >= 20 ? 5 : 4, verdictWrapped.length);
	let detailRows = Math.min(detailWrapped.length, 7);
	let over = verdictRows + 1 + 2 + 1 + detailRows - content;
	const fromDetail = Math.max(0, Math.min(over, detailRows - 1));
	detailRows -= fromDetail;
	over -= fromDetail;
	verdictRows -= Math.max(0, Math.min(over, verdictRows - 1));
	const listHeight = Math.max(1, content - verdictRows - 1 - 1 - detailRows);
	const start = windowStart(trace.cursor, hops.length, listHeight);
	return (
		<PaneFrame number={4} title="Trace" rect={rect} focused={focused} tabs={tabs} summary={`${trace.cursor + 1}/${hops.length} ${trace.playing ? '▶ playing' : 'paused'}`}>
			{wrapText(verdictText, width, verdictRows).map((line, at) => (
				<Text key={`verdict${at}`} wrap="truncate" bold color={hue(trace.stale ? 'yellow' : trace.result.reachable ? 'green' : 'red')}>
					{line}
				</Text>
			))}
			<Text wrap="truncate" dimColor>
				{fit(describePacket(trace.result.packet), width)}
			</Text>
			<Box flexDirection="column" height={listHeight} overflow="hidden">
				{hops.slice(start, start + listHeight).map(({hop, direction, index}, offset) => {
					const at = start + offset;
					const arrow = direction === 'forward' ? '→' : '←';
					const tone = hop.action === 'deny' || hop.action === 'drop' ? 'red' : undefined;
					return (
						<ListRow
							key={`${direction}${index}`}
							selected={at === trace.cursor}
							focused={focused}
							width={width}
							text={`${arrow} ${String(index + 1).padStart(2)} ${hop.action.padEnd(9)} ${labelOf(hop.component)}`}
							dim={hopKind(hop.type, false)}
							color={tone}
						/>
					);
				})}
			</Box>
			<Text dimColor>{'─'.repeat(Math.max(0, width))}</Text>
			{detailWrapped.slice(0, detailRows).map((line, at) => (
				<Text key={`detail${at}`} wrap="truncate" bold={line.first}>
					{line.text}
				</Text>
			))}
		</PaneFrame>
	);
}
