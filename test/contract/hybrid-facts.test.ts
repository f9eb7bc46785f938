// The scenario facts of the AWS semantics reference (section 13) that need the hybrid and transit
// components: VPN, Direct Connect, Transit Gateway, client VPN and interface endpoints reached from
// on-premises. Each is built from the fact's text alone.
import {describe, expect, it} from 'vitest';
import {type Result, Topo, summary, trace} from './helpers.js';

const tunnels = [{outsideIp: '34.1.1.1', status: 'UP'}, {outsideIp: '34.1.1.2', status: 'UP'}];
const openSg = (id: string, vpcId: string): [string, string, Array<Record<string, unknown>>] => [id, vpcId, [{protocol: 'all', cidr: '0.0.0.0/0'}]];

function through(result: Result, component: string): boolean {
	return result.forward.some(hop => hop.component === component);
}

/** VPC A 10.0/16 with instance i-a, a VGW and a site 172.16/16 behind customer gateway cgw-1. */
function vgwBase(): Topo {
	const topo = new Topo()
		.vpc('vpc-a', '10.0.0.0/16')
		.subnet('subnet-a', 'vpc-a', '10.0.1.0/24')
		.sg(...openSg('sg-a', 'vpc-a'))
		.instance('i-a', 'subnet-a', '10.0.1.10', {sgs: ['sg-a']})
		.add('vpnGateways', {id: 'vgw-a', vpcId: 'vpc-a', asn: 64512})
		.add('sites', {id: 'site-dc', cidrs: ['172.16.0.0/16']})
		.add('customerGateways', {id: 'cgw-1', ipAddress: '198.51.100.10', asn: 65000, siteId: 'site-dc'})
		.add('customerGateways', {id: 'cgw-2', ipAddress: '198.51.100.11', asn: 65000, siteId: 'site-dc'});
	topo.get('routeTables', 'rtb-vpc-a').propagatingVgwIds = ['vgw-a'];
	topo.route('rtb-vpc-a', '172.16.0.0/16', 'vgw-a', {origin: 'propagated'});
	return topo;
}

describe('section 13: VPN and Direct Connect on a virtual private gateway', () => {
	it('17. (control) A reaches the site behind its own VPN', async () => {
		const topo = vgwBase().add('vpnConnections', {id: 'vpn-static', customerGatewayId: 'cgw-1', vpnGatewayId: 'vgw-a', routing: 'static', staticRoutes: ['172.16.0.0/16'], tunnels});
		const result = await trace(topo, {from: 'i-a', to: '172.16.1.1', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		expect(through(result, 'vpn-static')).toBe(true);
	});

	it('23. a VGW that learns 172.16/16 over Direct Connect and over VPN uses Direct Connect', async () => {
		const topo = vgwBase()
			.add('vpnConnections', {id: 'vpn-bgp', customerGatewayId: 'cgw-1', vpnGatewayId: 'vgw-a', routing: 'bgp', bgpPrefixes: ['172.16.0.0/16'], tunnels})
			.add('dxConnections', {id: 'dxcon-1', siteId: 'site-dc'})
			.add('virtualInterfaces', {id: 'dxvif-1', type: 'private', connectionId: 'dxcon-1', vpnGatewayId: 'vgw-a', customerPrefixes: ['172.16.0.0/16']});
		const result = await trace(topo, {from: 'i-a', to: '172.16.1.1', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		expect(through(result, 'dxvif-1') || through(result, 'dxcon-1'), summary(result)).toBe(true);
		expect(through(result, 'vpn-bgp')).toBe(false);
	});

	it('23. between a static VPN and a BGP VPN for the same prefix, the VGW uses the static one', async () => {
		const topo = vgwBase()
			.add('vpnConnections', {id: 'vpn-bgp', customerGatewayId: 'cgw-1', vpnGatewayId: 'vgw-a', routing: 'bgp', bgpPrefixes: ['172.16.0.0/16'], tunnels})
			.add('vpnConnections', {id: 'vpn-static', customerGatewayId: 'cgw-2', vpnGatewayId: 'vgw-a', routing: 'static', staticRoutes: ['172.16.0.0/16'], tunnels: [{outsideIp: '34.1.1.3', status: 'UP'}, {outsideIp: '34.1.1.4', status: 'UP'}]});
		const result = await trace(topo, {from: 'i-a', to: '172.16.1.1', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		expect(through(result, 'vpn-static'), summary(result)).toBe(true);
		expect(through(result, 'vpn-bgp')).toBe(false);
	});

	it('32. on-premises over a VPN reaches an interface endpoint\'s network interface on 443 when its group allows the site', async () => {
		const topo = vgwBase()
			.add('vpnConnections', {id: 'vpn-static', customerGatewayId: 'cgw-1', vpnGatewayId: 'vgw-a', routing: 'static', staticRoutes: ['172.16.0.0/16'], tunnels})
			.sg('sg-vpce', 'vpc-a', [{protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '172.16.0.0/16'}])
			.add('vpcEndpoints', {
				id: 'vpce-sqs', vpcId: 'vpc-a', type: 'interface', serviceName: 'com.amazonaws.us-east-1.sqs',
				networkInterfaces: [{id: 'eni-vpce-sqs', subnetId: 'subnet-a', privateIp: '10.0.1.50'}], securityGroupIds: ['sg-vpce'],
			});
		const result = await trace(topo, {from: '172.16.8.8', to: 'vpce-sqs', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		expect(result.packet.destination).toBe('10.0.1.50');
		expect(result.forward.at(-1)).toMatchObject({component: 'vpce-sqs', action: 'deliver'});
	});

	it('32. on-premises over Direct Connect reaches the same interface endpoint', async () => {
		const topo = vgwBase()
			.add('dxConnections', {id: 'dxcon-1', siteId: 'site-dc'})
			.add('virtualInterfaces', {id: 'dxvif-1', type: 'private', connectionId: 'dxcon-1', vpnGatewayId: 'vgw-a', customerPrefixes: ['172.16.0.0/16']})
			.sg('sg-vpce', 'vpc-a', [{protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '172.16.0.0/16'}])
			.add('vpcEndpoints', {
				id: 'vpce-sqs', vpcId: 'vpc-a', type: 'interface', serviceName: 'com.amazonaws.us-east-1.sqs',
				networkInterfaces: [{id: 'eni-vpce-sqs', subnetId: 'subnet-a', privateIp: '10.0.1.50'}], securityGroupIds: ['sg-vpce'],
			});
		const result = await trace(topo, {from: '172.16.8.8', to: 'vpce-sqs', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
	});

	it('36. a Direct Connect gateway with VGW-A and VGW-B and no supernet does not carry VPC-A to VPC-B', async () => {
		const topo = vgwBase()
			.vpc('vpc-b', '10.1.0.0/16')
			.subnet('subnet-b', 'vpc-b', '10.1.1.0/24')
			.sg(...openSg('sg-b', 'vpc-b'))
			.instance('i-b', 'subnet-b', '10.1.1.10', {sgs: ['sg-b']})
			.add('vpnGateways', {id: 'vgw-b', vpcId: 'vpc-b', asn: 64513})
			.add('dxConnections', {id: 'dxcon-1', siteId: 'site-dc'})
			.add('dxGateways', {id: 'dxgw-1', asn: 64600, associations: [{gatewayId: 'vgw-a', allowedPrefixes: ['10.0.0.0/16']}, {gatewayId: 'vgw-b', allowedPrefixes: ['10.1.0.0/16']}]})
			.add('virtualInterfaces', {id: 'dxvif-1', type: 'private', connectionId: 'dxcon-1', dxGatewayId: 'dxgw-1', customerPrefixes: ['172.16.0.0/16']})
			.route('rtb-vpc-a', '10.1.0.0/16', 'vgw-a')
			.route('rtb-vpc-b', '10.0.0.0/16', 'vgw-b');
		topo.get('routeTables', 'rtb-vpc-b').propagatingVgwIds = ['vgw-b'];
		topo.route('rtb-vpc-b', '172.16.0.0/16', 'vgw-b', {origin: 'propagated'});
		const result = await trace(topo, {from: 'i-a', to: 'i-b', protocol: 'tcp', port: 22});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt?.direction).toBe('forward');
		expect(result.forward.some(hop => hop.component === 'i-b')).toBe(false);
		// Both VPCs do reach the data centre through the same gateway.
		const toSite = await trace(topo, {from: 'i-a', to: '172.16.1.1', protocol: 'tcp', port: 22});
		expect(toSite.reachable, summary(toSite)).toBe(true);
	});
});

/** VPCs attached to tgw-1: each `[vpc, cidr, subnet cidr, az]`; attachment `att-<vpc>`, instance `i-<vpc>`. */
function tgwBase(vpcs: Array<[string, string, string, string?]>): Topo {
	const topo = new Topo().add('transitGateways', {id: 'tgw-1', asn: 64512});
	for (const [vpc, cidr, subnet, az] of vpcs) {
		topo
			.vpc(vpc, cidr)
			.subnet(`subnet-${vpc}`, vpc, subnet, {availabilityZone: az ?? 'us-east-1a'})
			.sg(...openSg(`sg-${vpc}`, vpc))
			.instance(`i-${vpc}`, `subnet-${vpc}`, subnet.replace(/0\/\d+$/, '10'), {sgs: [`sg-${vpc}`]})
			.add('transitGatewayAttachments', {id: `att-${vpc}`, transitGatewayId: 'tgw-1', type: 'vpc', resourceId: vpc, subnetIds: [`subnet-${vpc}`]})
			.route(`rtb-${vpc}`, '10.0.0.0/8', 'tgw-1');
	}
	return topo;
}

function tgwTable(topo: Topo, id: string, associated: string[], routes: Array<Record<string, unknown>>, propagations: string[] = []): void {
	topo.add('transitGatewayRouteTables', {id, transitGatewayId: 'tgw-1', propagations, routes});
	for (const attachment of associated) topo.get('transitGatewayAttachments', attachment).associatedRouteTableId = id;
}

describe('section 13: Transit Gateway', () => {
	function hub(): Topo {
		return tgwBase([['vpc-a', '10.1.0.0/16', '10.1.1.0/24'], ['vpc-b', '10.2.0.0/16', '10.2.1.0/24']]);
	}

	it('(control) two VPCs associated with one table that has both propagated blocks reach each other', async () => {
		const topo = hub();
		tgwTable(topo, 'tgw-rtb', ['att-vpc-a', 'att-vpc-b'], [
			{destinationCidr: '10.1.0.0/16', attachmentId: 'att-vpc-a', type: 'propagated'},
			{destinationCidr: '10.2.0.0/16', attachmentId: 'att-vpc-b', type: 'propagated'},
		], ['att-vpc-a', 'att-vpc-b']);
		const result = await trace(topo, {from: 'i-vpc-a', to: 'i-vpc-b', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		expect(through(result, 'tgw-1') || through(result, 'tgw-rtb')).toBe(true);
	});

	it('25. a blackhole route for 10.2/16 in A\'s associated TGW route table drops the packet', async () => {
		const topo = hub();
		tgwTable(topo, 'tgw-rtb-a', ['att-vpc-a'], [{destinationCidr: '10.2.0.0/16', type: 'static', state: 'blackhole'}]);
		tgwTable(topo, 'tgw-rtb-b', ['att-vpc-b'], [{destinationCidr: '10.1.0.0/16', attachmentId: 'att-vpc-a', type: 'propagated'}], ['att-vpc-a']);
		const result = await trace(topo, {from: 'i-vpc-a', to: 'i-vpc-b', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt?.direction).toBe('forward');
		expect(result.blockedAt?.code, summary(result)).toMatch(/BAD_STATE_ROUTE$/);
	});

	it('26. separate TGW route tables without cross-propagation: A cannot reach B (no route)', async () => {
		const topo = hub();
		tgwTable(topo, 'tgw-rtb-a', ['att-vpc-a'], [{destinationCidr: '10.1.0.0/16', attachmentId: 'att-vpc-a', type: 'propagated'}], ['att-vpc-a']);
		tgwTable(topo, 'tgw-rtb-b', ['att-vpc-b'], [{destinationCidr: '10.2.0.0/16', attachmentId: 'att-vpc-b', type: 'propagated'}], ['att-vpc-b']);
		const result = await trace(topo, {from: 'i-vpc-a', to: 'i-vpc-b', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt?.direction).toBe('forward');
		expect(result.blockedAt?.code, summary(result)).toMatch(/NO_ROUTE/);
	});

	it('27. a source in an AZ where the attachment has no subnet cannot use the TGW: TGW_ROUTE_AZ_RESTRICTION', async () => {
		const topo = hub().subnet('subnet-vpc-a-b', 'vpc-a', '10.1.2.0/24', {availabilityZone: 'us-east-1b'}).instance('i-a-b', 'subnet-vpc-a-b', '10.1.2.10', {sgs: ['sg-vpc-a']});
		tgwTable(topo, 'tgw-rtb', ['att-vpc-a', 'att-vpc-b'], [
			{destinationCidr: '10.1.0.0/16', attachmentId: 'att-vpc-a', type: 'propagated'},
			{destinationCidr: '10.2.0.0/16', attachmentId: 'att-vpc-b', type: 'propagated'},
		], ['att-vpc-a', 'att-vpc-b']);
		const result = await trace(topo, {from: 'i-a-b', to: 'i-vpc-b', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt, summary(result)).toMatchObject({code: 'TGW_ROUTE_AZ_RESTRICTION', direction: 'forward'});
	});

	it('28. two peered TGWs with propagation only: cross-TGW traffic is unreachable; static routes fix it', async () => {
		const build = (withStatic: boolean): Topo => {
			const topo = hub().add('transitGateways', {id: 'tgw-2', asn: 64513});
			const attB = topo.get('transitGatewayAttachments', 'att-vpc-b');
			attB.transitGatewayId = 'tgw-2';
			topo.get('routeTables', 'rtb-vpc-b').routes = [{destinationCidr: '10.0.0.0/8', target: 'tgw-2'}];
			topo.add('transitGatewayAttachments', {id: 'att-peer-1', transitGatewayId: 'tgw-1', type: 'peering', resourceId: 'tgw-2'});
			topo.add('transitGatewayAttachments', {id: 'att-peer-2', transitGatewayId: 'tgw-2', type: 'peering', resourceId: 'tgw-1'});
			tgwTable(topo, 'tgw1-rtb', ['att-vpc-a', 'att-peer-1'], [
				{destinationCidr: '10.1.0.0/16', attachmentId: 'att-vpc-a', type: 'propagated'},
				...(withStatic ? [{destinationCidr: '10.2.0.0/16', attachmentId: 'att-peer-1', type: 'static'}] : []),
			], ['att-vpc-a', 'att-peer-1']);
			topo.add('transitGatewayRouteTables', {
				id: 'tgw2-rtb', transitGatewayId: 'tgw-2', propagations: ['att-vpc-b', 'att-peer-2'], routes: [
					{destinationCidr: '10.2.0.0/16', attachmentId: 'att-vpc-b', type: 'propagated'},
					...(withStatic ? [{destinationCidr: '10.1.0.0/16', attachmentId: 'att-peer-2', type: 'static'}] : []),
				],
			});
			attB.associatedRouteTableId = 'tgw2-rtb';
			topo.get('transitGatewayAttachments', 'att-peer-2').associatedRouteTableId = 'tgw2-rtb';
			return topo;
		};
		const without = await trace(build(false), {from: 'i-vpc-a', to: 'i-vpc-b', protocol: 'tcp', port: 443});
		expect(without.reachable).toBe(false);
		expect(without.blockedAt?.direction).toBe('forward');
		const withRoutes = await trace(build(true), {from: 'i-vpc-a', to: 'i-vpc-b', protocol: 'tcp', port: 443});
		expect(withRoutes.reachable, summary(withRoutes)).toBe(true);
	});

	it('29. spokes reach the internet through a central egress VPC: TGW 0/0 -> egress, NAT, IGW', async () => {
		const topo = tgwBase([['vpc-spoke', '10.1.0.0/16', '10.1.1.0/24']])
			.vpc('vpc-egress', '10.99.0.0/16')
			.subnet('subnet-egress-tgw', 'vpc-egress', '10.99.1.0/24')
			.subnet('subnet-egress-pub', 'vpc-egress', '10.99.2.0/24')
			.igw('igw-egress', 'vpc-egress')
			.add('natGateways', {id: 'nat-egress', subnetId: 'subnet-egress-pub', privateIp: '10.99.2.50', publicIp: '54.50.50.50'})
			.add('transitGatewayAttachments', {id: 'att-egress', transitGatewayId: 'tgw-1', type: 'vpc', resourceId: 'vpc-egress', subnetIds: ['subnet-egress-tgw']})
			.table('rtb-egress-tgw', 'vpc-egress', ['subnet-egress-tgw'], [{destinationCidr: '0.0.0.0/0', target: 'nat-egress'}])
			.table('rtb-egress-pub', 'vpc-egress', ['subnet-egress-pub'], [{destinationCidr: '0.0.0.0/0', target: 'igw-egress'}, {destinationCidr: '10.0.0.0/8', target: 'tgw-1'}]);
		topo.route('rtb-vpc-spoke', '0.0.0.0/0', 'tgw-1');
		tgwTable(topo, 'tgw-rtb-spokes', ['att-vpc-spoke'], [{destinationCidr: '0.0.0.0/0', attachmentId: 'att-egress', type: 'static'}]);
		tgwTable(topo, 'tgw-rtb-egress', ['att-egress'], [{destinationCidr: '10.1.0.0/16', attachmentId: 'att-vpc-spoke', type: 'propagated'}], ['att-vpc-spoke']);
		const result = await trace(topo, {from: 'i-vpc-spoke', to: '8.8.8.8', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		expect(through(result, 'nat-egress')).toBe(true);
		expect(through(result, 'igw-egress')).toBe(true);
	});

	it('30. a two-AZ firewall VPC behind a TGW: appliance mode on keeps both directions in one AZ; off, the reply is dropped', async () => {
		const build = (applianceMode: boolean): Topo => {
			const topo = tgwBase([['vpc-a', '10.1.0.0/16', '10.1.1.0/24', 'us-east-1a'], ['vpc-b', '10.2.0.0/16', '10.2.1.0/24', 'us-east-1b']])
				.vpc('vpc-fw', '10.99.0.0/16')
				.subnet('subnet-fw-tgw-a', 'vpc-fw', '10.99.1.0/24', {availabilityZone: 'us-east-1a'})
				.subnet('subnet-fw-tgw-b', 'vpc-fw', '10.99.2.0/24', {availabilityZone: 'us-east-1b'})
				.subnet('subnet-fw-a', 'vpc-fw', '10.99.11.0/24', {availabilityZone: 'us-east-1a'})
				.subnet('subnet-fw-b', 'vpc-fw', '10.99.12.0/24', {availabilityZone: 'us-east-1b'})
				.sg(...openSg('sg-fw', 'vpc-fw'))
				.instance('i-fw-a', 'subnet-fw-a', '10.99.11.10', {sgs: ['sg-fw'], sourceDestCheck: false})
				.instance('i-fw-b', 'subnet-fw-b', '10.99.12.10', {sgs: ['sg-fw'], sourceDestCheck: false})
				.add('transitGatewayAttachments', {id: 'att-fw', transitGatewayId: 'tgw-1', type: 'vpc', resourceId: 'vpc-fw', subnetIds: ['subnet-fw-tgw-a', 'subnet-fw-tgw-b'], applianceMode})
				.table('rtb-fw-tgw-a', 'vpc-fw', ['subnet-fw-tgw-a'], [{destinationCidr: '0.0.0.0/0', target: 'eni-i-fw-a'}])
				.table('rtb-fw-tgw-b', 'vpc-fw', ['subnet-fw-tgw-b'], [{destinationCidr: '0.0.0.0/0', target: 'eni-i-fw-b'}])
				.table('rtb-fw-a', 'vpc-fw', ['subnet-fw-a', 'subnet-fw-b'], [{destinationCidr: '10.0.0.0/8', target: 'tgw-1'}]);
			// The firewall VPC's own block is only reached locally.
			topo.get('routeTables', 'rtb-fw-a').routes = [{destinationCidr: '10.1.0.0/16', target: 'tgw-1'}, {destinationCidr: '10.2.0.0/16', target: 'tgw-1'}];
			tgwTable(topo, 'tgw-rtb-spokes', ['att-vpc-a', 'att-vpc-b'], [{destinationCidr: '0.0.0.0/0', attachmentId: 'att-fw', type: 'static'}]);
			tgwTable(topo, 'tgw-rtb-fw', ['att-fw'], [
				{destinationCidr: '10.1.0.0/16', attachmentId: 'att-vpc-a', type: 'propagated'},
				{destinationCidr: '10.2.0.0/16', attachmentId: 'att-vpc-b', type: 'propagated'},
			], ['att-vpc-a', 'att-vpc-b']);
			return topo;
		};
		const on = await trace(build(true), {from: 'i-vpc-a', to: 'i-vpc-b', protocol: 'tcp', port: 443});
		expect(on.reachable, summary(on)).toBe(true);
		const firewalls = (hops: Result['forward']) => hops.filter(hop => hop.component === 'eni-i-fw-a' || hop.component === 'eni-i-fw-b').map(hop => hop.component);
		const there = firewalls(on.forward);
		expect(there).toHaveLength(1);
		expect(firewalls(on.return)).toEqual(there);
		// Appliance mode off: the reply stays in its own AZ and meets the other firewall, which never
		// saw the request, so its stateful check drops it (fact 30).
		const off = await trace(build(false), {from: 'i-vpc-a', to: 'i-vpc-b', protocol: 'tcp', port: 443});
		expect(off.reachable, summary(off)).toBe(false);
		expect(off.blockedAt?.direction).toBe('return');
		expect(off.explanations.map(e => e.code)).toContain('TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED');
	});

	it('24. a TGW route table with 172.16/16 propagated from a DX gateway and a VPN prefers the DX gateway; a static route to the VPN wins', async () => {
		const build = (withStatic: boolean): Topo => {
			const topo = tgwBase([['vpc-a', '10.1.0.0/16', '10.1.1.0/24']])
				.add('sites', {id: 'site-dc', cidrs: ['172.16.0.0/16']})
				.add('customerGateways', {id: 'cgw-1', ipAddress: '198.51.100.10', asn: 65000, siteId: 'site-dc'})
				.add('vpnConnections', {id: 'vpn-1', customerGatewayId: 'cgw-1', transitGatewayId: 'tgw-1', routing: 'bgp', bgpPrefixes: ['172.16.0.0/16'], tunnels})
				.add('dxConnections', {id: 'dxcon-1', siteId: 'site-dc'})
				.add('dxGateways', {id: 'dxgw-1', asn: 64600, associations: [{gatewayId: 'tgw-1', allowedPrefixes: ['10.1.0.0/16']}]})
				.add('virtualInterfaces', {id: 'dxvif-1', type: 'transit', connectionId: 'dxcon-1', dxGatewayId: 'dxgw-1', customerPrefixes: ['172.16.0.0/16']})
				.add('transitGatewayAttachments', {id: 'att-vpn', transitGatewayId: 'tgw-1', type: 'vpn', resourceId: 'vpn-1'})
				.add('transitGatewayAttachments', {id: 'att-dx', transitGatewayId: 'tgw-1', type: 'direct-connect-gateway', resourceId: 'dxgw-1'})
				.route('rtb-vpc-a', '172.16.0.0/16', 'tgw-1');
			tgwTable(topo, 'tgw-rtb-vpc', ['att-vpc-a'], [
				{destinationCidr: '172.16.0.0/16', attachmentId: 'att-vpn', type: 'propagated'},
				{destinationCidr: '172.16.0.0/16', attachmentId: 'att-dx', type: 'propagated'},
				...(withStatic ? [{destinationCidr: '172.16.0.0/16', attachmentId: 'att-vpn', type: 'static'}] : []),
			], ['att-vpn', 'att-dx']);
			tgwTable(topo, 'tgw-rtb-edge', ['att-vpn', 'att-dx'], [{destinationCidr: '10.1.0.0/16', attachmentId: 'att-vpc-a', type: 'propagated'}], ['att-vpc-a']);
			return topo;
		};
		const propagated = await trace(build(false), {from: 'i-vpc-a', to: '172.16.1.1', protocol: 'tcp', port: 443});
		expect(propagated.reachable, summary(propagated)).toBe(true);
		expect(through(propagated, 'att-dx') || through(propagated, 'dxgw-1'), summary(propagated)).toBe(true);
		expect(through(propagated, 'att-vpn') || through(propagated, 'vpn-1')).toBe(false);
		const withStatic = await trace(build(true), {from: 'i-vpc-a', to: '172.16.1.1', protocol: 'tcp', port: 443});
		expect(withStatic.reachable, summary(withStatic)).toBe(true);
		expect(through(withStatic, 'att-vpn') || through(withStatic, 'vpn-1'), summary(withStatic)).toBe(true);
	});
});

describe('section 13: client VPN', () => {
	function clientVpn(): Topo {
		return new Topo()
			.vpc('vpc-a', '10.0.0.0/16')
			.subnet('subnet-vpn', 'vpc-a', '10.0.1.0/24')
			.subnet('subnet-app', 'vpc-a', '10.0.2.0/24')
			.igw('igw-a', 'vpc-a')
			.table('rtb-vpn', 'vpc-a', ['subnet-vpn'], [{destinationCidr: '0.0.0.0/0', target: 'igw-a'}])
			.sg(...openSg('sg-cvpn', 'vpc-a'))
			.instance('i-app', 'subnet-app', '10.0.2.10', {sgs: ['sg-cvpn']})
			.add('clientVpnEndpoints', {
				id: 'cvpn-1', vpcId: 'vpc-a', clientCidr: '10.250.0.0/22', securityGroupIds: ['sg-cvpn'],
				targetNetworks: [{id: 'cvpn-assoc-1', subnetId: 'subnet-vpn', privateIp: '10.0.1.25'}],
				authorizationRules: [{destinationCidr: '10.0.0.0/16', accessAll: true}],
				routes: [{destinationCidr: '10.0.0.0/16', targetSubnetId: 'subnet-vpn'}, {destinationCidr: '0.0.0.0/0', targetSubnetId: 'subnet-vpn'}],
			});
	}

	it('34. (control) a client reaches an instance covered by the authorization rule', async () => {
		const result = await trace(clientVpn(), {from: 'client:cvpn-1', to: 'i-app', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
	});

	it('34. with a 0/0 route but authorization only for 10.0/16, the client is denied 8.8.8.8', async () => {
		const result = await trace(clientVpn(), {from: 'client:cvpn-1', to: '8.8.8.8', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt, summary(result)).toMatchObject({component: 'cvpn-1', direction: 'forward'});
	});
});
