import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {writeAwsSnapshot} from '../../bench/aws-snapshot.js';
import {generateLarge} from '../../bench/generate.js';

type J = Record<string, any>;

describe('writeAwsSnapshot', () => {
	const topology = generateLarge({seed: 2, scale: 0.05});
	const dir = mkdtempSync(join(tmpdir(), 'vpcsim-snapshot-test-'));
	const summary = writeAwsSnapshot(topology, dir);
	const folder = join(dir, 'aws_configs', 'us-east-1');
	const read = (file: string): J => JSON.parse(readFileSync(join(folder, file), 'utf8')) as J;
	afterAll(() => rmSync(dir, {recursive: true, force: true}));

	it('writes one file per top-level key in the region folder of the Batfish layout', () => {
		const files = readdirSync(folder).sort();
		for (const name of ['Vpcs', 'Subnets', 'RouteTables', 'SecurityGroups', 'NetworkAcls', 'InternetGateways', 'NatGateways', 'Reservations', 'NetworkInterfaces',
			'Addresses', 'VpcPeeringConnections', 'PrefixLists', 'TransitGateways', 'TransitGatewayAttachments', 'TransitGatewayVpcAttachments', 'TransitGatewayRouteTables',
			'TransitGatewayPropagations', 'TransitGatewayStaticRoutes', 'VpnGateways', 'CustomerGateways', 'VpnConnections']) {
			expect(files).toContain(`${name}.json`);
			expect(Object.keys(read(`${name}.json`))).toEqual([name]);
		}
		expect(Object.keys(read('DirectConnectGateways.json'))).toEqual(['directConnectGateways']);
		expect(Object.keys(read('VirtualInterfaces.json'))).toEqual(['virtualInterfaces']);
		expect(summary.bytes).toBeGreaterThan(1_000_000);
	});

	it('holds every resource, with AWS ids and Name tags', () => {
		expect(read('Vpcs.json').Vpcs).toHaveLength(topology.vpcs.length);
		expect(read('Subnets.json').Subnets).toHaveLength(topology.subnets.length);
		expect(read('Reservations.json').Reservations.flatMap((r: J) => r.Instances)).toHaveLength(topology.instances.length);
		const vpc = read('Vpcs.json').Vpcs[1];
		expect(vpc.VpcId).toBe(topology.vpcs[1]!.id);
		expect(vpc.CidrBlockAssociationSet.map((a: J) => a.CidrBlock)).toEqual(topology.vpcs[1]!.cidrBlocks);
		expect(vpc.Tags).toContainEqual({Key: 'Name', Value: topology.vpcs[1]!.name});
	});

	it('writes route tables with main and subnet associations, local routes and AWS origins', () => {
		const tables: J[] = read('RouteTables.json').RouteTables;
		const main = tables.find(t => t.Associations.some((a: J) => a.Main))!;
		expect(main.Associations[0]).toMatchObject({Main: true, RouteTableId: main.RouteTableId});
		expect(tables.some(t => t.Associations.some((a: J) => a.SubnetId))).toBe(true);
		const routes = tables.flatMap(t => t.Routes);
		expect(new Set(routes.map(r => r.Origin))).toEqual(new Set(['CreateRouteTable', 'CreateRoute', 'EnableVgwRoutePropagation']));
		expect(new Set(routes.map(r => r.State))).toEqual(new Set(['active', 'blackhole']));
		expect(routes.find(r => r.Origin === 'CreateRouteTable')).toMatchObject({GatewayId: 'local'});
		for (const field of ['NatGatewayId', 'VpcPeeringConnectionId', 'TransitGatewayId', 'DestinationPrefixListId']) expect(routes.some(r => field in r)).toBe(true);
		expect(tables.some(t => t.PropagatingVgws.length > 0 && t.PropagatingVgws[0].GatewayId.startsWith('vgw-'))).toBe(true);
	});

	it('writes security groups and network ACLs in the EC2 API shape', () => {
		const permissions = read('SecurityGroups.json').SecurityGroups.flatMap((g: J) => [...g.IpPermissions, ...g.IpPermissionsEgress]);
		expect(permissions.some((p: J) => p.IpProtocol === '-1' && !('FromPort' in p))).toBe(true);
		expect(permissions.some((p: J) => p.IpProtocol === 'tcp' && p.FromPort === 443 && p.ToPort === 443)).toBe(true);
		expect(permissions.some((p: J) => p.UserIdGroupPairs.length > 0 && p.UserIdGroupPairs[0].GroupId.startsWith('sg-'))).toBe(true);
		expect(permissions.some((p: J) => p.PrefixListIds.length > 0 && p.PrefixListIds[0].PrefixListId.startsWith('pl-'))).toBe(true);
		const entries = read('NetworkAcls.json').NetworkAcls.flatMap((a: J) => a.Entries);
		expect(new Set(entries.map((e: J) => e.Protocol))).toEqual(new Set(['-1', '6', '17', '1']));
		expect(entries.find((e: J) => e.Protocol === '6')).toMatchObject({PortRange: {From: expect.any(Number), To: expect.any(Number)}});
		expect(entries.filter((e: J) => e.RuleNumber === 32767 && e.RuleAction === 'deny').length).toBe(2 * topology.networkAcls.length);
	});

	it('writes instances, interfaces and elastic IPs that agree with each other', () => {
		const instance = read('Reservations.json').Reservations[0].Instances[0];
		const eni = instance.NetworkInterfaces[0];
		expect(eni.Attachment.DeviceIndex).toBe(0);
		expect(instance.PrivateIpAddress).toBe(eni.PrivateIpAddress);
		expect(instance.State).toEqual({Code: 16, Name: 'running'});
		const interfaces: J[] = read('NetworkInterfaces.json').NetworkInterfaces;
		expect(interfaces.find(e => e.NetworkInterfaceId === eni.NetworkInterfaceId)!.Attachment.InstanceId).toBe(instance.InstanceId);
		const addresses: J[] = read('Addresses.json').Addresses;
		const nat = read('NatGateways.json').NatGateways[0];
		expect(addresses.some(a => a.PublicIp === nat.NatGatewayAddresses[0].PublicIp && a.NetworkInterfaceId === nat.NatGatewayAddresses[0].NetworkInterfaceId)).toBe(true);
		expect(interfaces.some(e => e.Association?.PublicIp)).toBe(true);
		// AWS's own interfaces for NAT gateways and TGW attachments, on addresses nothing else uses.
		expect(interfaces.filter(e => e.InterfaceType === 'nat_gateway')).toHaveLength(topology.natGateways.length);
		expect(interfaces.filter(e => e.InterfaceType === 'transit_gateway')).toHaveLength(topology.transitGatewayAttachments.flatMap(a => a.subnetIds).length);
		const privateIps = interfaces.map(e => e.PrivateIpAddress);
		expect(new Set(privateIps).size).toBe(privateIps.length);
	});

	it('writes transit gateway tables with Batfish wrappers, VPNs and Direct Connect', () => {
		const propagations: J[] = read('TransitGatewayPropagations.json').TransitGatewayPropagations;
		expect(propagations[0]).toMatchObject({TransitGatewayRouteTableId: expect.stringMatching(/^tgw-rtb-/)});
		expect(propagations[0]!.TransitGatewayRouteTablePropagations[0]).toMatchObject({State: 'enabled', ResourceType: 'vpc'});
		const statics = read('TransitGatewayStaticRoutes.json').TransitGatewayStaticRoutes.flatMap((w: J) => w.Routes);
		expect(statics.some((r: J) => r.State === 'blackhole' && !r.TransitGatewayAttachments)).toBe(true);
		expect(statics.some((r: J) => r.TransitGatewayAttachments?.[0].ResourceType === 'vpn')).toBe(true);
		const attachments: J[] = read('TransitGatewayAttachments.json').TransitGatewayAttachments;
		expect(new Set(attachments.map(a => a.ResourceType))).toEqual(new Set(['vpc', 'vpn', 'direct-connect-gateway']));
		const vpns: J[] = read('VpnConnections.json').VpnConnections;
		expect(vpns.some(v => v.TransitGatewayId) && vpns.some(v => v.VpnGatewayId)).toBe(true);
		expect(vpns[0]!.VgwTelemetry).toHaveLength(2);
		expect(read('VirtualInterfaces.json').virtualInterfaces.map((v: J) => v.virtualInterfaceType).sort()).toEqual(['private', 'transit']);
	});
});
