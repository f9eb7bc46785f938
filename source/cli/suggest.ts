// "Did you mean" for mistyped commands, flags, template ids and saved names.

/** Edits between two words, where swapping two neighbouring letters ("lsit") is one edit, as typing makes it. */
function distance(a: string, b: string): number {
	let before = Array.from({length: b.length + 1}, () => 0);
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
			current.push(best);
		}
		before = previous;
		previous = current;
	}
	return previous[b.length]!;
}

/** The closest candidate, if one is close enough to be what was meant. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
	const wanted = word.toLowerCase();
	let best: string | undefined;
	let bestScore = Number.POSITIVE_INFINITY;
	for (const candidate of candidates) {
		const lower = candidate.toLowerCase();
		// A prefix ("temp" for "templates") is the likeliest intent of all.
		const score = lower.startsWith(wanted) && wanted.length >= 2 ? 0.5 : distance(wanted, lower);
		if (score < bestScore) {
			best = candidate;
			bestScore = score;
		}
	}
	const allowed = Math.max(1, Math.floor(wanted.length / 3));
	return bestScore <= allowed ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>, show = (c: string) => c): string | undefined {
	const match = closest(word, candidates);
	return match === undefined ? undefined : `did you mean ${show(match)}?`;
}
