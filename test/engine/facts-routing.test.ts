// Scenario facts 14-22, 31 and 33 of aws-semantics section 13: peering, route priorities,
// gateway endpoints and appliances behind a more-specific route.
import {describe, expect, it} from 'vitest';
import {checkTopology} from '../../source/model/load.js';
import {TopologyBuilder, anywhere, path, tcp} from './builder.js';

/** VPCs A (10.1/16), B (10.2/16), C (10.3/16), one instance each, A-B and B-C peered. */
function chain() {
	return new TopologyBuilder()
		.vpc('vpc-a', '10.1.0.0/16')
		.vpc('vpc-b', '10.2.0.0/16')
		.vpc('vpc-c', '10.3.0.0/16')
		.subnet('subnet-a', 'vpc-a', '10.1.1.0/24')
		.subnet('subnet-b', 'vpc-b', '10.2.1.0/24')
		.subnet('subnet-c', 'vpc-c', '10.3.1.0/24')
		.sg('sg-a', 'vpc-a', [anywhere])
		.sg('sg-b', 'vpc-b', [anywhere])
		.sg('sg-c', 'vpc-c', [anywhere])
		.instance('i-a', 'subnet-a', '10.1.1.10', {groups: ['sg-a']})
		.instance('i-b', 'subnet-b', '10.2.1.10', {groups: ['sg-b']})
		.instance('i-c', 'subnet-c', '10.3.1.10', {groups: ['sg-c']})
		.peering('pcx-ab', 'vpc-a', 'vpc-b')
		.peering('pcx-bc', 'vpc-b', 'vpc-c');
}

describe('VPC peering', () => {
	it('carries traffic both ways when both sides route to it', () => {
		const b = chain().routes('rtb-main-a', {destinationCidr: '10.2.0.0/16', target: 'pcx-ab'}).routes('rtb-main-b', {destinationCidr: '10.1.0.0/16', target: 'pcx-ab'});
		const result = b.trace({from: 'i-a', to: 'i-b', port: 22});
		expect(result.reachable).toBe(true);
		expect(path(result.forward)).toEqual(['i-a forward', 'sg-a allow', 'acl-default-a allow', 'rtb-main-a forward', 'pcx-ab forward', 'acl-default-b allow', 'sg-b allow', 'i-b deliver']);
		expect(result.forward[3]!.detail).toBe('10.2.0.0/16 -> pcx-ab (longest prefix)');
	});

	it('fact 14: peering is not transitive', () => {
		const b = chain()
			.routes('rtb-main-a', {destinationCidr: '10.3.0.0/16', target: 'pcx-ab'})
			.routes('rtb-main-b', {destinationCidr: '10.3.0.0/16', target: 'pcx-bc'}, {destinationCidr: '10.1.0.0/16', target: 'pcx-ab'})
			.routes('rtb-main-c', {destinationCidr: '10.1.0.0/16', target: 'pcx-bc'});
		const result = b.trace({from: 'i-a', to: 'i-c', port: 22});
		expect(result.blockedAt).toEqual({component: 'pcx-ab', type: 'peering-connection', code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', direction: 'forward'});
	});

	it('fact 15: a route on one side only fails on the reply', () => {
		const b = chain().routes('rtb-main-a', {destinationCidr: '10.2.0.0/16', target: 'pcx-ab'});
		const result = b.trace({from: 'i-a', to: 'i-b', port: 22});
		expect(path(result.forward).at(-1)).toBe('i-b deliver');
		expect(result.blockedAt).toEqual({component: 'rtb-main-b', type: 'route-table', code: 'NO_ROUTE_TO_DESTINATION', direction: 'return'});
	});

	it('fact 16: a peer cannot use the other VPC\'s NAT gateway', () => {
		const b = chain()
			.igw('igw-a', 'vpc-a')
			.routeTable('rtb-pub-a', 'vpc-a', [{destinationCidr: '0.0.0.0/0', target: 'igw-a'}])
			.subnet('subnet-a-pub', 'vpc-a', '10.1.0.0/24', {routeTableId: 'rtb-pub-a'})
			.nat('nat-a', 'subnet-a-pub', '10.1.0.50', '54.0.0.50')
			.routes('rtb-main-a', {destinationCidr: '0.0.0.0/0', target: 'nat-a'}, {destinationCidr: '10.2.0.0/16', target: 'pcx-ab'})
			.routes('rtb-main-b', {destinationCidr: '0.0.0.0/0', target: 'pcx-ab'});
		const result = b.trace({from: 'i-b', to: '8.8.8.8', port: 443});
		expect(result.blockedAt).toEqual({component: 'pcx-ab', type: 'peering-connection', code: 'NGW_REQUIRES_SOURCE_IN_VPC', direction: 'forward'});
		expect(result.explanations.map(e => e.code).sort()).toEqual(['NGW_REQUIRES_SOURCE_IN_VPC', 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR']);
		// From inside A the same NAT gateway works.
		expect(b.trace({from: 'i-a', to: '8.8.8.8', port: 443}).reachable).toBe(true);
	});

	it('fact 17: a peer cannot use the other VPC\'s VPN', () => {
		const b = chain()
			.site('site-dc', ['192.168.0.0/16'])
			.vpnGateway('vgw-a', 'vpc-a')
			.routes('rtb-main-a', {destinationCidr: '192.168.0.0/16', target: 'vgw-a'})
			.routes('rtb-main-b', {destinationCidr: '192.168.0.0/16', target: 'pcx-ab'});
		const result = b.trace({from: 'i-b', to: '192.168.1.1', port: 22});
		expect(result.blockedAt).toEqual({component: 'pcx-ab', type: 'peering-connection', code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', direction: 'forward'});
		expect(result.forward.at(-1)!.detail).toContain('vgw-a');
	});

	it('fact 18: a peer cannot use the other VPC\'s gateway endpoint', () => {
		const b = chain()
			.prefixList('pl-s3', ['52.216.0.0/15'], 'com.amazonaws.us-east-1.s3')
			.gatewayEndpoint('vpce-s3', 'vpc-a', 'pl-s3', 'com.amazonaws.us-east-1.s3', ['rtb-main-a'])
			.routes('rtb-main-b', {destinationCidr: '52.216.0.0/15', target: 'pcx-ab'});
		const result = b.trace({from: 'i-b', to: 'vpce-s3', port: 443});
		expect(result.packet.destination).toBe('52.216.0.1');
		expect(result.blockedAt).toEqual({component: 'pcx-ab', type: 'peering-connection', code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', direction: 'forward'});
		expect(result.explanations.map(e => e.code)).toContain('VPCE_GATEWAY_NOT_USABLE_FROM_OUTSIDE');
	});

	it('fact 19: peering between VPCs with the same block is refused when the topology is checked', () => {
		const b = new TopologyBuilder().vpc('vpc-a', '10.0.0.0/16').vpc('vpc-b', '10.0.0.0/16').peering('pcx-ab', 'vpc-a', 'vpc-b');
		const result = checkTopology(structuredClone(b.doc));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.some(p => p.path.startsWith('peeringConnections'))).toBe(true);
	});

	it('a route to a peering that is not active is dropped', () => {
		const b = chain().routes('rtb-main-a', {destinationCidr: '10.2.0.0/16', target: 'pcx-ab'});
		b.doc.peeringConnections[0]!.status = 'pending-acceptance';
		const result = b.trace({from: 'i-a', to: 'i-b', port: 22});
		expect(result.blockedAt).toMatchObject({component: 'pcx-ab', code: 'BAD_STATE', direction: 'forward'});
	});

	it('scopes addresses to the VPC the packet is in when peers overlap', () => {
		const b = new TopologyBuilder()
			.vpc('vpc-a', '10.1.0.0/16')
			.vpc('vpc-b', '192.168.0.0/16')
			.vpc('vpc-c', '192.168.0.0/16')
			.subnet('subnet-a', 'vpc-a', '10.1.1.0/24')
			.subnet('subnet-b', 'vpc-b', '192.168.1.0/24')
			.subnet('subnet-c', 'vpc-c', '192.168.1.0/24')
			.instance('i-a', 'subnet-a', '10.1.1.10', {groups: ['sg-a']})
			.instance('i-b', 'subnet-b', '192.168.1.10')
			.instance('i-c', 'subnet-c', '192.168.1.10')
			.sg('sg-a', 'vpc-a', [anywhere])
			.peering('pcx-ab', 'vpc-a', 'vpc-b')
			.peering('pcx-ac', 'vpc-a', 'vpc-c')
			.routes('rtb-main-a', {destinationCidr: '192.168.0.0/16', target: 'pcx-ab'})
			.routes('rtb-main-b', {destinationCidr: '10.1.0.0/16', target: 'pcx-ab'})
			.routes('rtb-main-c', {destinationCidr: '10.1.0.0/16', target: 'pcx-ac'});
		b.doc.securityGroups.find(g => g.id === 'sg-default-b')!.ingress = [tcp(22, '10.1.0.0/16')];
		b.doc.securityGroups.find(g => g.id === 'sg-default-c')!.ingress = [tcp(22, '10.1.0.0/16')];
		expect(b.trace({from: 'i-a', to: 'i-b', port: 22}).reachable).toBe(true);
		const toC = b.trace({from: 'i-a', to: 'i-c', port: 22});
		expect(toC.blockedAt).toMatchObject({component: 'i-b', code: 'DELIVERED_TO_OTHER_HOST'});
		expect(() => b.trace({from: '192.168.1.10', to: 'i-a', port: 22})).toThrow(/name the instance/);
		// C reaches A, but A's route for 192.168.0.0/16 sends the reply to B's host of the same address.
		const fromC = b.trace({from: 'i-c', to: 'i-a', port: 22});
		expect(path(fromC.forward).at(-1)).toBe('i-a deliver');
		expect(fromC.blockedAt).toMatchObject({component: 'i-b', code: 'DELIVERED_TO_OTHER_HOST', direction: 'return'});
	});
});

describe('route priority', () => {
	/** VPC 10.0/16 with an instance, an internet gateway and a peer VPC at 172.31/16. */
	function routed() {
		return new TopologyBuilder()
			.vpc('vpc-a', '10.0.0.0/16', {igw: 'igw-a'})
			.vpc('vpc-p', '172.31.0.0/16')
			.subnet('subnet-a', 'vpc-a', '10.0.1.0/24')
			.subnet('subnet-p', 'vpc-p', '172.31.5.0/24')
			.instance('i-a', 'subnet-a', '10.0.1.10', {publicIp: '54.0.0.10'})
			.instance('i-p', 'subnet-p', '172.31.5.5')
			.peering('pcx-ap', 'vpc-a', 'vpc-p')
			.vpnGateway('vgw-a', 'vpc-a');
	}
	const routeHop = (b: TopologyBuilder, to: string) => b.trace({from: 'i-a', to, port: 443}).forward.find(hop => hop.type === 'route-table')!;

	it('fact 20: the longest prefix wins; the default route takes the rest', () => {
		const b = routed().routes('rtb-main-a', {destinationCidr: '172.31.0.0/16', target: 'pcx-ap'}, {destinationCidr: '0.0.0.0/0', target: 'igw-a'});
		expect(routeHop(b, '172.31.5.5').matched).toEqual({kind: 'route', routeTableId: 'rtb-main-a', destination: '172.31.0.0/16', target: 'pcx-ap'});
		expect(routeHop(b, '52.1.1.1').matched).toMatchObject({destination: '0.0.0.0/0', target: 'igw-a'});
		expect(b.trace({from: 'i-a', to: '52.1.1.1', port: 443}).reachable).toBe(true);
	});

	it('fact 21: a static route beats a propagated route for the same prefix', () => {
		const b = routed().routes('rtb-main-a', {destinationCidr: '172.31.0.0/24', target: 'vgw-a', origin: 'propagated'}, {destinationCidr: '172.31.0.0/24', target: 'igw-a'});
		b.doc.routeTables.find(t => t.id === 'rtb-main-a')!.propagatingVgwIds = ['vgw-a'];
		const hop = routeHop(b, '172.31.0.9');
		expect(hop.matched).toMatchObject({destination: '172.31.0.0/24', target: 'igw-a'});
		expect(hop.detail).toContain('static beats propagated 172.31.0.0/24 -> vgw-a');
	});

	it('fact 22: the local route beats a more specific propagated route', () => {
		const b = routed()
			.subnet('subnet-a5', 'vpc-a', '10.0.5.0/24')
			.instance('i-a5', 'subnet-a5', '10.0.5.9')
			.routes('rtb-main-a', {destinationCidr: '10.0.5.0/24', target: 'vgw-a', origin: 'propagated'});
		b.doc.routeTables.find(t => t.id === 'rtb-main-a')!.propagatingVgwIds = ['vgw-a'];
		const result = b.trace({from: 'i-a', to: '10.0.5.9', port: 443});
		const hop = result.forward.find(h => h.type === 'route-table')!;
		expect(hop.matched).toMatchObject({destination: '10.0.0.0/16', target: 'local'});
		expect(hop.detail).toContain('local beats the more specific propagated 10.0.5.0/24 -> vgw-a');
		expect(result.reachable).toBe(true);
	});

	it('a blackhole route drops the packet at the route table', () => {
		const b = routed().routes('rtb-main-a', {destinationCidr: '0.0.0.0/0', target: 'igw-a', state: 'blackhole'});
		expect(b.trace({from: 'i-a', to: '52.1.1.1', port: 443}).blockedAt).toEqual({component: 'rtb-main-a', type: 'route-table', code: 'BAD_STATE_ROUTE', direction: 'forward'});
	});

	it('an internet gateway does not send to private addresses', () => {
		const b = routed().routes('rtb-main-a', {destinationCidr: '0.0.0.0/0', target: 'igw-a'});
		expect(b.trace({from: 'i-a', to: '192.168.4.4', port: 443}).blockedAt).toMatchObject({component: 'igw-a', code: 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS'});
	});
});

describe('gateway endpoint (fact 31)', () => {
	function s3() {
		return new TopologyBuilder()
			.vpc('vpc-a', '10.0.0.0/16')
			.subnet('subnet-a', 'vpc-a', '10.0.1.0/24')
			.instance('i-a', 'subnet-a', '10.0.1.10')
			.prefixList('pl-s3', ['52.216.0.0/15'], 'com.amazonaws.us-east-1.s3')
			.gatewayEndpoint('vpce-s3', 'vpc-a', 'pl-s3', 'com.amazonaws.us-east-1.s3', ['rtb-main-a']);
	}

	it('carries TCP to the service and brings the reply back', () => {
		const result = s3().trace({from: 'i-a', to: 'vpce-s3', port: 443});
		expect(result.reachable).toBe(true);
		expect(path(result.forward)).toEqual(['i-a forward', 'sg-default-a allow', 'acl-default-a allow', 'rtb-main-a forward', 'vpce-s3 forward', 'pl-s3 deliver']);
		expect(path(result.return)).toEqual(['vpce-s3 forward', 'acl-default-a allow', 'sg-default-a allow', 'i-a deliver']);
	});

	it('refuses UDP', () => {
		expect(s3().trace({from: 'i-a', to: '52.216.8.20', protocol: 'udp', port: 443}).blockedAt).toEqual({component: 'vpce-s3', type: 'vpc-endpoint', code: 'VPCE_GATEWAY_PROTOCOL_RESTRICTION', direction: 'forward'});
	});

	it('a security group rule may name the prefix list', () => {
		const b = s3().igw('igw-a', 'vpc-a').routes('rtb-main-a', {destinationCidr: '0.0.0.0/0', target: 'igw-a'}).sg('sg-s3only', 'vpc-a', [], [{protocol: 'tcp', fromPort: 443, toPort: 443, prefixListId: 'pl-s3'}]);
		b.doc.networkInterfaces.find(e => e.id === 'eni-a')!.securityGroupIds = ['sg-s3only'];
		b.doc.networkInterfaces.find(e => e.id === 'eni-a')!.publicIp = '54.0.0.10';
		const allowed = b.trace({from: 'i-a', to: 'vpce-s3', port: 443});
		expect(allowed.reachable).toBe(true);
		expect(allowed.forward[1]!.detail).toBe('egress: sg-s3only allows tcp 443 to pl-s3');
		expect(b.trace({from: 'i-a', to: '8.8.8.8', port: 443}).blockedAt).toMatchObject({component: 'sg-s3only', code: 'ENI_SG_RULES_MISMATCH'});
	});

	it('a CIDR route beats a prefix-list route of the same length', () => {
		const b = s3().igw('igw-a', 'vpc-a').routes('rtb-main-a', {destinationCidr: '52.216.0.0/15', target: 'igw-a'});
		const hop = b.trace({from: 'i-a', to: '52.216.8.20', port: 443}).forward.find(h => h.type === 'route-table')!;
		expect(hop.matched).toMatchObject({target: 'igw-a'});
		expect(hop.detail).toContain('static beats prefix list pl-s3 -> vpce-s3');
	});
});

describe('appliance behind a more specific route (fact 33)', () => {
	function appliance(sourceDestCheck: boolean) {
		return new TopologyBuilder()
			.vpc('vpc-a', '10.0.0.0/16')
			.routeTable('rtb-app', 'vpc-a', [{destinationCidr: '10.0.2.0/24', target: 'i-fw'}])
			.subnet('subnet-1', 'vpc-a', '10.0.1.0/24', {routeTableId: 'rtb-app'})
			.subnet('subnet-2', 'vpc-a', '10.0.2.0/24')
			.subnet('subnet-fw', 'vpc-a', '10.0.3.0/24')
			.sg('sg-fw', 'vpc-a', [anywhere])
			.instance('i-a', 'subnet-1', '10.0.1.10')
			.instance('i-b', 'subnet-2', '10.0.2.10')
			.instance('i-fw', 'subnet-fw', '10.0.3.10', {groups: ['sg-fw'], sourceDestCheck});
	}

	it('with the source/destination check on, the appliance drops traffic that is not its own', () => {
		const result = appliance(true).trace({from: 'i-a', to: 'i-b', port: 22});
		expect(result.forward.find(h => h.type === 'route-table')!.detail).toContain('more specific than local 10.0.0.0/16');
		expect(result.blockedAt).toEqual({component: 'eni-fw', type: 'network-interface', code: 'ENI_SOURCE_DEST_CHECK_RESTRICTION', direction: 'forward'});
	});

	it('with the check off, the appliance forwards through its own subnet', () => {
		const b = appliance(false).sg('sg-b', 'vpc-a', [tcp(22, '10.0.0.0/16')]);
		b.doc.networkInterfaces.find(e => e.id === 'eni-b')!.securityGroupIds = ['sg-b'];
		const result = b.trace({from: 'i-a', to: 'i-b', port: 22});
		expect(result.reachable).toBe(true);
		expect(path(result.forward)).toEqual([
			'i-a forward', 'sg-default-a allow', 'acl-default-a allow', 'rtb-app forward', 'acl-default-a allow', 'sg-fw allow', 'eni-fw forward',
			'sg-fw allow', 'acl-default-a allow', 'rtb-main-a forward', 'acl-default-a allow', 'sg-b allow', 'i-b deliver',
		]);
		// The reply is routed on its own: the main table sends it straight back by the local route.
		expect(path(result.return)).toEqual(['i-b forward', 'sg-b allow', 'acl-default-a allow', 'rtb-main-a forward', 'acl-default-a allow', 'sg-default-a allow', 'i-a deliver']);
	});

	it('a forwarder does not carry the sender\'s group identity', () => {
		// i-b admits only members of its default group; i-a is one, but the packet now comes from the appliance.
		const result = appliance(false).trace({from: 'i-a', to: 'i-b', port: 22});
		expect(result.blockedAt).toMatchObject({component: 'sg-default-a', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
		// The other way the request goes by the local route, but the reply meets the appliance's route.
		const back = appliance(true).trace({from: 'i-b', to: 'i-a', port: 22});
		expect(path(back.forward).at(-1)).toBe('i-a deliver');
		expect(back.blockedAt).toEqual({component: 'eni-fw', type: 'network-interface', code: 'ENI_SOURCE_DEST_CHECK_RESTRICTION', direction: 'return'});
	});

	it('a route to part of a subnet is refused when the topology is checked', () => {
		const b = appliance(true);
		b.doc.routeTables.find(t => t.id === 'rtb-app')!.routes = [{destinationCidr: '10.0.2.0/25', target: 'i-fw'}];
		expect(checkTopology(structuredClone(b.doc)).ok).toBe(false);
	});
});
