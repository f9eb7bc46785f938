// The console's first frame: the header, the panes' frames at their places and the footer, drawn
// before the topology (and the code that reads, checks and traces it) has loaded. A large topology
// takes a while to read; the user sees the console at once, and the panes fill in where they are.
import {Box, Text} from 'ink';
import {paneTitles} from './keys.js';
import {computeLayout, fit, frame} from './layout.js';
import {PaneFrame, sideTabs} from './PaneFrame.js';
import {hue} from './theme.js';

type Props = {readonly name: string; readonly columns: number; readonly rows: number};

export function OpeningView({name, columns, rows}: Props) {
	const layout = computeLayout(columns, rows, 'routes');
	const p = layout.panes;
	const right = 'opening…';
	const left = fit(`vpcsim  ${name}`, layout.width - right.length - 1);
	const inner = p.resources.width - frame;
	const empty = (number: number, pane: 'routes' | 'rules' | 'trace') => (
		<PaneFrame number={number} title={paneTitles[pane]} rect={p[pane]} focused={false}>
			<Text> </Text>
		</PaneFrame>
	);
	return (
		<Box flexDirection="column" width={layout.width} height={layout.height}>
			<Box width={layout.width}>
				<Text bold>{left.padEnd(layout.width - right.length)}</Text>
				<Text color={hue('yellow')}>{right}</Text>
			</Box>
			<Box height={layout.body}>
				<PaneFrame number={1} title="Resources" rect={p.resources} focused>
					<Text wrap="truncate">{fit(`Opening ${name}…`, inner)}</Text>
					<Text wrap="truncate" dimColor>
						{fit('reading and checking the topology', inner)}
					</Text>
				</PaneFrame>
				{layout.mode === 'grid' ? (
					<>
						<Box flexDirection="column">
							{empty(2, 'routes')}
							{empty(3, 'rules')}
						</Box>
						{empty(4, 'trace')}
					</>
				) : (
					<PaneFrame number={2} title="Routes" rect={p.routes} focused={false} tabs={sideTabs('routes')}>
						<Text> </Text>
					</PaneFrame>
				)}
			</Box>
			<Text> </Text>
			<Text dimColor>q quit</Text>
		</Box>
	);
}
