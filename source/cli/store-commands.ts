// `list`, `cp`, `mv`, `rm`: saved topologies, by name. Names follow the store's rule (safe file
// names); every refusal (taken, missing, bad name) is a StoreError with its own one-line message.
import {NAME_RULE, type SavedTopology, type TopologyStore} from '../store/index.js';
import type {Command} from './command.js';
import {writeLine, type Io, type Paint} from './io.js';
import {storeFor} from './store-access.js';

function resourceCount(saved: SavedTopology): number {
	return Object.values(saved.counts ?? {}).reduce((sum, count) => sum + (count ?? 0), 0);
}

function formatDate(date: Date): string {
	return date.toISOString().slice(0, 16).replace('T', ' ');
}

export function formatList(saved: readonly SavedTopology[], lastUsed: string | undefined, paint: Paint): string[] {
	const width = Math.max(...saved.map(entry => entry.name.length), 4) + 2;
	return saved.map(entry => {
		const mark = entry.name === lastUsed ? '*' : ' ';
		const what = entry.problem
			? paint.red(`cannot be opened: ${entry.problem}${entry.movedTo ? `; moved aside to ${entry.movedTo}` : ''}`)
			: `${String(resourceCount(entry)).padStart(5)} resources  ${formatDate(entry.modified)}  ${entry.title ?? ''}`;
		return `${mark} ${paint.bold(entry.name.padEnd(width))}${what}`.trimEnd();
	});
}

export const listCommand: Command = {
	name: 'list',
	usage: '',
	summary: 'list the saved topologies',
	description: 'A * marks the topology the console opened last. Topologies are saved in $VPCSIM_HOME/topologies.',
	args: {names: []},
	flags: {},
	examples: ['vpcsim list'],
	run({io, paint}) {
		const store = storeFor(io);
		// Checked as opening would check them, so a listed topology is one that opens.
		const saved = store.list({check: true});
		const lastUsed = store.getLastUsed();
		passWarnings(io, store);
		if (saved.some(entry => entry.movedTo)) writeLine(io.stderr, `hint: ${movedHint}`);
		if (saved.length === 0) {
			writeLine(io.stdout, `no saved topologies in ${store.folder}`);
			writeLine(io.stdout, 'start one from a template: vpcsim new <name> [--template <id>] (vpcsim templates lists them)');
			return 0;
		}
		for (const line of formatList(saved, lastUsed, paint)) writeLine(io.stdout, line);
		return 0;
	},
};

export const movedHint = 'a moved file is kept as it was: mend it ("vpcsim validate <file>" names every problem) and move it back';

/** What the store met on the way without failing (a damaged settings file moved aside). */
export function passWarnings(io: Io, store: TopologyStore): void {
	for (const warning of store.warnings.splice(0)) writeLine(io.stderr, `vpcsim: ${warning}`);
}

const names = `Saved names are ${NAME_RULE}.`;

export const copyCommand: Command = {
	name: 'cp',
	usage: '<from> <to>',
	summary: 'copy a saved topology to a new name',
	description: `Refuses to overwrite: <to> must not be taken. ${names}`,
	args: {names: ['from', 'to']},
	flags: {},
	examples: ['vpcsim cp lab lab-before-peering'],
	run({io, input}) {
		const [from, to] = input as [string, string];
		const store = storeFor(io);
		store.copy(from, to);
		passWarnings(io, store);
		writeLine(io.stdout, `copied ${from} to ${to}`);
		return 0;
	},
};

export const moveCommand: Command = {
	name: 'mv',
	usage: '<from> <to>',
	summary: 'rename a saved topology',
	description: `Refuses to overwrite: <to> must not be taken. ${names}`,
	args: {names: ['from', 'to']},
	flags: {},
	examples: ['vpcsim mv lab hub-and-spoke'],
	run({io, input}) {
		const [from, to] = input as [string, string];
		const store = storeFor(io);
		store.rename(from, to);
		passWarnings(io, store);
		writeLine(io.stdout, `renamed ${from} to ${to}`);
		return 0;
	},
};

export const removeCommand: Command = {
	name: 'rm',
	usage: '<name>',
	summary: 'remove a saved topology',
	description: 'Deletes the saved file; "vpcsim export <name> > file.json" first keeps a copy.',
	args: {names: ['name']},
	flags: {},
	examples: ['vpcsim rm scratch'],
	run({io, input}) {
		const [name] = input as [string];
		const store = storeFor(io);
		store.remove(name);
		passWarnings(io, store);
		writeLine(io.stdout, `removed ${name}`);
		return 0;
	},
};
