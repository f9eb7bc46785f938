// Site-to-site VPN (to a VGW and to a TGW), VGW route propagation, Direct Connect (private VIF to a
// VGW or a DX gateway, transit VIF) and on-premises sites: each link reachable, and each way it
// fails.
import {describe, expect, it} from 'vitest';
import {anywhere, path} from './builder.js';
import {HybridBuilder, vpcWithVgw} from './hybrid-builder.js';

const toDc = {from: 'i-app', to: '172.16.0.5', port: 443};
const fromDc = {from: '172.16.0.5', to: 'i-app', port: 22};
const staticVpn = (tunnels: ['UP' | 'DOWN', 'UP' | 'DOWN'] = ['UP', 'UP']) => vpcWithVgw().vpn('vpn-1', 'cgw-dc', 'vgw-1', {prefixes: ['172.16.0.0/16'], tunnels});

describe('site-to-site VPN to a VGW', () => {
	it('carries traffic both ways, the VPC side by a route VGW propagation derives from the VPN', () => {
		const out = staticVpn().trace(toDc);
		expect(out.reachable).toBe(true);
		expect(path(out.forward)).toEqual(['i-app forward', 'sg-app allow', 'acl-default-a allow', 'rtb-main-a forward', 'vgw-1 forward', 'vpn-1 forward', 'site-dc deliver']);
		const back = staticVpn().trace(fromDc);
		expect(back.reachable).toBe(true);
		expect(path(back.forward)).toEqual(['site-dc forward', 'site-dc forward', 'vpn-1 forward', 'vgw-1 forward', 'acl-default-a allow', 'sg-app allow', 'i-app deliver']);
		expect(back.forward[1]!.detail).toBe('the on-premises router sends 10.0.0.0/16 over VPN vpn-1 to vgw-1 (longest prefix)');
	});

	it('one tunnel down: the other carries the traffic, and the hop says so', () => {
		const result = staticVpn(['DOWN', 'UP']).trace(toDc);
		expect(result.reachable).toBe(true);
		expect(result.forward[5]!.detail).toBe('IPsec from vgw-1 to cgw-dc (203.0.113.10): tunnel 2 (34.200.0.2) is UP and carries it; tunnel 1 (34.200.0.1) is DOWN, so the other tunnel carries the traffic alone');
	});

	it('both tunnels down: BAD_STATE_VPN at the connection, whichever side starts', () => {
		expect(staticVpn(['DOWN', 'DOWN']).trace(toDc).blockedAt).toEqual({component: 'vpn-1', type: 'vpn-connection', code: 'BAD_STATE_VPN', direction: 'forward'});
		expect(staticVpn(['DOWN', 'DOWN']).trace(fromDc).blockedAt).toEqual({component: 'vpn-1', type: 'vpn-connection', code: 'BAD_STATE_VPN', direction: 'forward'});
	});

	it('a connection or customer gateway that is not available stops there', () => {
		const pending = staticVpn();
		pending.doc.vpnConnections[0]!.state = 'pending';
		expect(pending.trace(toDc).blockedAt).toMatchObject({component: 'vpn-1', code: 'BAD_STATE_VPN'});
		const gone = staticVpn();
		gone.doc.customerGateways[0]!.state = 'deleted';
		expect(gone.trace(toDc).blockedAt).toEqual({component: 'cgw-dc', type: 'customer-gateway', code: 'BAD_STATE', direction: 'forward'});
	});

	it('propagation is per route table: without it (and without a static route) there is no route', () => {
		const b = staticVpn();
		b.doc.routeTables[0]!.propagatingVgwIds = [];
		expect(b.trace(toDc).blockedAt).toEqual({component: 'rtb-main-a', type: 'route-table', code: 'NO_ROUTE_TO_DESTINATION', direction: 'forward'});
		// The request from the site still arrives (the VGW delivers to any address of its VPC); the reply has no way back.
		const inbound = b.trace(fromDc);
		expect(path(inbound.forward).at(-1)).toBe('i-app deliver');
		expect(inbound.blockedAt).toMatchObject({component: 'rtb-main-a', code: 'NO_ROUTE_TO_DESTINATION', direction: 'return'});
	});

	it('a propagated route the table already lists is not counted twice', () => {
		const b = staticVpn().routes('rtb-main-a', {destinationCidr: '172.16.0.0/16', target: 'vgw-1', origin: 'propagated'});
		expect(b.trace(toDc).forward[3]!.detail).toBe('172.16.0.0/16 -> vgw-1 (longest prefix)');
		const withStatic = staticVpn().routes('rtb-main-a', {destinationCidr: '172.16.0.0/16', target: 'vgw-1'});
		expect(withStatic.trace(toDc).forward[3]!.detail).toBe('172.16.0.0/16 -> vgw-1 (static beats propagated 172.16.0.0/16 -> vgw-1)');
	});

	it('the VGW forwards only to prefixes it learned', () => {
		const b = staticVpn().routes('rtb-main-a', {destinationCidr: '192.0.2.0/24', target: 'vgw-1'});
		const result = b.trace({from: 'i-app', to: '192.0.2.9', port: 443});
		expect(result.blockedAt).toEqual({component: 'vgw-1', type: 'vpn-gateway', code: 'NO_ROUTE_TO_DESTINATION', direction: 'forward'});
	});

	it('a site delivers only addresses it holds', () => {
		const b = vpcWithVgw().vpn('vpn-1', 'cgw-dc', 'vgw-1', {prefixes: ['172.16.0.0/16', '172.17.0.0/16']});
		const result = b.trace({from: 'i-app', to: '172.17.0.5', port: 443});
		expect(result.blockedAt).toEqual({component: 'site-dc', type: 'site', code: 'NO_ROUTE_TO_DESTINATION', direction: 'forward'});
	});

	it('a BGP VPN without a prefix list learns the site\'s networks', () => {
		expect(vpcWithVgw().vpn('vpn-1', 'cgw-dc', 'vgw-1', {routing: 'bgp'}).trace(toDc).reachable).toBe(true);
	});
});

/** VPC A on tgw-1 and a VPN from site-dc to the same TGW, all in one route table. */
function tgwVpn(routing: 'static' | 'bgp'): HybridBuilder {
	return new HybridBuilder()
		.vpc('vpc-a', '10.1.0.0/16')
		.subnet('subnet-a', 'vpc-a', '10.1.1.0/24')
		.sg('sg-a', 'vpc-a', [anywhere])
		.instance('i-a', 'subnet-a', '10.1.1.10', {groups: ['sg-a']})
		.site('site-dc', ['172.16.0.0/16'])
		.cgw('cgw-dc', '203.0.113.10', 'site-dc')
		.tgw('tgw-1')
		.tgwTable('tgw-rtb-1', 'tgw-1', ['tgw-attach-a', 'tgw-attach-vpn'])
		.attach('tgw-attach-a', 'tgw-1', 'vpc-a', ['subnet-a'], 'tgw-rtb-1')
		.vpn('vpn-1', 'cgw-dc', 'tgw-1', {routing, prefixes: ['172.16.0.0/16']})
		.link('tgw-attach-vpn', 'tgw-1', 'vpn', 'vpn-1', 'tgw-rtb-1')
		.routes('rtb-main-a', {destinationCidr: '172.16.0.0/16', target: 'tgw-1'});
}

describe('site-to-site VPN to a transit gateway', () => {
	it('a BGP VPN propagates its prefixes; both directions work', () => {
		const out = tgwVpn('bgp').trace({from: 'i-a', to: '172.16.0.5', port: 443});
		expect(out.reachable).toBe(true);
		expect(out.forward.find(h => h.component === 'tgw-rtb-1')!.detail).toBe('172.16.0.0/16 -> tgw-attach-vpn (propagated from vpn-1)');
		expect(out.forward.find(h => h.component === 'vpn-1')!.detail).toContain('ECMP');
		const back = tgwVpn('bgp').trace({from: '172.16.0.5', to: 'i-a', port: 22});
		expect(back.reachable).toBe(true);
		expect(path(back.forward).slice(0, 6)).toEqual(['site-dc forward', 'site-dc forward', 'vpn-1 forward', 'tgw-attach-vpn forward', 'tgw-1 forward', 'tgw-rtb-1 forward']);
	});

	it('a static VPN propagates nothing: the TGW table needs a static route', () => {
		const b = tgwVpn('static');
		expect(b.trace({from: 'i-a', to: '172.16.0.5', port: 443}).blockedAt).toEqual({component: 'tgw-rtb-1', type: 'transit-gateway-route-table', code: 'NO_ROUTE_TO_DESTINATION', direction: 'forward'});
		b.tgwRoutes('tgw-rtb-1', {destinationCidr: '172.16.0.0/16', attachmentId: 'tgw-attach-vpn'});
		expect(b.trace({from: 'i-a', to: '172.16.0.5', port: 443}).reachable).toBe(true);
	});

	it('both tunnels down: TGW_BAD_STATE_VPN', () => {
		const b = tgwVpn('bgp');
		b.doc.vpnConnections[0]!.tunnels = b.doc.vpnConnections[0]!.tunnels!.map(t => ({...t, status: 'DOWN' as const}));
		expect(b.trace({from: 'i-a', to: '172.16.0.5', port: 443}).blockedAt).toEqual({component: 'vpn-1', type: 'vpn-connection', code: 'TGW_BAD_STATE_VPN', direction: 'forward'});
	});
});

describe('Direct Connect', () => {
	const privateVif = () => vpcWithVgw().dxcon('dxcon-1', 'site-dc').vif('dxvif-1', 'private', 'dxcon-1', {vpnGatewayId: 'vgw-1'}, ['172.16.0.0/16']);

	it('a private VIF to the VGW carries traffic both ways, unencrypted', () => {
		const out = privateVif().trace(toDc);
		expect(out.reachable).toBe(true);
		expect(out.forward.find(h => h.component === 'dxcon-1')!.detail).toBe('Direct Connect is not encrypted; run a VPN over it or turn on MACsec where the traffic needs encryption (dxcon-1 at EqDC2)');
		const back = privateVif().trace(fromDc);
		expect(back.reachable).toBe(true);
		expect(path(back.forward).slice(0, 5)).toEqual(['site-dc forward', 'site-dc forward', 'dxcon-1 forward', 'dxvif-1 forward', 'vgw-1 forward']);
	});

	it('a VIF or connection that is down stops there (BAD_STATE), from either side', () => {
		const vifDown = privateVif();
		vifDown.doc.virtualInterfaces[0]!.state = 'down';
		expect(vifDown.trace(toDc).blockedAt).toEqual({component: 'dxvif-1', type: 'virtual-interface', code: 'BAD_STATE', direction: 'forward'});
		expect(vifDown.trace(fromDc).blockedAt).toEqual({component: 'dxvif-1', type: 'virtual-interface', code: 'BAD_STATE', direction: 'forward'});
		const connectionDown = privateVif();
		connectionDown.doc.dxConnections[0]!.state = 'down';
		expect(connectionDown.trace(toDc).blockedAt).toEqual({component: 'dxcon-1', type: 'dx-connection', code: 'BAD_STATE', direction: 'forward'});
	});

	it('through a DX gateway, the VGW association\'s allowed prefixes decide what the site can reach', () => {
		const b = vpcWithVgw()
			.subnet('subnet-b', 'vpc-a', '10.0.2.0/24')
			.instance('i-other', 'subnet-b', '10.0.2.10', {groups: ['sg-app']})
			.dxcon('dxcon-1', 'site-dc')
			.dxgw('dxgw-1', [{gatewayId: 'vgw-1', allowedPrefixes: ['10.0.1.0/24']}])
			.vif('dxvif-1', 'private', 'dxcon-1', {dxGatewayId: 'dxgw-1'}, ['172.16.0.0/16']);
		const allowed = b.trace(fromDc);
		expect(allowed.reachable).toBe(true);
		expect(allowed.forward[1]!.detail).toContain('sends 10.0.1.0/24 over Direct Connect dxvif-1');
		expect(path(allowed.forward).slice(2, 6)).toEqual(['dxcon-1 forward', 'dxvif-1 forward', 'dxgw-1 forward', 'vgw-1 forward']);
		expect(b.trace({from: '172.16.0.5', to: 'i-other', port: 22}).blockedAt).toEqual({component: 'site-dc', type: 'site', code: 'NO_PATH', direction: 'forward'});
	});

	it('a DX gateway association that is not yet associated carries nothing', () => {
		const b = vpcWithVgw().dxcon('dxcon-1', 'site-dc').dxgw('dxgw-1', [{gatewayId: 'vgw-1'}]).vif('dxvif-1', 'private', 'dxcon-1', {dxGatewayId: 'dxgw-1'}, ['172.16.0.0/16']);
		b.doc.dxGateways[0]!.associations![0]!.state = 'associating';
		expect(b.trace(toDc).blockedAt).toEqual({component: 'dxgw-1', type: 'dx-gateway', code: 'BAD_STATE', direction: 'forward'});
	});

	it('a transit VIF reaches only what the TGW association\'s allowed prefixes advertise', () => {
		const b = new HybridBuilder()
			.vpc('vpc-a', '10.1.0.0/16')
			.vpc('vpc-b', '10.2.0.0/16')
			.subnet('subnet-a', 'vpc-a', '10.1.1.0/24')
			.subnet('subnet-b', 'vpc-b', '10.2.1.0/24')
			.sg('sg-a', 'vpc-a', [anywhere])
			.sg('sg-b', 'vpc-b', [anywhere])
			.instance('i-a', 'subnet-a', '10.1.1.10', {groups: ['sg-a']})
			.instance('i-b', 'subnet-b', '10.2.1.10', {groups: ['sg-b']})
			.site('site-dc', ['172.16.0.0/16'])
			.tgw('tgw-1')
			.tgwTable('tgw-rtb-1', 'tgw-1', ['tgw-attach-a', 'tgw-attach-b', 'tgw-attach-dx'])
			.attach('tgw-attach-a', 'tgw-1', 'vpc-a', ['subnet-a'], 'tgw-rtb-1')
			.attach('tgw-attach-b', 'tgw-1', 'vpc-b', ['subnet-b'], 'tgw-rtb-1')
			.dxcon('dxcon-1', 'site-dc')
			.dxgw('dxgw-1', [{gatewayId: 'tgw-1', allowedPrefixes: ['10.1.0.0/16']}])
			.vif('dxvif-t', 'transit', 'dxcon-1', {dxGatewayId: 'dxgw-1'}, ['172.16.0.0/16'])
			.link('tgw-attach-dx', 'tgw-1', 'direct-connect-gateway', 'dxgw-1', 'tgw-rtb-1')
			.routes('rtb-main-a', {destinationCidr: '172.16.0.0/16', target: 'tgw-1'});
		const result = b.trace({from: '172.16.0.5', to: 'i-a', port: 22});
		expect(result.reachable).toBe(true);
		expect(path(result.forward).slice(2, 8)).toEqual(['dxcon-1 forward', 'dxvif-t forward', 'dxgw-1 forward', 'tgw-attach-dx forward', 'tgw-1 forward', 'tgw-rtb-1 forward']);
		expect(b.trace({from: '172.16.0.5', to: 'i-b', port: 22}).blockedAt).toMatchObject({component: 'site-dc', code: 'NO_PATH'});
	});
});
