import {describe, expect, it} from 'vitest';
import {type Cidr, cidrContainsAddress, maskOf, parseCidr, parseIpv4} from '../../source/net/ipv4.js';
import {LpmIndex} from '../../source/net/lpm.js';

/** mulberry32: small, seeded, good enough to make the same random cases on every run. */
function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
	};
}

describe('LpmIndex', () => {
	it('prefers the longest prefix and keeps every value under a prefix', () => {
		const index = new LpmIndex<string>();
		index.insert(parseCidr('0.0.0.0/0'), 'igw');
		index.insert(parseCidr('10.0.0.0/16'), 'local');
		index.insert(parseCidr('10.0.2.0/24'), 'eni');
		index.insert(parseCidr('10.0.2.0/24'), 'eni-2');
		expect(index.size).toBe(4);
		expect(index.longest(parseIpv4('10.0.2.9')!)).toEqual({cidr: parseCidr('10.0.2.0/24'), values: ['eni', 'eni-2']});
		expect(index.longest(parseIpv4('10.0.3.9')!)?.values).toEqual(['local']);
		expect(index.longest(parseIpv4('8.8.8.8')!)?.values).toEqual(['igw']);
		expect(index.all(parseIpv4('10.0.2.9')!).map(m => m.cidr.prefix)).toEqual([24, 16, 0]);
		expect(index.exact(parseCidr('10.0.0.0/16'))).toEqual(['local']);
		expect(index.exact(parseCidr('10.0.0.0/17'))).toEqual([]);
	});

	it('finds nothing in an empty index or outside every prefix', () => {
		const index = new LpmIndex<number>();
		expect(index.longest(0)).toBeUndefined();
		expect(index.all(0)).toEqual([]);
		index.insert(parseCidr('192.168.0.0/16'), 1);
		expect(index.longest(parseIpv4('192.169.0.0')!)).toBeUndefined();
	});

	it('handles /32 at the top of the address space and host bits in an inserted prefix', () => {
		const index = new LpmIndex<string>();
		index.insert(parseCidr('255.255.255.255/32'), 'top');
		index.insert({base: parseIpv4('10.1.2.3')!, prefix: 8}, 'ten');
		expect(index.longest(0xffffffff)?.values).toEqual(['top']);
		expect(index.longest(parseIpv4('10.200.0.1')!)?.cidr).toEqual(parseCidr('10.0.0.0/8'));
	});

	it('agrees with a brute-force scan on random prefixes', () => {
		const random = prng(20260);
		const prefixes: Array<{cidr: Cidr; value: number}> = [];
		const index = new LpmIndex<number>();
		// Addresses cluster in a few /8s so that many prefixes nest and many queries hit.
		const roots = [10, 172, 192, 100];
		const pick = () => ((roots[Math.floor(random() * roots.length)]! << 24) | Math.floor(random() * 2 ** 24)) >>> 0;
		for (let value = 0; value < 3000; value++) {
			const prefix = Math.floor(random() * 33);
			const cidr = {base: (pick() & maskOf(prefix)) >>> 0, prefix};
			prefixes.push({cidr, value});
			index.insert(cidr, value);
		}
		for (let query = 0; query < 3000; query++) {
			const address = random() < 0.5 ? pick() : prefixes[Math.floor(random() * prefixes.length)]!.cidr.base;
			const matching = prefixes.filter(p => cidrContainsAddress(p.cidr, address));
			const best = Math.max(-1, ...matching.map(p => p.cidr.prefix));
			const result = index.longest(address);
			if (best < 0) {
				expect(result).toBeUndefined();
				continue;
			}
			expect(result?.cidr.prefix).toBe(best);
			expect([...result!.values].sort((a, b) => a - b)).toEqual(matching.filter(p => p.cidr.prefix === best).map(p => p.value));
			const lengths = index.all(address).map(m => m.cidr.prefix);
			expect(lengths).toEqual([...new Set(matching.map(p => p.cidr.prefix))].sort((a, b) => b - a));
		}
	});
});

describe('LpmIndex without allocation', () => {
	it('longestValues, longestLength and valuesAt agree with longest', () => {
		const random = prng(11);
		const index = new LpmIndex<number>();
		for (let i = 0; i < 300; i++) {
			const prefix = Math.floor(random() * 33);
			index.insert({base: (Math.floor(random() * 2 ** 32) & maskOf(prefix)) >>> 0, prefix}, i);
		}
		index.insert(parseCidr('10.0.0.0/8'), 1000);
		index.insert(parseCidr('10.1.0.0/16'), 1001);
		for (let i = 0; i < 2000; i++) {
			const address = i % 2 === 0 ? Math.floor(random() * 2 ** 32) : (0x0a000000 + Math.floor(random() * 2 ** 24)) >>> 0;
			const match = index.longest(address);
			expect(index.longestValues(address)).toBe(match?.values);
			const length = index.longestLength(address);
			expect(length).toBe(match ? match.cidr.prefix : -1);
			if (match) expect(index.valuesAt(address, length)).toBe(match.values);
		}
		expect(new LpmIndex<number>().longestValues(1)).toBeUndefined();
		expect(new LpmIndex<number>().longestLength(1)).toBe(-1);
		expect(index.valuesAt(parseIpv4('10.1.2.3')!, 16)).toEqual([1001]);
		expect(index.valuesAt(parseIpv4('10.2.2.3')!, 16)).toBeUndefined();
	});
});
