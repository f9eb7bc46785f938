// Checking a file's revision and writing it must happen as one step, or two vpcsim processes
// saving at once could both pass the check and one would silently overwrite the other. A lock
// file beside the document (`lab.json.lock`, created exclusively) makes them take turns.
import fs from 'node:fs';
import path from 'node:path';
import {StoreError, ioError} from './errors.js';

const WAIT_MS = 5_000;
const STALE_MS = 60_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
	Atomics.wait(pause, 0, 0, ms);
}

/** A lock left by a process that died, or so old that its holder cannot still be writing. */
function isStale(lock: string): boolean {
	try {
		const stat = fs.statSync(lock);
		if (Date.now() - stat.mtimeMs > STALE_MS) return true;
		const pid = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
		if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
		try {
			process.kill(pid, 0);
			return false;
		} catch (error) {
			return (error as NodeJS.ErrnoException).code === 'ESRCH';
		}
	} catch {
		return false; // Gone already: the next attempt takes it.
	}
}

export function withFileLock<T>(file: string, action: () => T, waitMs = WAIT_MS): T {
	const lock = `${file}.lock`;
	const deadline = Date.now() + waitMs;
	let fd: number | undefined;
	while (fd === undefined) {
		try {
			fd = fs.openSync(lock, 'wx');
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'ENOENT') {
				// The first save into a new folder.
				fs.mkdirSync(path.dirname(file), {recursive: true});
				continue;
			}
			if (code !== 'EEXIST') throw ioError(lock, 'create', error);
			if (isStale(lock)) fs.rmSync(lock, {force: true});
			else if (Date.now() > deadline)
				throw new StoreError('io', `${file} is being saved by another vpcsim (${lock} exists); try again, or remove that file if no vpcsim is running`, {file});
			else sleep(50);
		}
	}
	try {
		fs.writeSync(fd, String(process.pid));
		return action();
	} finally {
		fs.closeSync(fd);
		fs.rmSync(lock, {force: true});
	}
}
