// Every resource collection of a topology, the kind each holds, and lookups by id and by name.
// Ids and names share one namespace per topology so that a ref on the command line is unambiguous.
import type {Topology} from './types.js';

export const collections = {
	vpcs: 'vpc',
	subnets: 'subnet',
	routeTables: 'route-table',
	internetGateways: 'internet-gateway',
	egressOnlyInternetGateways: 'egress-only-internet-gateway',
	natGateways: 'nat-gateway',
	securityGroups: 'security-group',
	networkAcls: 'network-acl',
	instances: 'instance',
	networkInterfaces: 'network-interface',
	peeringConnections: 'peering-connection',
	prefixLists: 'prefix-list',
	vpcEndpoints: 'vpc-endpoint',
	loadBalancers: 'load-balancer',
	targetGroups: 'target-group',
	endpointServices: 'endpoint-service',
	transitGateways: 'transit-gateway',
	transitGatewayAttachments: 'transit-gateway-attachment',
	transitGatewayRouteTables: 'transit-gateway-route-table',
	vpnGateways: 'vpn-gateway',
	customerGateways: 'customer-gateway',
	vpnConnections: 'vpn-connection',
	clientVpnEndpoints: 'client-vpn-endpoint',
	dxConnections: 'dx-connection',
	dxGateways: 'dx-gateway',
	virtualInterfaces: 'virtual-interface',
	sites: 'site',
} as const;

export type CollectionKey = keyof typeof collections;
export type ResourceKind = (typeof collections)[CollectionKey];
export type AnyResource = Topology[CollectionKey][number];

export const collectionKeys = Object.keys(collections) as CollectionKey[];

/** Every collection of a topology, empty: the start of a generated or imported document. */
export function emptyCollections(): Pick<Topology, CollectionKey> {
	return Object.fromEntries(collectionKeys.map(key => [key, []])) as unknown as Pick<Topology, CollectionKey>;
}

export const collectionOfKind = Object.fromEntries(
	Object.entries(collections).map(([key, kind]) => [kind, key]),
) as Record<ResourceKind, CollectionKey>;

/** What a VPC route can point at besides `local` (the EC2 CreateRoute targets vpcsim models). */
export const routeTargetKinds: readonly ResourceKind[] = [
	'internet-gateway',
	'egress-only-internet-gateway',
	'nat-gateway',
	'peering-connection',
	'transit-gateway',
	'vpn-gateway',
	'vpc-endpoint',
	'network-interface',
	'instance',
];

/**
 * What a trace can start from when named (an address or client:<client-vpn-endpoint> aside): an
 * instance or interface, an on-premises site, or the gateway in front of a host outside AWS (an
 * internet gateway stands for an internet host, a VPN or Direct Connect resource for its site).
 */
export const traceSourceKinds: readonly ResourceKind[] = [
	'instance',
	'network-interface',
	'site',
	'internet-gateway',
	'vpn-gateway',
	'customer-gateway',
	'vpn-connection',
	'dx-connection',
	'virtual-interface',
	'dx-gateway',
];

/** What a trace can go to when named: the sources, and NAT gateways and VPC endpoints, which only answer. */
export const traceDestinationKinds: readonly ResourceKind[] = [...traceSourceKinds, 'nat-gateway', 'vpc-endpoint'];

export type ResourceEntry = {
	readonly kind: ResourceKind;
	readonly collection: CollectionKey;
	readonly index: number;
	readonly resource: AnyResource;
};

export type ResourceIndex = {
	readonly byId: ReadonlyMap<string, ResourceEntry>;
	/** Lower-cased name to the resources that carry it (more than one only in an invalid topology). */
	readonly byName: ReadonlyMap<string, readonly ResourceEntry[]>;
};

export function indexResources(topology: Topology): ResourceIndex {
	const byId = new Map<string, ResourceEntry>();
	const byName = new Map<string, ResourceEntry[]>();
	for (const collection of collectionKeys) {
		const list = topology[collection] as readonly AnyResource[];
		for (let index = 0; index < list.length; index++) {
			const resource = list[index]!;
			const entry: ResourceEntry = {kind: collections[collection], collection, index, resource};
			if (!byId.has(resource.id)) byId.set(resource.id, entry);
			if (resource.name) {
				const key = resource.name.toLowerCase();
				const same = byName.get(key);
				if (same) same.push(entry);
				else byName.set(key, [entry]);
			}
		}
	}
	return {byId, byName};
}

export type RefResult = {ok: true; entry: ResourceEntry} | {ok: false; error: string};

const kindNames: Partial<Record<ResourceKind, string>> = {
	vpc: 'VPC',
	'nat-gateway': 'NAT gateway',
	'network-acl': 'network ACL',
	'vpc-endpoint': 'VPC endpoint',
	'vpn-gateway': 'virtual private gateway',
	'vpn-connection': 'VPN connection',
	'client-vpn-endpoint': 'client VPN endpoint',
	'dx-connection': 'Direct Connect connection',
	'dx-gateway': 'Direct Connect gateway',
	'transit-gateway-attachment': 'transit gateway attachment',
	'transit-gateway-route-table': 'transit gateway route table',
	'egress-only-internet-gateway': 'egress-only internet gateway',
};

/** How a message calls a kind: `VPC`, `network ACL`, `route table`. */
export function kindName(kind: ResourceKind): string {
	return kindNames[kind] ?? kind.replace(/-/g, ' ');
}

/** `a VPC`, `an internet gateway`. */
export function aKind(kind: ResourceKind): string {
	const name = kindName(kind);
	return /^[aeiou]/i.test(name) && !name.startsWith('VPN') ? `an ${name}` : `a ${name}`;
}

/** `a, b or c`. */
function orList(items: readonly string[]): string {
	return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Resolves an id or a name (names case-insensitively), optionally requiring certain kinds. */
export function resolveRef(index: ResourceIndex, ref: string, kinds?: readonly ResourceKind[]): RefResult {
	const wanted = kinds && kinds.length > 0 ? kinds : undefined;
	// A long list of kinds (a route's targets) is named only where a wrong kind needs it.
	const describeWanted = wanted && wanted.length <= 3 ? orList(wanted.map(kindName)) : 'resource';
	let entry = index.byId.get(ref);
	if (!entry) {
		const named = index.byName.get(ref.toLowerCase());
		if (named && named.length > 1)
			return {ok: false, error: `"${ref}" names ${named.length} resources (${named.map(e => e.resource.id).join(', ')}); use an id`};
		entry = named?.[0];
	}
	if (!entry) return {ok: false, error: `no ${describeWanted} "${ref}" in this topology`};
	if (wanted && !wanted.includes(entry.kind))
		return {
			ok: false,
			error: `"${ref}" is ${aKind(entry.kind)}, not ${wanted.length <= 3 ? orList(wanted.map(aKind)) : `one of the kinds it takes (${wanted.map(kindName).join(', ')})`}`,
		};
	return {ok: true, entry};
}

/** `name (id)` when the resource has a name, else the id: how messages refer to a resource. */
export function label(resource: {id: string; name?: string}): string {
	return resource.name && resource.name !== resource.id ? `${resource.name} (${resource.id})` : resource.id;
}
