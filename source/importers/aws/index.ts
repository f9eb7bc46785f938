// `vpcsim import aws <dir>`: describe-* JSON to a validated topology, with a summary of what was
// imported, the files skipped and why, and what could not be mapped.
import {basename, resolve} from 'node:path';
import {checkTopology} from '../../model/load.js';
import {formatProblem} from '../../model/parse.js';
import {collections, type CollectionKey} from '../../model/resources.js';
import type {Topology} from '../../model/types.js';
import {ImportContext, type Note} from './context.js';
import {indexInterfaces, mapElasticIps, mapInstances, mapStandaloneInterfaces} from './map-compute.js';
import {mapEndpointServices, mapLoadBalancers, mapTargetGroups, mapVpcEndpoints} from './map-endpoints.js';
import {mapClientVpn, mapDirectConnect, mapVpn} from './map-hybrid.js';
import {mapGateways, mapPeering, mapPrefixLists, mapRouteTables, mapSubnets, mapVpcs} from './map-network.js';
import {mapNetworkAcls, mapSecurityGroups} from './map-security.js';
import {mapTgwRouteTables, mapTransitGateways} from './map-transit.js';
import {mendReferences} from './fixups.js';
import {ImportError} from './reader.js';
import {deriveSites} from './sites.js';
import {readSnapshot, type SkippedFile} from './snapshot.js';

export {ImportError} from './reader.js';

export type ImportResult = {
	topology: Topology;
	/** Resources imported, per kind (only kinds with at least one). */
	counts: Array<{kind: string; count: number}>;
	skippedFiles: SkippedFile[];
	/** Imported with something left out or stood in, and why. */
	unmapped: Note[];
	/** Seen but not imported (not running, deleted, unsupported), and why. */
	leftOut: Note[];
};

export function importAwsSnapshot(dir: string, options: {name?: string} = {}): ImportResult {
	const snapshot = readSnapshot(dir);
	if (snapshot.files.length === 0)
		throw new ImportError(dir, '(folder)', 'holds no describe-* JSON vpcsim reads (looked in aws_configs/, region folders and accounts/<account>/<region>/)');
	const context = new ImportContext(snapshot);
	try {
		mapVpcs(context);
		mapSubnets(context);
		mapPrefixLists(context);
		mapRouteTables(context);
		mapGateways(context);
		mapPeering(context);
		mapSecurityGroups(context);
		mapNetworkAcls(context);
		const interfaces = indexInterfaces(context);
		const owned = new Set<string>();
		mapInstances(context);
		mapVpcEndpoints(context, interfaces, owned);
		mapLoadBalancers(context, interfaces, owned);
		mapTargetGroups(context);
		mapEndpointServices(context);
		mapTransitGateways(context, interfaces);
		mapTgwRouteTables(context);
		mapVpn(context);
		mapClientVpn(context, interfaces, owned);
		mapDirectConnect(context);
		mapStandaloneInterfaces(context, owned);
		mapElasticIps(context);
		mendReferences(context);
		deriveSites(context);
	} catch (error) {
		if (error instanceof ImportError) throw error;
		const message = (error as Error).message;
		// The net layer's parse errors name the value; the reader's position is the best location we have.
		throw new ImportError(snapshot.root === dir ? basename(dir) : 'aws_configs', '(mapping)', message);
	}
	const document = {...context.documentBase(options.name ?? (basename(resolve(dir)) || 'imported')), ...context.out};
	const checked = checkTopology(document);
	if (!checked.ok) {
		const first = checked.problems.slice(0, 3).map(formatProblem).join('; ');
		throw new ImportError(dir, '(snapshot)', `the imported topology is inconsistent: ${first}${checked.problems.length > 3 ? ` (and ${checked.problems.length - 3} more)` : ''}`);
	}
	const counts = (Object.keys(collections) as CollectionKey[])
		.map(key => ({kind: collections[key], count: checked.topology[key].length}))
		.filter(entry => entry.count > 0);
	return {topology: checked.topology, counts, skippedFiles: snapshot.skipped, unmapped: context.unmapped, leftOut: context.leftOut};
}
