// A change in progress: copy-on-write over a topology, so a command never touches the object it
// was given (the console's undo keeps the old one) and unchanged collections stay shared.
import {
	type AnyResource,
	type CollectionKey,
	type ResourceEntry,
	type ResourceIndex,
	type ResourceKind,
	collectionKeys,
	indexResources,
	label,
	resolveRef,
} from '../model/resources.js';
import type {Topology} from '../model/types.js';
import {cidrContainsAddress, formatIpv4, ipv4, lastAddress, parseCidr} from '../net/ipv4.js';

/** A command refused for a reason about the topology (not about its spelling). */
export class CommandError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CommandError';
	}
}

export type Item<K extends CollectionKey> = Topology[K][number];

export class Draft {
	readonly topology: Topology;
	private readonly copied = new Set<CollectionKey>();
	private cachedIndex: ResourceIndex | undefined;

	constructor(readonly base: Topology) {
		this.topology = {...base};
	}

	get index(): ResourceIndex {
		this.cachedIndex ??= indexResources(this.topology);
		return this.cachedIndex;
	}

	find(ref: string, kinds?: readonly ResourceKind[]): ResourceEntry {
		const result = resolveRef(this.index, ref, kinds);
		if (!result.ok) throw new CommandError(result.error);
		return result.entry;
	}

	/** The id of the resource `ref` names. */
	id(ref: string, kinds?: readonly ResourceKind[]): string {
		return this.find(ref, kinds).resource.id;
	}

	list<K extends CollectionKey>(collection: K): readonly Item<K>[] {
		return this.topology[collection] as readonly Item<K>[];
	}

	get<K extends CollectionKey>(collection: K, id: string): Item<K> {
		const item = this.list(collection).find(entry => entry.id === id);
		if (!item) throw new CommandError(`no ${id} in this topology`);
		return item;
	}

	private writable<K extends CollectionKey>(collection: K): Item<K>[] {
		if (!this.copied.has(collection)) {
			(this.topology as Record<CollectionKey, unknown>)[collection] = [...this.topology[collection]];
			this.copied.add(collection);
		}
		return this.topology[collection] as Item<K>[];
	}

	insert<K extends CollectionKey>(collection: K, item: Item<K>): Item<K> {
		this.writable(collection).push(item);
		this.cachedIndex = undefined;
		return item;
	}

	/** Replaces the resource with a changed copy; `change` may mutate the copy it gets. */
	update<K extends CollectionKey>(collection: K, id: string, change: (item: Item<K>) => void): Item<K> {
		const list = this.writable(collection);
		const at = list.findIndex(entry => entry.id === id);
		if (at === -1) throw new CommandError(`no ${id} in this topology`);
		const copy = structuredClone(list[at]!);
		change(copy);
		list[at] = copy;
		this.cachedIndex = undefined;
		return copy;
	}

	remove(collection: CollectionKey, id: string): void {
		const list = this.writable(collection) as AnyResource[];
		const at = list.findIndex(entry => entry.id === id);
		if (at !== -1) list.splice(at, 1);
		this.cachedIndex = undefined;
	}

	/** Names share the id namespace, so a new name must be free as both. */
	checkName(name: string): void {
		const existing = this.index.byId.get(name) ?? this.index.byName.get(name.toLowerCase())?.[0];
		if (existing) throw new CommandError(`the name "${name}" is already used by ${existing.kind} ${label(existing.resource)}`);
	}

	/**
	 * An AWS-style id: the kind's prefix and 8 hex digits hashed from a counter over the ids with
	 * that prefix, so the same topology and command always give the same id.
	 */
	newId(prefix: string): string {
		let counter = this.index.byId.size;
		for (;;) {
			counter++;
			const id = `${prefix}-${hash(`${prefix}:${counter}`)}`;
			if (this.index.byId.has(id) || this.index.byName.has(id) || this.issued.has(id) || this.embeddedIds().has(id)) continue;
			this.issued.add(id);
			return id;
		}
	}

	/** Ids issued by this draft, not yet inserted (an endpoint's interfaces are made before it). */
	private readonly issued = new Set<string>();

	/** Ids of parts kept inside resources (endpoint interfaces, client VPN associations). */
	private embeddedIds(): Set<string> {
		const ids = new Set<string>();
		for (const endpoint of this.topology.vpcEndpoints) endpoint.networkInterfaces.forEach(eni => ids.add(eni.id));
		for (const cvpn of this.topology.clientVpnEndpoints) cvpn.targetNetworks.forEach(net => ids.add(net.id));
		return ids;
	}

	/**
	 * The private addresses in use in the given subnets (interfaces, NAT gateways, endpoint and LB
	 * nodes, client VPN associations). Only those subnets are looked at: a large topology has
	 * tens of thousands of addresses and a command needs a handful.
	 */
	usedPrivateIps(subnetIds: readonly string[]): Set<number> {
		const wanted = new Set(subnetIds);
		const used = new Set<number>();
		const add = (subnetId: string, ip: string | undefined) => {
			if (ip && wanted.has(subnetId)) used.add(ipv4(ip));
		};
		for (const eni of this.topology.networkInterfaces)
			if (wanted.has(eni.subnetId)) {
				add(eni.subnetId, eni.privateIp);
				for (const ip of eni.secondaryPrivateIps) add(eni.subnetId, ip);
			}
		for (const nat of this.topology.natGateways) add(nat.subnetId, nat.privateIp);
		for (const endpoint of this.topology.vpcEndpoints) for (const eni of endpoint.networkInterfaces) add(eni.subnetId, eni.privateIp);
		for (const lb of this.topology.loadBalancers) for (const node of lb.nodes) add(node.subnetId, node.privateIp);
		for (const cvpn of this.topology.clientVpnEndpoints) for (const net of cvpn.targetNetworks) add(net.subnetId, net.privateIp);
		return used;
	}

	/** The first address of the subnet that AWS does not reserve and nothing uses. */
	freeIp(subnetId: string, taken: Set<number> = this.usedPrivateIps([subnetId])): string {
		const subnet = this.get('subnets', subnetId);
		const block = parseCidr(subnet.cidr);
		for (let address = block.base + 4; address < lastAddress(block); address++)
			if (!taken.has(address)) {
				taken.add(address);
				return formatIpv4(address);
			}
		throw new CommandError(`subnet ${label(subnet)} (${subnet.cidr}) has no free address left`);
	}

	/** Checks a requested private address: inside the subnet, not reserved, not in use. */
	checkIp(subnetId: string, ip: string): void {
		const subnet = this.get('subnets', subnetId);
		const block = parseCidr(subnet.cidr);
		const address = ipv4(ip);
		if (!cidrContainsAddress(block, address)) throw new CommandError(`${ip} is not inside subnet ${label(subnet)} (${subnet.cidr})`);
		const offset = address - block.base;
		if (offset < 4 || address === lastAddress(block))
			throw new CommandError(`${ip} is one of the five addresses AWS reserves in ${subnet.cidr}; the first usable one is ${formatIpv4(block.base + 4)}`);
		if (this.usedPrivateIps([subnetId]).has(address)) throw new CommandError(`${ip} is already in use in subnet ${label(subnet)}`);
	}

	/**
	 * A public address for an auto-assigned public IP, an elastic IP or a VPN tunnel: from the
	 * documentation ranges, so it can never be mistaken for a real host, skipping used ones.
	 */
	freePublicIp(taken: ReadonlySet<string> = new Set()): string {
		const used = new Set<string>(taken);
		for (const eni of this.topology.networkInterfaces) if (eni.publicIp) used.add(eni.publicIp);
		for (const nat of this.topology.natGateways) if (nat.publicIp) used.add(nat.publicIp);
		for (const cgw of this.topology.customerGateways) used.add(cgw.ipAddress);
		for (const vpn of this.topology.vpnConnections) vpn.tunnels.forEach(tunnel => used.add(tunnel.outsideIp));
		const blocks = [...this.topology.vpcs.flatMap(vpc => vpc.cidrBlocks), ...this.topology.sites.flatMap(site => site.cidrs)].map(text =>
			parseCidr(text),
		);
		for (const pool of ['203.0.113.0/24', '198.51.100.0/24', '192.0.2.0/24']) {
			const block = parseCidr(pool);
			for (let address = block.base + 10; address < lastAddress(block); address++) {
				const text = formatIpv4(address);
				if (!used.has(text) && !blocks.some(inner => cidrContainsAddress(inner, address))) return text;
			}
		}
		throw new CommandError('no free public address left to assign; give one with public-ip=<address>');
	}

	/** The resources (outside `ignore`) that refer to any of `ids`, by name or id. */
	usersOf(ids: ReadonlySet<string>, ignore: ReadonlySet<string> = ids): string[] {
		const users: string[] = [];
		for (const collection of collectionKeys)
			for (const resource of this.topology[collection] as readonly AnyResource[])
				if (!ignore.has(resource.id) && refersTo(resource, ids)) users.push(resource.name ?? resource.id);
		return users;
	}
}

const notReferences = new Set(['id', 'name', 'description', 'tags', 'serviceName', 'privateIp', 'publicIp']);

function refersTo(value: unknown, ids: ReadonlySet<string>): boolean {
	if (typeof value === 'string') return ids.has(value);
	if (Array.isArray(value)) return value.some(item => refersTo(item, ids));
	if (value && typeof value === 'object')
		return Object.entries(value).some(([key, item]) => !notReferences.has(key) && refersTo(item, ids));
	return false;
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function hash(text: string): string {
	let value = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		value ^= text.charCodeAt(i);
		value = Math.imul(value, 0x01000193) >>> 0;
	}
	return value.toString(16).padStart(8, '0');
}
