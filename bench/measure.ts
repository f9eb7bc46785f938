// Timing and reporting helpers for the benchmark: percentiles, a monotonic clock, and the
// figure-next-to-target lines it prints. Nothing here asserts: a miss is printed, not thrown.

export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** The q-quantile (0-1) of unsorted samples, nearest-rank. */
export function quantile(samples: readonly number[], q: number): number {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[rank]!;
}
export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

/** Runs `fn` `runs` times and returns each run's milliseconds and the last result. */
export function repeat<T>(runs: number, fn: () => T): {times: number[]; result: T} {
	const times: number[] = [];
	let result!: T;
	for (let i = 0; i < runs; i++) {
		const start = now();
		result = fn();
		times.push(now() - start);
	}
	return {times, result};
}

export const ms = (value: number): string => (value >= 100 ? `${Math.round(value).toLocaleString('en-US')} ms` : `${value.toFixed(1)} ms`);
export const us = (millis: number): string => `${(millis * 1000).toFixed(millis * 1000 >= 100 ? 0 : 1)} µs`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const count = (n: number): string => n.toLocaleString('en-US');

export type Mark = 'pass' | 'MISS' | 'n/a';
export const mark = (ok: boolean | undefined): Mark => (ok === undefined ? 'n/a' : ok ? 'pass' : 'MISS');

const LABEL = 20;
const FIGURE = 56;

/** Every line printed, for `--json`: a run can be kept and compared with a later one. */
export const printed: {section: string; label: string; figure: string; target?: string; mark?: Mark}[] = [];
let currentSection = '';

/** `label  figure  target  mark`, aligned, so the figures read as a table. */
export function line(label: string, figure: string, target = '', result: Mark | '' = ''): void {
	printed.push({section: currentSection, label: label.trim(), figure, ...(target ? {target} : {}), ...(result ? {mark: result} : {})});
	const head = `${label.padEnd(LABEL)} ${figure}`;
	const tail = target ? `${`target ${target}`.padEnd(28)} ${result}` : '';
	console.log(tail ? `${head.padEnd(LABEL + 1 + FIGURE)} ${tail}`.trimEnd() : head);
}

export function section(title: string): void {
	currentSection = title;
	console.log(`\n${title}`);
}

export function note(text: string): void {
	console.log(`${' '.repeat(LABEL + 1)}${text}`);
}
