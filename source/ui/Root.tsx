// The console's root: the opening frame while the program behind the console loads, the template
// picker on a first run, then the console screen; a plain message while the terminal is smaller
// than 80x24. The console screen draws that message itself and stays mounted, so its state
// (topology, undo, trace, cursors) lives through a small interval.
import {useEffect, useState} from 'react';
import {Box, Text, useApp, useInput} from 'ink';
import SelectInput from 'ink-select-input';
import {ConsoleScreen} from './ConsoleScreen.js';
import {OpeningView} from './OpeningView.js';
import {TooSmallMessage} from './Chrome.js';
import {fit, tooSmall} from './layout.js';
import {errorText, type ConsoleServices, type Opened} from './services.js';
import {useTerminalSize} from './useTerminalSize.js';
import {hue} from './theme.js';

/** The program behind the console and the topology it opened (none: the template picker). */
export type Started = {readonly services: ConsoleServices; readonly opened?: Opened};

export type RootProps = {
	/** Services ready at once (tests); otherwise `start` brings them. */
	readonly services?: ConsoleServices;
	/** The topology to open; absent on a first run, which starts at the template picker. */
	readonly opened?: Opened;
	/**
	 * Loads the services and opens the topology named `name` after the first frame is on screen
	 * (the code behind the console and a large topology take a while to load). A rejection ends
	 * the app with onFailure.
	 */
	readonly start?: {readonly name?: string; readonly run: () => Promise<Started>};
	readonly onFailure?: (error: unknown) => void;
	/** Called once the app is about to end, to let the caller restore the terminal. */
	readonly onExit?: () => void;
};

// ink-select-input's own rows are blue; these go through the theme (NO_COLOR) and mark the row with `>`.
function PickerIndicator({isSelected = false}: {isSelected?: boolean}) {
	return <Text color={hue(isSelected ? 'blue' : undefined)}>{isSelected ? '> ' : '  '}</Text>;
}

function PickerItem({isSelected = false, label}: {isSelected?: boolean; label: string}) {
	return <Text color={hue(isSelected ? 'blue' : undefined)} bold={isSelected}>{label}</Text>;
}

/**
 * What to open when there is no last topology: the saved ones (a first run has none) and the
 * starter templates, each saved under its name when chosen.
 */
export function TemplatePicker({services, width, onOpened, onQuit}: {services: ConsoleServices; width: number; onOpened: (opened: Opened) => void; onQuit: () => void}) {
	const [error, setError] = useState<string>();
	const [busy, setBusy] = useState(false);
	const [saved, setSaved] = useState(() => services.listSaved?.() ?? []);
	const label = (text: string) => fit(text, width - 6);
	const items = [
		...saved.map(entry => ({key: `saved:${entry.name}`, label: label(`open  ${entry.name}${entry.title && entry.title !== entry.name ? `  ${entry.title}` : ''}`), value: `saved:${entry.name}`})),
		...services.listTemplates().map(template => ({key: template.id, label: label(`${saved.length > 0 ? 'new   ' : ''}${template.title}  (${template.id})`), value: `template:${template.id}`})),
	];
	useInput((input, key) => {
		if ((key.ctrl && input === 'c') || input === 'q' || key.escape) onQuit();
	});
	const choose = (item: {value: string}) => {
		if (busy) return;
		setBusy(true);
		const [kind, name] = [item.value.slice(0, item.value.indexOf(':')), item.value.slice(item.value.indexOf(':') + 1)];
		const opening = kind === 'saved' ? services.open(name) : services.createFromTemplate(name);
		opening.then(onOpened, failure => {
			setBusy(false);
			setError(errorText(failure));
			// A damaged file was moved aside: it is no longer there to choose.
			setSaved(services.listSaved?.() ?? []);
		});
	};
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>{saved.length > 0 ? 'Open a saved topology, or start from a template' : 'Welcome to vpcsim'}</Text>
			<Text wrap="wrap">
				{saved.length > 0 ? 'Your saved topologies come first. ' : ''}A starter topology is saved under its name and opened. Each one shows one idea of AWS networking and comes with traces to try (press s in the console).
			</Text>
			<Text> </Text>
			<SelectInput items={items} onSelect={choose} limit={12} indicatorComponent={PickerIndicator} itemComponent={PickerItem} />
			<Text> </Text>
			{error ? <Text color={hue('red')}>{error}</Text> : null}
			<Text dimColor>↑/↓ or j/k move  Enter open  q quit</Text>
		</Box>
	);
}

function TooSmall({columns, rows, onQuit}: {columns: number; rows: number; onQuit: () => void}) {
	useInput((input, key) => {
		if ((key.ctrl && input === 'c') || input === 'q') onQuit();
	});
	return <TooSmallMessage columns={columns} rows={rows} />;
}

export function Root({services: given, opened: initial, start, onFailure, onExit}: RootProps) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const [services, setServices] = useState<ConsoleServices | undefined>(given);
	const [opened, setOpened] = useState<Opened | undefined>(initial);
	const quit = () => {
		onExit?.();
		exit();
	};
	useInput(
		(input, key) => {
			if ((key.ctrl && input === 'c') || input === 'q') quit();
		},
		{isActive: services === undefined},
	);
	useEffect(() => {
		if (services || !start) return;
		// A timer, not a microtask: Ink writes the first frame before the (blocking) load starts.
		const timer = setTimeout(() => {
			start.run().then(
				result => {
					setOpened(result.opened);
					setServices(result.services);
				},
				error => {
					onFailure?.(error);
					quit();
				},
			);
		}, 20);
		return () => clearTimeout(timer);
	}, []);
	if (services && opened) {
		// A new key per topology: opening another one starts a fresh screen (state, undo, trace).
		return <ConsoleScreen key={opened.name} opened={opened} services={services} columns={columns} rows={rows} onQuit={quit} onOpen={setOpened} />;
	}
	if (tooSmall(columns, rows)) return <TooSmall columns={columns} rows={rows} onQuit={quit} />;
	if (!services) return start?.name ? <OpeningView name={start.name} columns={columns} rows={rows} /> : <Text bold>Welcome to vpcsim</Text>;
	return <TemplatePicker services={services} width={columns} onOpened={setOpened} onQuit={quit} />;
}
