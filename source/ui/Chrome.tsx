// The header (topology name and saved state) and the footer (the last message and the keys that
// work now, generated from the key table).
import {Box, Text} from 'ink';
import type {Message, SaveState} from './consoleState.js';
import {footerHints, type OverlayKind, type Pane} from './keys.js';
import {fit, minColumns, minRows} from './layout.js';
import {Paragraph} from './PaneFrame.js';
import {hue} from './theme.js';

const saveWords: Record<SaveState, {text: string; color: string}> = {
	saved: {text: 'saved', color: 'green'},
	unsaved: {text: 'unsaved', color: 'yellow'},
	saving: {text: 'saving…', color: 'yellow'},
	'changed-on-disk': {text: 'changed on disk', color: 'red'},
};

export function Header({name, title, saveState, width, undo}: {name: string; title?: string; saveState: SaveState; width: number; undo: number}) {
	const left = `vpcsim  ${name}${title ? ` — ${title}` : ''}`;
	const state = saveWords[saveState];
	const right = `${undo > 0 ? `${undo} undo  ` : ''}${state.text}`;
	return (
		<Box width={width}>
			<Text wrap="truncate" bold>
				{fit(left, width - right.length - 1).padEnd(width - right.length)}
			</Text>
			<Text color={hue(state.color)}>{right}</Text>
		</Box>
	);
}

/** Footer hints as `key description` pairs that fit in the width. */
export function footerText(focus: Pane, overlay: OverlayKind | undefined, width: number): string {
	let text = '';
	for (const hint of footerHints(focus, overlay)) {
		const next = `${text ? `${text}  ` : ''}${hint.keys} ${hint.description}`;
		if (next.length > width) break;
		text = next;
	}
	return text;
}

export function Footer({focus, overlay, message, width}: {focus: Pane; overlay: OverlayKind | undefined; message: Message | undefined; width: number}) {
	const tone = message?.tone === 'error' ? 'red' : message?.tone === 'success' ? 'green' : undefined;
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate" color={hue(tone)}>
				{message ? fit(message.text, width) : ' '}
			</Text>
			<Text wrap="truncate" dimColor>
				{footerText(focus, overlay, width)}
			</Text>
		</Box>
	);
}

/** What shows instead of the panes while the terminal is smaller than 80x24; q quits. */
export function TooSmallMessage({columns, rows}: {columns: number; rows: number}) {
	return (
		<Box flexDirection="column">
			<Paragraph text={`vpcsim needs a terminal of at least ${minColumns}x${minRows}; this one is ${columns}x${rows}. Enlarge the window and the console comes back (q quits).`} width={columns} />
			<Paragraph text="For a script or a small screen, `vpcsim trace --topology NAME --from REF --to REF` prints the same trace." width={columns} dim />
		</Box>
	);
}
