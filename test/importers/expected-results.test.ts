// The expected results published with the two public snapshots, traced through vpcsim.
// How Batfish's dispositions map to vpcsim's verdicts:
//   ACCEPTED                -> reachable: true
//   DENIED_IN               -> unreachable, blocked forward at the destination's security group (ENI_SG_RULES_MISMATCH)
//   DENIED_OUT              -> unreachable, blocked forward on the way out (here: the IGW refuses a private destination)
//   NO_ROUTE                -> unreachable, NO_ROUTE_TO_DESTINATION at the source subnet's route table
//   NULL_ROUTED             -> unreachable, ADDRESS_NOT_IN_ANY_SUBNET at the VPC that owns the block but has no subnet there
//   NEIGHBOR_UNREACHABLE    -> unreachable, NO_INTERFACE_AT_ADDRESS at the subnet where no interface holds the address
// Batfish's flows in the peering test set no IP protocol (protocol 0): vpcsim traces protocol 0 the same way.
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {prepare, trace} from '../../source/engine/index.js';
import type {FlowSpec, TraceResult} from '../../source/engine/types.js';
import {importAwsSnapshot} from '../../source/importers/aws/index.js';
import {fixtures} from './snapshot-helpers.js';

const components = (result: TraceResult) => result.forward.map(hop => hop.component);

describe('test-vpc-peering: expected results', () => {
	const context = prepare(importAwsSnapshot(join(fixtures, 'test-vpc-peering')).topology);
	const run = (flow: FlowSpec) => trace(context, flow);
	const A = 'i-06ba034d88c84ef07';
	const B = 'i-0b14080af811fda3d';

	it('A -> 192.168.1.106 (B) with no protocol: DENIED_IN at B\'s security group, via the A-B peering', () => {
		const result = run({from: A, to: '192.168.1.106', protocol: 0});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt).toEqual({component: 'sg-065c26b39e45ae384', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
		expect(components(result)).toContain('pcx-0b89b559e3319d6cf');
		expect(components(result)).not.toContain('pcx-0d5b836985ac8ca8c');
	});

	it('B -> 10.10.10.157 (A): DENIED_IN at A\'s security group', () => {
		const result = run({from: B, to: '10.10.10.157', protocol: 0});
		expect(result.blockedAt).toMatchObject({component: 'sg-09606ce9642cac154', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
	});

	it('the same paths over tcp/22, which the security groups allow, are reachable both ways', () => {
		expect(run({from: A, to: '192.168.1.106', protocol: 'tcp', port: 22}).reachable).toBe(true);
		expect(run({from: B, to: '10.10.10.157', protocol: 'tcp', port: 22}).reachable).toBe(true);
		// C overlaps B; A's more specific route sends 192.168.2.0/24 to C's peering.
		const toC = run({from: A, to: '192.168.2.229', protocol: 'tcp', port: 22});
		expect(toC.reachable).toBe(true);
		expect(components(toC)).toContain('pcx-0d5b836985ac8ca8c');
	});

	it('A -> 192.168.100.1: NO_ROUTE at A\'s route table', () => {
		const result = run({from: A, to: '192.168.100.1', protocol: 0});
		expect(result.blockedAt).toMatchObject({component: 'rtb-0891861fffaea6d52', code: 'NO_ROUTE_TO_DESTINATION', direction: 'forward'});
	});

	it('B -> 10.10.100.1 (A\'s block, no subnet): NULL_ROUTED in VPC A', () => {
		const result = run({from: B, to: '10.10.100.1', protocol: 0});
		expect(result.blockedAt).toMatchObject({component: 'vpc-0404e08ceddf7f650', code: 'ADDRESS_NOT_IN_ANY_SUBNET', direction: 'forward'});
	});

	it('B -> 10.10.10.11 (A\'s subnet, no interface): NEIGHBOR_UNREACHABLE in A\'s subnet', () => {
		const result = run({from: B, to: '10.10.10.11', protocol: 0});
		expect(result.blockedAt).toMatchObject({component: 'subnet-006a19c846f047bd7', code: 'NO_INTERFACE_AT_ADDRESS', direction: 'forward'});
	});
});

describe('hybrid-cloud: expected results over the internet', () => {
	const context = prepare(importAwsSnapshot(join(fixtures, 'hybrid-cloud')).topology);
	const run = (flow: FlowSpec) => trace(context, flow);
	const east2Public = 'i-01602d9efaed4409a';
	const west2Public = 'i-02cae6eaa9edeed70';

	it('east2_public -> west2_public PRIVATE IP 10.40.2.80:22: DENIED_OUT, the IGW will not carry a private destination', () => {
		const result = run({from: east2Public, to: '10.40.2.80', protocol: 'tcp', port: 22});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt).toMatchObject({component: 'igw-02fd68f94367a67c7', direction: 'forward'});
		expect(result.blockedAt!.code).toBe('IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS');
	});

	it('east2_public -> west2_public PUBLIC IP 54.191.42.182:22: ACCEPTED, source NAT at one IGW, destination NAT at the other', () => {
		const result = run({from: east2Public, to: '54.191.42.182', protocol: 'tcp', port: 22});
		expect(result.reachable).toBe(true);
		const translations = result.forward.filter(hop => hop.action === 'translate');
		expect(translations.map(hop => hop.component)).toEqual(['igw-02fd68f94367a67c7', 'igw-0a8309f3192e7cea3']);
		expect(translations[0]!.packet).toMatchObject({source: '13.59.144.125', destination: '54.191.42.182'});
		expect(translations[1]!.packet).toMatchObject({source: '13.59.144.125', destination: '10.40.2.80'});
		expect(components(result).at(-1)).toBe(west2Public);
	});

	it('from the internet, tcp/22 reaches both public instances and neither private one', () => {
		expect(run({from: '8.8.8.8', to: east2Public, protocol: 'tcp', port: 22}).reachable).toBe(true);
		expect(run({from: '8.8.8.8', to: west2Public, protocol: 'tcp', port: 22}).reachable).toBe(true);
		expect(run({from: '8.8.8.8', to: 'i-04cd3db5124a05ee6', protocol: 'tcp', port: 22}).reachable).toBe(false);
		expect(run({from: '8.8.8.8', to: 'i-0a5d64b8b58c6dd09', protocol: 'tcp', port: 22}).reachable).toBe(false);
	});

	it('8.8.8.8:49152 -> 13.59.144.125:3306 is ACCEPTED by launch-wizard-1\'s "Connectivity test" rule; only east2_public takes non-SSH TCP', () => {
		const result = run({from: '8.8.8.8', to: '13.59.144.125', protocol: 'tcp', port: 3306, sourcePort: 49152});
		expect(result.reachable).toBe(true);
		const group = result.forward.find(hop => hop.type === 'security-group')!;
		expect(group.component).toBe('sg-0e37fc2ef01c89369');
		expect(group.detail).toContain('3306');
		expect(group.detail).toContain('Connectivity test');
		expect(run({from: '8.8.8.8', to: '54.191.42.182', protocol: 'tcp', port: 3306}).reachable).toBe(false);
	});
});

describe('hybrid-cloud: expected results through the transit gateway', () => {
	const context = prepare(importAwsSnapshot(join(fixtures, 'hybrid-cloud')).topology);
	const run = (flow: FlowSpec) => trace(context, flow);
	const east2Private = 'i-04cd3db5124a05ee6';
	const east2Public = 'i-01602d9efaed4409a';

	it('east2_private -> 10.20.1.207 (east2_public\'s private IP) tcp/22: ACCEPTED through tgw-06b348adabd13452d', () => {
		const result = run({from: east2Private, to: '10.20.1.207', protocol: 'tcp', port: 22});
		expect(result.reachable).toBe(true);
		expect(result.blockedAt).toBeNull();
		// Batfish: i-04cd.. > subnet-0cb5.. > vpc-0276.. > tgw-06b3.. > vpc-0574.. > subnet-06a6.. > i-0160..
		expect(components(result)).toEqual([
			east2Private,
			'sg-024243f6c203c78bf',
			'acl-0b3d0f6b0978f09f8',
			'rtb-06227a9df13216f67',
			'tgw-attach-021f89744fac566dd',
			'acl-0b3d0f6b0978f09f8',
			'tgw-06b348adabd13452d',
			'tgw-rtb-00e37bc5142347b03',
			'tgw-attach-0648110513acd6de5',
			'sg-0e37fc2ef01c89369',
			east2Public,
		]);
		// The snapshot's TGW table lists no routes: the VPC blocks come from its propagations.
		expect(result.forward[7]!.detail).toBe('10.20.0.0/16 -> tgw-attach-0648110513acd6de5 (propagated from vpc-0574d08f8d05917e4)');
		expect(result.forward.filter(hop => hop.type === 'security-group').map(hop => hop.detail)).toEqual([
			'egress: sg-024243f6c203c78bf allows all traffic to 0.0.0.0/0',
			'ingress: sg-0e37fc2ef01c89369 allows tcp 22 from 0.0.0.0/0',
		]);
		expect(result.return.map(hop => hop.component)).toContain('tgw-06b348adabd13452d');
	});

	it('the VPCs of one region reach each other only through their own region\'s transit gateway', () => {
		expect(run({from: east2Public, to: '10.30.1.166', protocol: 'tcp', port: 22}).reachable).toBe(true);
		// The TGW peering attachment is being deleted: no private path across regions.
		expect(run({from: east2Private, to: '10.40.2.80', protocol: 'tcp', port: 22}).blockedAt).toMatchObject({component: 'rtb-06227a9df13216f67', code: 'NO_ROUTE_TO_DESTINATION'});
	});
});
