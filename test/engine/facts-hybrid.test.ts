// Scenario facts 23-30, 32 (on-premises part) and 36 of aws-semantics section 13: VGW and TGW
// route preferences, TGW blackholes, isolation and AZ restriction, centralized egress, appliance
// mode, interface endpoints from on-premises, and no VGW-to-VGW through a DX gateway.
import {describe, expect, it} from 'vitest';
import {anywhere, path, tcp} from './builder.js';
import {HybridBuilder, twoSpokes, vpcWithVgw} from './hybrid-builder.js';

const toDc = {from: 'i-app', to: '172.16.0.5', port: 443};

describe('fact 23: what a VGW prefers for the same prefix', () => {
	const dxAndVpn = () =>
		vpcWithVgw()
			.dxcon('dxcon-1', 'site-dc')
			.vif('dxvif-1', 'private', 'dxcon-1', {vpnGatewayId: 'vgw-1'}, ['172.16.0.0/16'])
			.vpn('vpn-1', 'cgw-dc', 'vgw-1', {routing: 'bgp', prefixes: ['172.16.0.0/16']});

	it('Direct Connect over VPN', () => {
		const result = dxAndVpn().trace(toDc);
		expect(result.reachable).toBe(true);
		expect(path(result.forward)).toEqual(['i-app forward', 'sg-app allow', 'acl-default-a allow', 'rtb-main-a forward', 'vgw-1 forward', 'dxvif-1 forward', 'dxcon-1 forward', 'site-dc deliver']);
		// The VPC table has no route of its own: propagation from vgw-1 brings the prefix.
		expect(result.forward[3]!.detail).toBe('172.16.0.0/16 -> vgw-1 (longest prefix)');
		expect(result.forward[4]!.detail).toBe('172.16.0.0/16 via Direct Connect BGP dxvif-1 (Direct Connect BGP beats VPN BGP vpn-1 for the same prefix)');
		expect(result.forward[6]!.detail).toMatch(/^Direct Connect is not encrypted; /);
		// The site answers over Direct Connect too.
		expect(path(result.return).slice(0, 4)).toEqual(['site-dc forward', 'site-dc forward', 'dxcon-1 forward', 'dxvif-1 forward']);
	});

	it('the VPN takes over when the Direct Connect connection is down', () => {
		const b = dxAndVpn();
		b.doc.dxConnections[0]!.state = 'down';
		const result = b.trace(toDc);
		expect(result.reachable).toBe(true);
		expect(path(result.forward).slice(4)).toEqual(['vgw-1 forward', 'vpn-1 forward', 'site-dc deliver']);
		expect(result.forward[4]!.detail).toContain('dxvif-1 is down');
	});

	it('a static VPN route over a BGP one', () => {
		const b = vpcWithVgw()
			.cgw('cgw-dc-2', '203.0.113.11', 'site-dc')
			.vpn('vpn-bgp', 'cgw-dc', 'vgw-1', {routing: 'bgp', prefixes: ['172.16.0.0/16']})
			.vpn('vpn-static', 'cgw-dc-2', 'vgw-1', {routing: 'static', prefixes: ['172.16.0.0/16']});
		const result = b.trace(toDc);
		expect(result.reachable).toBe(true);
		expect(result.forward[4]!.detail).toBe('172.16.0.0/16 via VPN static vpn-static (VPN static beats VPN BGP vpn-bgp for the same prefix)');
		expect(result.forward[5]!.component).toBe('vpn-static');
	});
});

/** VPC A on tgw-1, which also has a DX gateway attachment (transit VIF) and a BGP VPN to site-dc. */
function tgwWithDxAndVpn(): HybridBuilder {
	return new HybridBuilder()
		.vpc('vpc-a', '10.1.0.0/16')
		.subnet('subnet-a', 'vpc-a', '10.1.1.0/24')
		.sg('sg-a', 'vpc-a', [anywhere])
		.instance('i-a', 'subnet-a', '10.1.1.10', {groups: ['sg-a']})
		.site('site-dc', ['172.16.0.0/16'])
		.cgw('cgw-dc', '203.0.113.10', 'site-dc')
		.tgw('tgw-1')
		.tgwTable('tgw-rtb-1', 'tgw-1', ['tgw-attach-a', 'tgw-attach-dx', 'tgw-attach-vpn'])
		.attach('tgw-attach-a', 'tgw-1', 'vpc-a', ['subnet-a'], 'tgw-rtb-1')
		.dxcon('dxcon-1', 'site-dc')
		.dxgw('dxgw-1', [{gatewayId: 'tgw-1', allowedPrefixes: ['10.1.0.0/16']}])
		.vif('dxvif-t', 'transit', 'dxcon-1', {dxGatewayId: 'dxgw-1'}, ['172.16.0.0/16'])
		.link('tgw-attach-dx', 'tgw-1', 'direct-connect-gateway', 'dxgw-1', 'tgw-rtb-1')
		.vpn('vpn-1', 'cgw-dc', 'tgw-1', {routing: 'bgp', prefixes: ['172.16.0.0/16']})
		.link('tgw-attach-vpn', 'tgw-1', 'vpn', 'vpn-1', 'tgw-rtb-1')
		.routes('rtb-main-a', {destinationCidr: '172.16.0.0/16', target: 'tgw-1'});
}

describe('fact 24: what a TGW route table prefers for the same prefix', () => {
	const flow = {from: 'i-a', to: '172.16.0.5', port: 443};

	it('the DXGW-propagated route over the VPN-propagated one', () => {
		const result = tgwWithDxAndVpn().trace(flow);
		expect(result.reachable).toBe(true);
		expect(path(result.forward).slice(4)).toEqual([
			'tgw-attach-a forward',
			'acl-default-a allow',
			'tgw-1 forward',
			'tgw-rtb-1 forward',
			'tgw-attach-dx forward',
			'dxgw-1 forward',
			'dxvif-t forward',
			'dxcon-1 forward',
			'site-dc deliver',
		]);
		expect(result.forward[7]!.detail).toBe('172.16.0.0/16 -> tgw-attach-dx (propagated from dxgw-1); it beats 172.16.0.0/16 -> tgw-attach-vpn (propagated from vpn-1) for the same prefix');
		// The data center reaches the VPC over the transit VIF: the TGW association advertises 10.1.0.0/16.
		expect(result.return[1]!.detail).toBe('the on-premises router sends 10.1.0.0/16 over Direct Connect dxvif-t to tgw-1 (Direct Connect is preferred over VPN vpn-1 for the same prefix)');
	});

	it('a static route to the VPN attachment beats both', () => {
		const result = tgwWithDxAndVpn().tgwRoutes('tgw-rtb-1', {destinationCidr: '172.16.0.0/16', attachmentId: 'tgw-attach-vpn'}).trace(flow);
		expect(result.reachable).toBe(true);
		expect(path(result.forward).slice(7)).toEqual(['tgw-rtb-1 forward', 'tgw-attach-vpn forward', 'vpn-1 forward', 'site-dc deliver']);
		expect(result.forward[7]!.detail).toMatch(/^172\.16\.0\.0\/16 -> tgw-attach-vpn \(static\); it beats 172\.16\.0\.0\/16 -> tgw-attach-dx/);
	});
});

describe('facts 25-27: TGW blackholes, isolation and zones', () => {
	it('fact 25: a blackhole route in the associated table drops the packet', () => {
		const result = twoSpokes().tgwRoutes('tgw-rtb-1', {destinationCidr: '10.2.0.0/16', state: 'blackhole'}).trace({from: 'i-a', to: 'i-b', port: 22});
		expect(result.blockedAt).toEqual({component: 'tgw-rtb-1', type: 'transit-gateway-route-table', code: 'BAD_STATE_ROUTE', direction: 'forward'});
		expect(path(result.forward).slice(3)).toEqual(['rtb-main-a forward', 'tgw-attach-a forward', 'acl-default-a allow', 'tgw-1 forward', 'tgw-rtb-1 drop']);
		expect(result.forward.at(-1)!.detail).toMatch(/^blackhole 10\.2\.0\.0\/16/);
	});

	it('fact 26: separate route tables without cross-propagation leave no route', () => {
		const b = twoSpokes();
		b.doc.transitGatewayRouteTables = [];
		b.tgwTable('tgw-rtb-a', 'tgw-1', ['tgw-attach-a']).tgwTable('tgw-rtb-b', 'tgw-1', ['tgw-attach-b']);
		b.doc.transitGatewayAttachments[0]!.associatedRouteTableId = 'tgw-rtb-a';
		b.doc.transitGatewayAttachments[1]!.associatedRouteTableId = 'tgw-rtb-b';
		const result = b.trace({from: 'i-a', to: 'i-b', port: 22});
		expect(result.blockedAt).toEqual({component: 'tgw-rtb-a', type: 'transit-gateway-route-table', code: 'NO_ROUTE_TO_DESTINATION', direction: 'forward'});
		expect(path(result.forward).at(-2)).toBe('tgw-1 forward');
	});

	it('fact 27: a source in a zone without an attachment subnet cannot use the TGW', () => {
		const b = twoSpokes().subnet('subnet-a-1b', 'vpc-a', '10.1.2.0/24', {az: 'us-east-1b'}).instance('i-a2', 'subnet-a-1b', '10.1.2.10', {groups: ['sg-a']});
		const result = b.trace({from: 'i-a2', to: 'i-b', port: 22});
		expect(result.blockedAt).toEqual({component: 'tgw-attach-a', type: 'transit-gateway-attachment', code: 'TGW_ROUTE_AZ_RESTRICTION', direction: 'forward'});
		expect(path(result.forward)).toEqual(['i-a2 forward', 'sg-a allow', 'acl-default-a allow', 'rtb-main-a forward', 'tgw-attach-a drop']);
		// An attachment subnet in us-east-1b lifts it.
		b.subnet('subnet-a-tgw-1b', 'vpc-a', '10.1.255.16/28', {az: 'us-east-1b'});
		b.doc.transitGatewayAttachments[0]!.subnetIds = ['subnet-a-tgw', 'subnet-a-tgw-1b'];
		expect(b.trace({from: 'i-a2', to: 'i-b', port: 22}).reachable).toBe(true);
	});
});

/** Spoke A routes 0/0 to tgw-1; the egress VPC's TGW subnet routes 0/0 to its NAT gateway (fact 29). */
function centralEgress(): HybridBuilder {
	return new HybridBuilder()
		.vpc('vpc-a', '10.1.0.0/16')
		.vpc('vpc-e', '10.9.0.0/16', {igw: 'igw-e'})
		.subnet('subnet-a', 'vpc-a', '10.1.1.0/24')
		.sg('sg-a', 'vpc-a', [anywhere])
		.instance('i-a', 'subnet-a', '10.1.1.10', {groups: ['sg-a']})
		.routeTable('rtb-e-tgw', 'vpc-e', [{destinationCidr: '0.0.0.0/0', target: 'nat-e'}])
		.routeTable('rtb-e-pub', 'vpc-e', [{destinationCidr: '0.0.0.0/0', target: 'igw-e'}, {destinationCidr: '10.0.0.0/8', target: 'tgw-1'}])
		.subnet('subnet-e-tgw', 'vpc-e', '10.9.0.0/28', {routeTableId: 'rtb-e-tgw'})
		.subnet('subnet-e-pub', 'vpc-e', '10.9.1.0/24', {routeTableId: 'rtb-e-pub'})
		.nat('nat-e', 'subnet-e-pub', '10.9.1.5', '54.0.0.5')
		.tgw('tgw-1')
		.tgwTable('tgw-rtb-spokes', 'tgw-1', [], [{destinationCidr: '0.0.0.0/0', attachmentId: 'tgw-attach-e'}])
		.tgwTable('tgw-rtb-egress', 'tgw-1', ['tgw-attach-a'])
		.attach('tgw-attach-a', 'tgw-1', 'vpc-a', ['subnet-a'], 'tgw-rtb-spokes')
		.attach('tgw-attach-e', 'tgw-1', 'vpc-e', ['subnet-e-tgw'], 'tgw-rtb-egress')
		.routes('rtb-main-a', {destinationCidr: '0.0.0.0/0', target: 'tgw-1'});
}

describe('fact 29: centralized egress through a transit gateway', () => {
	it('a spoke reaches the internet through the egress VPC\'s NAT gateway (a NAT gateway serves traffic from a TGW)', () => {
		const result = centralEgress().trace({from: 'i-a', to: '8.8.8.8', port: 443});
		expect(result.reachable).toBe(true);
		expect(path(result.forward).slice(6)).toEqual([
			'tgw-1 forward',
			'tgw-rtb-spokes forward',
			'tgw-attach-e forward',
			'acl-default-e allow',
			'rtb-e-tgw forward',
			'acl-default-e allow',
			'nat-e translate',
			'acl-default-e allow',
			'rtb-e-pub forward',
			'igw-e translate',
			'internet deliver',
		]);
		expect(result.forward.find(h => h.component === 'igw-e')!.packet).toMatchObject({source: '54.0.0.5', destination: '8.8.8.8'});
		expect(path(result.return)).toContain('tgw-rtb-egress forward');
		expect(path(result.return).at(-1)).toBe('i-a deliver');
	});

	it('without the egress VPC\'s route back to the TGW the reply is lost at the NAT subnet\'s table', () => {
		const b = centralEgress();
		b.doc.routeTables.find(t => t.id === 'rtb-e-pub')!.routes = [{destinationCidr: '0.0.0.0/0', target: 'igw-e'}];
		expect(b.trace({from: 'i-a', to: '8.8.8.8', port: 443}).blockedAt).toMatchObject({component: 'igw-e', direction: 'return'});
	});
});

/**
 * Fact 30: spokes A (us-east-1a) and B (us-east-1b) send everything to an inspection VPC with a
 * firewall instance per zone. Each firewall's group admits only spoke A's requests, so it passes
 * B's replies only as a tracked connection it saw itself.
 */
function inspection(applianceMode: boolean): HybridBuilder {
	return new HybridBuilder()
		.vpc('vpc-a', '10.1.0.0/16')
		.vpc('vpc-b', '10.2.0.0/16')
		.vpc('vpc-i', '10.100.0.0/16')
		.subnet('subnet-a', 'vpc-a', '10.1.1.0/24', {az: 'us-east-1a'})
		.subnet('subnet-b', 'vpc-b', '10.2.1.0/24', {az: 'us-east-1b'})
		.sg('sg-a', 'vpc-a', [anywhere])
		.sg('sg-b', 'vpc-b', [anywhere])
		.sg('sg-fw', 'vpc-i', [{protocol: 'all', cidr: '10.1.0.0/16'}])
		.instance('i-a', 'subnet-a', '10.1.1.10', {groups: ['sg-a']})
		.instance('i-b', 'subnet-b', '10.2.1.10', {groups: ['sg-b']})
		.routeTable('rtb-i-tgw-a', 'vpc-i', [{destinationCidr: '0.0.0.0/0', target: 'i-fw-a'}])
		.routeTable('rtb-i-tgw-b', 'vpc-i', [{destinationCidr: '0.0.0.0/0', target: 'i-fw-b'}])
		.subnet('subnet-i-tgw-a', 'vpc-i', '10.100.0.0/28', {az: 'us-east-1a', routeTableId: 'rtb-i-tgw-a'})
		.subnet('subnet-i-tgw-b', 'vpc-i', '10.100.0.16/28', {az: 'us-east-1b', routeTableId: 'rtb-i-tgw-b'})
		.subnet('subnet-fw-a', 'vpc-i', '10.100.1.0/24', {az: 'us-east-1a'})
		.subnet('subnet-fw-b', 'vpc-i', '10.100.2.0/24', {az: 'us-east-1b'})
		.instance('i-fw-a', 'subnet-fw-a', '10.100.1.10', {groups: ['sg-fw'], sourceDestCheck: false})
		.instance('i-fw-b', 'subnet-fw-b', '10.100.2.10', {groups: ['sg-fw'], sourceDestCheck: false})
		.routes('rtb-main-i', {destinationCidr: '10.0.0.0/8', target: 'tgw-1'})
		.routes('rtb-main-a', {destinationCidr: '10.0.0.0/8', target: 'tgw-1'})
		.routes('rtb-main-b', {destinationCidr: '10.0.0.0/8', target: 'tgw-1'})
		.tgw('tgw-1')
		.tgwTable('tgw-rtb-spokes', 'tgw-1', [], [{destinationCidr: '0.0.0.0/0', attachmentId: 'tgw-attach-i'}])
		.tgwTable('tgw-rtb-inspect', 'tgw-1', ['tgw-attach-a', 'tgw-attach-b'])
		.attach('tgw-attach-a', 'tgw-1', 'vpc-a', ['subnet-a'], 'tgw-rtb-spokes')
		.attach('tgw-attach-b', 'tgw-1', 'vpc-b', ['subnet-b'], 'tgw-rtb-spokes')
		.attach('tgw-attach-i', 'tgw-1', 'vpc-i', ['subnet-i-tgw-a', 'subnet-i-tgw-b'], 'tgw-rtb-inspect', {applianceMode});
}

describe('fact 30: a stateful firewall in two zones behind a transit gateway', () => {
	const flow = {from: 'i-a', to: 'i-b', port: 443};

	it('appliance mode off: the reply comes back through the other zone\'s firewall, which drops it', () => {
		const result = inspection(false).trace(flow);
		expect(path(result.forward).at(-1)).toBe('i-b deliver');
		expect(result.forward.map(h => h.component)).toContain('eni-fw-a');
		// The reply enters the TGW in us-east-1b and stays there, so it meets i-fw-b, which never saw the request.
		expect(path(result.return).slice(-4)).toEqual(['acl-default-i allow', 'rtb-i-tgw-b forward', 'acl-default-i allow', 'sg-fw deny']);
		expect(result.blockedAt).toEqual({component: 'sg-fw', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'return'});
		expect(result.explanations.map(e => e.code)).toContain('TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED');
	});

	it('appliance mode on: the flow stays with one firewall both ways', () => {
		const result = inspection(true).trace(flow);
		expect(result.reachable).toBe(true);
		const firewalls = (hops: typeof result.forward) => hops.filter(h => h.component.startsWith('eni-fw-')).map(h => h.component);
		expect(result.explanations).toEqual([]);
		expect(firewalls(result.forward)).toHaveLength(1);
		expect(firewalls(result.return)).toEqual(firewalls(result.forward));
		expect(result.forward.find(h => h.component === 'tgw-attach-i' && h.detail.startsWith('out'))!.detail).toContain('appliance mode');
	});
});

describe('fact 32: an interface endpoint reached from on-premises', () => {
	const withEndpoint = (ingress: ReturnType<typeof tcp>[]) => {
		const b = vpcWithVgw().vpn('vpn-1', 'cgw-dc', 'vgw-1', {prefixes: ['172.16.0.0/16']}).sg('sg-vpce', 'vpc-a', ingress);
		b.doc.vpcEndpoints.push({
			id: 'vpce-sqs',
			vpcId: 'vpc-a',
			type: 'interface',
			serviceName: 'com.amazonaws.us-east-1.sqs',
			networkInterfaces: [{id: 'eni-vpce-sqs', subnetId: 'subnet-a', privateIp: '10.0.1.50'}],
			securityGroupIds: ['sg-vpce'],
		});
		return b;
	};

	it('over a VPN, when the endpoint\'s group allows the site', () => {
		const result = withEndpoint([tcp(443, '172.16.0.0/16')]).trace({from: '172.16.0.5', to: 'vpce-sqs', port: 443});
		expect(result.reachable).toBe(true);
		expect(result.packet.destination).toBe('10.0.1.50');
		expect(path(result.forward).slice(0, 6)).toEqual(['site-dc forward', 'site-dc forward', 'vpn-1 forward', 'vgw-1 forward', 'acl-default-a allow', 'sg-vpce allow']);
	});

	it('over Direct Connect as well', () => {
		const b = withEndpoint([tcp(443, '172.16.0.0/16')]).dxcon('dxcon-1', 'site-dc').vif('dxvif-1', 'private', 'dxcon-1', {vpnGatewayId: 'vgw-1'}, ['172.16.0.0/16']);
		const result = b.trace({from: '172.16.0.5', to: 'vpce-sqs', port: 443});
		expect(result.reachable).toBe(true);
		expect(path(result.forward).slice(2, 4)).toEqual(['dxcon-1 forward', 'dxvif-1 forward']);
	});

	it('not when the group admits only the VPC', () => {
		const result = withEndpoint([tcp(443, '10.0.0.0/16')]).trace({from: '172.16.0.5', to: 'vpce-sqs', port: 443});
		expect(result.blockedAt).toEqual({component: 'sg-vpce', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
	});
});

describe('fact 36: no VGW-to-VGW through a Direct Connect gateway', () => {
	const twoVpcs = () =>
		new HybridBuilder()
			.vpc('vpc-a', '10.1.0.0/16')
			.vpc('vpc-b', '10.2.0.0/16', {region: 'us-west-2'})
			.subnet('subnet-a', 'vpc-a', '10.1.1.0/24')
			.subnet('subnet-b', 'vpc-b', '10.2.1.0/24', {az: 'us-west-2a'})
			.sg('sg-a', 'vpc-a', [anywhere])
			.sg('sg-b', 'vpc-b', [anywhere])
			.instance('i-a', 'subnet-a', '10.1.1.10', {groups: ['sg-a']})
			.instance('i-b', 'subnet-b', '10.2.1.10', {groups: ['sg-b']})
			.vpnGateway('vgw-a', 'vpc-a')
			.vpnGateway('vgw-b', 'vpc-b')
			.propagate('rtb-main-a', 'vgw-a')
			.propagate('rtb-main-b', 'vgw-b')
			.site('site-dc', ['172.16.0.0/16'])
			.dxcon('dxcon-1', 'site-dc')
			.dxgw('dxgw-1', [{gatewayId: 'vgw-a', allowedPrefixes: ['10.1.0.0/16']}, {gatewayId: 'vgw-b', allowedPrefixes: ['10.2.0.0/16']}])
			.vif('dxvif-1', 'private', 'dxcon-1', {dxGatewayId: 'dxgw-1'}, ['172.16.0.0/16'])
			.routes('rtb-main-a', {destinationCidr: '10.2.0.0/16', target: 'vgw-a'});

	it('VPC A to VPC B over the shared DX gateway is refused at the gateway', () => {
		const result = twoVpcs().trace({from: 'i-a', to: 'i-b', port: 22});
		expect(result.blockedAt).toEqual({component: 'dxgw-1', type: 'dx-gateway', code: 'DXGW_NO_VGW_TO_VGW', direction: 'forward'});
		expect(path(result.forward)).toEqual(['i-a forward', 'sg-a allow', 'acl-default-a allow', 'rtb-main-a forward', 'dxgw-1 drop']);
	});

	it('unless the site advertises a supernet of both: then the traffic turns at the on-premises router', () => {
		const b = twoVpcs();
		b.doc.virtualInterfaces[0]!.customerPrefixes = ['172.16.0.0/16', '10.0.0.0/8'];
		const result = b.trace({from: 'i-a', to: 'i-b', port: 22});
		expect(result.reachable).toBe(true);
		expect(path(result.forward).slice(4)).toEqual([
			'vgw-a forward',
			'dxgw-1 forward',
			'dxvif-1 forward',
			'dxcon-1 forward',
			'site-dc forward',
			'site-dc forward',
			'dxcon-1 forward',
			'dxvif-1 forward',
			'dxgw-1 forward',
			'vgw-b forward',
			'acl-default-b allow',
			'sg-b allow',
			'i-b deliver',
		]);
	});

	it('while both VPCs reach the data center through it', () => {
		const b = twoVpcs();
		expect(b.trace({from: 'i-a', to: '172.16.0.5', port: 443}).reachable).toBe(true);
		expect(b.trace({from: 'i-b', to: '172.16.0.5', port: 443}).reachable).toBe(true);
		expect(b.trace({from: '172.16.0.5', to: 'i-b', port: 22}).reachable).toBe(true);
	});
});

describe('no edge-to-edge routing for on-premises traffic', () => {
	it('a site cannot reach a VPC peered with the VPN\'s VPC: AWS advertises only the VGW\'s own VPC', () => {
		const b = vpcWithVgw()
			.vpn('vpn-1', 'cgw-dc', 'vgw-1', {prefixes: ['172.16.0.0/16']})
			.vpc('vpc-b', '10.2.0.0/16')
			.subnet('subnet-b', 'vpc-b', '10.2.1.0/24')
			.instance('i-b', 'subnet-b', '10.2.1.10')
			.peering('pcx-ab', 'vpc-a', 'vpc-b')
			.routes('rtb-main-a', {destinationCidr: '10.2.0.0/16', target: 'pcx-ab'});
		expect(b.trace({from: '172.16.0.5', to: 'i-b', port: 22}).blockedAt).toEqual({component: 'site-dc', type: 'site', code: 'NO_PATH', direction: 'forward'});
		expect(b.trace({from: '172.16.0.5', to: '8.8.8.8', port: 443}).blockedAt).toMatchObject({component: 'site-dc', code: 'NO_PATH'});
	});

	it('traffic arriving from a transit gateway cannot leave through the VPC\'s VGW', () => {
		const b = twoSpokes()
			.vpnGateway('vgw-b', 'vpc-b')
			.site('site-dc', ['172.16.0.0/16'])
			.cgw('cgw-dc', '203.0.113.10', 'site-dc')
			.vpn('vpn-b', 'cgw-dc', 'vgw-b', {prefixes: ['172.16.0.0/16']})
			.routes('rtb-main-a', {destinationCidr: '172.16.0.0/16', target: 'tgw-1'})
			.routes('rtb-main-b', {destinationCidr: '172.16.0.0/16', target: 'vgw-b'})
			.tgwRoutes('tgw-rtb-1', {destinationCidr: '172.16.0.0/16', attachmentId: 'tgw-attach-b'});
		const result = b.trace({from: 'i-a', to: '172.16.0.5', port: 443});
		expect(result.blockedAt).toEqual({component: 'vgw-b', type: 'vpn-gateway', code: 'VGW_PRIVATE_IP_ASSOCIATION_FOR_EGRESS', direction: 'forward'});
		expect(b.trace({from: 'i-b', to: '172.16.0.5', port: 443}).reachable).toBe(true);
	});
});
