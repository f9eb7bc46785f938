import {describe, expect, test} from 'vitest';
import {build, refuse} from './fixture.js';

const base = [
	'add vpc app 10.0.0.0/16',
	'add subnet app-a app 10.0.1.0/24 az=us-east-1a',
	'add subnet app-b app 10.0.2.0/24 az=us-east-1b',
	'add site office 192.168.0.0/16',
	'add cgw office-router 198.51.100.7 site=office asn=65000',
	'add vgw vgw-main vpc=app',
];

describe('site-to-site VPN', () => {
	test('a VPN to a VGW has two tunnels up; tunnels, static routes and BGP prefixes change', () => {
		let topology = build([...base, 'add vpn office-vpn office-router vgw=vgw-main routes=192.168.0.0/16']);
		const vpn = topology.vpnConnections[0]!;
		expect(vpn).toMatchObject({
			customerGatewayId: topology.customerGateways[0]!.id,
			vpnGatewayId: topology.vpnGateways[0]!.id,
			routing: 'static',
			staticRoutes: ['192.168.0.0/16'],
			tunnels: [
				{outsideIp: '203.0.113.10', status: 'UP'},
				{outsideIp: '203.0.113.11', status: 'UP'},
			],
		});
		topology = build(['set vpn office-vpn tunnel1=down routing=bgp', 'add vpn-prefix office-vpn 192.168.0.0/16', 'rm vpn-route office-vpn 192.168.0.0/16'], topology);
		expect(topology.vpnConnections[0]).toMatchObject({routing: 'bgp', bgpPrefixes: ['192.168.0.0/16'], staticRoutes: [], tunnels: [{status: 'DOWN'}, {status: 'UP'}]});
		expect(refuse(topology, 'add vpn x office-router')).toContain('give vgw= or tgw=');
	});

	test('a VPN to a transit gateway brings its attachment, and takes it away', () => {
		let topology = build([...base, 'add tgw hub', 'add vpn hub-vpn office-router tgw=hub routing=bgp prefixes=192.168.0.0/16']);
		expect(topology.transitGatewayAttachments).toEqual([
			expect.objectContaining({name: 'hub-vpn-attachment', type: 'vpn', resourceId: topology.vpnConnections[0]!.id}),
		]);
		topology = build(['rm vpn hub-vpn'], topology);
		expect([topology.vpnConnections, topology.transitGatewayAttachments]).toEqual([[], []]);
	});

	test('a VGW is attached and detached; detaching blackholes its routes', () => {
		let topology = build([...base, 'add route app-main 192.168.0.0/16 vgw-main', 'detach vgw vgw-main']);
		expect(topology.vpnGateways[0]!.vpcId).toBeUndefined();
		expect(topology.routeTables[0]!.routes[0]!.state).toBe('blackhole');
		topology = build(['attach vgw vgw-main app'], topology);
		expect(topology.vpnGateways[0]!.vpcId).toBe(topology.vpcs[0]!.id);
		expect(refuse(topology, 'rm vgw vgw-main')).toContain('detach it first');
		expect(refuse(topology, 'rm site office')).toContain('office-router still uses it');
	});
});

describe('client VPN', () => {
	test('targets, authorization and routes', () => {
		let topology = build([
			...base,
			'add cvpn remote app 10.250.0.0/22 split-tunnel=true',
			'add cvpn-target remote app-a',
			'add cvpn-auth remote 10.0.0.0/16',
			'add cvpn-auth remote 0.0.0.0/0 group=admins',
			'add cvpn-route remote 0.0.0.0/0 app-a',
		]);
		const endpoint = topology.clientVpnEndpoints[0]!;
		const subnetId = topology.subnets[0]!.id;
		expect(endpoint).toMatchObject({clientCidr: '10.250.0.0/22', splitTunnel: true});
		expect(endpoint.targetNetworks).toEqual([{id: expect.stringMatching(/^cvpn-assoc-/), subnetId, privateIp: '10.0.1.4'}]);
		expect(endpoint.routes).toEqual([
			{destinationCidr: '10.0.0.0/16', targetSubnetId: subnetId},
			{destinationCidr: '0.0.0.0/0', targetSubnetId: subnetId},
		]);
		expect(endpoint.authorizationRules).toEqual([
			{destinationCidr: '10.0.0.0/16', accessAll: true},
			{destinationCidr: '0.0.0.0/0', accessAll: false, groupId: 'admins'},
		]);
		expect(refuse(topology, 'add cvpn-route remote 172.16.0.0/16 app-b')).toContain('add cvpn-target first');
		topology = build(['rm cvpn-auth remote 0.0.0.0/0', 'rm cvpn-target remote app-a'], topology);
		expect(topology.clientVpnEndpoints[0]).toMatchObject({targetNetworks: [], routes: [], authorizationRules: [{destinationCidr: '10.0.0.0/16'}]});
	});

	test('the client CIDR is /12 to /22', () => {
		expect(refuse(build(base), 'add cvpn remote app 10.250.0.0/24')).toBe('the client CIDR must be /12 to /22, not /24');
	});
});

describe('Direct Connect', () => {
	test('connection, gateway, associations with allowed prefixes, virtual interfaces', () => {
		let topology = build([
			...base,
			'add dx link site=office location=EqDC2 bandwidth=1Gbps',
			'add dxgw dx-hub asn=64600',
			'add dxgw-association dx-hub vgw-main allowed=10.0.0.0/16',
			'add vif private-vif private link dxgw=dx-hub prefixes=192.168.0.0/16',
		]);
		expect(topology.dxConnections[0]).toMatchObject({siteId: topology.sites[0]!.id, location: 'EqDC2', state: 'available'});
		expect(topology.dxGateways[0]!.associations).toEqual([{gatewayId: topology.vpnGateways[0]!.id, allowedPrefixes: ['10.0.0.0/16'], state: 'associated'}]);
		expect(topology.virtualInterfaces[0]).toMatchObject({type: 'private', connectionId: topology.dxConnections[0]!.id, dxGatewayId: topology.dxGateways[0]!.id, customerPrefixes: ['192.168.0.0/16']});
		topology = build(['set dxgw-association dx-hub vgw-main allowed=10.0.0.0/8', 'set vif private-vif state=down'], topology);
		expect(topology.dxGateways[0]!.associations[0]!.allowedPrefixes).toEqual(['10.0.0.0/8']);
		expect(topology.virtualInterfaces[0]!.state).toBe('down');
		expect(refuse(topology, 'add vif t transit link vgw=vgw-main')).toContain('transit virtual interface ends on a Direct Connect gateway');
		expect(refuse(topology, 'rm dx link')).toContain('private-vif still uses it');
		topology = build(['rm dxgw-association dx-hub vgw-main'], topology);
		expect(topology.dxGateways[0]!.associations).toEqual([]);
	});
});
