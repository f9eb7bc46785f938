// AWS rules from the semantics reference beyond the scenario facts: route tie-breaks, secondary
// blocks, security group references across a peering, prefix lists, internet gateway address
// rules, instance state.
import {describe, expect, it} from 'vitest';
import {Topo, hopAfter, publicPrivate, routeHops, summary, trace} from './helpers.js';

describe('route selection beyond longest prefix', () => {
	/** A 10.0/16 peers B and C, which both use 10.50/16; each has an instance at 10.50.1.10. */
	function twoPeers(): Topo {
		const topo = new Topo()
			.vpc('vpc-a', '10.0.0.0/16')
			.vpc('vpc-b', '10.50.0.0/16')
			.vpc('vpc-c', '10.50.0.0/16')
			.subnet('subnet-a', 'vpc-a', '10.0.1.0/24')
			.subnet('subnet-b', 'vpc-b', '10.50.1.0/24')
			.subnet('subnet-c', 'vpc-c', '10.50.1.0/24')
			.add('peeringConnections', {id: 'pcx-ab', requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-b'})
			.add('peeringConnections', {id: 'pcx-ac', requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-c'})
			.add('prefixLists', {id: 'pl-partners', cidrs: ['10.50.0.0/16']})
			.route('rtb-vpc-b', '10.0.0.0/16', 'pcx-ab')
			.route('rtb-vpc-c', '10.0.0.0/16', 'pcx-ac')
			.sg('sg-b', 'vpc-b', [{protocol: 'all', cidr: '0.0.0.0/0'}])
			.sg('sg-c', 'vpc-c', [{protocol: 'all', cidr: '0.0.0.0/0'}])
			.instance('i-a', 'subnet-a', '10.0.1.10')
			.instance('i-b', 'subnet-b', '10.50.1.10', {sgs: ['sg-b']})
			.instance('i-c', 'subnet-c', '10.50.1.10', {sgs: ['sg-c']});
		(topo.get('routeTables', 'rtb-vpc-a').routes as unknown[]).push({destinationPrefixListId: 'pl-partners', target: 'pcx-ab'});
		return topo;
	}

	it('a static CIDR route beats a prefix-list route for the same block', async () => {
		const topo = twoPeers().route('rtb-vpc-a', '10.50.0.0/16', 'pcx-ac');
		const result = await trace(topo, {from: 'i-a', to: '10.50.1.10', protocol: 'tcp', port: 22});
		expect(result.reachable, summary(result)).toBe(true);
		expect(hopAfter(result.forward, 'rtb-vpc-a')?.component).toBe('pcx-ac');
		expect(result.forward.at(-1)?.component).toBe('i-c');
	});

	it('a prefix-list route is used when nothing more specific or equal matches', async () => {
		const result = await trace(twoPeers(), {from: 'i-a', to: '10.50.1.10', protocol: 'tcp', port: 22});
		expect(result.reachable, summary(result)).toBe(true);
		expect(routeHops(result.forward)[0]?.detail).toContain('pl-partners');
		expect(result.forward.at(-1)?.component).toBe('i-b');
	});

	it('a longer prefix still wins over a static route to a shorter one', async () => {
		const topo = twoPeers().route('rtb-vpc-a', '10.50.0.0/15', 'pcx-ac');
		const result = await trace(topo, {from: 'i-a', to: '10.50.1.10', protocol: 'tcp', port: 22});
		expect(result.forward.at(-1)?.component, summary(result)).toBe('i-b');
	});
});

describe('VPC blocks', () => {
	it('a secondary block has its own local route', async () => {
		const topo = new Topo()
			.vpc('vpc-a', ['10.0.0.0/16', '100.64.0.0/16'])
			.subnet('subnet-1', 'vpc-a', '10.0.1.0/24')
			.subnet('subnet-2', 'vpc-a', '100.64.1.0/24')
			.instance('i-a', 'subnet-1', '10.0.1.10', {sgs: ['sg-vpc-a-default']})
			.instance('i-b', 'subnet-2', '100.64.1.10', {sgs: ['sg-vpc-a-default']});
		const result = await trace(topo, {from: 'i-a', to: 'i-b', protocol: 'tcp', port: 80});
		expect(result.reachable, summary(result)).toBe(true);
		expect(routeHops(result.forward)[0]?.detail).toMatch(/100\.64\.0\.0\/16 -> local/);
	});
});

describe('security groups: references and prefix lists', () => {
	function peered(): Topo {
		return new Topo()
			.vpc('vpc-a', '10.0.0.0/16')
			.vpc('vpc-b', '10.1.0.0/16')
			.subnet('subnet-a', 'vpc-a', '10.0.1.0/24')
			.subnet('subnet-b', 'vpc-b', '10.1.1.0/24')
			.add('peeringConnections', {id: 'pcx-ab', requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-b'})
			.route('rtb-vpc-a', '10.1.0.0/16', 'pcx-ab')
			.route('rtb-vpc-b', '10.0.0.0/16', 'pcx-ab')
			.sg('sg-client', 'vpc-a', [])
			.sg('sg-other', 'vpc-a', [])
			.sg('sg-db', 'vpc-b', [{protocol: 'tcp', fromPort: 5432, toPort: 5432, groupId: 'sg-client'}])
			.instance('i-client', 'subnet-a', '10.0.1.10', {sgs: ['sg-client']})
			.instance('i-other', 'subnet-a', '10.0.1.20', {sgs: ['sg-other']})
			.instance('i-db', 'subnet-b', '10.1.1.10', {sgs: ['sg-db']});
	}

	it('a rule referencing a group of a peered VPC admits that group\'s members', async () => {
		const result = await trace(peered(), {from: 'i-client', to: 'i-db', protocol: 'tcp', port: 5432});
		expect(result.reachable, summary(result)).toBe(true);
	});

	it('and refuses an instance of the same VPC that is not a member', async () => {
		const result = await trace(peered(), {from: 'i-other', to: 'i-db', protocol: 'tcp', port: 5432});
		expect(result.blockedAt).toEqual({component: 'sg-db', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
	});

	it('a rule on a customer-managed prefix list admits the list\'s blocks only', async () => {
		const topo = publicPrivate()
			.add('prefixLists', {id: 'pl-office', cidrs: ['198.51.100.0/24']})
			.sg('sg-web', 'vpc-a', [{protocol: 'tcp', fromPort: 443, toPort: 443, prefixListId: 'pl-office'}])
			.instance('i-web', 'subnet-pub', '10.0.1.10', {publicIp: '54.1.2.3', sgs: ['sg-web']});
		const inside = await trace(topo, {from: '198.51.100.9', to: 'i-web', protocol: 'tcp', port: 443});
		expect(inside.reachable, summary(inside)).toBe(true);
		const outside = await trace(topo, {from: '203.0.113.9', to: 'i-web', protocol: 'tcp', port: 443});
		expect(outside.blockedAt).toMatchObject({component: 'sg-web', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
	});
});

describe('network ACL rules on ports and ICMP', () => {
	it('a port range rule matches its ends and not beyond', async () => {
		const build = () => publicPrivate()
			.acl('acl-app', 'vpc-a', ['subnet-priv'], [[100, 'tcp', '10.0.0.0/16', 'allow', 8000, 8080]], [[100, 'all', '0.0.0.0/0', 'allow']])
			.sg('sg-open', 'vpc-a', [{protocol: 'all', cidr: '0.0.0.0/0'}])
			.instance('i-a', 'subnet-pub', '10.0.1.10', {sgs: ['sg-open']})
			.instance('i-b', 'subnet-priv', '10.0.2.10', {sgs: ['sg-open']});
		for (const [port, ok] of [[7999, false], [8000, true], [8080, true], [8081, false]] as const) {
			const result = await trace(build(), {from: 'i-a', to: 'i-b', protocol: 'tcp', port});
			expect(result.reachable, `port ${port}\n${summary(result)}`).toBe(ok);
		}
	});

	it('a tcp rule does not admit udp on the same port', async () => {
		const topo = publicPrivate()
			.acl('acl-app', 'vpc-a', ['subnet-priv'], [[100, 'tcp', '0.0.0.0/0', 'allow', 53]], [[100, 'all', '0.0.0.0/0', 'allow']])
			.sg('sg-open', 'vpc-a', [{protocol: 'all', cidr: '0.0.0.0/0'}])
			.instance('i-a', 'subnet-pub', '10.0.1.10', {sgs: ['sg-open']})
			.instance('i-b', 'subnet-priv', '10.0.2.10', {sgs: ['sg-open']});
		const result = await trace(topo, {from: 'i-a', to: 'i-b', protocol: 'udp', port: 53});
		expect(result.blockedAt).toMatchObject({component: 'acl-app', code: 'SUBNET_ACL_RESTRICTION', direction: 'forward'});
	});
});

describe('internet gateway address rules', () => {
	it('an instance cannot send to a private (RFC 1918) address through the internet gateway', async () => {
		const topo = publicPrivate().instance('i-a', 'subnet-pub', '10.0.1.10', {publicIp: '54.1.2.3'});
		const result = await trace(topo, {from: 'i-a', to: '192.168.7.7', protocol: 'tcp', port: 443});
		expect(result.blockedAt).toEqual({component: 'igw-a', type: 'internet-gateway', code: 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS', direction: 'forward'});
	});

	it('an instance in a VPC without an internet gateway has no way to the internet', async () => {
		const topo = new Topo().vpc('vpc-a', '10.0.0.0/16').subnet('subnet-1', 'vpc-a', '10.0.1.0/24').instance('i-a', 'subnet-1', '10.0.1.10', {publicIp: '54.1.2.3'});
		const result = await trace(topo, {from: 'i-a', to: '8.8.8.8', protocol: 'tcp', port: 443});
		expect(result.blockedAt).toMatchObject({type: 'route-table', code: 'NO_ROUTE_TO_DESTINATION', direction: 'forward'});
		const inbound = await trace(topo, {from: '8.8.8.8', to: '54.1.2.3', protocol: 'tcp', port: 443});
		expect(inbound.reachable).toBe(false);
		expect(inbound.blockedAt?.direction).toBe('forward');
	});
});

describe('instance state', () => {
	it('a stopped instance neither receives nor sends', async () => {
		const topo = publicPrivate()
			.instance('i-a', 'subnet-pub', '10.0.1.10', {sgs: ['sg-vpc-a-default']})
			.instance('i-b', 'subnet-priv', '10.0.2.10', {sgs: ['sg-vpc-a-default']});
		topo.get('instances', 'i-b').state = 'stopped';
		const to = await trace(topo, {from: 'i-a', to: 'i-b', protocol: 'tcp', port: 22});
		expect(to.reachable).toBe(false);
		expect(to.blockedAt).toMatchObject({component: 'i-b', direction: 'forward'});
		const from = await trace(topo, {from: 'i-b', to: 'i-a', protocol: 'tcp', port: 22});
		expect(from.reachable).toBe(false);
		expect(from.blockedAt).toMatchObject({component: 'i-b', direction: 'forward'});
	});
});
