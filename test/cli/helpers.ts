// Runs main() in-process with a fake terminal and a temporary VPCSIM_HOME per test.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach} from 'vitest';
import {main, type Io} from '../../source/cli/main.js';

export type Run = {status: number; stdout: string; stderr: string};

const folders: string[] = [];

afterEach(() => {
	for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true});
});

/** A fresh folder, removed after the test. */
export function tempFolder(): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'vpcsim-cli-'));
	folders.push(folder);
	return folder;
}

export type Sandbox = {
	home: string;
	cwd: string;
	run(argv: string[], options?: {env?: Record<string, string | undefined>; isTTY?: boolean}): Promise<Run>;
	/** Writes a file in the working folder and returns its absolute path. */
	write(file: string, text: string): string;
};

export function sandbox(): Sandbox {
	const root = tempFolder();
	const home = path.join(root, 'home');
	const cwd = path.join(root, 'work');
	mkdirSync(cwd, {recursive: true});
	return {
		home,
		cwd,
		async run(argv, options = {}) {
			let stdout = '';
			let stderr = '';
			const io: Io = {
				stdout: {write: (text: string) => (stdout += text)},
				stderr: {write: (text: string) => (stderr += text)},
				env: {VPCSIM_HOME: home, ...options.env},
				cwd,
				isTTY: options.isTTY ?? false,
			};
			const status = await main(argv, io);
			return {status, stdout, stderr};
		},
		write(file, text) {
			const full = path.join(cwd, file);
			writeFileSync(full, text);
			return full;
		},
	};
}

/** The lines of an output, without the final newline. */
export function lines(text: string): string[] {
	return text.split('\n').filter((line, index, all) => line !== '' || index < all.length - 1);
}
