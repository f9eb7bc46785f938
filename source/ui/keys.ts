// The key table: every key the console understands, defined once. The footer, the help overlay and
// the input dispatcher are all generated from it, so a key cannot work without being documented.
import type {Key} from 'ink';

export const panes = ['resources', 'routes', 'rules', 'trace'] as const;
export type Pane = (typeof panes)[number];

export const paneTitles: Record<Pane, string> = {
	resources: 'Resources',
	routes: 'Routes',
	rules: 'Rules',
	trace: 'Trace',
};

export type OverlayKind = 'help' | 'palette' | 'filter' | 'trace-picker' | 'suggested' | 'conflict';

/** Where a binding works: everywhere, in one pane, in every pane, or inside one overlay. */
export type Scope = 'global' | `pane:${Pane}` | 'pane:*' | `overlay:${OverlayKind}`;

export type KeyAction =
	| 'focus-next'
	| 'focus-prev'
	| 'focus-resources'
	| 'focus-routes'
	| 'focus-rules'
	| 'focus-trace'
	| 'palette'
	| 'filter'
	| 'help'
	| 'quit'
	| 'force-quit'
	| 'undo'
	| 'redo'
	| 'trace-new'
	| 'suggested'
	| 'back'
	| 'move-up'
	| 'move-down'
	| 'page-up'
	| 'page-down'
	| 'first'
	| 'last'
	| 'open'
	| 'expand'
	| 'collapse'
	| 'play'
	| 'step-forward'
	| 'step-back'
	| 'close'
	| 'submit'
	| 'complete'
	| 'history-prev'
	| 'history-next'
	| 'cursor-left'
	| 'cursor-right'
	| 'delete-back'
	| 'delete-forward'
	| 'reload'
	| 'overwrite'
	| 'save-as';

export type KeyBinding = {
	/** Normalised key names (see keyName); the first is the one shown in the footer. */
	readonly keys: readonly string[];
	readonly action: KeyAction;
	readonly description: string;
	readonly scope: Scope;
	/** Left out of the footer (still in the help overlay) to keep the footer to one line. */
	readonly quiet?: boolean;
	/** Always in the footer when it works, ahead of the others, so it is never cut off a narrow one. */
	readonly essential?: boolean;
	/**
	 * Bindings of one scope with the same group share one footer hint: the first key of each, joined
	 * by `/`, then the group (`↑/↓ move`). The help overlay still lists them one by one.
	 */
	readonly group?: string;
};

export const keyTable: readonly KeyBinding[] = [
	// Overlays first: the dispatcher asks the open overlay before anything else.
	{keys: ['esc', 'q', '?'], action: 'close', description: 'close help', scope: 'overlay:help'},
	{keys: ['up', 'k'], action: 'move-up', description: 'scroll up', scope: 'overlay:help', group: 'scroll'},
	{keys: ['down', 'j'], action: 'move-down', description: 'scroll down', scope: 'overlay:help', group: 'scroll'},
	{keys: ['pgup', 'ctrl-u'], action: 'page-up', description: 'page up', scope: 'overlay:help', group: 'page'},
	{keys: ['pgdn', 'ctrl-d'], action: 'page-down', description: 'page down', scope: 'overlay:help', group: 'page'},
	{keys: ['g', 'home'], action: 'first', description: 'top', scope: 'overlay:help', group: 'top/bottom'},
	{keys: ['G', 'end'], action: 'last', description: 'bottom', scope: 'overlay:help', group: 'top/bottom'},

	{keys: ['enter'], action: 'submit', description: 'run command', scope: 'overlay:palette'},
	{keys: ['tab'], action: 'complete', description: 'complete', scope: 'overlay:palette'},
	{keys: ['up'], action: 'history-prev', description: 'previous command', scope: 'overlay:palette'},
	{keys: ['down'], action: 'history-next', description: 'next command', scope: 'overlay:palette'},
	{keys: ['left'], action: 'cursor-left', description: 'cursor left', scope: 'overlay:palette', quiet: true},
	{keys: ['right'], action: 'cursor-right', description: 'cursor right', scope: 'overlay:palette', quiet: true},
	{keys: ['backspace'], action: 'delete-back', description: 'delete', scope: 'overlay:palette', quiet: true},
	{keys: ['delete'], action: 'delete-forward', description: 'delete the character under the cursor', scope: 'overlay:palette', quiet: true},
	{keys: ['pgdn'], action: 'page-down', description: 'scroll the answer', scope: 'overlay:palette', quiet: true},
	{keys: ['pgup'], action: 'page-up', description: 'scroll the answer back', scope: 'overlay:palette', quiet: true},
	{keys: ['esc'], action: 'close', description: 'close', scope: 'overlay:palette'},

	{keys: ['enter'], action: 'submit', description: 'keep filter', scope: 'overlay:filter'},
	{keys: ['backspace'], action: 'delete-back', description: 'delete', scope: 'overlay:filter', quiet: true},
	{keys: ['esc'], action: 'close', description: 'clear filter', scope: 'overlay:filter'},

	// Letters are typed into the picker's filter, so only the arrows move.
	{keys: ['up'], action: 'move-up', description: 'up', scope: 'overlay:trace-picker', group: 'move'},
	{keys: ['down'], action: 'move-down', description: 'down', scope: 'overlay:trace-picker', group: 'move'},
	{keys: ['enter'], action: 'submit', description: 'choose', scope: 'overlay:trace-picker'},
	{keys: ['backspace'], action: 'delete-back', description: 'delete', scope: 'overlay:trace-picker', quiet: true},
	{keys: ['esc'], action: 'close', description: 'back a step (closes at the first)', scope: 'overlay:trace-picker'},

	{keys: ['up', 'k'], action: 'move-up', description: 'up', scope: 'overlay:suggested', group: 'move'},
	{keys: ['down', 'j'], action: 'move-down', description: 'down', scope: 'overlay:suggested', group: 'move'},
	{keys: ['enter'], action: 'submit', description: 'run trace', scope: 'overlay:suggested'},
	{keys: ['esc', 'q'], action: 'close', description: 'close', scope: 'overlay:suggested'},

	{keys: ['r'], action: 'reload', description: 'reload from disk', scope: 'overlay:conflict'},
	{keys: ['o'], action: 'overwrite', description: 'overwrite', scope: 'overlay:conflict'},
	{keys: ['s'], action: 'save-as', description: 'save as…', scope: 'overlay:conflict'},
	{keys: ['esc'], action: 'close', description: 'decide later', scope: 'overlay:conflict'},

	// Panes.
	{keys: ['down', 'j'], action: 'move-down', description: 'down', scope: 'pane:*'},
	{keys: ['up', 'k'], action: 'move-up', description: 'up', scope: 'pane:*'},
	{keys: ['pgdn', 'ctrl-d'], action: 'page-down', description: 'page down', scope: 'pane:*', quiet: true},
	{keys: ['pgup', 'ctrl-u'], action: 'page-up', description: 'page up', scope: 'pane:*', quiet: true},
	{keys: ['g', 'home'], action: 'first', description: 'first', scope: 'pane:*', quiet: true},
	{keys: ['G', 'end'], action: 'last', description: 'last', scope: 'pane:*', quiet: true},
	{keys: ['/'], action: 'filter', description: 'filter', scope: 'pane:resources'},
	{keys: ['/'], action: 'filter', description: 'filter', scope: 'pane:rules'},
	{keys: ['/'], action: 'filter', description: 'filter', scope: 'pane:routes'},
	{keys: ['enter'], action: 'open', description: 'open/close', scope: 'pane:resources'},
	{keys: ['right', 'l'], action: 'expand', description: 'expand', scope: 'pane:resources', quiet: true},
	{keys: ['left', 'h'], action: 'collapse', description: 'collapse', scope: 'pane:resources', quiet: true},
	{keys: ['enter'], action: 'open', description: 'show target', scope: 'pane:routes'},
	{keys: ['enter'], action: 'open', description: 'show group/ACL', scope: 'pane:rules'},
	{keys: ['space'], action: 'play', description: 'play/pause', scope: 'pane:trace'},
	{keys: ['right', 'l'], action: 'step-forward', description: 'step', scope: 'pane:trace'},
	{keys: ['left', 'h'], action: 'step-back', description: 'back', scope: 'pane:trace'},
	{keys: ['g'], action: 'first', description: 'first hop', scope: 'pane:trace'},
	{keys: ['G'], action: 'last', description: 'last hop', scope: 'pane:trace'},
	{keys: ['enter'], action: 'open', description: 'show in Resources', scope: 'pane:trace'},

	// Everywhere.
	{keys: ['tab'], action: 'focus-next', description: 'next pane', scope: 'global', quiet: true},
	{keys: ['shift-tab'], action: 'focus-prev', description: 'previous pane', scope: 'global', quiet: true},
	{keys: ['1'], action: 'focus-resources', description: 'Resources pane', scope: 'global', quiet: true},
	{keys: ['2'], action: 'focus-routes', description: 'Routes pane', scope: 'global', quiet: true},
	{keys: ['3'], action: 'focus-rules', description: 'Rules pane', scope: 'global', quiet: true},
	{keys: ['4'], action: 'focus-trace', description: 'Trace pane', scope: 'global', quiet: true},
	{keys: [':'], action: 'palette', description: 'command', scope: 'global'},
	{keys: ['t'], action: 'trace-new', description: 'trace', scope: 'global'},
	{keys: ['s'], action: 'suggested', description: 'suggested traces', scope: 'global'},
	{keys: ['u'], action: 'undo', description: 'undo', scope: 'global'},
	{keys: ['ctrl-r'], action: 'redo', description: 'redo', scope: 'global'},
	{keys: ['?'], action: 'help', description: 'help', scope: 'global', essential: true},
	{keys: ['esc'], action: 'back', description: 'back', scope: 'global', quiet: true},
	{keys: ['q'], action: 'quit', description: 'quit', scope: 'global', essential: true},
	{keys: ['ctrl-c'], action: 'force-quit', description: 'quit now', scope: 'global', quiet: true},
];

/**
 * One name per key press: `up`, `enter`, `shift-tab`, `ctrl-r`, `space`, or the character typed.
 * `raw` is the sequence the terminal sent: Ink reports both Backspace (0x7f) and Delete (`ESC [3~`)
 * as `key.delete`, and only the bytes tell them apart.
 */
export function keyName(input: string, key: Key, raw?: string): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pgup';
	if (key.pageDown) return 'pgdn';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'esc';
	if (key.tab) return key.shift ? 'shift-tab' : 'tab';
	if (key.delete && raw !== undefined && /^\u001B\[3[~;$^]/.test(raw)) return 'delete';
	// Most terminals send 0x7f for Backspace, which Ink reports as `delete`.
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input) return `ctrl-${input.toLowerCase()}`;
	if (input === ' ') return 'space';
	return input;
}

/** Bindings in a scope, in table order. */
export function bindingsFor(scope: Scope): KeyBinding[] {
	return keyTable.filter(binding => binding.scope === scope);
}

/** The action a key triggers in a scope, if any. */
export function actionFor(scope: Scope, name: string): KeyAction | undefined {
	for (const binding of keyTable) if (binding.scope === scope && binding.keys.includes(name)) return binding.action;
	return undefined;
}

/** How a key is written for people: `Ctrl-R`, `Shift-Tab`, `Enter`, `Space`. */
export function displayKey(name: string): string {
	const words: Record<string, string> = {
		up: '↑',
		down: '↓',
		left: '←',
		right: '→',
		enter: 'Enter',
		esc: 'Esc',
		tab: 'Tab',
		'shift-tab': 'Shift-Tab',
		space: 'Space',
		backspace: 'Backspace',
		delete: 'Delete',
		pgup: 'PgUp',
		pgdn: 'PgDn',
		home: 'Home',
		end: 'End',
	};
	if (words[name]) return words[name];
	if (name.startsWith('ctrl-')) return `Ctrl-${name.slice(5).toUpperCase()}`;
	return name;
}

/** The scopes that apply, most specific first: the open overlay alone, else the pane then global. */
export function activeScopes(focus: Pane, overlay: OverlayKind | undefined): Scope[] {
	if (overlay) return [`overlay:${overlay}`];
	return [`pane:${focus}`, 'pane:*', 'global'];
}

/** Footer hints for the keys that work now: the essential ones first, then in table order. */
export function footerHints(focus: Pane, overlay: OverlayKind | undefined): Array<{keys: string; description: string}> {
	const seen = new Set<string>();
	const hints: Array<{keys: string; description: string}> = [];
	const scopes = activeScopes(focus, overlay);
	// A key a pane or an overlay binds to something else is not essential there.
	const shadowed = new Set(scopes.filter(scope => scope !== 'global').flatMap(scope => bindingsFor(scope).flatMap(binding => binding.keys)));
	for (const binding of scopes.includes('global') ? bindingsFor('global') : [])
		if (binding.essential && !binding.keys.some(name => shadowed.has(name))) {
			hints.push({keys: binding.keys.slice(0, 2).map(displayKey).join('/'), description: binding.description});
			for (const name of binding.keys) seen.add(name);
		}
	for (const scope of scopes) {
		const groups = new Map<string, {keys: string; description: string}>();
		for (const binding of bindingsFor(scope)) {
			if (binding.quiet) continue;
			// A pane binding shadows a generic one on the same key (trace `g` over list `g`).
			const fresh = binding.keys.filter(name => !seen.has(name));
			for (const name of binding.keys) seen.add(name);
			if (fresh.length === 0) continue;
			if (binding.group) {
				const shared = groups.get(binding.group);
				if (shared) shared.keys += `/${displayKey(fresh[0]!)}`;
				else {
					const hint = {keys: displayKey(fresh[0]!), description: binding.group};
					groups.set(binding.group, hint);
					hints.push(hint);
				}
				continue;
			}
			hints.push({keys: fresh.slice(0, 2).map(displayKey).join('/'), description: binding.description});
		}
	}
	return hints;
}

export type HelpSection = {title: string; rows: Array<{keys: string; description: string}>};

/** The help overlay: every binding grouped by scope, generated from the table. */
export function helpSections(): HelpSection[] {
	const titles: Array<[Scope, string]> = [
		['global', 'Everywhere'],
		['pane:*', 'In every pane'],
		['pane:resources', 'Resources'],
		['pane:routes', 'Routes'],
		['pane:rules', 'Rules'],
		['pane:trace', 'Trace'],
		['overlay:palette', 'Command palette'],
		['overlay:filter', 'Filter'],
		['overlay:trace-picker', 'New trace'],
		['overlay:suggested', 'Suggested traces'],
		['overlay:conflict', 'Changed on disk'],
		['overlay:help', 'This help'],
	];
	return titles.map(([scope, title]) => ({
		title,
		rows: bindingsFor(scope).map(binding => ({keys: binding.keys.map(displayKey).join(' '), description: binding.description})),
	}));
}
