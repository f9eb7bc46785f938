// The overlays that take the body's place: the trace picker, the suggested traces and the
// changed-on-disk question.
import {Box, Text} from 'ink';
import type {SuggestedTrace} from '../model/types.js';
import {fit, windowStart} from './layout.js';
import {Paragraph} from './PaneFrame.js';
import type {Endpoint, PickerState} from './tracePicker.js';
import {hue} from './theme.js';

type Box2 = {readonly width: number; readonly height: number};

export function TracePickerOverlay({state, candidates, width, height}: Box2 & {state: PickerState; candidates: readonly Endpoint[]}) {
	const inner = width - 2;
	const title = state.step === 'from' ? 'New trace: where does the packet start?' : state.step === 'to' ? `New trace from ${state.from}: where does it go?` : `New trace ${state.from} → ${state.to}: protocol and port`;
	const visible = Math.max(1, height - 6);
	const start = windowStart(state.cursor, candidates.length, visible);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={hue('cyan')} overflow="hidden">
			<Text bold color={hue('cyan')}>
				{fit(title, inner)}
			</Text>
			<Text wrap="truncate">
				<Text color={hue('yellow')}>{state.step === 'protocol' ? 'protocol port: ' : 'filter or address: '}</Text>
				{state.placeholder ? (
					<>
						<Text inverse>{state.query[0]}</Text>
						<Text dimColor>{state.query.slice(1)}</Text>
					</>
				) : (
					<>
						{state.query}
						<Text inverse> </Text>
					</>
				)}
			</Text>
			<Text color={hue('red')} wrap="truncate">
				{state.error ? fit(`✗ ${state.error}`, inner) : ' '}
			</Text>
			{state.step === 'protocol' ? (
				<Paragraph text="e.g. tcp 443, tcp 22, udp 53, icmp, all. Typing replaces the suggestion; Enter runs the trace; Esc goes back." width={inner} maxLines={visible} dim />
			) : (
				candidates.slice(start, start + visible).map((item, offset) => (
					<Text key={`${item.ref}${offset}`} wrap="truncate" inverse={start + offset === state.cursor}>
						{fit(`${start + offset === state.cursor ? '>' : ' '}${item.label}`, Math.min(inner, 40)).padEnd(Math.min(inner, 40))}
						<Text dimColor>{fit(` ${item.detail}`, Math.max(0, inner - 40))}</Text>
					</Text>
				))
			)}
		</Box>
	);
}

export function describeSuggested(trace: SuggestedTrace): string {
	const port = trace.port === undefined ? '' : ` ${trace.port}`;
	return `${trace.from} → ${trace.to} ${trace.protocol}${port}`;
}

export function SuggestedOverlay({traces, cursor, width, height}: Box2 & {traces: readonly SuggestedTrace[]; cursor: number}) {
	const inner = width - 2;
	const visible = Math.max(1, height - 5);
	const start = windowStart(cursor, traces.length, visible);
	const current = traces[cursor];
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={hue('cyan')} overflow="hidden">
			<Text bold color={hue('cyan')}>
				{fit('Suggested traces (Enter runs one)', inner)}
			</Text>
			{traces.length === 0 ? <Paragraph text="This topology has no suggested traces. Press t to build one." width={inner} maxLines={visible} /> : null}
			{traces.slice(start, start + visible).map((trace, offset) => (
				<Text key={start + offset} wrap="truncate" inverse={start + offset === cursor}>
					{fit(`${start + offset === cursor ? '>' : ' '}${describeSuggested(trace)}  expect ${trace.expect}`, inner)}
				</Text>
			))}
			<Box flexGrow={1} />
			{current ? <Paragraph text={current.why} width={inner} maxLines={2} dim /> : null}
		</Box>
	);
}

export function ConflictOverlay({name, width, height}: Box2 & {name: string}) {
	// Inside the double border and a column of padding on either side.
	const inner = width - 4;
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={hue('red')} paddingX={1}>
			<Text bold color={hue('red')}>
				{name} changed on disk
			</Text>
			<Paragraph text="Another vpcsim saved this topology after you opened it. Your change is kept in memory, not written. Choose:" width={inner} maxLines={3} />
			<Text>  r  reload the version on disk (your change stays in undo)</Text>
			<Text>  o  overwrite it with yours</Text>
			<Text>  s  save yours under a new name (type : save-as NAME)</Text>
			<Text>  Esc decide later (the header says "changed on disk")</Text>
		</Box>
	);
}
