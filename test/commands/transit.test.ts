import {describe, expect, test} from 'vitest';
import {build, refuse} from './fixture.js';

const base = [
	'add vpc app 10.0.0.0/16',
	'add subnet tgw-a app 10.0.10.0/28 az=us-east-1a',
	'add subnet tgw-b app 10.0.10.16/28 az=us-east-1b',
	'add tgw hub asn=64512',
	'add tgw-rtb spokes hub',
	'add tgw-attachment app-att hub vpc app subnet=tgw-a,tgw-b',
];

describe('transit gateways', () => {
	test('a VPC attachment takes one subnet per zone in its VPC', () => {
		const topology = build(base);
		const attachment = topology.transitGatewayAttachments[0]!;
		expect(attachment).toMatchObject({
			type: 'vpc',
			transitGatewayId: topology.transitGateways[0]!.id,
			resourceId: topology.vpcs[0]!.id,
			subnetIds: topology.subnets.map(subnet => subnet.id),
			applianceMode: false,
		});
		expect(attachment.id).toMatch(/^tgw-attach-[0-9a-f]{8}$/);
		const more = build(['add subnet tgw-c app 10.0.10.32/28 az=us-east-1a'], topology);
		expect(refuse(more, 'set tgw-attachment app-att subnet=tgw-a,tgw-c')).toContain('one subnet per availability zone');
		expect(refuse(more, 'add tgw-attachment x hub vpc app')).toContain('needs subnet=');
	});

	test('association: one table per attachment', () => {
		let topology = build([...base, 'add tgw-association app-att spokes']);
		expect(topology.transitGatewayAttachments[0]!.associatedRouteTableId).toBe(topology.transitGatewayRouteTables[0]!.id);
		expect(refuse(topology, 'add tgw-association app-att spokes')).toContain('already associated');
		topology = build(['rm tgw-association app-att', 'set tgw-attachment app-att rtb=spokes appliance-mode=true'], topology);
		expect(topology.transitGatewayAttachments[0]).toMatchObject({associatedRouteTableId: topology.transitGatewayRouteTables[0]!.id, applianceMode: true});
	});

	test('propagations and static, blackhole and replaced routes', () => {
		let topology = build([
			...base,
			'add tgw-propagation spokes app-att',
			'add tgw-route spokes 0.0.0.0/0 app-att',
			'add tgw-route spokes 10.2.0.0/16 blackhole',
		]);
		const table = topology.transitGatewayRouteTables[0]!;
		const attachmentId = topology.transitGatewayAttachments[0]!.id;
		expect(table.propagations).toEqual([attachmentId]);
		expect(table.routes).toEqual([
			{destinationCidr: '0.0.0.0/0', attachmentId, type: 'static', state: 'active'},
			{destinationCidr: '10.2.0.0/16', type: 'static', state: 'blackhole'},
		]);
		expect(refuse(topology, 'add tgw-route spokes 0.0.0.0/0 app-att')).toContain('use replace tgw-route');
		topology = build(['replace tgw-route spokes 0.0.0.0/0 blackhole', 'rm tgw-route spokes 10.2.0.0/16', 'rm tgw-propagation spokes app-att'], topology);
		expect(topology.transitGatewayRouteTables[0]!.routes).toEqual([{destinationCidr: '0.0.0.0/0', type: 'static', state: 'blackhole'}]);
		expect(topology.transitGatewayRouteTables[0]!.propagations).toEqual([]);
	});

	test('a table of another transit gateway is refused', () => {
		const topology = build([...base, 'add tgw other', 'add tgw-rtb other-rtb other']);
		expect(refuse(topology, 'add tgw-association app-att other-rtb')).toContain('belongs to');
	});

	test('peering, VPN and Direct Connect gateway attachments', () => {
		const topology = build([
			...base,
			'add tgw peer-hub',
			'add tgw-attachment to-peer hub peering peer-hub',
			'add dxgw dx-hub',
			'add tgw-attachment dx-att hub dxgw dx-hub',
		]);
		expect(topology.transitGatewayAttachments.slice(1).map(att => att.type)).toEqual(['peering', 'direct-connect-gateway']);
	});

	test('a transit gateway with attachments cannot be removed; the names are given', () => {
		const topology = build(base);
		expect(refuse(topology, 'rm tgw hub')).toMatch(/^cannot remove hub \(tgw-[0-9a-f]+\): app-att, spokes still use it$/);
		expect(refuse(topology, 'rm vpc app')).toContain('app-att');
	});
});
