// A real terminal for end-to-end tests: a detached tmux session of a fixed size on a private
// socket, driven with send-keys and read with capture-pane, as a user at a terminal would see it.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const binary = path.join(root, 'dist', 'cli.js');

/** How long to wait for the screen to show something: the machine is shared and can be slow. */
export const patience = 30_000;

/** Fails with a clear message when tmux is missing: the project requires it for this test. */
export function requireTmux(): void {
	const probe = spawnSync('tmux', ['-V'], {encoding: 'utf8'});
	if (probe.error || probe.status !== 0)
		throw new Error('tmux is required by the end-to-end console test but was not found on PATH; install it (e.g. `apt-get install tmux`, or run .ci/run, which installs it)');
}

const cleanups: Array<() => void> = [];

/** Undoes everything made by the helpers below: tmux servers and temporary folders. */
export function cleanUp(): void {
	for (const cleanup of cleanups.splice(0).reverse()) {
		try {
			cleanup();
		} catch {
			// Keep cleaning: one failure must not leave a server running.
		}
	}
}

/** A fresh folder, removed by cleanUp. */
export function tempFolder(prefix: string): string {
	const folder = mkdtempSync(path.join(tmpdir(), prefix));
	cleanups.push(() => rmSync(folder, {recursive: true, force: true}));
	return folder;
}

/** The environment the terminal's shell starts with: nothing of the test runner's own. */
export function userEnv(home: string): Record<string, string> {
	return {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		HOME: home,
		LANG: 'C.UTF-8',
		LC_ALL: 'C.UTF-8',
		TERM: 'xterm-256color',
		VPCSIM_HOME: path.join(home, 'vpcsim'),
		PS1: 'e2e$ ',
	};
}

/** Runs the shipped binary outside the terminal (setup and checks), with the same environment. */
export function vpcsim(env: Record<string, string>, argv: string[]): {status: number | null; stdout: string; stderr: string} {
	const result = spawnSync(process.execPath, [binary, ...argv], {cwd: root, env, encoding: 'utf8', timeout: patience});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

let sessions = 0;

export type Terminal = {
	/** Types text as it is (tmux sends it in one write, like a paste or a fast typist). */
	type(text: string): void;
	/** Presses keys by tmux name: Enter, Escape, Tab, BTab, Up, Left, C-c, q, ... */
	press(...keys: string[]): void;
	/** The screen as text, one line a row. */
	screen(): string;
	/** A tmux format about the pane: #{alternate_on}, #{pane_current_command}, ... */
	query(format: string): string;
	resize(columns: number, rows: number): void;
	/** Polls the screen until the test is true; fails with the last screen after the patience. */
	waitFor(description: string, test: (screen: string) => boolean, timeout?: number): Promise<string>;
};

/** Starts a shell in a detached tmux session of the given size on a socket of its own. */
export function openTerminal(columns: number, rows: number, env: Record<string, string>): Terminal {
	requireTmux();
	const socket = `vpcsim-e2e-${process.pid}-${++sessions}`;
	const target = 'e2e:0.0';
	const tmux = (...args: string[]) => {
		const result = spawnSync('tmux', ['-L', socket, ...args], {env, encoding: 'utf8', timeout: patience});
		if (result.error) throw result.error;
		if (result.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${result.stderr.trim()}`);
		return result.stdout;
	};
	let socketPath: string | undefined;
	cleanups.push(() => {
		spawnSync('tmux', ['-L', socket, 'kill-server'], {env, timeout: patience});
		// The server leaves its socket file behind.
		if (socketPath) rmSync(socketPath, {force: true});
	});
	// -f /dev/null: none of the user's tmux configuration. The same TERM inside the pane whatever
	// tmux's default, and no status line, so the pane is the whole window, of the size asked for.
	tmux('-f', '/dev/null', 'set-option', '-g', 'default-terminal', 'screen-256color', ';', 'new-session', '-d', '-s', 'e2e', '-x', String(columns), '-y', String(rows), '-c', root, 'sh', ';', 'set-option', '-g', 'status', 'off');
	socketPath = tmux('display-message', '-p', '#{socket_path}').trim();
	const terminal: Terminal = {
		type(text) {
			tmux('send-keys', '-t', target, '-l', text);
		},
		press(...keys) {
			for (const key of keys) tmux('send-keys', '-t', target, key);
		},
		screen() {
			return tmux('capture-pane', '-p', '-t', target);
		},
		query(format) {
			return tmux('display-message', '-p', '-t', target, format).trim();
		},
		resize(width, height) {
			tmux('resize-window', '-t', 'e2e', '-x', String(width), '-y', String(height));
		},
		async waitFor(description, test, timeout = patience) {
			const deadline = Date.now() + timeout;
			let last = '';
			for (;;) {
				last = terminal.screen();
				if (test(last)) return last;
				if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${description}; the screen was:\n${last}`);
				await new Promise(resolve => setTimeout(resolve, 100));
			}
		},
	};
	return terminal;
}

/** The screen's text with runs of blanks and line ends made one space (for messages that wrap). */
export function flat(screen: string): string {
	return screen.replace(/\s+/g, ' ');
}
