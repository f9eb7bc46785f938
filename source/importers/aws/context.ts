// Shared state of one import: the records found per key, the topology being built, and the notes
// for the summary (what was left out and why). Mappers read records and push resources here.
import {emptyCollections} from '../../model/resources.js';
import {SCHEMA_VERSION} from '../../model/schema.js';
import type {Topology, TopologyInput} from '../../model/types.js';
import {Rec} from './reader.js';
import {recordsKey, type KnownKey, type Snapshot} from './snapshot.js';

export type Located = {rec: Rec; region?: string; account?: string; fileName: string};

export type Note = {resourceId: string; field?: string; reason: string};

type Collections = Omit<Topology, 'schemaVersion' | 'name' | 'title' | 'description' | 'suggestedTraces'>;

export class ImportContext {
	readonly out: Collections = emptyCollections();

	/** Resources that were seen but not imported, or imported with a field left out. */
	readonly unmapped: Note[] = [];
	/** Resources deliberately left out (not running, deleted, ...), counted per reason. */
	readonly leftOut: Note[] = [];
	private readonly records = new Map<KnownKey, Located[]>();
	private readonly names = new Map<string, number>();
	private readonly ids = new Set<string>();

	constructor(snapshot: Snapshot) {
		for (const file of snapshot.files) {
			const top = Rec.root(file.file, '', file.data);
			const items = file.key === 'Routes' ? [top] : top.list(recordsKey(file.data as Record<string, unknown>, file.key));
			const list = this.records.get(file.key) ?? [];
			for (const rec of items) list.push({rec, region: file.region, account: file.account, fileName: file.fileName});
			this.records.set(file.key, list);
		}
	}

	get(key: KnownKey): Located[] {
		return this.records.get(key) ?? [];
	}

	/** Names must be unique in a topology; AWS Name tags are not, so a repeat gets a suffix. */
	uniqueName(name: string | undefined, id: string): string | undefined {
		if (!name || name === id) return undefined;
		const key = name.toLowerCase();
		const seen = this.names.get(key) ?? 0;
		this.names.set(key, seen + 1);
		if (seen === 0 && !this.ids.has(name)) return name;
		const renamed = `${name}-${id}`;
		this.unmapped.push({resourceId: id, field: 'Name', reason: `the Name tag "${name}" is already used; named "${renamed}"`});
		return renamed;
	}

	/** A resource's id, its Name tag as a unique name, and its other tags. */
	identity(rec: Rec, id: string): {id: string; name: string | undefined; tags: Record<string, string> | undefined} {
		return {id, name: this.uniqueName(rec.nameTag(), id), tags: rec.tags()};
	}

	/** Records an id as taken; returns false when the same resource was already imported (a repeat file). */
	claim(id: string): boolean {
		if (this.ids.has(id)) return false;
		this.ids.add(id);
		return true;
	}

	has(id: string): boolean {
		return this.ids.has(id);
	}

	note(resourceId: string, reason: string, field?: string): void {
		this.unmapped.push({resourceId, field, reason});
	}

	leave(resourceId: string, reason: string): void {
		this.leftOut.push({resourceId, reason});
	}

	documentBase(name: string): Pick<TopologyInput, 'schemaVersion' | 'name'> {
		return {schemaVersion: SCHEMA_VERSION, name};
	}
}


/** AWS CLI protocol strings to the model's protocol: names for the common ones, numbers for the rest. */
export function protocolOf(value: string | number | undefined): 'all' | 'tcp' | 'udp' | 'icmp' | number | undefined {
	const text = String(value ?? '-1').toLowerCase();
	if (text === '-1' || text === 'all') return 'all';
	if (text === 'tcp' || text === '6') return 'tcp';
	if (text === 'udp' || text === '17') return 'udp';
	if (text === 'icmp' || text === '1') return 'icmp';
	if (text === 'icmpv6' || text === '58') return undefined;
	const number = Number(text);
	return Number.isInteger(number) && number >= 0 && number <= 255 ? number : undefined;
}

/** `us-east-2b` -> `us-east-2`; local zones (`us-west-2-lax-1a`) keep their parent region. */
export function regionOfZone(zone: string | undefined): string | undefined {
	const match = zone?.match(/^([a-z]{2}(?:-gov)?-[a-z]+-\d)/);
	return match?.[1];
}
