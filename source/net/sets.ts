// Set operations on CIDR blocks, and the facts about one block that the console's `cidr` command
// shows. cidr-tools does the set algebra; everything is validated with parseCidr first because
// cidr-tools accepts `/33` and silently wraps `300.1.1.1`. Every function here throws a
// NetParseError (with the parser's "did you mean" message) for a block that is not valid.
import {excludeCidr, mergeCidr, overlapCidr} from 'cidr-tools';
import {
	type Cidr,
	NetParseError,
	formatCidr,
	formatIpv4,
	lastAddress,
	maskOf,
	parseCidr,
	sizeOf,
} from './ipv4.js';

/** AWS subnet sizes; the same bounds apply to VPC blocks. */
export const minAwsPrefix = 16;
export const maxAwsPrefix = 28;

/** Parses every block strictly (throws NetParseError naming the first bad one) and returns it canonical. */
function canonical(cidrs: readonly string[]): string[] {
	return cidrs.map(text => formatCidr(parseCidr(text)));
}

/** cidr-tools writes a lone host without `/32` in some versions: read either form. */
function fromTools(text: string): Cidr {
	return parseCidr(text.includes('/') ? text : `${text}/32`);
}

function sortCidrs(cidrs: Cidr[]): Cidr[] {
	return cidrs.sort((a, b) => a.base - b.base || a.prefix - b.prefix);
}

/** The smallest list of blocks covering exactly the union of `cidrs`, in address order. */
export function mergeCidrs(cidrs: readonly string[]): string[] {
	const valid = canonical(cidrs);
	if (valid.length === 0) return [];
	return sortCidrs(mergeCidr(valid).map(fromTools)).map(formatCidr);
}

/** What remains of `base` after removing `excluded`, as blocks in address order. */
export function excludeCidrs(base: readonly string[], excluded: readonly string[]): string[] {
	const kept = canonical(base);
	const removed = canonical(excluded);
	if (kept.length === 0) return [];
	if (removed.length === 0) return mergeCidrs(kept);
	return sortCidrs(excludeCidr(kept, removed).map(fromTools)).map(formatCidr);
}

/** True when any block of `a` shares an address with any block of `b`. */
export function overlaps(a: string | readonly string[], b: string | readonly string[]): boolean {
	const left = canonical(typeof a === 'string' ? [a] : a);
	const right = canonical(typeof b === 'string' ? [b] : b);
	if (left.length === 0 || right.length === 0) return false;
	return overlapCidr(left, right);
}

/**
 * Up to `limit` free blocks of length `prefix` inside `container` that miss every `used` block,
 * lowest first (for "free /24s in vpc-app"). Works on the free ranges, never on expanded addresses,
 * so a /8 with one used /28 costs the same as a /24.
 */
export function freeBlocks(container: readonly string[], used: readonly string[], prefix: number, limit = 8): string[] {
	if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32)
		throw new NetParseError(`the block size must be a prefix length from 0 to 32, not ${String(prefix)}`);
	if (!Number.isInteger(limit) || limit <= 0) return [];
	const blocks: string[] = [];
	const step = 2 ** (32 - prefix);
	for (const free of excludeCidrs(container, used).map(text => parseCidr(text))) {
		if (free.prefix > prefix) continue;
		// A free range from excludeCidr is aligned on its own size, so it splits into whole blocks.
		const end = free.base + sizeOf(free);
		for (let base = free.base; base < end; base += step) {
			blocks.push(formatCidr({base, prefix}));
			if (blocks.length >= limit) return blocks;
		}
	}
	return blocks;
}

export type ReservedRole = 'network address' | 'VPC router' | 'DNS server' | 'future use' | 'broadcast address';

/** Which of AWS's five reserved addresses of a subnet `address` is, if any. */
export function awsReservedRole(subnet: Cidr, address: number): ReservedRole | undefined {
	if (subnet.prefix > 30) return undefined;
	const offset = address - subnet.base;
	if (offset === 0) return 'network address';
	if (offset === 1) return 'VPC router';
	if (offset === 2) return 'DNS server';
	if (offset === 3) return 'future use';
	if (address === lastAddress(subnet)) return 'broadcast address';
	return undefined;
}

export type CidrFacts = {
	/** The block, host bits cleared. */
	readonly cidr: string;
	/** The text as typed, when it had host bits set (explained as `cidr`). */
	readonly typed?: string;
	readonly prefix: number;
	readonly network: string;
	readonly first: string;
	readonly last: string;
	readonly size: number;
	readonly netmask: string;
	/** True for /16 to /28, the sizes a VPC block or subnet may have. */
	readonly subnetSized: boolean;
	/** Subnet-sized blocks only: the five addresses AWS keeps, and what remains for interfaces. */
	readonly reserved?: ReadonlyArray<{readonly address: string; readonly role: ReservedRole}>;
	readonly usable?: number;
	readonly firstUsable?: string;
	readonly lastUsable?: string;
};

/** Facts about a block; host bits are accepted and cleared (`192.168.32.1/24` is 192.168.32.0/24). */
export function describeCidr(text: string): CidrFacts {
	const trimmed = text.trim();
	const cidr = parseCidr(trimmed, {allowHostBits: true});
	const canonicalText = formatCidr(cidr);
	const last = lastAddress(cidr);
	const subnetSized = cidr.prefix >= minAwsPrefix && cidr.prefix <= maxAwsPrefix;
	const facts: CidrFacts = {
		cidr: canonicalText,
		...(canonicalText === trimmed ? {} : {typed: trimmed}),
		prefix: cidr.prefix,
		network: formatIpv4(cidr.base),
		first: formatIpv4(cidr.base),
		last: formatIpv4(last),
		size: sizeOf(cidr),
		netmask: formatIpv4(maskOf(cidr.prefix)),
		subnetSized,
	};
	if (!subnetSized) return facts;
	const reservedAt = [cidr.base, cidr.base + 1, cidr.base + 2, cidr.base + 3, last];
	return {
		...facts,
		reserved: reservedAt.map(address => ({address: formatIpv4(address), role: awsReservedRole(cidr, address)!})),
		usable: sizeOf(cidr) - 5,
		firstUsable: formatIpv4(cidr.base + 4),
		lastUsable: formatIpv4(last - 1),
	};
}
