// Opening a document this version already checked skips the check; anything else is checked.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import * as load from '../../source/model/load.js';
import {CheckedRevisions} from '../../source/store/checked.js';
import {readTopologyDocument, writeTopologyDocument} from '../../source/store/document.js';
import {openStore} from '../../source/store/index.js';
import {revisionOf} from '../../source/store/json.js';
import {checkFingerprint, version} from '../../source/model/version.js';
import {sample, tempHome} from './helpers.js';

vi.mock('../../source/model/load.js', async original => {
	const real = await original<typeof import('../../source/model/load.js')>();
	return {...real, checkTopology: vi.fn(real.checkTopology)};
});
const checks = () => vi.mocked(load.checkTopology).mock.calls.length;

describe('documents already checked', () => {
	it('opens a topology it saved without checking it again, and gets the same topology', () => {
		const store = openStore({home: tempHome()});
		store.create('lab', sample());
		const expected = load.checkTopology(sample());
		const before = checks();
		const loaded = store.load('lab');
		expect(checks()).toBe(before);
		expect(expected.ok && loaded.topology).toEqual(expected.ok && expected.topology);
	});

	it('checks a file changed by hand, even by one byte, and a reader without the record', () => {
		const home = tempHome();
		const store = openStore({home});
		store.create('lab', sample());
		const file = store.fileOf('lab');
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"name"', ' "name"'));
		let before = checks();
		store.load('lab');
		expect(checks()).toBe(before + 1);
		// Re-read: a hand-edited document that differs from vpcsim's own writing is never trusted.
		before = checks();
		store.load('lab');
		expect(checks()).toBe(before + 1);
		// A reader without the record checks every time.
		const name = sample().name;
		before = checks();
		expect(readTopologyDocument(file, {quarantine: false}).topology.name).toBe(name);
		expect(checks()).toBe(before + 1);
	});

	it('refuses a bad file even if its content was once recorded by another version or other checking code', () => {
		const home = tempHome();
		const record = path.join(home, 'checked.json');
		const file = path.join(home, 'bad.json');
		const bad = `${JSON.stringify({schemaVersion: 1, name: 'bad', vpcs: [{id: 'vpc-1', cidrBlock: '10.0.0.0/33'}]}, undefined, '\t')}\n`;
		fs.writeFileSync(file, bad);
		const revisions = [revisionOf(Buffer.from(bad))];
		for (const stamp of [`0.0.0-old ${checkFingerprint()}`, `${version()} 0000000000000000`, version()]) {
			fs.writeFileSync(record, JSON.stringify({vpcsim: stamp, revisions}));
			expect(() => readTopologyDocument(file, {quarantine: false, checked: new CheckedRevisions(record)})).toThrow(/bad\.json: vpcs\[0\]/);
		}
		// The same record under this program's own stamp is trusted: the stamp is all that stood between.
		fs.writeFileSync(record, JSON.stringify({vpcsim: `${version()} ${checkFingerprint()}`, revisions}));
		expect(() => readTopologyDocument(file, {quarantine: false, checked: new CheckedRevisions(record)})).not.toThrow();
	});

	it('never creates a home just to keep the record', () => {
		const home = path.join(tempHome(), 'not-there');
		new CheckedRevisions(path.join(home, 'checked.json')).add('x');
		expect(fs.existsSync(home)).toBe(false);
	});

	it('records a document that is exactly as vpcsim writes it when it passes a check, and keeps the record short', () => {
		const home = tempHome();
		const record = path.join(home, 'checked.json');
		const file = path.join(home, 'lab.json');
		writeTopologyDocument(file, sample(), {force: true});
		const checked = new CheckedRevisions(record);
		readTopologyDocument(file, {quarantine: false, checked});
		const before = checks();
		readTopologyDocument(file, {quarantine: false, checked: new CheckedRevisions(record)});
		expect(checks()).toBe(before);
		for (let i = 0; i < 300; i++) checked.add(`r${i}`);
		const kept = JSON.parse(fs.readFileSync(record, 'utf8')) as {revisions: string[]};
		expect(kept.revisions.length).toBeLessThanOrEqual(256);
		expect(kept.revisions.at(-1)).toBe('r299');
	});

	it('treats a damaged record as empty and replaces it', () => {
		const home = tempHome();
		const record = path.join(home, 'checked.json');
		fs.writeFileSync(record, '{"vpcsim":');
		const checked = new CheckedRevisions(record);
		expect(checked.has('x')).toBe(false);
		checked.add('x');
		expect(new CheckedRevisions(record).has('x')).toBe(true);
	});

	it('checks only the structure of a save whose caller checked the rules, never skipping the structure', () => {
		const home = tempHome();
		const file = path.join(home, 'lab.json');
		// A subnet outside its VPC breaks a rule, not the structure.
		const ruleBroken = {...sample(), subnets: [{...sample().subnets[0]!, cidr: '192.168.1.0/24'}]};
		expect(() => writeTopologyDocument(file, ruleBroken, {force: true})).toThrow(/192\.168\.1\.0\/24/);
		expect(fs.existsSync(file)).toBe(false);
		writeTopologyDocument(file, ruleBroken, {force: true}, {rulesChecked: true});
		expect(JSON.parse(fs.readFileSync(file, 'utf8')).subnets[0].cidr).toBe('192.168.1.0/24');
		const structureBroken = {...sample(), vpcs: [{...sample().vpcs[0]!, cidrBlocks: 'nope'}]} as unknown as ReturnType<typeof sample>;
		expect(() => writeTopologyDocument(file, structureBroken, {force: true}, {rulesChecked: true})).toThrow(/cidrBlocks/);
	});
});
