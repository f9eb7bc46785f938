// The documents this version of vpcsim has already checked, by content. Checking a topology (its
// structure, then AWS's rules) costs most of the time it takes to open a large one; a document
// whose bytes hash to a revision recorded here was written or checked by this very version, so
// parsing its JSON gives exactly the topology the check gave, and the check is skipped.
//
// The record is a cache, never the user's work: `<home>/checked.json`, the last few hundred
// revisions, stamped with the program's version and the fingerprint of its checking code (any
// other program checks afresh). A record that cannot be read or written only means checking
// again; a damaged one is replaced. It is only kept in a home that exists: a read never creates one.
import fs from 'node:fs';
import path from 'node:path';
import {checkFingerprint, version} from '../model/version.js';
import {writeJsonFile} from './document.js';

const KEEP = 256;

const stamp = () => `${version()} ${checkFingerprint()}`;

export class CheckedRevisions {
	readonly #file: string;
	#revisions: string[] | undefined;

	constructor(file: string) {
		this.#file = file;
	}

	has(revision: string): boolean {
		return this.#read().includes(revision);
	}

	add(revision: string): void {
		const revisions = this.#read();
		if (revisions[revisions.length - 1] === revision) return;
		this.#revisions = [...revisions.filter(r => r !== revision), revision].slice(-KEEP);
		if (!fs.existsSync(path.dirname(this.#file))) return;
		try {
			writeJsonFile(this.#file, {vpcsim: stamp(), revisions: this.#revisions});
		} catch {
			// A read-only home: everything still works, each open checks in full.
		}
	}

	#read(): string[] {
		if (this.#revisions) return this.#revisions;
		let revisions: string[] = [];
		try {
			const record = JSON.parse(fs.readFileSync(this.#file, 'utf8')) as {vpcsim?: unknown; revisions?: unknown};
			if (record.vpcsim === stamp() && Array.isArray(record.revisions)) revisions = record.revisions.filter((r): r is string => typeof r === 'string');
		} catch {
			// Missing or damaged: nothing is known to be checked.
		}
		this.#revisions = revisions;
		return revisions;
	}
}
