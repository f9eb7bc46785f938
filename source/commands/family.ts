// Builders shared by the resource families: `add`, `set` and `rm` behave the same way for every
// kind, so each family only says what its resources are made of.
import {type CollectionKey, type ResourceKind, label} from '../model/resources.js';
import {CommandError, type Draft, type Item} from './draft.js';
import type {ArgSpec, Value} from './syntax.js';
import type {Args, CommandDef} from './types.js';

/** An option that writes into the resource being added or changed. */
export type FieldOption<K extends CollectionKey> = ArgSpec & {
	readonly apply: (draft: Draft, item: Item<K>, value: Value) => void;
};

type Family<K extends CollectionKey> = {
	readonly noun: string;
	readonly kind: ResourceKind;
	readonly collection: K;
	/** Spelled out in messages and help: "security group". */
	readonly title: string;
};

/** "a VPC", "an internet gateway". */
export function article(title: string): string {
	return /^[aeio]/i.test(title) ? `an ${title}` : `a ${title}`;
}

export const nameArg: ArgSpec = {name: 'name', kind: 'name'};

export function ref(name: string, kinds: readonly ResourceKind[], optional = false): ArgSpec {
	return {name, kind: 'ref', refKinds: kinds, optional};
}

export function refs(name: string, kinds: readonly ResourceKind[], optional = true): ArgSpec {
	return {name, kind: 'refs', refKinds: kinds, optional};
}

/** Writes a plain value into a field of the resource. */
export function field<K extends CollectionKey>(spec: ArgSpec, key: string): FieldOption<K> {
	return {...spec, optional: true, apply: (_draft, item, value) => void ((item as Record<string, unknown>)[key] = value)};
}

/** Writes the id of the resource the value names. */
export function refField<K extends CollectionKey>(spec: ArgSpec, key: string): FieldOption<K> {
	return {
		...spec,
		optional: true,
		apply: (draft, item, value) => void ((item as Record<string, unknown>)[key] = draft.id(String(value), spec.refKinds)),
	};
}

/** Writes the ids of the resources a comma-separated value names. */
export function refsField<K extends CollectionKey>(spec: ArgSpec, key: string): FieldOption<K> {
	return {
		...spec,
		optional: true,
		apply: (draft, item, value) =>
			void ((item as Record<string, unknown>)[key] = (value as string[]).map(part => draft.id(part, spec.refKinds))),
	};
}

function isList(value: Value): value is readonly string[] {
	return Array.isArray(value);
}

export function describeValues(args: Args, keys: readonly string[]): string {
	return keys
		.filter(key => args.has(key))
		.map(key => {
			const value = args.values[key]!;
			if (isList(value)) return `${key}=${value.join(',')}`;
			if (typeof value === 'object') return `${key}=${value.from === value.to ? value.from : `${value.from}-${value.to}`}`;
			return `${key}=${String(value)}`;
		})
		.join(' ');
}

export function addCommand<K extends CollectionKey>(
	family: Family<K>,
	spec: {
		readonly prefix: string;
		readonly summary: string;
		readonly help: string;
		readonly example: string;
		/** Positional essentials after the name. */
		readonly args?: readonly ArgSpec[];
		readonly options?: readonly FieldOption<K>[];
		/** Options only `add` takes, applied by build or after. */
		readonly extra?: readonly ArgSpec[];
		readonly build: (draft: Draft, id: string, name: string, args: Args) => Item<K>;
		/** Changes elsewhere that come with the new resource; may add to the message. */
		readonly after?: (draft: Draft, item: Item<K>, args: Args) => string | void;
	},
): CommandDef {
	const options = spec.options ?? [];
	return {
		name: `add ${family.noun}`,
		summary: spec.summary,
		help: spec.help,
		example: spec.example,
		args: [nameArg, ...(spec.args ?? [])],
		options: [...options, ...(spec.extra ?? [])],
		run(draft, args) {
			const name = args.str('name');
			draft.checkName(name);
			const item = spec.build(draft, draft.newId(spec.prefix), name, args);
			for (const option of options) if (args.has(option.name)) option.apply(draft, item, args.values[option.name]!);
			draft.insert(family.collection, item);
			const more = spec.after?.(draft, item, args);
			return `added ${family.title} ${label(item)}${more ? `; ${more}` : ''}`;
		},
	};
}

export function setCommand<K extends CollectionKey>(
	family: Family<K>,
	spec: {
		readonly example: string;
		readonly options: readonly FieldOption<K>[];
		readonly help?: string;
		readonly after?: (draft: Draft, item: Item<K>, args: Args) => void;
	},
): CommandDef {
	return {
		name: `set ${family.noun}`,
		summary: `change ${article(family.title)}: ${spec.options.map(option => option.name).join(', ')}`,
		help: spec.help ?? `Changes the given settings of ${article(family.title)} and leaves the others as they are.`,
		example: spec.example,
		args: [ref(family.noun, [family.kind])],
		options: spec.options,
		run(draft, args) {
			const given = spec.options.filter(option => args.has(option.name));
			if (given.length === 0)
				throw new CommandError(`nothing to change: give one of ${spec.options.map(option => `${option.name}=`).join(', ')}`);
			const id = draft.id(args.str(family.noun), [family.kind]);
			const item = draft.update(family.collection, id, copy => {
				for (const option of given) option.apply(draft, copy, args.values[option.name]!);
			});
			spec.after?.(draft, item, args);
			return `changed ${family.title} ${label(item)}: ${describeValues(args, given.map(option => option.name))}`;
		},
	};
}

/** Names the first users; a subnet of a large topology may have hundreds. */
function listUsers(users: readonly string[], shown = 6): string {
	if (users.length <= shown) return users.join(', ');
	return `${users.slice(0, shown).join(', ')} and ${users.length - shown} more`;
}

export function removeCommand<K extends CollectionKey>(
	family: Family<K>,
	spec: {
		readonly example: string;
		readonly help?: string;
		/** Why this resource may not be removed on its own, if so. */
		readonly guard?: (draft: Draft, item: Item<K>) => string | undefined;
		/** Resources that go with it (AWS deletes them together). */
		readonly cascade?: (draft: Draft, item: Item<K>) => ReadonlyArray<readonly [CollectionKey, string]>;
		/** Changes to make before checking users (e.g. detaching secondary interfaces). */
		readonly before?: (draft: Draft, item: Item<K>) => void;
	},
): CommandDef {
	return {
		name: `rm ${family.noun}`,
		summary: `remove ${article(family.title)}`,
		help:
			spec.help ??
			`Removes ${article(family.title)}. As AWS's DependencyViolation does, it is refused while other resources still use it, and the message names them.`,
		example: spec.example,
		args: [ref(family.noun, [family.kind])],
		run(draft, args) {
			const item = draft.get(family.collection, draft.id(args.str(family.noun), [family.kind]));
			const refusal = spec.guard?.(draft, item);
			if (refusal) throw new CommandError(refusal);
			spec.before?.(draft, item);
			const going = [[family.collection, item.id] as const, ...(spec.cascade?.(draft, item) ?? [])];
			const ids = new Set(going.map(([, id]) => id));
			const users = draft.usersOf(ids);
			if (users.length > 0) throw new CommandError(`cannot remove ${label(item)}: ${listUsers(users)} still use${users.length === 1 ? 's' : ''} it`);
			for (const [collection, id] of going) draft.remove(collection, id);
			const extra = going.length > 1 ? ` with ${going.slice(1).map(([, id]) => id).join(', ')}` : '';
			return `removed ${family.title} ${label(item)}${extra}`;
		},
	};
}
