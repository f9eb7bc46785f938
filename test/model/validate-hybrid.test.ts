import {describe, expect, it} from 'vitest';
import type {Doc} from './helpers.js';
import {expectOnly, expectSome, problemsAfter} from './helpers.js';

/** A transit gateway with vpc-app attached in both AZs and a route table associated. */
function withTgw(doc: Doc): void {
	doc.transitGateways.push({id: 'tgw-1'}, {id: 'tgw-2'});
	doc.transitGatewayRouteTables.push({id: 'tgw-rtb-1', transitGatewayId: 'tgw-1', propagations: ['tgw-attach-1']});
	doc.transitGatewayAttachments.push({
		id: 'tgw-attach-1',
		transitGatewayId: 'tgw-1',
		type: 'vpc',
		resourceId: 'vpc-1',
		subnetIds: ['subnet-1', 'subnet-2'],
		associatedRouteTableId: 'tgw-rtb-1',
	});
}

describe('transit gateway attachments', () => {
	it('accepts the base transit gateway', () => {
		expect(problemsAfter(withTgw)).toEqual([]);
	});

	it('needs an existing transit gateway', () => {
		const problems = problemsAfter(doc => {
			withTgw(doc);
			doc.transitGatewayAttachments[0]!.transitGatewayId = 'tgw-9';
			doc.transitGatewayAttachments[0]!.associatedRouteTableId = undefined;
		});
		expectSome(problems, 'transitGatewayAttachments[0].transitGatewayId', 'transit gateway attachment tgw-attach-1: transitGatewayId "tgw-9" does not exist; it must be the id of a transit gateway');
	});

	it('needs subnets of the attached VPC, one per AZ', () => {
		const empty = problemsAfter(doc => {
			withTgw(doc);
			doc.transitGatewayAttachments[0]!.subnetIds = [];
		});
		expectOnly(empty, 'transitGatewayAttachments[0].subnetIds', 'transit gateway attachment tgw-attach-1: is a VPC attachment without subnets; give at least one subnet (one per availability zone the VPC uses)');
		const wrong = problemsAfter(doc => {
			withTgw(doc);
			doc.subnets.push({id: 'subnet-4', vpcId: 'vpc-1', cidr: '10.0.4.0/24', availabilityZone: 'us-east-1b'});
			doc.transitGatewayAttachments[0]!.subnetIds = ['subnet-1', 'subnet-2', 'subnet-3', 'subnet-4'];
		});
		expect(wrong.map(p => p.message)).toEqual([
			'transit gateway attachment tgw-attach-1: subnet db-a (subnet-3) is in vpc-db, not vpc-app; a VPC attachment must be in subnets of its own VPC',
			'transit gateway attachment tgw-attach-1: subnet subnet-4 is in us-east-1b, like web-b (subnet-2); a VPC attachment can use one subnet per availability zone',
		]);
	});

	it('needs a VPN connection to this transit gateway for a vpn attachment', () => {
		const problems = problemsAfter(doc => {
			withTgw(doc);
			doc.customerGateways.push({id: 'cgw-1', ipAddress: '203.0.113.1'});
			doc.vpnConnections.push({id: 'vpn-1', customerGatewayId: 'cgw-1', transitGatewayId: 'tgw-2'});
			doc.transitGatewayAttachments.push({id: 'tgw-attach-2', transitGatewayId: 'tgw-1', type: 'vpn', resourceId: 'vpn-1'});
		});
		expectOnly(problems, 'transitGatewayAttachments[1].resourceId', "transit gateway attachment tgw-attach-2: resourceId vpn-1 is a VPN connection to tgw-2, not to tgw-1; set the connection's transitGatewayId");
	});

	it('needs a DX gateway, or another transit gateway for peering', () => {
		const problems = problemsAfter(doc => {
			withTgw(doc);
			doc.transitGatewayAttachments.push({id: 'tgw-attach-2', transitGatewayId: 'tgw-1', type: 'direct-connect-gateway', resourceId: 'vpc-1'});
			doc.transitGatewayAttachments.push({id: 'tgw-attach-3', transitGatewayId: 'tgw-1', type: 'peering', resourceId: 'tgw-1'});
		});
		expect(problems.map(p => p.message)).toEqual([
			'transit gateway attachment tgw-attach-2: resourceId "vpc-1" is a VPC, not a Direct Connect gateway',
			"transit gateway attachment tgw-attach-3: resourceId tgw-1 is this attachment's own transit gateway; a peering attachment connects to another transit gateway",
		]);
	});

	it('associates a route table of the same transit gateway', () => {
		const problems = problemsAfter(doc => {
			withTgw(doc);
			doc.transitGatewayRouteTables.push({id: 'tgw-rtb-2', transitGatewayId: 'tgw-2'});
			doc.transitGatewayAttachments[0]!.associatedRouteTableId = 'tgw-rtb-2';
		});
		expectOnly(problems, 'transitGatewayAttachments[0].associatedRouteTableId', 'transit gateway attachment tgw-attach-1: associatedRouteTableId tgw-rtb-2 is a route table of tgw-2, not tgw-1; associate a route table of the same transit gateway');
	});
});

describe('transit gateway route tables', () => {
	it('propagates only attachments of the same transit gateway', () => {
		const problems = problemsAfter(doc => {
			withTgw(doc);
			doc.transitGatewayRouteTables.push({id: 'tgw-rtb-2', transitGatewayId: 'tgw-2', propagations: ['tgw-attach-1']});
		});
		expectOnly(problems, 'transitGatewayRouteTables[1].propagations[0]', 'transit gateway route table tgw-rtb-2: attachment tgw-attach-1 belongs to tgw-1, not tgw-2; use an attachment of the same transit gateway');
	});

	it('needs an attachment on an active route, none on a blackhole, and one destination', () => {
		const problems = problemsAfter(doc => {
			withTgw(doc);
			doc.transitGatewayRouteTables[0]!.routes = [
				{destinationCidr: '10.0.0.0/16', attachmentId: 'tgw-attach-1'},
				{destinationCidr: '10.2.0.0/16'},
				{destinationCidr: '10.3.0.0/16', state: 'blackhole', attachmentId: 'tgw-attach-1'},
				{destinationCidr: '10.4.0.0/16', state: 'blackhole'},
				{attachmentId: 'tgw-attach-1'},
			];
		});
		expect(problems.map(p => [p.path, p.message.replace('transit gateway route table tgw-rtb-1: ', '')])).toEqual([
			['transitGatewayRouteTables[0].routes[1].attachmentId', 'route 10.2.0.0/16 -> (no attachment) is active but has no attachmentId; give the attachment it sends to, or make it a blackhole route'],
			['transitGatewayRouteTables[0].routes[2].attachmentId', 'route 10.3.0.0/16 -> tgw-attach-1 is a blackhole route with attachmentId tgw-attach-1; a blackhole route drops traffic and has no attachment'],
			['transitGatewayRouteTables[0].routes[4]', 'route (no destination) -> tgw-attach-1 needs exactly one of destinationCidr and destinationPrefixListId'],
		]);
	});
});

describe('site-to-site VPN', () => {
	it('ends on exactly one of a VGW and a transit gateway', () => {
		const problems = problemsAfter(doc => {
			withTgw(doc);
			doc.customerGateways.push({id: 'cgw-1', ipAddress: '203.0.113.1'});
			doc.vpnGateways.push({id: 'vgw-1', vpcId: 'vpc-1'});
			doc.vpnConnections.push({id: 'vpn-1', customerGatewayId: 'cgw-1'});
			doc.vpnConnections.push({id: 'vpn-2', customerGatewayId: 'cgw-1', vpnGatewayId: 'vgw-1', transitGatewayId: 'tgw-1'});
			doc.vpnConnections.push({id: 'vpn-3', customerGatewayId: 'cgw-9', vpnGatewayId: 'vgw-1'});
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['vpnConnections[0].vpnGatewayId', 'VPN connection vpn-1: needs exactly one of vpnGatewayId and transitGatewayId; a VPN connection ends on a virtual private gateway or a transit gateway'],
			['vpnConnections[1].vpnGatewayId', 'VPN connection vpn-2: needs exactly one of vpnGatewayId and transitGatewayId; a VPN connection ends on a virtual private gateway or a transit gateway'],
			['vpnConnections[2].customerGatewayId', 'VPN connection vpn-3: customerGatewayId "cgw-9" does not exist; it must be the id of a customer gateway'],
		]);
	});
});

describe('client VPN', () => {
	const endpoint = (doc: Doc) =>
		doc.clientVpnEndpoints.push({
			id: 'cvpn-1',
			name: 'laptops',
			vpcId: 'vpc-1',
			clientCidr: '172.16.0.0/22',
			targetNetworks: [{id: 'cvpn-assoc-1', subnetId: 'subnet-1', privateIp: '10.0.1.60'}],
			routes: [
				{destinationCidr: '0.0.0.0/0', targetSubnetId: 'subnet-1'},
				{destinationCidr: '172.16.0.0/22', targetSubnetId: 'local'},
			],
		});

	it('accepts a valid endpoint', () => {
		expect(problemsAfter(endpoint)).toEqual([]);
	});

	it('needs a client CIDR between /22 and /12 that misses the VPC', () => {
		const problems = problemsAfter(doc => {
			endpoint(doc);
			doc.clientVpnEndpoints.push({id: 'cvpn-2', vpcId: 'vpc-1', clientCidr: '172.16.0.0/24'});
			doc.clientVpnEndpoints.push({id: 'cvpn-3', vpcId: 'vpc-1', clientCidr: '10.0.0.0/8'});
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['clientVpnEndpoints[1].clientCidr', 'client VPN endpoint cvpn-2: clientCidr 172.16.0.0/24 is a /24; a client CIDR must be between /22 and /12'],
			['clientVpnEndpoints[2].clientCidr', 'client VPN endpoint cvpn-3: clientCidr 10.0.0.0/8 is a /8; a client CIDR must be between /22 and /12'],
			['clientVpnEndpoints[2].clientCidr', "client VPN endpoint cvpn-3: clientCidr 10.0.0.0/8 overlaps vpc-app's block 10.0.0.0/16; the client CIDR must not overlap the VPC"],
		]);
	});

	it('associates subnets of its VPC, one per AZ, and routes only to them', () => {
		const problems = problemsAfter(doc => {
			endpoint(doc);
			const cvpn = doc.clientVpnEndpoints[0]!;
			cvpn.targetNetworks!.push({id: 'cvpn-assoc-2', subnetId: 'subnet-3', privateIp: '10.1.1.60'});
			cvpn.routes!.push({destinationCidr: '10.9.0.0/16', targetSubnetId: 'subnet-2'});
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['clientVpnEndpoints[0].targetNetworks[1].subnetId', 'client VPN endpoint laptops (cvpn-1): subnet db-a (subnet-3) is in vpc-db, not vpc-app; a client VPN endpoint must be in subnets of its own VPC'],
			['clientVpnEndpoints[0].routes[2].targetSubnetId', 'client VPN endpoint laptops (cvpn-1): route 10.9.0.0/16 -> subnet-2: subnet-2 is not a subnet associated with this endpoint; use one of subnet-1, subnet-3, local'],
		]);
	});
});

describe('Direct Connect', () => {
	function withDx(doc: Doc): void {
		doc.dxConnections.push({id: 'dxcon-1'});
		doc.dxGateways.push({id: 'dxgw-1'});
		doc.vpnGateways.push({id: 'vgw-1', vpcId: 'vpc-1'}, {id: 'vgw-2', vpcId: 'vpc-2'});
	}

	it('needs an existing connection and, for a private VIF, exactly one gateway', () => {
		const problems = problemsAfter(doc => {
			withDx(doc);
			doc.virtualInterfaces.push({id: 'vif-1', type: 'private', connectionId: 'dxcon-1', vpnGatewayId: 'vgw-1'});
			doc.virtualInterfaces.push({id: 'vif-2', type: 'private', connectionId: 'dxcon-9'});
			doc.virtualInterfaces.push({id: 'vif-3', type: 'private', connectionId: 'dxcon-1', vpnGatewayId: 'vgw-1', dxGatewayId: 'dxgw-1'});
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['virtualInterfaces[1].connectionId', 'virtual interface vif-2: connectionId "dxcon-9" does not exist; it must be the id of a Direct Connect connection'],
			['virtualInterfaces[1].vpnGatewayId', 'virtual interface vif-2: is a private virtual interface; it needs exactly one of vpnGatewayId and dxGatewayId'],
			['virtualInterfaces[2].vpnGatewayId', 'virtual interface vif-3: is a private virtual interface; it needs exactly one of vpnGatewayId and dxGatewayId'],
		]);
	});

	it('needs a DX gateway for a transit VIF', () => {
		const problems = problemsAfter(doc => {
			withDx(doc);
			doc.virtualInterfaces.push({id: 'vif-1', type: 'transit', connectionId: 'dxcon-1'});
		});
		expectOnly(problems, 'virtualInterfaces[0].dxGatewayId', 'virtual interface vif-1: is a transit virtual interface; it needs a dxGatewayId (a Direct Connect gateway associated with a transit gateway)');
	});

	it('associates a DX gateway with VGWs or transit gateways only', () => {
		const problems = problemsAfter(doc => {
			withDx(doc);
			doc.dxGateways[0]!.associations = [{gatewayId: 'igw-1'}];
		});
		expectOnly(problems, 'dxGateways[0].associations[0].gatewayId', 'Direct Connect gateway dxgw-1: associations[0].gatewayId "igw-1" is an internet gateway, not a virtual private gateway or a transit gateway');
	});

	it('refuses overlapping VPCs behind one DX gateway', () => {
		const problems = problemsAfter(doc => {
			withDx(doc);
			doc.vpcs[1]!.cidrBlocks.push('10.0.0.0/20');
			doc.dxGateways[0]!.associations = [{gatewayId: 'vgw-1'}, {gatewayId: 'vgw-2'}];
		});
		expectOnly(problems, 'dxGateways[0].associations[1].gatewayId', 'Direct Connect gateway dxgw-1: vpc-db 10.0.0.0/20 overlaps vpc-app 10.0.0.0/16; VPCs associated with one Direct Connect gateway must not overlap');
	});

	it('refuses a transit gateway association beside a VGW association or a private VIF', () => {
		const message = 'Direct Connect gateway dxgw-1: has a virtual private gateway association or a private virtual interface, so it cannot also be associated with a transit gateway';
		const withVgw = problemsAfter(doc => {
			withDx(doc);
			withTgw(doc);
			doc.dxGateways[0]!.associations = [{gatewayId: 'vgw-1'}, {gatewayId: 'tgw-1'}];
		});
		expectOnly(withVgw, 'dxGateways[0].associations[1].gatewayId', message);
		const withVif = problemsAfter(doc => {
			withDx(doc);
			withTgw(doc);
			doc.dxGateways[0]!.associations = [{gatewayId: 'tgw-1'}];
			doc.virtualInterfaces.push({id: 'vif-1', type: 'private', connectionId: 'dxcon-1', dxGatewayId: 'dxgw-1'});
		});
		expectOnly(withVif, 'dxGateways[0].associations[0].gatewayId', message);
		const transitOnly = problemsAfter(doc => {
			withDx(doc);
			withTgw(doc);
			doc.dxGateways[0]!.associations = [{gatewayId: 'tgw-1'}];
			doc.virtualInterfaces.push({id: 'vif-1', type: 'transit', connectionId: 'dxcon-1', dxGatewayId: 'dxgw-1'});
		});
		expect(transitOnly).toEqual([]);
	});
});
