// Times the console as a user meets it: the built CLI opened on a topology file inside a pseudo-
// terminal (util-linux `script`), the first frame, the panes, then redraws after key presses. Ink
// brackets each frame in synchronized-output marks (ESC[?2026h ... ESC[?2026l), so a frame is
// complete at its closing mark; without marks, at the last output before a short quiet gap.
// Launch is the moment the shell inside the terminal execs Node: it prints the wall clock just
// before, so the figures leave out starting `script` and the shell, which a user's terminal has
// already done.
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {now} from './measure.js';

export type ConsoleReport = {
	/** Launch to the first complete frame (the console's frame, drawn while the topology loads). */
	firstFrame: number;
	/** Launch to the first complete frame with the topology in the panes. */
	panes: number;
	/** Key press to its redraw being complete, per key. */
	keys: number[];
	/** Keys after which nothing was redrawn within a second. */
	missed: number;
};

const FRAME_END = '\u001b[?2026l';
const LAUNCH = /\bLAUNCH(\d{19})\b/;
/** The header's save state ("saved", "unsaved"), shown once a topology is open. */
const OPENED = 'saved';
const QUIET_MS = 25;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

export function hasPty(): boolean {
	return spawnSync('script', ['--version'], {encoding: 'utf8'}).status === 0;
}

/** Opens `topology` (a saved name in `options.home`, or a file) in the console and times it. */
export async function probeConsole(cli: string, topology: string, options: {keys?: number; home?: string; env?: NodeJS.ProcessEnv} = {}): Promise<ConsoleReport> {
	const keys = options.keys ?? 30;
	const home = options.home ?? mkdtempSync(join(tmpdir(), 'vpcsim-console-'));
	const command = `stty cols 120 rows 40 2>/dev/null; echo LAUNCH$(date +%s%N); exec ${quote(process.execPath)} ${quote(cli)} open ${quote(topology)}`;
	const child = spawn('script', ['-qfec', command, '/dev/null'], {env: {...(options.env ?? process.env), VPCSIM_HOME: home, TERM: 'xterm-256color'}, stdio: ['pipe', 'pipe', 'ignore']});
	let output = '';
	let lastChunk = now();
	let frameEnds: number[] = [];
	/** Every frame's end, in order: the n-th mark in the output ended at allEnds[n - 1]. */
	const allEnds: number[] = [];
	let start = Number.NaN;
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		const at = now();
		if (Number.isNaN(start)) {
			const launch = LAUNCH.exec(output + chunk);
			// Nanoseconds since the epoch, moved onto the clock of now(): wall clock minus its offset.
			if (launch) start = Number(BigInt(launch[1]!) / 1000n) / 1000 - (performance.timeOrigin + performance.now() - now());
		}
		const from = Math.max(0, output.length - FRAME_END.length + 1);
		output += chunk;
		lastChunk = at;
		// Searched in the whole output, so a mark split across two chunks still counts.
		for (let i = output.indexOf(FRAME_END, from); i >= 0; i = output.indexOf(FRAME_END, i + 1)) {
			frameEnds.push(at);
			allEnds.push(at);
		}
	});
	const exited = new Promise<void>(resolve => child.on('exit', () => resolve()));

	/** Waits for the redraw after `since`: its closing mark, or the output going quiet. */
	const redraw = async (since: number, limit: number): Promise<number | undefined> => {
		for (;;) {
			const end = frameEnds.find(t => t > since);
			if (end !== undefined) return end;
			if (lastChunk > since && now() - lastChunk >= QUIET_MS) return lastChunk;
			if (now() - since > limit) return undefined;
			await sleep(2);
		}
	};
	/** When the first frame drawing `marker` was complete, from launch. */
	const frameWith = async (marker: string): Promise<number> => {
		const began = now();
		while (now() - began < 20_000 && child.exitCode === null) {
			const at = output.indexOf(marker, output.search(LAUNCH) + 30);
			if (at >= 0) {
				// The end mark of the frame that drew it: the first end mark at or after the marker.
				const end = output.indexOf(FRAME_END, at);
				if (end >= 0 || now() - lastChunk >= QUIET_MS) {
					const ends = output.slice(0, end >= 0 ? end + FRAME_END.length : output.length).split(FRAME_END).length - 1;
					return (end >= 0 ? allEnds[ends - 1]! : lastChunk) - start;
				}
			}
			await sleep(2);
		}
		throw new Error(`no console frame showing "${marker}" within 20 s${output ? `; it printed: ${output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').trim().slice(0, 120)}` : ''}`);
	};
	try {
		const firstFrame = await frameWith('Resources');
		const panes = await frameWith(OPENED);
		await sleep(300);
		const times: number[] = [];
		let missed = 0;
		for (let i = 0; i < keys; i++) {
			frameEnds = [];
			const sent = now();
			child.stdin.write(i % 10 < 5 ? 'j' : 'k');
			const done = await redraw(sent, 1000);
			if (done === undefined) missed++;
			else times.push(done - sent);
			await sleep(40);
		}
		return {firstFrame, panes, keys: times, missed};
	} finally {
		child.stdin.write('q');
		await Promise.race([exited, sleep(1500)]);
		if (child.exitCode === null) child.kill('SIGTERM');
		if (!options.home) rmSync(home, {recursive: true, force: true});
	}
}
