// Shared fixtures for the store tests: a throwaway home folder and a small valid topology.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach} from 'vitest';
import {checkTopology} from '../../source/model/load.js';
import type {Topology, TopologyInput} from '../../source/model/types.js';
import {StoreError} from '../../source/store/errors.js';

const made: string[] = [];

/** A fresh folder under the system's temporary folder, removed after each test. */
export function tempHome(): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vpcsim-store-'));
	made.push(folder);
	return folder;
}

afterEach(() => {
	for (const folder of made.splice(0)) fs.rmSync(folder, {recursive: true, force: true});
});

export const sampleInput: TopologyInput = {
	schemaVersion: 1,
	name: 'lab',
	title: 'A one-subnet lab',
	vpcs: [{id: 'vpc-lab', name: 'lab', cidrBlocks: ['10.0.0.0/16'], region: 'us-east-1'}],
	routeTables: [{id: 'rtb-main', vpcId: 'vpc-lab', main: true, routes: [{destinationCidr: '10.0.0.0/16', target: 'local', origin: 'local'}]}],
	networkAcls: [
		{
			id: 'acl-default',
			vpcId: 'vpc-lab',
			isDefault: true,
			inbound: [{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}],
			outbound: [{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}],
		},
	],
	securityGroups: [{id: 'sg-default', vpcId: 'vpc-lab', isDefault: true, egress: [{protocol: 'all', cidr: '0.0.0.0/0'}]}],
	subnets: [{id: 'subnet-a', name: 'app', vpcId: 'vpc-lab', cidr: '10.0.1.0/24', availabilityZone: 'us-east-1a'}],
};

/** The sample as the model sees it, with defaults filled in; fails loudly if the model's rules change. */
export function sample(changes: Partial<Topology> = {}): Topology {
	const checked = checkTopology({...sampleInput, ...changes});
	if (!checked.ok) throw new Error(`the test topology is no longer valid: ${JSON.stringify(checked.problems)}`);
	return checked.topology;
}

export function filesIn(folder: string): string[] {
	return fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
}

/** The StoreError `action` throws; fails the test if it throws nothing or something else. */
export function thrown(action: () => unknown): StoreError {
	try {
		action();
	} catch (error) {
		if (error instanceof StoreError) return error;
		throw error;
	}
	throw new Error('expected a StoreError');
}
