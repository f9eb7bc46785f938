import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ConflictError, isFileArg, loadTopologyFile, openStore, openTopology, resolveTopologyArg, saveTopologyFile} from '../../source/store/index.js';
import {filesIn, sample, sampleInput, tempHome, thrown} from './helpers.js';

describe('loadTopologyFile', () => {
	it('loads a hand-written file, defaults filled in, a byte order mark ignored', () => {
		const file = path.join(tempHome(), 'lab.json');
		fs.writeFileSync(file, `\uFEFF${JSON.stringify(sampleInput, undefined, 2)}`);
		const loaded = loadTopologyFile(file);
		expect(loaded.topology).toEqual(sample());
		expect(loaded.file).toBe(file);
		expect(loaded.revision).toMatch(/^[0-9a-f]{64}$/);
	});

	it('names a missing file', () => {
		const file = path.join(tempHome(), 'missing.json');
		const error = thrown(() => loadTopologyFile(file));
		expect(error.kind).toBe('not-found');
		expect(error.message).toBe(`no such file: ${file}`);
	});

	it('says it is a folder when given one', () => {
		const folder = path.join(tempHome(), 'lab.json');
		fs.mkdirSync(folder);
		const error = thrown(() => loadTopologyFile(folder));
		expect(error.kind).toBe('io');
		expect(error.message).toBe(`cannot read ${folder}: it is a folder, not a file`);
	});

	it('gives the line and column of bad JSON and leaves the file where it is', () => {
		const folder = tempHome();
		const file = path.join(folder, 'lab.json');
		const text = '{\n  "schemaVersion": 1,\n  "name": "lab",\n}\n';
		fs.writeFileSync(file, text);
		const error = thrown(() => loadTopologyFile(file));
		expect(error.kind).toBe('unreadable');
		expect(error.message).toBe(`${file} is not valid JSON: unexpected "}", expected a property name in double quotes at line 4, column 1`);
		expect([error.line, error.column]).toEqual([4, 1]);
		expect(error.quarantinedTo).toBeUndefined();
		expect(filesIn(folder)).toEqual(['lab.json']);
	});

	it('names the JSON path and the resource of an invalid document', () => {
		const file = path.join(tempHome(), 'lab.json');
		const subnets = [{...sampleInput.subnets![0]!, cidr: '300.0.1.0/24'}];
		fs.writeFileSync(file, JSON.stringify({...sampleInput, subnets, extra: 1}));
		const error = thrown(() => loadTopologyFile(file));
		expect(error.kind).toBe('invalid');
		expect(error.message).toMatch(/^\S+lab\.json: .+ \(and 1 more problem\)$/);
		expect(error.problems!.map(problem => problem.path).sort()).toEqual(['(document)', 'subnets[0].cidr']);
		expect(error.message.split('\n')).toHaveLength(1);
		expect(fs.existsSync(file)).toBe(true);
	});

	it('refuses a newer schema', () => {
		const file = path.join(tempHome(), 'lab.json');
		fs.writeFileSync(file, JSON.stringify({...sampleInput, schemaVersion: 5}));
		expect(thrown(() => loadTopologyFile(file)).message).toBe(`${file}: written by a newer vpcsim (schema 5); this one reads up to 1`);
	});
});

describe('saveTopologyFile', () => {
	it('writes atomically with the same conflict rules as saved topologies', () => {
		const file = path.join(tempHome(), 'nested', 'lab.json');
		const {revision} = saveTopologyFile(file, sample(), {create: true});
		expect(loadTopologyFile(file).revision).toBe(revision);
		expect(thrown(() => saveTopologyFile(file, sample(), {create: true})).kind).toBe('exists');
		fs.writeFileSync(file, JSON.stringify(sampleInput));
		expect(() => saveTopologyFile(file, sample({title: 'mine'}), {expectedRevision: revision})).toThrow(ConflictError);
		saveTopologyFile(file, sample({title: 'mine'}), {force: true});
		expect(loadTopologyFile(file).topology.title).toBe('mine');
		expect(filesIn(path.dirname(file))).toEqual(['lab.json']);
	});
});

describe('resolveTopologyArg', () => {
	it('tells files from saved names', () => {
		expect(isFileArg('lab.json')).toBe(true);
		expect(isFileArg('LAB.JSON')).toBe(true);
		expect(isFileArg('./lab')).toBe(true);
		expect(isFileArg('topologies/lab')).toBe(true);
		expect(isFileArg('lab')).toBe(false);
		expect(isFileArg('lab.v2')).toBe(false);
	});

	it('resolves a saved name and a file, and opens either', () => {
		const store = openStore({home: tempHome()});
		store.create('lab', sample());
		expect(resolveTopologyArg('lab', store)).toEqual({kind: 'saved', name: 'lab', file: store.fileOf('lab')});
		const file = path.join(store.home, 'copy.json');
		fs.writeFileSync(file, JSON.stringify(sampleInput));
		expect(resolveTopologyArg(file, store)).toEqual({kind: 'file', file});
		expect(openTopology('lab', store).topology).toEqual(sample());
		const opened = openTopology(file, store);
		expect(opened.source).toEqual({kind: 'file', file});
		expect(opened.topology).toEqual(sample());
	});

	it('says what to do when nothing matches', () => {
		const store = openStore({home: tempHome()});
		expect(thrown(() => resolveTopologyArg('prod', store)).message).toBe('no saved topology named "prod"; `vpcsim list` shows them');
		const missing = path.join(store.home, 'prod.json');
		const error = thrown(() => resolveTopologyArg(missing, store));
		expect(error.kind).toBe('not-found');
		expect(error.message).toBe(`no such file: ${missing}`);
		const bad = thrown(() => resolveTopologyArg('my net', store));
		expect(bad.kind).toBe('bad-name');
		expect(bad.message).toContain('a topology file must end in .json or be given with a path (./my net)');
	});
});
