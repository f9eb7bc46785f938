// A small valid topology to break one rule at a time: two VPCs (app with two subnets in two AZs,
// db with one), an internet gateway, an instance with its primary interface.
import {expect} from 'vitest';
import type {Problem} from '../../source/model/parse.js';
import {parseTopology} from '../../source/model/parse.js';
import type {TopologyInput} from '../../source/model/types.js';
import {validateTopology} from '../../source/model/validate.js';

export type Doc = {[K in keyof TopologyInput]-?: NonNullable<TopologyInput[K]>};

export function baseDoc(): Doc {
	return {
		schemaVersion: 1,
		name: 'test',
		title: '',
		description: '',
		suggestedTraces: [],
		vpcs: [
			{id: 'vpc-1', name: 'vpc-app', cidrBlocks: ['10.0.0.0/16']},
			{id: 'vpc-2', name: 'vpc-db', cidrBlocks: ['10.1.0.0/16']},
		],
		subnets: [
			{id: 'subnet-1', name: 'web-a', vpcId: 'vpc-1', cidr: '10.0.1.0/24', availabilityZone: 'us-east-1a'},
			{id: 'subnet-2', name: 'web-b', vpcId: 'vpc-1', cidr: '10.0.2.0/24', availabilityZone: 'us-east-1b'},
			{id: 'subnet-3', name: 'db-a', vpcId: 'vpc-2', cidr: '10.1.1.0/24', availabilityZone: 'us-east-1a'},
		],
		routeTables: [
			{id: 'rtb-1', name: 'app-main', vpcId: 'vpc-1', main: true, routes: [{destinationCidr: '0.0.0.0/0', target: 'igw-1'}]},
			{id: 'rtb-2', name: 'db-main', vpcId: 'vpc-2', main: true},
		],
		internetGateways: [{id: 'igw-1', vpcId: 'vpc-1'}],
		egressOnlyInternetGateways: [],
		natGateways: [],
		securityGroups: [
			{id: 'sg-1', name: 'app-default', vpcId: 'vpc-1', isDefault: true},
			{id: 'sg-2', name: 'db-default', vpcId: 'vpc-2', isDefault: true},
		],
		networkAcls: [
			{id: 'acl-1', vpcId: 'vpc-1', isDefault: true},
			{id: 'acl-2', vpcId: 'vpc-2', isDefault: true},
		],
		instances: [{id: 'i-1', name: 'web-1'}],
		networkInterfaces: [{id: 'eni-1', subnetId: 'subnet-1', privateIp: '10.0.1.10', instanceId: 'i-1', deviceIndex: 0, securityGroupIds: ['sg-1']}],
		peeringConnections: [],
		prefixLists: [],
		vpcEndpoints: [],
		loadBalancers: [],
		targetGroups: [],
		endpointServices: [],
		transitGateways: [],
		transitGatewayAttachments: [],
		transitGatewayRouteTables: [],
		vpnGateways: [],
		customerGateways: [],
		vpnConnections: [],
		clientVpnEndpoints: [],
		dxConnections: [],
		dxGateways: [],
		virtualInterfaces: [],
		sites: [],
	};
}

/** Problems of the base document after `change`; the changed document must still parse. */
export function problemsAfter(change: (doc: Doc) => void): Problem[] {
	const doc = baseDoc();
	change(doc);
	const parsed = parseTopology(doc);
	if (!parsed.ok) throw new Error(`test document does not parse: ${JSON.stringify(parsed.problems)}`);
	return validateTopology(parsed.topology);
}

/** Asserts exactly one problem, at `path`, with this message (or a message matching it). */
export function expectOnly(problems: Problem[], path: string, message: string | RegExp): Problem {
	expect(problems.map(p => `${p.path}: ${p.message}`)).toHaveLength(1);
	const [problem] = problems;
	expect(problem!.path).toBe(path);
	if (typeof message === 'string') expect(problem!.message).toBe(message);
	else expect(problem!.message).toMatch(message);
	return problem!;
}

/** Asserts that some problem has this path and a message matching `message`. */
export function expectSome(problems: Problem[], path: string, message: string | RegExp): void {
	const found = problems.filter(p => p.path === path && (typeof message === 'string' ? p.message === message : message.test(p.message)));
	expect(found, JSON.stringify(problems, null, 1)).toHaveLength(1);
}
