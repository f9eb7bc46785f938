// Times the console as a user meets it: the built CLI opened on a topology file inside a pseudo-
// terminal (util-linux `script`), the first frame, then redraws after key presses. Ink brackets
// each frame in synchronized-output marks (ESC[?2026h ... ESC[?2026l), so a frame is complete
// at its closing mark; without marks, at the last output before a short quiet gap.
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {now} from './measure.js';

export type ConsoleReport = {
	/** Launch to the first output of any kind (the "opening" screen). */
	firstPaint: number;
	/** Launch to the first complete frame with the panes drawn. */
	firstFrame: number;
	/** Key press to its redraw being complete, per key. */
	keys: number[];
	/** Keys after which nothing was redrawn within a second. */
	missed: number;
};

const FRAME_END = '\u001b[?2026l';
const QUIET_MS = 25;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

export function hasPty(): boolean {
	return spawnSync('script', ['--version'], {encoding: 'utf8'}).status === 0;
}

export async function probeConsole(cli: string, topologyFile: string, keys = 30): Promise<ConsoleReport> {
	const home = mkdtempSync(join(tmpdir(), 'vpcsim-console-'));
	const command = `stty cols 120 rows 40 2>/dev/null; exec ${quote(process.execPath)} ${quote(cli)} open ${quote(topologyFile)}`;
	const start = now();
	const child = spawn('script', ['-qfec', command, '/dev/null'], {env: {...process.env, VPCSIM_HOME: home, TERM: 'xterm-256color'}, stdio: ['pipe', 'pipe', 'ignore']});
	let output = '';
	let lastChunk = start;
	let frameEnds: number[] = [];
	let firstPaint = Number.NaN;
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		const at = now();
		if (Number.isNaN(firstPaint)) firstPaint = at - start;
		output += chunk;
		lastChunk = at;
		for (let i = chunk.indexOf(FRAME_END); i >= 0; i = chunk.indexOf(FRAME_END, i + 1)) frameEnds.push(at);
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
	try {
		let firstFrame = Number.NaN;
		while (now() - start < 20_000 && child.exitCode === null) {
			const at = output.indexOf('Resources');
			if (at >= 0) {
				const end = output.indexOf(FRAME_END, at);
				if (end >= 0 || now() - lastChunk >= QUIET_MS) {
					firstFrame = (end >= 0 ? frameEnds[frameEnds.length - 1]! : lastChunk) - start;
					break;
				}
			}
			await sleep(2);
		}
		if (Number.isNaN(firstFrame)) throw new Error(`no console frame within 20 s${output ? `; it printed: ${output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').trim().slice(0, 120)}` : ''}`);
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
		return {firstPaint, firstFrame, keys: times, missed};
	} finally {
		child.stdin.write('q');
		await Promise.race([exited, sleep(1500)]);
		if (child.exitCode === null) child.kill('SIGTERM');
		rmSync(home, {recursive: true, force: true});
	}
}
