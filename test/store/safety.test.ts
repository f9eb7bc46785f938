// The promises of SPEC section 5 and 8: a bad file is moved aside and never lost, a file changed
// by someone else is never silently overwritten, and a newer program's file is left alone.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {ConflictError, openStore} from '../../source/store/index.js';
import {filesIn, sample, sampleInput, tempHome, thrown} from './helpers.js';

const NOW = new Date('2026-11-28T15:30:00.123Z');

function storeWithFile(name: string, content: string | Buffer) {
	const store = openStore({home: tempHome(), now: () => NOW});
	fs.mkdirSync(store.folder, {recursive: true});
	fs.writeFileSync(store.fileOf(name), content);
	return store;
}

describe('a saved file that cannot be read', () => {
	it('is moved aside when it is not JSON, byte for byte, and the error says where', () => {
		// Not even UTF-8: the copy must still be exact.
		const content = Buffer.concat([Buffer.from('{"schemaVersion": 1,\n  "name": '), Buffer.from([0xff, 0xfe, 0x00]), Buffer.from('\n}')]);
		const store = storeWithFile('lab', content);
		const error = thrown(() => store.load('lab'));
		const moved = path.join(store.folder, 'lab.corrupt-2026-11-28T15-30-00Z.json');
		expect(error.kind).toBe('unreadable');
		expect(error.quarantinedTo).toBe(moved);
		expect(error.message).toContain(`${store.fileOf('lab')} is not valid JSON`);
		expect(error.message).toContain('at line 2, column 11');
		expect(error.message).toContain(`moved it aside to ${moved}`);
		expect(error.message.split('\n')).toHaveLength(1);
		expect(fs.existsSync(store.fileOf('lab'))).toBe(false);
		expect(fs.readFileSync(moved)).toEqual(content);
		// The name is free again, and the moved file is not listed as a saved topology.
		expect(store.list()).toEqual([]);
		store.create('lab', sample());
		expect(fs.readFileSync(moved)).toEqual(content);
	});

	it('is moved aside when it is JSON but not a valid topology, naming the JSON path', () => {
		const document = {...sampleInput, subnets: [{id: 'subnet-a', vpcId: 'vpc-lab', cidr: '10.0.1.0/24'}]};
		const content = JSON.stringify(document, undefined, 2);
		const store = storeWithFile('lab', content);
		const error = thrown(() => store.load('lab'));
		expect(error.kind).toBe('invalid');
		expect(error.message).toContain(`${store.fileOf('lab')}: subnets[0].availabilityZone (subnet-a): is required`);
		expect(error.problems?.[0]?.path).toBe('subnets[0].availabilityZone');
		expect(error.quarantinedTo).toBe(path.join(store.folder, 'lab.corrupt-2026-11-28T15-30-00Z.json'));
		expect(fs.readFileSync(error.quarantinedTo!, 'utf8')).toBe(content);
		expect(fs.existsSync(store.fileOf('lab'))).toBe(false);
	});

	it('never overwrites an earlier copy moved aside in the same second', () => {
		const store = storeWithFile('lab', 'first');
		const first = thrown(() => store.load('lab')).quarantinedTo!;
		fs.writeFileSync(store.fileOf('lab'), 'second');
		const second = thrown(() => store.load('lab')).quarantinedTo!;
		expect(second).toBe(path.join(store.folder, 'lab.corrupt-2026-11-28T15-30-00Z-2.json'));
		expect(fs.readFileSync(first, 'utf8')).toBe('first');
		expect(fs.readFileSync(second, 'utf8')).toBe('second');
	});

	it('is moved aside when it has no schemaVersion', () => {
		const store = storeWithFile('lab', JSON.stringify({name: 'lab'}));
		const error = thrown(() => store.load('lab'));
		expect(error.kind).toBe('invalid');
		expect(error.message).toContain('schemaVersion: is required');
		expect(filesIn(store.folder)).toEqual(['lab.corrupt-2026-11-28T15-30-00Z.json']);
	});
});

describe('a file written by a newer vpcsim', () => {
	it('is refused and left exactly where it is', () => {
		const content = JSON.stringify({...sampleInput, schemaVersion: 2, somethingNew: true});
		const store = storeWithFile('lab', content);
		const error = thrown(() => store.load('lab'));
		expect(error.kind).toBe('newer');
		expect(error.message).toBe(`${store.fileOf('lab')}: written by a newer vpcsim (schema 2); this one reads up to 1`);
		expect(error.quarantinedTo).toBeUndefined();
		expect(filesIn(store.folder)).toEqual(['lab.json']);
		expect(fs.readFileSync(store.fileOf('lab'), 'utf8')).toBe(content);
	});
});

describe('changes made by someone else', () => {
	it('refuses to overwrite a file changed since it was loaded, and overwrites when forced', () => {
		const store = openStore({home: tempHome()});
		store.create('lab', sample());
		const {revision} = store.load('lab');
		// Another vpcsim saves its own change.
		const other = openStore({home: store.home});
		const theirs = other.save('lab', sample({title: 'theirs'}), {expectedRevision: revision});
		const onDisk = fs.readFileSync(store.fileOf('lab'));

		let conflict: unknown;
		try {
			store.save('lab', sample({title: 'mine'}), {expectedRevision: revision});
		} catch (error) {
			conflict = error;
		}
		expect(conflict).toBeInstanceOf(ConflictError);
		expect((conflict as ConflictError).kind).toBe('conflict');
		expect((conflict as ConflictError).file).toBe(store.fileOf('lab'));
		expect((conflict as ConflictError).currentRevision).toBe(theirs.revision);
		expect((conflict as ConflictError).message).toBe(
			`${store.fileOf('lab')} was changed by someone else since it was opened; reload it, overwrite it, or save as another name`,
		);
		expect(fs.readFileSync(store.fileOf('lab'))).toEqual(onDisk);

		const forced = store.save('lab', sample({title: 'mine'}), {force: true});
		const reloaded = store.load('lab');
		expect(reloaded.topology.title).toBe('mine');
		expect(reloaded.revision).toBe(forced.revision);
		// The revision returned by a save is good for the next one.
		store.save('lab', sample({title: 'again'}), {expectedRevision: forced.revision});
		expect(store.load('lab').topology.title).toBe('again');
	});

	it('notices a hand edit that changes only whitespace', () => {
		const store = openStore({home: tempHome()});
		const {revision} = store.create('lab', sample());
		fs.appendFileSync(store.fileOf('lab'), '\n');
		expect(thrown(() => store.save('lab', sample(), {expectedRevision: revision})).kind).toBe('conflict');
	});

	it('reports a file removed since it was loaded as a conflict', () => {
		const store = openStore({home: tempHome()});
		const {revision} = store.create('lab', sample());
		fs.unlinkSync(store.fileOf('lab'));
		const error = thrown(() => store.save('lab', sample(), {expectedRevision: revision}));
		expect(error).toBeInstanceOf(ConflictError);
		expect(error.message).toContain('was removed since it was opened');
		expect(fs.existsSync(store.fileOf('lab'))).toBe(false);
	});
});

describe('writing', () => {
	it('replaces the file whole: a new file is renamed over the old one, never written in place', () => {
		const store = openStore({home: tempHome()});
		const {revision} = store.create('lab', sample());
		const file = store.fileOf('lab');
		const before = fs.readFileSync(file);
		const reader = fs.openSync(file, 'r');
		try {
			store.save('lab', sample({title: 'changed'}), {expectedRevision: revision});
			// Whoever had the old file open still sees all of it; the path now holds all of the new one.
			const old = Buffer.alloc(before.length + 16);
			expect(old.subarray(0, fs.readSync(reader, old, 0, old.length, 0))).toEqual(before);
			expect(fs.fstatSync(reader).ino).not.toBe(fs.statSync(file).ino);
			expect(store.load('lab').topology.title).toBe('changed');
		} finally {
			fs.closeSync(reader);
		}
	});
});

describe('loading', () => {
	it('reads and parses the file once', () => {
		const store = openStore({home: tempHome()});
		store.create('lab', sample());
		const reads = vi.spyOn(fs, 'readFileSync');
		const parses = vi.spyOn(JSON, 'parse');
		try {
			store.load('lab');
			expect(reads.mock.calls.filter(([file]) => file === store.fileOf('lab'))).toHaveLength(1);
			expect(parses).toHaveBeenCalledTimes(1);
		} finally {
			reads.mockRestore();
			parses.mockRestore();
		}
	});
});
