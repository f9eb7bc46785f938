import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {StoreError, openStore} from '../../source/store/index.js';
import {filesIn, sample, tempHome} from './helpers.js';

describe('the last topology used', () => {
	it('is remembered in the settings file', () => {
		const store = openStore({home: tempHome()});
		expect(store.getLastUsed()).toBeUndefined();
		store.create('lab', sample());
		store.setLastUsed('lab');
		expect(store.getLastUsed()).toBe('lab');
		expect(openStore({home: store.home}).getLastUsed()).toBe('lab');
		expect(JSON.parse(fs.readFileSync(path.join(store.home, 'settings.json'), 'utf8'))).toEqual({lastUsed: 'lab'});
	});

	it('follows a rename and is forgotten on remove', () => {
		const store = openStore({home: tempHome()});
		store.create('lab', sample());
		store.setLastUsed('lab');
		store.rename('lab', 'lab-2');
		expect(store.getLastUsed()).toBe('lab-2');
		store.remove('lab-2');
		expect(store.getLastUsed()).toBeUndefined();
	});

	it('is not offered once its file is gone', () => {
		const store = openStore({home: tempHome()});
		store.create('lab', sample());
		store.setLastUsed('lab');
		fs.unlinkSync(store.fileOf('lab'));
		expect(store.getLastUsed()).toBeUndefined();
	});

	it('refuses a name that could not be saved', () => {
		const store = openStore({home: tempHome()});
		expect(() => store.setLastUsed('../x')).toThrow(StoreError);
	});

	it('survives a damaged settings file, which is moved aside and never reset', () => {
		const store = openStore({home: tempHome(), now: () => new Date('2026-11-28T15:30:00Z')});
		store.create('lab', sample());
		fs.writeFileSync(store.settingsFile, '{"lastUsed": ');
		// Only a preference is lost: no error, and the caller is handed the reason to pass on.
		expect(store.getLastUsed()).toBeUndefined();
		const moved = path.join(store.home, 'settings.corrupt-2026-11-28T15-30-00Z.json');
		expect(store.warnings).toHaveLength(1);
		expect(store.warnings[0]).toContain(`moved it aside to ${moved}`);
		expect(fs.readFileSync(moved, 'utf8')).toBe('{"lastUsed": ');
		expect(store.getLastUsed()).toBeUndefined();

		fs.writeFileSync(store.settingsFile, '[]');
		store.setLastUsed('lab');
		expect(store.getLastUsed()).toBe('lab');
		expect(filesIn(store.home)).toEqual(['checked.json', 'settings.corrupt-2026-11-28T15-30-00Z-2.json', 'settings.corrupt-2026-11-28T15-30-00Z.json', 'settings.json', 'topologies']);
	});

	it('removes and renames even when the settings file is damaged, and says where it went', () => {
		const store = openStore({home: tempHome(), now: () => new Date('2026-11-28T15:30:00Z')});
		store.create('lab', sample());
		store.create('old', sample());
		fs.writeFileSync(store.settingsFile, 'garbage');
		store.remove('old');
		expect(store.exists('old')).toBe(false);
		expect(store.warnings[0]).toMatch(/settings\.json is not valid JSON: .*; moved it aside to .*settings\.corrupt-2026-11-28T15-30-00Z\.json$/);
		fs.writeFileSync(store.settingsFile, 'garbage');
		store.rename('lab', 'hub');
		expect(store.exists('hub')).toBe(true);
		expect(store.warnings).toHaveLength(2);
	});
});
