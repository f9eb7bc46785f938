// The scenario facts of the AWS semantics reference (section 13), each built from its text alone
// and traced through the command line. Default network ACL and security group unless stated.
import {describe, expect, it} from 'vitest';
import {Topo, hopAfter, publicPrivate, routeHops, summary, trace, traceRefused} from './helpers.js';

/** Two subnets of one VPC with A 10.0.1.10 and B 10.0.2.10; B in sg-b with the given inbound rules. */
function twoSubnets(bIngress: Array<Record<string, unknown>>): Topo {
	return new Topo()
		.vpc('vpc-a', '10.0.0.0/16')
		.subnet('subnet-1', 'vpc-a', '10.0.1.0/24')
		.subnet('subnet-2', 'vpc-a', '10.0.2.0/24')
		.sg('sg-a', 'vpc-a', [])
		.sg('sg-b', 'vpc-a', bIngress)
		.instance('i-a', 'subnet-1', '10.0.1.10', {sgs: ['sg-a']})
		.instance('i-b', 'subnet-2', '10.0.2.10', {sgs: ['sg-b']});
}

describe('section 13: security groups, network ACLs and the local route', () => {
	it('1. A reaches B in another subnet over the local route when B allows tcp/22 from the VPC', async () => {
		const topo = twoSubnets([{protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '10.0.0.0/16'}]);
		const result = await trace(topo, {from: 'i-a', to: 'i-b', protocol: 'tcp', port: 22});
		expect(result.reachable, summary(result)).toBe(true);
		expect(result.blockedAt).toBeNull();
		const [route] = routeHops(result.forward);
		expect(route?.detail).toMatch(/10\.0\.0\.0\/16 -> local/);
		expect(result.forward.at(-1)).toMatchObject({component: 'i-b', action: 'deliver'});
	});

	it('2. the same flow is blocked by ENI_SG_RULES_MISMATCH when B\'s group has no inbound rules', async () => {
		const result = await trace(twoSubnets([]), {from: 'i-a', to: 'i-b', protocol: 'tcp', port: 22});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt).toEqual({component: 'sg-b', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
	});

	it('3. within one subnet a network ACL that denies everything is not applied', async () => {
		const topo = new Topo()
			.vpc('vpc-a', '10.0.0.0/16')
			.subnet('subnet-1', 'vpc-a', '10.0.1.0/24')
			.acl('acl-closed', 'vpc-a', ['subnet-1'], [], [])
			.sg('sg-web', 'vpc-a', [{protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0'}])
			.instance('i-a', 'subnet-1', '10.0.1.10', {sgs: ['sg-web']})
			.instance('i-b', 'subnet-1', '10.0.1.20', {sgs: ['sg-web']});
		const result = await trace(topo, {from: 'i-a', to: 'i-b', protocol: 'tcp', port: 80});
		expect(result.reachable, summary(result)).toBe(true);
		expect([...result.forward, ...result.return].filter(hop => hop.component === 'acl-closed' && hop.action === 'deny')).toEqual([]);
	});

	it('4. an ACL whose outbound side allows only 443 drops the reply to the client\'s ephemeral port', async () => {
		const topo = publicPrivate()
			.acl('acl-web', 'vpc-a', ['subnet-pub'], [[100, 'tcp', '0.0.0.0/0', 'allow', 443]], [[100, 'tcp', '0.0.0.0/0', 'allow', 443]])
			.sg('sg-web', 'vpc-a', [{protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0'}])
			.instance('i-web', 'subnet-pub', '10.0.1.10', {publicIp: '54.1.2.3', sgs: ['sg-web']});
		const result = await trace(topo, {from: '198.51.100.20', to: 'i-web', protocol: 'tcp', port: 443, sourcePort: 50000});
		expect(result.reachable).toBe(false);
		expect(result.forward.at(-1)).toMatchObject({component: 'i-web', action: 'deliver'});
		expect(result.blockedAt).toEqual({component: 'acl-web', type: 'network-acl', code: 'SUBNET_ACL_RESTRICTION', direction: 'return'});
	});

	it('4. the same reply is dropped for a client in another subnet of the VPC', async () => {
		const topo = publicPrivate()
			.acl('acl-web', 'vpc-a', ['subnet-pub'], [[100, 'tcp', '0.0.0.0/0', 'allow', 443]], [[100, 'tcp', '0.0.0.0/0', 'allow', 443]])
			.sg('sg-web', 'vpc-a', [{protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0'}])
			.instance('i-web', 'subnet-pub', '10.0.1.10', {sgs: ['sg-web']})
			.instance('i-client', 'subnet-priv', '10.0.2.10');
		const result = await trace(topo, {from: 'i-client', to: 'i-web', protocol: 'tcp', port: 443, sourcePort: 50000});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt).toEqual({component: 'acl-web', type: 'network-acl', code: 'SUBNET_ACL_RESTRICTION', direction: 'return'});
	});

	function ssh(first: 'allow' | 'deny'): Topo {
		const rules: Array<[number, string, string, 'allow' | 'deny', number?]> =
			first === 'deny'
				? [[100, 'tcp', '203.0.113.0/24', 'deny', 22], [200, 'all', '0.0.0.0/0', 'allow']]
				: [[100, 'all', '0.0.0.0/0', 'allow'], [200, 'tcp', '203.0.113.0/24', 'deny', 22]];
		return publicPrivate()
			.acl('acl-web', 'vpc-a', ['subnet-pub'], rules, [[100, 'all', '0.0.0.0/0', 'allow']])
			.sg('sg-web', 'vpc-a', [{protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0'}])
			.instance('i-web', 'subnet-pub', '10.0.1.10', {publicIp: '54.1.2.3', sgs: ['sg-web']});
	}

	it('5. rule 100 DENY 22 from 203.0.113.0/24 before 200 ALLOW all: the lowest number wins', async () => {
		const result = await trace(ssh('deny'), {from: '203.0.113.5', to: '54.1.2.3', protocol: 'tcp', port: 22});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt).toEqual({component: 'acl-web', type: 'network-acl', code: 'SUBNET_ACL_RESTRICTION', direction: 'forward'});
		const hop = result.forward.find(h => h.component === 'acl-web');
		expect(hop?.action).toBe('deny');
		expect(hop?.detail).toMatch(/\b100\b/);
	});

	it('5. with the rule numbers swapped the ALLOW matches first and SSH arrives', async () => {
		const result = await trace(ssh('allow'), {from: '203.0.113.5', to: '54.1.2.3', protocol: 'tcp', port: 22});
		expect(result.reachable, summary(result)).toBe(true);
		expect(result.forward.find(h => h.component === 'acl-web')?.detail).toMatch(/\b100\b/);
	});

	function defaultGroupPair(): Topo {
		return new Topo()
			.vpc('vpc-a', '10.0.0.0/16')
			.subnet('subnet-1', 'vpc-a', '10.0.1.0/24')
			.subnet('subnet-2', 'vpc-a', '10.0.2.0/24')
			.sg('sg-other', 'vpc-a', [])
			.instance('i-a', 'subnet-1', '10.0.1.10', {sgs: ['sg-vpc-a-default']})
			.instance('i-b', 'subnet-2', '10.0.2.10', {sgs: ['sg-vpc-a-default']})
			.instance('i-c', 'subnet-2', '10.0.2.30', {sgs: ['sg-other']});
	}

	it('6. two instances only in the default group reach each other on any protocol and port', async () => {
		for (const flow of [
			{protocol: 'tcp', port: 5432},
			{protocol: 'udp', port: 53},
			{protocol: 'icmp'},
			{protocol: 'all'},
		]) {
			const result = await trace(defaultGroupPair(), {from: 'i-a', to: 'i-b', ...flow});
			expect(result.reachable, `${JSON.stringify(flow)}\n${summary(result)}`).toBe(true);
		}
	});

	it('6. an instance of another group is denied by the default group', async () => {
		const result = await trace(defaultGroupPair(), {from: 'i-c', to: 'i-a', protocol: 'tcp', port: 5432});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt).toEqual({component: 'sg-vpc-a-default', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
	});
});

describe('section 13: internet and NAT gateways', () => {
	it('7. an instance with a public IP in a subnet whose table has only the local route is unreachable from the internet', async () => {
		const topo = new Topo()
			.vpc('vpc-a', '10.0.0.0/16')
			.subnet('subnet-1', 'vpc-a', '10.0.1.0/24')
			.igw('igw-a', 'vpc-a')
			.sg('sg-web', 'vpc-a', [{protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0'}])
			.instance('i-web', 'subnet-1', '10.0.1.10', {publicIp: '54.1.2.3', sgs: ['sg-web']});
		const result = await trace(topo, {from: '198.51.100.7', to: 'i-web', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt, summary(result)).toMatchObject({type: 'route-table', code: 'NO_ROUTE_TO_DESTINATION'});
	});

	it('8. an instance without a public IP cannot use the 0/0 route to the internet gateway', async () => {
		const topo = publicPrivate().instance('i-web', 'subnet-pub', '10.0.1.10');
		const result = await trace(topo, {from: 'i-web', to: '8.8.8.8', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt).toEqual({component: 'igw-a', type: 'internet-gateway', code: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', direction: 'forward'});
	});

	function eipTopo(): Topo {
		return publicPrivate()
			.sg('sg-ssh', 'vpc-a', [{protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '198.51.100.7/32'}])
			.instance('i-web', 'subnet-pub', '10.0.1.10', {publicIp: '54.1.2.3', sgs: ['sg-ssh']});
	}

	it('9. the internet gateway maps the elastic IP to the private IP and SSH from the allowed /32 arrives', async () => {
		const result = await trace(eipTopo(), {from: '198.51.100.7', to: '54.1.2.3', protocol: 'tcp', port: 22});
		expect(result.reachable, summary(result)).toBe(true);
		expect(result.packet).toMatchObject({source: '198.51.100.7', destination: '54.1.2.3', destinationPort: 22});
		const igw = result.forward.find(hop => hop.component === 'igw-a');
		expect(igw?.action).toBe('translate');
		expect(igw?.packet).toMatchObject({source: '198.51.100.7', destination: '10.0.1.10'});
		const back = result.return.find(hop => hop.component === 'igw-a');
		expect(back?.packet).toMatchObject({source: '54.1.2.3', destination: '198.51.100.7'});
	});

	it('9. another internet address is refused by the same group', async () => {
		const result = await trace(eipTopo(), {from: '198.51.100.8', to: '54.1.2.3', protocol: 'tcp', port: 22});
		expect(result.blockedAt).toEqual({component: 'sg-ssh', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
	});

	/** Public subnet with a NAT gateway, private subnet routing 0/0 to it, app instance in the private subnet. */
	function natTopo(natSubnetToIgw = true): Topo {
		const topo = new Topo()
			.vpc('vpc-a', '10.0.0.0/16')
			.subnet('subnet-pub', 'vpc-a', '10.0.1.0/24')
			.subnet('subnet-priv', 'vpc-a', '10.0.2.0/24')
			.igw('igw-a', 'vpc-a')
			.table('rtb-pub', 'vpc-a', ['subnet-pub'], natSubnetToIgw ? [{destinationCidr: '0.0.0.0/0', target: 'igw-a'}] : [])
			.table('rtb-priv', 'vpc-a', ['subnet-priv'], [{destinationCidr: '0.0.0.0/0', target: 'nat-a'}])
			.add('natGateways', {id: 'nat-a', subnetId: 'subnet-pub', connectivity: 'public', privateIp: '10.0.1.50', publicIp: '54.9.9.9'})
			.sg('sg-app', 'vpc-a', [{protocol: 'all', cidr: '0.0.0.0/0'}])
			.instance('i-app', 'subnet-priv', '10.0.2.10', {sgs: ['sg-app']});
		return topo;
	}

	it('10. without an internet gateway route in the NAT gateway\'s subnet, the private instance cannot reach the internet', async () => {
		const result = await trace(natTopo(false), {from: 'i-app', to: '8.8.8.8', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt?.direction).toBe('forward');
	});

	it('10. (control) with the route, the NAT path works and the NAT gateway rewrites the source', async () => {
		const result = await trace(natTopo(), {from: 'i-app', to: '8.8.8.8', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		const nat = result.forward.find(hop => hop.component === 'nat-a');
		expect(nat?.action).toBe('translate');
		expect(nat?.packet?.source).toBe('10.0.1.50');
		expect(nat?.packet?.sourcePort).toBeGreaterThanOrEqual(1024);
		expect(result.forward.find(hop => hop.component === 'igw-a')?.packet?.source).toBe('54.9.9.9');
	});

	it('11. a working NAT path carries nothing initiated from the internet to the private instance', async () => {
		const topo = natTopo();
		const result = await trace(topo, {from: '203.0.113.10', to: 'i-app', protocol: 'tcp', port: 22});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt?.direction).toBe('forward');
		const toNat = await trace(topo, {from: '203.0.113.10', to: '54.9.9.9', protocol: 'tcp', port: 22});
		expect(toNat.reachable).toBe(false);
		expect(toNat.blockedAt?.direction).toBe('forward');
	});

	it('12. a private NAT gateway whose subnet routes 0/0 to the internet gateway is dropped at the internet gateway', async () => {
		const topo = natTopo();
		const nat = topo.get('natGateways', 'nat-a');
		nat.connectivity = 'private';
		delete nat.publicIp;
		const result = await trace(topo, {from: 'i-app', to: '8.8.8.8', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt, summary(result)).toMatchObject({component: 'igw-a', type: 'internet-gateway', direction: 'forward'});
	});

	it('13. a NAT subnet ACL that admits only 443 inbound drops the reply to the NAT gateway\'s port', async () => {
		const topo = natTopo().acl('acl-pub', 'vpc-a', ['subnet-pub'], [[100, 'tcp', '0.0.0.0/0', 'allow', 443]], [[100, 'all', '0.0.0.0/0', 'allow']]);
		const result = await trace(topo, {from: 'i-app', to: '8.8.8.8', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt, summary(result)).toEqual({component: 'acl-pub', type: 'network-acl', code: 'SUBNET_ACL_RESTRICTION', direction: 'return'});
	});
});

/** VPCs A 10.0/16 and B 10.1/16 joined by pcx-ab, with an instance in each. */
function peered(routes: {a?: boolean; b?: boolean} = {a: true, b: true}): Topo {
	const topo = new Topo()
		.vpc('vpc-a', '10.0.0.0/16')
		.vpc('vpc-b', '10.1.0.0/16')
		.subnet('subnet-a', 'vpc-a', '10.0.1.0/24')
		.subnet('subnet-b', 'vpc-b', '10.1.1.0/24')
		.add('peeringConnections', {id: 'pcx-ab', requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-b'})
		.sg('sg-a', 'vpc-a', [{protocol: 'all', cidr: '0.0.0.0/0'}])
		.sg('sg-b', 'vpc-b', [{protocol: 'all', cidr: '0.0.0.0/0'}])
		.instance('i-a', 'subnet-a', '10.0.1.10', {sgs: ['sg-a']})
		.instance('i-b', 'subnet-b', '10.1.1.10', {sgs: ['sg-b']});
	if (routes.a) topo.route('rtb-vpc-a', '10.1.0.0/16', 'pcx-ab');
	if (routes.b) topo.route('rtb-vpc-b', '10.0.0.0/16', 'pcx-ab');
	return topo;
}

describe('section 13: VPC peering', () => {
	it('(control) A and B reach each other when both sides route to the peering', async () => {
		const result = await trace(peered(), {from: 'i-a', to: 'i-b', protocol: 'tcp', port: 22});
		expect(result.reachable, summary(result)).toBe(true);
		expect(hopAfter(result.forward, 'rtb-vpc-a')?.component).toBe('pcx-ab');
	});

	it('14. peering is not transitive: A cannot reach C through B even with a route to C via pcx-ab', async () => {
		const topo = peered()
			.vpc('vpc-c', '10.2.0.0/16')
			.subnet('subnet-c', 'vpc-c', '10.2.1.0/24')
			.add('peeringConnections', {id: 'pcx-bc', requesterVpcId: 'vpc-b', accepterVpcId: 'vpc-c'})
			.route('rtb-vpc-a', '10.2.0.0/16', 'pcx-ab')
			.route('rtb-vpc-b', '10.2.0.0/16', 'pcx-bc')
			.route('rtb-vpc-c', '10.0.0.0/16', 'pcx-bc')
			.route('rtb-vpc-c', '10.1.0.0/16', 'pcx-bc')
			.sg('sg-c', 'vpc-c', [{protocol: 'all', cidr: '0.0.0.0/0'}])
			.instance('i-c', 'subnet-c', '10.2.1.10', {sgs: ['sg-c']});
		const result = await trace(topo, {from: 'i-a', to: 'i-c', protocol: 'tcp', port: 22});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt, summary(result)).toEqual({component: 'pcx-ab', type: 'peering-connection', code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', direction: 'forward'});
	});

	it('15. with a route on A\'s side only, the request arrives but B has no route back', async () => {
		const result = await trace(peered({a: true}), {from: 'i-a', to: 'i-b', protocol: 'tcp', port: 22});
		expect(result.reachable).toBe(false);
		expect(result.forward.at(-1)).toMatchObject({component: 'i-b', action: 'deliver'});
		expect(result.blockedAt, summary(result)).toEqual({component: 'rtb-vpc-b', type: 'route-table', code: 'NO_ROUTE_TO_DESTINATION', direction: 'return'});
	});

	it('16. B cannot use A\'s internet or NAT gateway through the peering (no edge-to-edge routing)', async () => {
		const topo = peered()
			.subnet('subnet-a-pub', 'vpc-a', '10.0.9.0/24')
			.igw('igw-a', 'vpc-a')
			.table('rtb-a-pub', 'vpc-a', ['subnet-a-pub'], [{destinationCidr: '0.0.0.0/0', target: 'igw-a'}])
			.add('natGateways', {id: 'nat-a', subnetId: 'subnet-a-pub', connectivity: 'public', privateIp: '10.0.9.50', publicIp: '54.9.9.9'})
			.route('rtb-vpc-a', '0.0.0.0/0', 'nat-a')
			.route('rtb-vpc-b', '0.0.0.0/0', 'pcx-ab');
		const result = await trace(topo, {from: 'i-b', to: '8.8.8.8', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt?.direction).toBe('forward');
		expect(result.blockedAt?.code, summary(result)).toBe('NGW_REQUIRES_SOURCE_IN_VPC');
		// And A itself does reach the internet through its NAT gateway.
		const fromA = await trace(topo, {from: 'i-a', to: '8.8.8.8', protocol: 'tcp', port: 443});
		expect(fromA.reachable, summary(fromA)).toBe(true);
	});

	it('17. B cannot reach A\'s VPN site through the peering', async () => {
		const topo = peered()
			.add('vpnGateways', {id: 'vgw-a', vpcId: 'vpc-a'})
			.add('sites', {id: 'site-office', cidrs: ['192.168.0.0/16']})
			.add('customerGateways', {id: 'cgw-office', ipAddress: '198.51.100.50', siteId: 'site-office'})
			.add('vpnConnections', {
				id: 'vpn-office', customerGatewayId: 'cgw-office', vpnGatewayId: 'vgw-a', routing: 'static', staticRoutes: ['192.168.0.0/16'],
				tunnels: [{outsideIp: '34.1.1.1', status: 'UP'}, {outsideIp: '34.1.1.2', status: 'UP'}],
			})
			.route('rtb-vpc-a', '192.168.0.0/16', 'vgw-a')
			.route('rtb-vpc-b', '192.168.0.0/16', 'pcx-ab');
		const result = await trace(topo, {from: 'i-b', to: '192.168.1.1', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt?.direction).toBe('forward');
		expect(result.forward.some(hop => hop.component === 'vgw-a')).toBe(false);
	});

	it('18. B cannot use A\'s S3 gateway endpoint through the peering', async () => {
		const topo = peered()
			.add('prefixLists', {id: 'pl-s3', ownership: 'aws-managed', serviceName: 'com.amazonaws.us-east-1.s3', cidrs: ['52.216.0.0/15']})
			.add('vpcEndpoints', {id: 'vpce-s3', vpcId: 'vpc-a', type: 'gateway', serviceName: 'com.amazonaws.us-east-1.s3', routeTableIds: ['rtb-vpc-a'], prefixListId: 'pl-s3'})
			.route('rtb-vpc-b', '52.216.0.0/15', 'pcx-ab');
		(topo.get('routeTables', 'rtb-vpc-a').routes as unknown[]).push({destinationPrefixListId: 'pl-s3', target: 'vpce-s3'});
		const result = await trace(topo, {from: 'i-b', to: '52.216.10.10', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt?.direction).toBe('forward');
		const fromA = await trace(topo, {from: 'i-a', to: '52.216.10.10', protocol: 'tcp', port: 443});
		expect(fromA.reachable, summary(fromA)).toBe(true);
	});

	it('19. a peering between two VPCs with the same block cannot be created: the file is refused', async () => {
		const topo = peered({});
		topo.get('vpcs', 'vpc-b').cidrBlocks = ['10.0.0.0/16'];
		topo.get('subnets', 'subnet-b').cidr = '10.0.1.0/24';
		topo.get('networkInterfaces', 'eni-i-b').privateIp = '10.0.1.20';
		const {status, stdout, stderr} = await traceRefused(topo, {from: 'i-a', to: 'i-b', protocol: 'tcp', port: 22});
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/pcx-ab/);
		expect(stderr).toMatch(/overlap/i);
	});
});

describe('section 13: route selection', () => {
	/** A 10.0/16 with a public subnet; peer 172.31/16 over pcx-x; routes local, 172.31/16 -> pcx, 0/0 -> igw. */
	function lpmTopo(): Topo {
		return publicPrivate()
			.vpc('vpc-x', '172.31.0.0/16')
			.subnet('subnet-x', 'vpc-x', '172.31.5.0/24')
			.add('peeringConnections', {id: 'pcx-x', requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-x'})
			.route('rtb-pub', '172.31.0.0/16', 'pcx-x')
			.route('rtb-vpc-x', '10.0.0.0/16', 'pcx-x')
			.sg('sg-x', 'vpc-x', [{protocol: 'all', cidr: '0.0.0.0/0'}])
			.instance('i-x', 'subnet-x', '172.31.5.5', {sgs: ['sg-x']})
			.instance('i-a', 'subnet-pub', '10.0.1.10', {publicIp: '54.1.2.3'});
	}

	it('20. 172.31.5.5 takes the 172.31.0.0/16 route to the peering (longest prefix)', async () => {
		const result = await trace(lpmTopo(), {from: 'i-a', to: '172.31.5.5', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		expect(routeHops(result.forward)[0]?.detail).toMatch(/172\.31\.0\.0\/16 -> pcx-x/);
		expect(hopAfter(result.forward, 'rtb-pub')?.component).toBe('pcx-x');
	});

	it('20. 52.1.1.1 takes the 0.0.0.0/0 route to the internet gateway', async () => {
		const result = await trace(lpmTopo(), {from: 'i-a', to: '52.1.1.1', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		expect(routeHops(result.forward)[0]?.detail).toMatch(/0\.0\.0\.0\/0 -> igw-a/);
		expect(hopAfter(result.forward, 'rtb-pub')?.component).toBe('igw-a');
	});

	it('21. a static route beats an identical propagated route: 172.31.0.0/24 goes to the internet gateway, not the VGW', async () => {
		const topo = publicPrivate()
			.add('vpnGateways', {id: 'vgw-a', vpcId: 'vpc-a'})
			.instance('i-a', 'subnet-pub', '10.0.1.10', {publicIp: '54.1.2.3'});
		const table = topo.get('routeTables', 'rtb-pub');
		table.propagatingVgwIds = ['vgw-a'];
		topo.route('rtb-pub', '172.31.0.0/24', 'vgw-a', {origin: 'propagated'});
		topo.route('rtb-pub', '172.31.0.0/24', 'igw-a');
		const result = await trace(topo, {from: 'i-a', to: '172.31.0.9', protocol: 'tcp', port: 443});
		const [route] = routeHops(result.forward);
		expect(route?.detail, summary(result)).toMatch(/172\.31\.0\.0\/24 -> igw-a/);
		expect(hopAfter(result.forward, 'rtb-pub')?.component).toBe('igw-a');
	});

	it('22. the local route wins over a more specific propagated route inside the VPC', async () => {
		const topo = new Topo()
			.vpc('vpc-a', '10.0.0.0/16')
			.subnet('subnet-1', 'vpc-a', '10.0.1.0/24')
			.subnet('subnet-5', 'vpc-a', '10.0.5.0/24')
			.add('vpnGateways', {id: 'vgw-a', vpcId: 'vpc-a'})
			.instance('i-a', 'subnet-1', '10.0.1.10', {sgs: ['sg-vpc-a-default']})
			.instance('i-b', 'subnet-5', '10.0.5.9', {sgs: ['sg-vpc-a-default']});
		topo.get('routeTables', 'rtb-vpc-a').propagatingVgwIds = ['vgw-a'];
		topo.route('rtb-vpc-a', '10.0.5.0/24', 'vgw-a', {origin: 'propagated'});
		const result = await trace(topo, {from: 'i-a', to: '10.0.5.9', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		expect(routeHops(result.forward)[0]?.detail).toMatch(/10\.0\.0\.0\/16 -> local/);
		expect(result.forward.some(hop => hop.component === 'vgw-a')).toBe(false);
	});
});

describe('section 13: endpoints and appliances', () => {
	function s3Topo(): Topo {
		const topo = new Topo()
			.vpc('vpc-a', '10.0.0.0/16')
			.subnet('subnet-1', 'vpc-a', '10.0.1.0/24')
			.add('prefixLists', {id: 'pl-s3', ownership: 'aws-managed', serviceName: 'com.amazonaws.us-east-1.s3', cidrs: ['52.216.0.0/15']})
			.add('vpcEndpoints', {id: 'vpce-s3', vpcId: 'vpc-a', type: 'gateway', serviceName: 'com.amazonaws.us-east-1.s3', routeTableIds: ['rtb-vpc-a'], prefixListId: 'pl-s3'})
			.instance('i-a', 'subnet-1', '10.0.1.10', {sgs: ['sg-vpc-a-default']});
		(topo.get('routeTables', 'rtb-vpc-a').routes as unknown[]).push({destinationPrefixListId: 'pl-s3', target: 'vpce-s3'});
		return topo;
	}

	it('31. UDP to S3 through a gateway endpoint is blocked by VPCE_GATEWAY_PROTOCOL_RESTRICTION', async () => {
		const result = await trace(s3Topo(), {from: 'i-a', to: '52.216.10.10', protocol: 'udp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt, summary(result)).toEqual({component: 'vpce-s3', type: 'vpc-endpoint', code: 'VPCE_GATEWAY_PROTOCOL_RESTRICTION', direction: 'forward'});
	});

	it('31. TCP 443 to S3 through the same gateway endpoint is reachable', async () => {
		const result = await trace(s3Topo(), {from: 'i-a', to: '52.216.10.10', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		expect(hopAfter(result.forward, 'rtb-vpc-a')?.component).toBe('vpce-s3');
	});

	function applianceTopo(check: boolean, destination = '10.0.2.0/24'): Topo {
		return new Topo()
			.vpc('vpc-a', '10.0.0.0/16')
			.subnet('subnet-1', 'vpc-a', '10.0.1.0/24')
			.subnet('subnet-2', 'vpc-a', '10.0.2.0/24')
			.subnet('subnet-fw', 'vpc-a', '10.0.3.0/24')
			.sg('sg-open', 'vpc-a', [{protocol: 'all', cidr: '0.0.0.0/0'}])
			.instance('i-a', 'subnet-1', '10.0.1.10', {sgs: ['sg-open']})
			.instance('i-b', 'subnet-2', '10.0.2.10', {sgs: ['sg-open']})
			.instance('i-fw', 'subnet-fw', '10.0.3.10', {sgs: ['sg-open'], sourceDestCheck: check})
			.table('rtb-1', 'vpc-a', ['subnet-1'], [{destinationCidr: destination, target: 'eni-i-fw'}]);
	}

	it('33. a whole-subnet route to an appliance interface with source/destination check on is blocked', async () => {
		const result = await trace(applianceTopo(true), {from: 'i-a', to: 'i-b', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt, summary(result)).toEqual({component: 'eni-i-fw', type: 'network-interface', code: 'ENI_SOURCE_DEST_CHECK_RESTRICTION', direction: 'forward'});
	});

	it('33. (control) with the check off the appliance forwards the packet to B', async () => {
		const result = await trace(applianceTopo(false), {from: 'i-a', to: 'i-b', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		expect(routeHops(result.forward)[0]?.detail).toMatch(/10\.0\.2\.0\/24 -> eni-i-fw/);
		expect(result.forward.find(hop => hop.component === 'eni-i-fw')?.action).toBe('forward');
		expect(result.forward.at(-1)).toMatchObject({component: 'i-b', action: 'deliver'});
	});

	it('33. a /25 route more specific than local but not a whole subnet is refused', async () => {
		const {status, stdout, stderr} = await traceRefused(applianceTopo(false, '10.0.2.0/25'), {from: 'i-a', to: 'i-b', protocol: 'tcp', port: 443});
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/rtb-1/);
		expect(stderr).toMatch(/10\.0\.2\.0\/25/);
		expect(stderr).toMatch(/whole subnet/);
	});
});
