// Shared helpers for the console tests: a store in a temporary folder, key bytes, and waiting for
// Ink to take a key (useInput subscribes in an effect; a lone Esc needs a few ticks).
import {act} from 'react';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {openStore} from '../../source/store/store.js';
import {loadTemplate} from '../../source/model/templates.js';
import {createServices} from '../../source/ui/storeServices.js';
import type {Opened} from '../../source/ui/services.js';

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	tab: '\t',
	shiftTab: '\u001B[Z',
	esc: '\u001B',
	backspace: '\u007F',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	ctrlR: '\u0012',
	ctrlC: '\u0003',
} as const;

export const tick = () => new Promise<void>(resolve => setImmediate(() => setTimeout(resolve, 0)));

export async function press(stdin: {write: (data: string) => void}, ...sequence: string[]): Promise<void> {
	for (const key of sequence) {
		// act() flushes the state updates a key causes before the next key is read.
		await act(async () => {
			stdin.write(key);
			await tick();
		});
		await tick();
	}
}

/** Types text one character at a time, as a person would. */
export async function type(stdin: {write: (data: string) => void}, text: string): Promise<void> {
	for (const char of text) await press(stdin, char);
}

/** Opens the palette, types `line` and presses Enter, as a person runs a command. */
export async function runLine(stdin: {write: (data: string) => void}, line: string): Promise<void> {
	await press(stdin, ':');
	await type(stdin, line);
	await press(stdin, keys.enter);
}

/** Makes the fake terminal `columns` wide (and `rows` tall) and tells Ink, as a real resize does. */
export async function resize(stdout: {emit: (event: string) => boolean}, columns: number, rows?: number): Promise<void> {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	if (rows !== undefined) Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	await act(async () => {
		stdout.emit('resize');
		await tick();
	});
}

export async function waitFor(check: () => boolean, what = 'the frame', timeout = 3000): Promise<void> {
	const start = Date.now();
	while (!check()) {
		if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
		await act(async () => {
			await new Promise(resolve => setTimeout(resolve, 10));
		});
	}
}

export function temporaryStore() {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vpcsim-ui-'));
	const store = openStore({home});
	return {home, store, cleanup: () => fs.rmSync(home, {recursive: true, force: true})};
}

/** A template saved in a fresh store and opened, with the real services over it. */
export function openedTemplate(id: string) {
	const temp = temporaryStore();
	const topology = {...loadTemplate(id), name: id};
	const {revision} = temp.store.create(id, topology);
	const services = createServices({store: temp.store});
	const opened: Opened = {name: id, topology, revision};
	return {...temp, services, opened};
}
