// A small seeded PRNG so a seed always yields the same topology and flows, on every machine and
// Node version (Math.random cannot be seeded). mulberry32: 32-bit state, good enough spread for
// picking ids, addresses and flows; not for anything cryptographic.

export type Rng = {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [0, n). */
	int(n: number): number;
	/** One element of a non-empty list. */
	pick<T>(list: readonly T[]): T;
	/** True with probability p. */
	chance(p: number): boolean;
	/** `n` lower-case hex digits. */
	hex(n: number): string;
};

/** Folds any string or number seed into 32 bits (FNV-1a), so seeds like 'large' work too. */
export function seedOf(seed: number | string): number {
	const text = String(seed);
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

export function createRng(seed: number | string): Rng {
	let state = seedOf(seed);
	const next = (): number => {
		state = (state + 0x6d2b79f5) | 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number): number => Math.floor(next() * n);
	return {
		next,
		int,
		pick: list => list[int(list.length)]!,
		chance: p => next() < p,
		hex(n) {
			let out = '';
			while (out.length < n) out += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0');
			return out.slice(0, n);
		},
	};
}
