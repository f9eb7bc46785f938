// Saved documents carry `schemaVersion`. When the format changes, SCHEMA_VERSION goes up by one
// and an entry is added here that turns a document of the previous version into the next one;
// a document is then upgraded step by step on load. Old steps are never removed, so any file
// any vpcsim ever wrote still opens.
import {SCHEMA_VERSION} from '../model/schema.js';

/** Takes a document of version `n` (the key) and returns one of version `n + 1`. */
export type Upgrade = (document: Record<string, unknown>) => Record<string, unknown>;
export type UpgradeTable = Readonly<Record<number, Upgrade>>;

/** Version 1 is the first format, so there is nothing to upgrade yet. */
export const upgrades: UpgradeTable = {};

export type Upgrader = {readonly current: number; readonly table: UpgradeTable};
export const defaultUpgrader: Upgrader = {current: SCHEMA_VERSION, table: upgrades};

export type UpgradeResult =
	/** Already current, or not a document whose version can be told: checking will say why. */
	| {ok: true; document: unknown; from?: number}
	| {ok: false; reason: 'newer'; version: number; message: string}
	| {ok: false; reason: 'invalid'; message: string};

export function upgradeDocument(document: unknown, upgrader: Upgrader = defaultUpgrader): UpgradeResult {
	if (typeof document !== 'object' || document === null || Array.isArray(document)) return {ok: true, document};
	const version = (document as {schemaVersion?: unknown}).schemaVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version === upgrader.current) return {ok: true, document};
	if (version > upgrader.current)
		return {
			ok: false,
			reason: 'newer',
			version,
			message: `written by a newer vpcsim (schema ${version}); this one reads up to ${upgrader.current}`,
		};
	let current = document as Record<string, unknown>;
	for (let step = version; step < upgrader.current; step++) {
		const upgrade = upgrader.table[step];
		if (!upgrade) return {ok: false, reason: 'invalid', message: `schemaVersion: ${version} is not a version any vpcsim wrote`};
		try {
			current = {...upgrade(current), schemaVersion: step + 1};
		} catch (error) {
			const detail = error instanceof Error ? error.message : String(error);
			return {ok: false, reason: 'invalid', message: `cannot upgrade from schema ${step} to ${step + 1}: ${detail}`};
		}
	}
	return {ok: true, document: current, from: version};
}
