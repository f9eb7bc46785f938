import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {StoreError, openStore} from '../../source/store/index.js';
import {withFileLock} from '../../source/store/lock.js';
import {filesIn, sample, tempHome} from './helpers.js';

describe('the lock around a save', () => {
	it('is taken during the write and gone afterwards', () => {
		const file = path.join(tempHome(), 'sub', 'lab.json');
		const seen = withFileLock(file, () => fs.readFileSync(`${file}.lock`, 'utf8'));
		expect(seen).toBe(String(process.pid));
		expect(fs.existsSync(`${file}.lock`)).toBe(false);
	});

	it('makes a second writer give up with a clear message while a live process holds it', () => {
		const file = path.join(tempHome(), 'lab.json');
		// The parent process is certainly alive.
		fs.writeFileSync(`${file}.lock`, String(process.ppid));
		let error: unknown;
		try {
			withFileLock(file, () => 'written', 100);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(StoreError);
		expect((error as StoreError).message).toContain(`${file} is being saved by another vpcsim`);
		expect(fs.readFileSync(`${file}.lock`, 'utf8')).toBe(String(process.ppid));
	});

	it('takes over a lock left by a process that has exited', () => {
		const store = openStore({home: tempHome()});
		const {revision} = store.create('lab', sample());
		const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
		fs.writeFileSync(`${store.fileOf('lab')}.lock`, String(dead));
		store.save('lab', sample({title: 'after'}), {expectedRevision: revision});
		expect(store.load('lab').topology.title).toBe('after');
		expect(filesIn(store.folder)).toEqual(['lab.json']);
	});
});
