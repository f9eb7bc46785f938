// The rows of the product's model (SPEC section 1) that a trace must honour: reserved addresses,
// the scope of network ACLs, the default security group, NAT gateways, egress-only gateways,
// peering state and blackhole routes.
import {describe, expect, it} from 'vitest';
import {Topo, publicPrivate, routeHops, run, summary, trace, traceRefused} from './helpers.js';

describe('subnet: the five addresses AWS reserves', () => {
	for (const [address, role] of [
		['10.0.1.0', 'network address'],
		['10.0.1.1', 'VPC router'],
		['10.0.1.2', 'DNS'],
		['10.0.1.3', 'future use'],
		['10.0.1.255', 'broadcast'],
	] as const) {
		it(`refuses an interface at ${address} (${role})`, async () => {
			const topo = publicPrivate().instance('i-a', 'subnet-pub', address).instance('i-b', 'subnet-priv', '10.0.2.10');
			const {status, stdout, stderr} = await traceRefused(topo, {from: 'i-b', to: 'i-a', protocol: 'tcp', port: 22});
			expect(status).toBe(2);
			expect(stdout).toBe('');
			expect(stderr).toContain('eni-i-a');
			expect(stderr).toContain(address);
			expect(stderr).not.toMatch(/\n\s+at /);
		});
	}

	it('accepts the first usable address, .4, and the last, .254', async () => {
		const topo = publicPrivate()
			.instance('i-a', 'subnet-pub', '10.0.1.4', {sgs: ['sg-vpc-a-default']})
			.instance('i-b', 'subnet-pub', '10.0.1.254', {sgs: ['sg-vpc-a-default']});
		const result = await trace(topo, {from: 'i-a', to: 'i-b', protocol: 'tcp', port: 22});
		expect(result.reachable, summary(result)).toBe(true);
	});
});

describe('network ACL: not applied inside a subnet', () => {
	function sameSubnet(): Topo {
		return publicPrivate()
			.acl('acl-closed', 'vpc-a', ['subnet-pub', 'subnet-priv'], [[10, 'all', '0.0.0.0/0', 'deny']], [[10, 'all', '0.0.0.0/0', 'deny']])
			.instance('i-a', 'subnet-pub', '10.0.1.10', {sgs: ['sg-vpc-a-default']})
			.instance('i-b', 'subnet-pub', '10.0.1.20', {sgs: ['sg-vpc-a-default']})
			.instance('i-c', 'subnet-priv', '10.0.2.20', {sgs: ['sg-vpc-a-default']});
	}

	it('explicit deny rules both ways do not stop traffic between two interfaces of one subnet', async () => {
		const result = await trace(sameSubnet(), {from: 'i-a', to: 'i-b', protocol: 'udp', port: 514});
		expect(result.reachable, summary(result)).toBe(true);
		expect([...result.forward, ...result.return].some(hop => hop.type === 'network-acl')).toBe(false);
	});

	it('the same ACL stops the packet as soon as it leaves the subnet', async () => {
		const result = await trace(sameSubnet(), {from: 'i-a', to: 'i-c', protocol: 'udp', port: 514});
		expect(result.blockedAt).toEqual({component: 'acl-closed', type: 'network-acl', code: 'SUBNET_ACL_RESTRICTION', direction: 'forward'});
		expect(result.forward.find(hop => hop.component === 'acl-closed')?.detail).toMatch(/\b10\b/);
	});

	it('a custom ACL with no rules denies everything leaving the subnet (the final * rule)', async () => {
		const topo = sameSubnet();
		topo.get('networkAcls', 'acl-closed').outbound = [];
		topo.get('networkAcls', 'acl-closed').inbound = [];
		const result = await trace(topo, {from: 'i-a', to: 'i-c', protocol: 'tcp', port: 22});
		expect(result.blockedAt).toMatchObject({component: 'acl-closed', code: 'SUBNET_ACL_RESTRICTION', direction: 'forward'});
	});
});

describe('security group: the default group', () => {
	function topo(): Topo {
		return new Topo()
			.vpc('vpc-a', '10.0.0.0/16')
			.subnet('subnet-1', 'vpc-a', '10.0.1.0/24')
			.sg('sg-web', 'vpc-a', [{protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0'}])
			.instance('i-none', 'subnet-1', '10.0.1.10')
			.instance('i-dflt', 'subnet-1', '10.0.1.20', {sgs: ['sg-vpc-a-default']})
			.instance('i-web', 'subnet-1', '10.0.1.30', {sgs: ['sg-web']});
	}

	it('an interface given no group is in the default group: members reach it on any port', async () => {
		const result = await trace(topo(), {from: 'i-dflt', to: 'i-none', protocol: 'tcp', port: 9999});
		expect(result.reachable, summary(result)).toBe(true);
		expect(result.forward.some(hop => hop.component === 'sg-vpc-a-default' && hop.action === 'allow')).toBe(true);
	});

	it('a non-member is refused by the default group\'s self-reference rule', async () => {
		const result = await trace(topo(), {from: 'i-web', to: 'i-none', protocol: 'tcp', port: 9999});
		expect(result.blockedAt).toEqual({component: 'sg-vpc-a-default', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
	});

	it('a group with no outbound rules lets nothing leave', async () => {
		const t = topo();
		t.get('securityGroups', 'sg-web').egress = [];
		const result = await trace(t, {from: 'i-web', to: 'i-dflt', protocol: 'tcp', port: 80});
		expect(result.blockedAt).toEqual({component: 'sg-web', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
	});

	it('security groups are stateful: the reply passes a group with no rule for it', async () => {
		const t = topo();
		t.get('securityGroups', 'sg-web').egress = [];
		const result = await trace(t, {from: 'i-dflt', to: 'i-web', protocol: 'tcp', port: 80});
		expect(result.reachable, summary(result)).toBe(true);
	});
});

describe('NAT gateway: no inbound-initiated traffic', () => {
	function natTopo(): Topo {
		return publicPrivate()
			.table('rtb-priv', 'vpc-a', ['subnet-priv'], [{destinationCidr: '0.0.0.0/0', target: 'nat-a'}])
			.add('natGateways', {id: 'nat-a', subnetId: 'subnet-pub', privateIp: '10.0.1.50', publicIp: '54.9.9.9'})
			.sg('sg-open', 'vpc-a', [{protocol: 'all', cidr: '0.0.0.0/0'}])
			.instance('i-app', 'subnet-priv', '10.0.2.10', {sgs: ['sg-open']})
			.instance('i-web', 'subnet-pub', '10.0.1.10', {sgs: ['sg-open'], publicIp: '54.1.1.1'});
	}

	it('a connection from the internet to the NAT gateway\'s elastic IP is dropped at the NAT gateway', async () => {
		const result = await trace(natTopo(), {from: '198.51.100.1', to: '54.9.9.9', protocol: 'tcp', port: 443});
		expect(result.blockedAt).toMatchObject({component: 'nat-a', type: 'nat-gateway', direction: 'forward'});
	});

	it('a connection from inside the VPC to the NAT gateway itself is dropped at the NAT gateway', async () => {
		const result = await trace(natTopo(), {from: 'i-web', to: 'nat-a', protocol: 'tcp', port: 443});
		expect(result.packet.destination).toBe('10.0.1.50');
		expect(result.blockedAt).toMatchObject({component: 'nat-a', type: 'nat-gateway', direction: 'forward'});
	});

	it('a NAT gateway that is not available does not carry traffic', async () => {
		const topo = natTopo();
		topo.get('natGateways', 'nat-a').state = 'deleted';
		const result = await trace(topo, {from: 'i-app', to: '8.8.8.8', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt?.direction).toBe('forward');
		expect(['BAD_STATE', 'BAD_STATE_ROUTE']).toContain(result.blockedAt?.code);
	});

	it('UDP and ICMP go out through the NAT gateway too', async () => {
		for (const flow of [{protocol: 'udp', port: 123}, {protocol: 'icmp'}]) {
			const result = await trace(natTopo(), {from: 'i-app', to: '8.8.8.8', ...flow});
			expect(result.reachable, summary(result)).toBe(true);
		}
	});
});

describe('egress-only internet gateway (IPv4 only, as modelled)', () => {
	it('an IPv4 packet routed to an egress-only internet gateway does not reach the internet', async () => {
		const topo = publicPrivate()
			.add('egressOnlyInternetGateways', {id: 'eigw-a', vpcId: 'vpc-a'})
			.table('rtb-eigw', 'vpc-a', ['subnet-priv'], [{destinationCidr: '0.0.0.0/0', target: 'eigw-a'}])
			.instance('i-app', 'subnet-priv', '10.0.2.10', {publicIp: '54.1.1.2'});
		const {cwd, file} = topo.write();
		const {status, stdout, stderr} = await run(['trace', '--topology', file, '--from', 'i-app', '--to', '8.8.8.8', '--port', '443', '--json'], cwd);
		// Either the file is refused (AWS refuses an IPv4 route to an egress-only gateway) or the trace stops.
		if (status === 2) {
			expect(stderr).toContain('eigw-a');
			return;
		}
		expect(status, stderr).toBe(1);
		const result = JSON.parse(stdout) as {reachable: boolean; blockedAt: {direction: string}};
		expect(result.reachable).toBe(false);
		expect(result.blockedAt.direction).toBe('forward');
	});
});

describe('VPC peering: state', () => {
	function peered(status: string): Topo {
		return new Topo()
			.vpc('vpc-a', '10.0.0.0/16')
			.vpc('vpc-b', '10.1.0.0/16')
			.subnet('subnet-a', 'vpc-a', '10.0.1.0/24')
			.subnet('subnet-b', 'vpc-b', '10.1.1.0/24')
			.add('peeringConnections', {id: 'pcx-ab', requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-b', status})
			.route('rtb-vpc-a', '10.1.0.0/16', 'pcx-ab')
			.route('rtb-vpc-b', '10.0.0.0/16', 'pcx-ab')
			.sg('sg-b', 'vpc-b', [{protocol: 'all', cidr: '0.0.0.0/0'}])
			.instance('i-a', 'subnet-a', '10.0.1.10')
			.instance('i-b', 'subnet-b', '10.1.1.10', {sgs: ['sg-b']});
	}

	it('an active peering carries the flow', async () => {
		const result = await trace(peered('active'), {from: 'i-a', to: 'i-b', protocol: 'tcp', port: 22});
		expect(result.reachable, summary(result)).toBe(true);
	});

	for (const status of ['pending-acceptance', 'rejected', 'expired', 'deleted']) {
		it(`a ${status} peering is not usable`, async () => {
			const result = await trace(peered(status), {from: 'i-a', to: 'i-b', protocol: 'tcp', port: 22});
			expect(result.reachable).toBe(false);
			expect(result.blockedAt?.direction).toBe('forward');
			expect(['BAD_STATE', 'BAD_STATE_ROUTE'], summary(result)).toContain(result.blockedAt?.code);
			expect(['pcx-ab', 'rtb-vpc-a']).toContain(result.blockedAt?.component);
			expect(result.forward.some(hop => hop.component === 'i-b')).toBe(false);
		});
	}
});

describe('route table: blackhole routes', () => {
	it('a blackhole route drops the packet with BAD_STATE_ROUTE at the route table', async () => {
		const topo = publicPrivate().instance('i-a', 'subnet-priv', '10.0.2.10');
		topo.route('rtb-vpc-a', '0.0.0.0/0', 'nat-gone', {state: 'blackhole'});
		const result = await trace(topo, {from: 'i-a', to: '8.8.8.8', protocol: 'tcp', port: 443});
		expect(result.blockedAt).toEqual({component: 'rtb-vpc-a', type: 'route-table', code: 'BAD_STATE_ROUTE', direction: 'forward'});
		expect(routeHops(result.forward)[0]?.detail).toContain('nat-gone');
	});

	it('a more specific blackhole route wins over a working less specific one', async () => {
		const topo = publicPrivate().instance('i-a', 'subnet-pub', '10.0.1.10', {publicIp: '54.1.1.1'});
		topo.route('rtb-pub', '8.8.8.0/24', 'igw-a', {state: 'blackhole'});
		const blocked = await trace(topo, {from: 'i-a', to: '8.8.8.8', protocol: 'tcp', port: 443});
		expect(blocked.blockedAt).toEqual({component: 'rtb-pub', type: 'route-table', code: 'BAD_STATE_ROUTE', direction: 'forward'});
		const other = await trace(topo, {from: 'i-a', to: '8.8.4.4', protocol: 'tcp', port: 443});
		expect(other.reachable, summary(other)).toBe(true);
	});

	it('a blackhole route on the reply path stops the reply', async () => {
		const topo = publicPrivate()
			.sg('sg-web', 'vpc-a', [{protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0'}])
			.instance('i-web', 'subnet-pub', '10.0.1.10', {publicIp: '54.1.1.1', sgs: ['sg-web']});
		topo.route('rtb-pub', '198.51.100.0/24', 'igw-gone', {state: 'blackhole'});
		const result = await trace(topo, {from: '198.51.100.9', to: 'i-web', protocol: 'tcp', port: 443});
		expect(result.forward.at(-1)).toMatchObject({component: 'i-web', action: 'deliver'});
		expect(result.blockedAt).toEqual({component: 'rtb-pub', type: 'route-table', code: 'BAD_STATE_ROUTE', direction: 'return'});
	});
});
