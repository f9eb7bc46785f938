// Writes a topology as the JSON that `aws ec2 describe-*` (and the directconnect calls) print,
// in the layout Batfish reads: `<dir>/aws_configs/<region>/<Name>.json`, one top-level key per
// file. It feeds the import benchmark (about 50 MB at scale 1, like a real account of that size).
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Topology} from '../source/model/types.js';
import {createSnapshotCtx, RegionFiles} from './aws-snapshot-common.js';
import {writeInterfaces, writeVpcResources} from './aws-snapshot-ec2.js';
import {writeLinks} from './aws-snapshot-links.js';

export type SnapshotSummary = {
	/** The snapshot root (holds `aws_configs/`). */
	dir: string;
	files: string[];
	bytes: number;
};

/** One-space indent, as Batfish's published snapshots are saved: about 50 MB at scale 1. */
const INDENT = 1;

/** File name per top-level key, as Batfish's snapshots and the collection scripts name them. */
const fileName = (key: string): string => `${key.charAt(0).toUpperCase()}${key.slice(1)}.json`;

export function buildAwsSnapshot(topology: Topology): RegionFiles {
	const ctx = createSnapshotCtx(topology);
	const files = new RegionFiles();
	writeVpcResources(ctx, files);
	writeInterfaces(ctx, files);
	writeLinks(ctx, files);
	return files;
}

export function writeAwsSnapshot(topology: Topology, dir: string): SnapshotSummary {
	const written: string[] = [];
	let bytes = 0;
	for (const [region, byKey] of buildAwsSnapshot(topology).byRegion) {
		const folder = join(dir, 'aws_configs', region);
		mkdirSync(folder, {recursive: true});
		for (const [key, items] of byKey) {
			const path = join(folder, fileName(key));
			const text = JSON.stringify({[key]: items}, null, INDENT);
			writeFileSync(path, text);
			written.push(path);
			bytes += Buffer.byteLength(text);
		}
	}
	return {dir, files: written, bytes};
}
