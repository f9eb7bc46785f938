// What the snapshot writers share: deterministic ids for things the topology does not model
// (association ids, MAC addresses), the owning account and region of each resource, and AWS's
// tag list shape.
import type {Topology} from '../source/model/types.js';
import {collectionKeys, collections, type ResourceKind} from '../source/model/resources.js';
import {createRng, type Rng} from './prng.js';

export type AwsTag = {Key: string; Value: string};
export type Json = Record<string, unknown>;

export type SnapshotCtx = {
	readonly topology: Topology;
	readonly rng: Rng;
	readonly defaultRegion: string;
	readonly defaultAccount: string;
	/** `prefix-` and 17 hex digits, for ids AWS has and the topology does not keep. */
	awsId(prefix: string): string;
	kindOf(id: string): ResourceKind | undefined;
	regionOfVpc(vpcId: string | undefined): string;
	accountOfVpc(vpcId: string | undefined): string;
	vpcOfSubnet(subnetId: string): string;
	azOfSubnet(subnetId: string): string;
	arn(region: string, account: string, type: string, id: string): string;
	/** A stable point in time, so two runs write identical files. */
	time(offsetMinutes?: number): string;
};

export function tagsOf(resource: {name?: string; tags?: Record<string, string>}): AwsTag[] {
	const tags: AwsTag[] = resource.name ? [{Key: 'Name', Value: resource.name}] : [];
	for (const [Key, Value] of Object.entries(resource.tags ?? {})) if (Key !== 'Name') tags.push({Key, Value});
	return tags;
}

/** AWS's availability zone id (use1-az1) for a zone name (us-east-1a), as describe-subnets shows it. */
export function azId(az: string): string {
	const match = /^([a-z]+)-([a-z]+)-(\d+)([a-z])$/.exec(az);
	if (!match) return az;
	const [, geo, dir, n, letter] = match;
	return `${geo!.slice(0, 1)}${dir!.slice(0, 1)}${n}-az${letter!.charCodeAt(0) - 96}`;
}

export function createSnapshotCtx(topology: Topology): SnapshotCtx {
	const rng = createRng(`snapshot:${topology.name}`);
	const kinds = new Map<string, ResourceKind>();
	for (const key of collectionKeys) for (const resource of topology[key]) kinds.set(resource.id, collections[key]);
	const vpcs = new Map(topology.vpcs.map(v => [v.id, v]));
	const subnets = new Map(topology.subnets.map(s => [s.id, s]));
	const defaultRegion = topology.vpcs[0]?.region ?? topology.transitGateways[0]?.region ?? 'us-east-1';
	const defaultAccount = topology.vpcs.find(v => v.accountId)?.accountId ?? '111122223333';
	const epoch = Date.UTC(2026, 0, 15, 9, 30);
	return {
		topology,
		rng,
		defaultRegion,
		defaultAccount,
		awsId: prefix => `${prefix}-${rng.hex(17)}`,
		kindOf: id => kinds.get(id),
		regionOfVpc: id => (id && vpcs.get(id)?.region) || defaultRegion,
		accountOfVpc: id => (id && vpcs.get(id)?.accountId) || defaultAccount,
		vpcOfSubnet: id => subnets.get(id)?.vpcId ?? '',
		azOfSubnet: id => subnets.get(id)?.availabilityZone ?? `${defaultRegion}a`,
		arn: (region, account, type, id) => `arn:aws:ec2:${region}:${account}:${type}/${id}`,
		time: (offsetMinutes = 0) => new Date(epoch + offsetMinutes * 60_000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '+00:00'),
	};
}

/** Files per region: `region -> top-level key -> items`. */
export class RegionFiles {
	readonly byRegion = new Map<string, Map<string, unknown[]>>();

	add(region: string, key: string, item: unknown): void {
		let files = this.byRegion.get(region);
		if (!files) this.byRegion.set(region, (files = new Map()));
		let list = files.get(key);
		if (!list) files.set(key, (list = []));
		list.push(item);
	}

	/** Makes the file exist (AWS prints an empty list when there is nothing). */
	touch(region: string, key: string): void {
		let files = this.byRegion.get(region);
		if (!files) this.byRegion.set(region, (files = new Map()));
		if (!files.has(key)) files.set(key, []);
	}
}
