import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import {StoreError, openStore, upgradeDocument, upgrades, type Upgrader} from '../../source/store/index.js';
import {SCHEMA_VERSION} from '../../source/model/schema.js';
import {filesIn, sample, sampleInput, tempHome} from './helpers.js';

describe('upgradeDocument', () => {
	const chain: Upgrader = {
		current: 3,
		table: {
			1: document => ({...document, renamed: document['old'], old: undefined}),
			2: document => ({...document, added: true}),
		},
	};

	it('applies every step from the document version up to the current one', () => {
		const result = upgradeDocument({schemaVersion: 1, old: 'x'}, chain);
		expect(result).toEqual({ok: true, from: 1, document: {schemaVersion: 3, renamed: 'x', old: undefined, added: true}});
		expect(upgradeDocument({schemaVersion: 2}, chain)).toEqual({ok: true, from: 2, document: {schemaVersion: 3, added: true}});
	});

	it('leaves a current document as it is', () => {
		const document = {schemaVersion: 3};
		const result = upgradeDocument(document, chain);
		expect(result).toEqual({ok: true, document});
		expect(result.ok && result.document).toBe(document);
	});

	it('refuses a newer document with the versions in the message', () => {
		expect(upgradeDocument({schemaVersion: 7}, chain)).toEqual({
			ok: false,
			reason: 'newer',
			version: 7,
			message: 'written by a newer vpcsim (schema 7); this one reads up to 3',
		});
	});

	it('reports a version no step starts from, and a step that fails', () => {
		expect(upgradeDocument({schemaVersion: 0}, chain)).toMatchObject({ok: false, reason: 'invalid', message: 'schemaVersion: 0 is not a version any vpcsim wrote'});
		const failing: Upgrader = {current: 2, table: {1: () => {throw new Error('no vpcs field');}}};
		expect(upgradeDocument({schemaVersion: 1}, failing)).toMatchObject({ok: false, reason: 'invalid', message: 'cannot upgrade from schema 1 to 2: no vpcs field'});
	});

	it('leaves documents without a usable version for the checker to describe', () => {
		for (const document of [{name: 'x'}, {schemaVersion: '1'}, {schemaVersion: 1.5}, [], 'text', null])
			expect(upgradeDocument(document, chain)).toEqual({ok: true, document});
	});

	it('has no steps yet, as version 1 is the first format', () => {
		expect(SCHEMA_VERSION).toBe(1);
		expect(upgrades).toEqual({});
		expect(upgradeDocument({schemaVersion: 1})).toEqual({ok: true, document: {schemaVersion: 1}});
	});
});

describe('loading an older saved topology', () => {
	// A made-up version 0 that called the title `label`: what the next real format change will look like.
	const fromZero: Upgrader = {
		current: SCHEMA_VERSION,
		table: {0: ({label, ...rest}) => ({...rest, title: label})},
	};

	it('upgrades it in memory, leaves the file alone until it is saved, then saves the current schema', () => {
		const store = openStore({home: tempHome(), upgrader: fromZero});
		fs.mkdirSync(store.folder, {recursive: true});
		const {title, ...withoutTitle} = sampleInput;
		const old = JSON.stringify({...withoutTitle, schemaVersion: 0, label: title});
		fs.writeFileSync(store.fileOf('lab'), old);

		const loaded = store.load('lab');
		expect(loaded.upgradedFrom).toBe(0);
		expect(loaded.topology).toEqual(sample());
		expect(fs.readFileSync(store.fileOf('lab'), 'utf8')).toBe(old);

		store.save('lab', loaded.topology, {expectedRevision: loaded.revision});
		const saved = JSON.parse(fs.readFileSync(store.fileOf('lab'), 'utf8'));
		expect(saved.schemaVersion).toBe(SCHEMA_VERSION);
		expect(saved.label).toBeUndefined();
		expect(store.load('lab').upgradedFrom).toBeUndefined();
	});

	it('moves aside a file whose upgrade fails', () => {
		const broken: Upgrader = {current: SCHEMA_VERSION, table: {0: () => {throw new Error('vpcs must be a list');}}};
		const store = openStore({home: tempHome(), upgrader: broken, now: () => new Date('2026-11-28T15:30:00Z')});
		fs.mkdirSync(store.folder, {recursive: true});
		fs.writeFileSync(store.fileOf('lab'), JSON.stringify({schemaVersion: 0}));
		let error: unknown;
		try {
			store.load('lab');
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(StoreError);
		expect((error as StoreError).message).toContain('cannot upgrade from schema 0 to 1: vpcs must be a list');
		expect(filesIn(store.folder)).toEqual(['lab.corrupt-2026-11-28T15-30-00Z.json']);
	});
});
