// Shared state of one validation run: the resource index built once, parsed blocks, the lookups
// several rule groups need, and the helpers that turn a finding into a Problem whose message names
// the resource and the field.
import {type Cidr, formatCidr, parseCidr, parseIpv4} from '../net/ipv4.js';
import type {Problem} from './parse.js';
import {
	type CollectionKey,
	type ResourceEntry,
	type ResourceIndex,
	type ResourceKind,
	aKind,
	collections,
	indexResources,
	kindName,
	label,
} from './resources.js';
import type {Subnet, Topology} from './types.js';

export type KindMap = {[C in CollectionKey as (typeof collections)[C]]: Topology[C][number]};

/** The resource a finding is about: where it sits in the document, and what it is. */
export type Subject = {
	readonly collection: CollectionKey;
	readonly index: number;
	readonly resource: {readonly id: string; readonly name?: string};
};

/** The short way to mention another resource inside a message: its name, else its id. */
export function short(resource: {id: string; name?: string}): string {
	return resource.name ?? resource.id;
}

/** `a subnet`, `an internet gateway or a virtual private gateway`: what a reference must name. */
function wanted(kinds: readonly ResourceKind[]): string {
	return kinds.map(aKind).join(' or ');
}

export function listCidrs(cidrs: readonly Cidr[]): string {
	return cidrs.map(formatCidr).join(', ');
}


export class Checker {
	readonly problems: Problem[] = [];
	readonly index: ResourceIndex;
	/** Parsed blocks of each VPC, by VPC id (a block that does not parse is left out). */
	readonly vpcBlocks = new Map<string, Cidr[]>();
	readonly subnetCidr = new Map<string, Cidr>();
	readonly subnetsByVpc = new Map<string, Subnet[]>();
	/** Route destinations repeat (0.0.0.0/0, the on-premises blocks): parse each text once. */
	private readonly cidrs = new Map<string, Cidr | null>();

	constructor(readonly topology: Topology) {
		this.index = indexResources(topology);
		for (const vpc of topology.vpcs) {
			if (this.vpcBlocks.has(vpc.id)) continue;
			this.vpcBlocks.set(vpc.id, vpc.cidrBlocks.map(text => this.cidr(text)).filter((cidr): cidr is Cidr => cidr !== undefined));
		}
		for (const subnet of topology.subnets) {
			const cidr = this.cidr(subnet.cidr);
			if (cidr && !this.subnetCidr.has(subnet.id)) this.subnetCidr.set(subnet.id, cidr);
			const list = this.subnetsByVpc.get(subnet.vpcId);
			if (list) list.push(subnet);
			else this.subnetsByVpc.set(subnet.vpcId, [subnet]);
		}
	}

	/** Records a problem; the message is prefixed with the resource's kind and label. */
	report(subject: Subject, field: string, message: string): void {
		const kind = collections[subject.collection];
		const suffix = field === '' ? '' : field.startsWith('[') ? field : `.${field}`;
		this.problems.push({
			path: `${subject.collection}[${subject.index}]${suffix}`,
			resourceId: subject.resource.id,
			message: `${kindName(kind)} ${label(subject.resource)}: ${message}`,
		});
	}

	/** The resource with this id when it is of this kind. */
	get<K extends ResourceKind>(id: string | undefined, kind: K): KindMap[K] | undefined {
		if (id === undefined) return undefined;
		const entry = this.index.byId.get(id);
		return entry?.kind === kind ? (entry.resource as KindMap[K]) : undefined;
	}

	/** Checks a reference field and returns the resource, or reports why it does not resolve. */
	ref<K extends ResourceKind>(subject: Subject, field: string, value: string, kind: K): KindMap[K] | undefined {
		// The common case, a reference to a resource of the right kind, without refAny's list of kinds.
		const entry = this.index.byId.get(value);
		if (entry?.kind === kind) return entry.resource as KindMap[K];
		this.refAny(subject, field, value, [kind]);
		return undefined;
	}

	/** Like ref, for fields that accept several kinds (a route target, a DX gateway association). */
	refAny(subject: Subject, field: string, value: string, kinds: readonly ResourceKind[]): ResourceEntry | undefined {
		const entry = this.index.byId.get(value);
		if (!entry) {
			const named = this.index.byName.get(value.toLowerCase());
			if (named?.length === 1 && kinds.includes(named[0]!.kind))
				this.report(subject, field, `${field} "${value}" is a name; references use ids, here ${named[0]!.resource.id}`);
			else this.report(subject, field, `${field} "${value}" does not exist; it must be the id of ${wanted(kinds)}`);
			return undefined;
		}
		if (!kinds.includes(entry.kind)) {
			this.report(subject, field, `${field} "${value}" is ${aKind(entry.kind)}, not ${wanted(kinds)}`);
			return undefined;
		}
		return entry;
	}

	/** The VPC a subnet belongs to (by its vpcId, whether or not that VPC exists). */
	vpcOfSubnet(subnetId: string): string | undefined {
		return this.get(subnetId, 'subnet')?.vpcId;
	}

	/** The VPC of a network interface, through its subnet. */
	vpcOfInterface(eniId: string): string | undefined {
		const eni = this.get(eniId, 'network-interface');
		return eni ? this.vpcOfSubnet(eni.subnetId) : undefined;
	}

	vpcName(vpcId: string): string {
		const vpc = this.get(vpcId, 'vpc');
		return vpc ? short(vpc) : vpcId;
	}

	/** Parses a block the schema already checked; undefined only for an unchecked document. */
	cidr(text: string): Cidr | undefined {
		let cidr = this.cidrs.get(text);
		if (cidr === undefined) {
			try {
				cidr = parseCidr(text);
			} catch {
				cidr = null;
			}
			this.cidrs.set(text, cidr);
		}
		return cidr ?? undefined;
	}

	/** Parses an address the schema already checked; undefined only for an unchecked document. */
	address(text: string): number | undefined {
		return parseIpv4(text);
	}
}

/** Calls `each` with every item of a collection as a Subject. */
export function forEach<C extends CollectionKey>(
	checker: Checker,
	collection: C,
	each: (resource: Topology[C][number], subject: Subject) => void,
): void {
	const list = checker.topology[collection] as ReadonlyArray<Topology[C][number]>;
	for (let index = 0; index < list.length; index++) {
		const resource = list[index]!;
		each(resource, {collection, index, resource});
	}
}

/** Reports items of `list` that share a key with an earlier one (e.g. two interfaces in one AZ). */
export function findRepeats<T>(list: readonly T[], key: (item: T) => string | undefined, onRepeat: (item: T, index: number, first: T) => void): void {
	const seen = new Map<string, T>();
	for (let index = 0; index < list.length; index++) {
		const item = list[index]!;
		const value = key(item);
		if (value === undefined) continue;
		const first = seen.get(value);
		if (first === undefined) seen.set(value, item);
		else onRepeat(item, index, first);
	}
}
