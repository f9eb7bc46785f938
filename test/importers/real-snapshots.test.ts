import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {importAwsSnapshot} from '../../source/importers/aws/index.js';
import {checkTopology} from '../../source/model/load.js';
import {fixtures} from './snapshot-helpers.js';

describe('hybrid-cloud snapshot (two regions, TGW, BGP VPN)', () => {
	const result = importAwsSnapshot(join(fixtures, 'hybrid-cloud'));
	const {topology} = result;

	it('imports the four VPCs of both regions with their region from the folder', () => {
		expect(topology.vpcs.map(vpc => `${vpc.id} ${vpc.cidrBlocks.join(',')} ${vpc.region}`).sort()).toEqual([
			'vpc-00b65e98077106059 10.40.0.0/16 us-west-2',
			'vpc-0276455718806058a 10.30.0.0/16 us-east-2',
			'vpc-0574d08f8d05917e4 10.20.0.0/16 us-east-2',
			expect.stringMatching(/ 10\.50\.0\.0\/16 us-west-2$/),
		].sort());
	});

	it('keeps the four running instances with their private and public addresses', () => {
		const byInstance = new Map(topology.networkInterfaces.map(eni => [eni.instanceId, eni]));
		expect(byInstance.get('i-01602d9efaed4409a')).toMatchObject({privateIp: '10.20.1.207', publicIp: '13.59.144.125', deviceIndex: 0});
		expect(byInstance.get('i-04cd3db5124a05ee6')).toMatchObject({privateIp: '10.30.1.166', publicIp: undefined});
		expect(byInstance.get('i-0a5d64b8b58c6dd09')?.privateIp).toBe('10.50.2.251');
		expect(byInstance.get('i-02cae6eaa9edeed70')).toMatchObject({privateIp: '10.40.2.80', publicIp: '54.191.42.182'});
		expect(topology.instances).toHaveLength(4);
	});

	it('maps the launch-wizard-1 rule with its description', () => {
		const group = topology.securityGroups.find(g => g.id === 'sg-0e37fc2ef01c89369')!;
		expect(group.ingress).toContainEqual(expect.objectContaining({protocol: 'tcp', fromPort: 3306, toPort: 3306, cidr: '0.0.0.0/0', description: 'Connectivity test'}));
		expect(group.ingress).toContainEqual(expect.objectContaining({protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0'}));
	});

	it('maps the default NACLs without the implicit 32767 rule', () => {
		for (const acl of topology.networkAcls) {
			expect(acl.inbound).toEqual([{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}]);
			expect(acl.outbound).toEqual([{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}]);
		}
	});

	it('maps TGW attachments per AZ subnet, their association and propagations, and leaves out the deleting peering', () => {
		const attachment = topology.transitGatewayAttachments.find(a => a.id === 'tgw-attach-021f89744fac566dd')!;
		expect(attachment).toMatchObject({type: 'vpc', resourceId: 'vpc-0276455718806058a', subnetIds: ['subnet-0cb5f4c094bee5214'], associatedRouteTableId: 'tgw-rtb-00e37bc5142347b03'});
		expect(topology.transitGatewayAttachments.some(a => a.id === 'tgw-attach-0cc6cf6a578b754e3')).toBe(false);
		expect(result.leftOut).toContainEqual({resourceId: 'tgw-attach-0cc6cf6a578b754e3', reason: 'transit gateway attachment is deleting'});
		const table = topology.transitGatewayRouteTables.find(t => t.id === 'tgw-rtb-00e37bc5142347b03')!;
		expect(table.propagations.sort()).toEqual(['tgw-attach-021f89744fac566dd', 'tgw-attach-0648110513acd6de5', 'tgw-attach-0881ce2eb93cd63a8']);
	});

	it('maps the VPN to the TGW with both tunnels up and BGP routing, without its pre-shared keys', () => {
		const vpn = topology.vpnConnections.find(v => v.id === 'vpn-01c45673532d3e33e')!;
		expect(vpn).toMatchObject({transitGatewayId: 'tgw-06b348adabd13452d', routing: 'bgp', customerGatewayId: 'cgw-0d7410421c0d7799e'});
		expect(vpn.tunnels.map(t => t.status)).toEqual(['UP', 'UP']);
		const raw = readFileSync(join(fixtures, 'hybrid-cloud/aws_configs/us-east-2/VpnConnections.json'), 'utf8');
		const keys = [...raw.matchAll(/<pre_shared_key>([^<]+)<\/pre_shared_key>/g)].map(m => m[1]!);
		expect(keys.length).toBeGreaterThan(0);
		const saved = JSON.stringify(topology);
		for (const key of keys) expect(saved).not.toContain(key);
		expect(saved).not.toContain('CustomerGatewayConfiguration');
	});

	it('says which files it skipped and why, and that BGP-learned prefixes are unknown', () => {
		expect(result.skippedFiles.map(f => f.file)).toContain(join('aws_configs', 'us-east-2', 'RdsInstances.json'));
		expect(result.unmapped.some(n => n.resourceId === 'cgw-0d7410421c0d7799e' && /BGP-learned/.test(n.reason))).toBe(true);
	});

	it('produces a topology that validates', () => {
		expect(checkTopology(JSON.parse(JSON.stringify(topology))).ok).toBe(true);
	});
});

describe('test-vpc-peering snapshot (flat layout, overlapping peers)', () => {
	const {topology, leftOut} = importAwsSnapshot(join(fixtures, 'test-vpc-peering'));

	it('reads the region from the zones of a flat snapshot and drops disassociated secondary blocks', () => {
		const a = topology.vpcs.find(vpc => vpc.id === 'vpc-0404e08ceddf7f650')!;
		// The snapshot lists 10.11.0.0/16 with CidrBlockState "disassociated": it no longer routes.
		expect(a).toMatchObject({name: 'VPC A', region: 'us-east-2', cidrBlocks: ['10.10.0.0/16']});
	});

	it('imports both active peerings, B and C overlapping each other but not A', () => {
		expect(topology.peeringConnections.map(p => p.id).sort()).toEqual(['pcx-0b89b559e3319d6cf', 'pcx-0d5b836985ac8ca8c']);
		expect(leftOut).toEqual([]);
	});

	it("keeps B's 0/0 route to a deleted internet gateway as a blackhole", () => {
		const table = topology.routeTables.find(t => t.id === 'rtb-017c36290c9baf017')!;
		expect(table.routes).toContainEqual({destinationCidr: '0.0.0.0/0', target: 'igw-0a2c9ae201b441bff', origin: 'static', state: 'blackhole'});
		expect(table.routes.some(r => r.target === 'local')).toBe(false);
		expect(table.main).toBe(true);
	});
});
