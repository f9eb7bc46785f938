// Longest-prefix match over IPv4 prefixes, for route lookup and for "which subnet, VPC or site
// owns this address". One hash map per prefix length, probed from /32 down: at most 33 integer
// map lookups per query, no strings on the hot path.
import type {Cidr} from './ipv4.js';
import {maskOf} from './ipv4.js';

/** maskOf for every prefix length, so a lookup does no arithmetic beyond the AND. */
const masks: readonly number[] = Array.from({length: 33}, (_, prefix) => maskOf(prefix));

export type LpmMatch<T> = {readonly cidr: Cidr; readonly values: readonly T[]};

export class LpmIndex<T> {
	private readonly byLength: Array<Map<number, T[]> | undefined> = new Array(33);
	/** Prefix lengths present, longest first, so lookups skip empty lengths. */
	private lengths: number[] = [];
	private count = 0;

	get size(): number {
		return this.count;
	}

	insert(cidr: Cidr, value: T): void {
		let map = this.byLength[cidr.prefix];
		if (!map) {
			map = new Map();
			this.byLength[cidr.prefix] = map;
			this.lengths = [...this.lengths, cidr.prefix].sort((a, b) => b - a);
		}
		const base = (cidr.base & maskOf(cidr.prefix)) >>> 0;
		const list = map.get(base);
		if (list) list.push(value);
		else map.set(base, [value]);
		this.count++;
	}

	/**
	 * The values under the longest prefix containing `address`, or undefined. Allocates nothing,
	 * for hot lookups; longestLength says which prefix it was when that matters.
	 */
	longestValues(address: number): readonly T[] | undefined {
		const lengths = this.lengths;
		for (let i = 0; i < lengths.length; i++) {
			const prefix = lengths[i]!;
			const values = this.byLength[prefix]!.get((address & masks[prefix]!) >>> 0);
			if (values) return values;
		}
		return undefined;
	}

	/** The length of the longest stored prefix containing `address`, or -1 when none does. */
	longestLength(address: number): number {
		const lengths = this.lengths;
		for (let i = 0; i < lengths.length; i++) {
			const prefix = lengths[i]!;
			if (this.byLength[prefix]!.has((address & masks[prefix]!) >>> 0)) return prefix;
		}
		return -1;
	}

	/** The values stored under the prefix of this length that contains `address`, or undefined. */
	valuesAt(address: number, length: number): readonly T[] | undefined {
		return this.byLength[length]?.get((address & masks[length]!) >>> 0);
	}

	/** The values stored under the longest prefix that contains `address`, or undefined. */
	longest(address: number): LpmMatch<T> | undefined {
		for (const prefix of this.lengths) {
			const base = (address & masks[prefix]!) >>> 0;
			const values = this.byLength[prefix]!.get(base);
			if (values) return {cidr: {base, prefix}, values};
		}
		return undefined;
	}

	/** Every stored prefix containing `address`, longest first (for explaining why a route lost). */
	all(address: number): Array<LpmMatch<T>> {
		const matches: Array<LpmMatch<T>> = [];
		for (const prefix of this.lengths) {
			const base = (address & masks[prefix]!) >>> 0;
			const values = this.byLength[prefix]!.get(base);
			if (values) matches.push({cidr: {base, prefix}, values});
		}
		return matches;
	}

	/** The values stored under exactly this prefix. */
	exact(cidr: Cidr): readonly T[] {
		return this.byLength[cidr.prefix]?.get((cidr.base & maskOf(cidr.prefix)) >>> 0) ?? [];
	}
}
