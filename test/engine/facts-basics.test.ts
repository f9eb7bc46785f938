// Scenario facts 1-13 of aws-semantics section 13: security groups, network ACLs, internet and
// NAT gateways. Each asserts the verdict, where and why it stopped, and the path taken.
import {describe, expect, it} from 'vitest';
import {TopologyBuilder, anywhere, path, tcp} from './builder.js';

/** One VPC, two subnets (10.0.1.0/24, 10.0.2.0/24), A and B in them. */
function twoSubnets() {
	return new TopologyBuilder().vpc('vpc-a', '10.0.0.0/16').subnet('subnet-1', 'vpc-a', '10.0.1.0/24').subnet('subnet-2', 'vpc-a', '10.0.2.0/24').instance('i-a', 'subnet-1', '10.0.1.10');
}

/** A public subnet routed to an internet gateway, with a web server. */
function publicSubnet(options: {publicIp?: string; routeToIgw?: boolean; acl?: string} = {}) {
	const b = new TopologyBuilder().vpc('vpc-a', '10.0.0.0/16', {igw: 'igw-a'}).subnet('subnet-pub', 'vpc-a', '10.0.1.0/24', {networkAclId: options.acl});
	if (options.routeToIgw ?? true) b.routes('rtb-main-a', {destinationCidr: '0.0.0.0/0', target: 'igw-a'});
	return b;
}

describe('security groups', () => {
	it('fact 1: the local route carries traffic between subnets; the SG admits 22 from the VPC', () => {
		const b = twoSubnets().sg('sg-b', 'vpc-a', [tcp(22, '10.0.0.0/16')]).instance('i-b', 'subnet-2', '10.0.2.10', {groups: ['sg-b']});
		const result = b.trace({from: 'i-a', to: 'i-b', port: 22});
		expect(result.reachable).toBe(true);
		expect(result.blockedAt).toBeNull();
		expect(path(result.forward)).toEqual(['i-a forward', 'sg-default-a allow', 'acl-default-a allow', 'rtb-main-a forward', 'acl-default-a allow', 'sg-b allow', 'i-b deliver']);
		expect(result.forward[3]!.detail).toContain('10.0.0.0/16 -> local');
		expect(path(result.return)).toEqual(['i-b forward', 'sg-b allow', 'acl-default-a allow', 'rtb-main-a forward', 'acl-default-a allow', 'sg-default-a allow', 'i-a deliver']);
	});

	it('fact 2: with no inbound rule the destination SG denies', () => {
		const b = twoSubnets().sg('sg-b', 'vpc-a', []).instance('i-b', 'subnet-2', '10.0.2.10', {groups: ['sg-b']});
		const result = b.trace({from: 'i-a', to: 'i-b', port: 22});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt).toEqual({component: 'sg-b', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
		expect(path(result.forward).at(-1)).toBe('sg-b deny');
		expect(result.return).toEqual([]);
	});

	it('fact 6: members of the default group reach each other on anything; a member of another group is refused', () => {
		const b = twoSubnets().instance('i-b', 'subnet-2', '10.0.2.10').sg('sg-other', 'vpc-a', []).instance('i-c', 'subnet-2', '10.0.2.20', {groups: ['sg-other']});
		for (const flow of [{port: 5432}, {protocol: 'udp' as const, port: 53}, {protocol: 'icmp' as const}]) {
			expect(b.trace({from: 'i-a', to: 'i-b', ...flow}).reachable).toBe(true);
		}
		const refused = b.trace({from: 'i-c', to: 'i-a', port: 5432});
		expect(refused.blockedAt).toMatchObject({component: 'sg-default-a', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
	});
});

describe('network ACLs', () => {
	it('fact 3: inside one subnet no ACL and no route table apply', () => {
		const b = new TopologyBuilder()
			.vpc('vpc-a', '10.0.0.0/16')
			.nacl('acl-closed', 'vpc-a', [], [])
			.subnet('subnet-1', 'vpc-a', '10.0.1.0/24', {networkAclId: 'acl-closed'})
			.sg('sg-web', 'vpc-a', [tcp(80, '10.0.0.0/16')])
			.instance('i-a', 'subnet-1', '10.0.1.10')
			.instance('i-b', 'subnet-1', '10.0.1.20', {groups: ['sg-web']});
		const result = b.trace({from: 'i-a', to: 'i-b', port: 80});
		expect(result.reachable).toBe(true);
		expect(path(result.forward)).toEqual(['i-a forward', 'sg-default-a allow', 'sg-web allow', 'i-b deliver']);
		expect(path(result.return)).toEqual(['i-b forward', 'sg-web allow', 'sg-default-a allow', 'i-a deliver']);
	});

	it('fact 4: an outbound ACL admitting only 443 drops the reply to the client\'s ephemeral port', () => {
		const allow443 = [{ruleNumber: 100, protocol: 'tcp' as const, fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', action: 'allow' as const}];
		const b = publicSubnet({acl: 'acl-web'})
			.nacl('acl-web', 'vpc-a', allow443, allow443)
			.sg('sg-web', 'vpc-a', [tcp(443, '0.0.0.0/0')])
			.instance('i-web', 'subnet-pub', '10.0.1.10', {publicIp: '54.0.0.10', groups: ['sg-web']});
		const result = b.trace({from: '198.51.100.7', to: 'i-web', port: 443, sourcePort: 50000});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt).toEqual({component: 'acl-web', type: 'network-acl', code: 'SUBNET_ACL_RESTRICTION', direction: 'return'});
		expect(path(result.forward).at(-1)).toBe('i-web deliver');
		expect(path(result.return)).toEqual(['i-web forward', 'sg-web allow', 'acl-web deny']);
		expect(result.return.at(-1)!.detail).toContain('50000');
	});

	it('fact 5: rules are checked lowest number first; the first match decides', () => {
		const deny22 = {ruleNumber: 100, protocol: 'tcp' as const, fromPort: 22, toPort: 22, cidr: '203.0.113.0/24', action: 'deny' as const};
		const allowAll = {ruleNumber: 200, protocol: 'all' as const, cidr: '0.0.0.0/0', action: 'allow' as const};
		const build = (inbound: Array<typeof deny22 | typeof allowAll>) =>
			publicSubnet({acl: 'acl-web'})
				.nacl('acl-web', 'vpc-a', inbound)
				.sg('sg-ssh', 'vpc-a', [tcp(22, '0.0.0.0/0')])
				.instance('i-web', 'subnet-pub', '10.0.1.10', {publicIp: '54.0.0.10', groups: ['sg-ssh']});
		const denied = build([deny22, allowAll]).trace({from: '203.0.113.5', to: 'i-web', port: 22});
		expect(denied.blockedAt).toEqual({component: 'acl-web', type: 'network-acl', code: 'SUBNET_ACL_RESTRICTION', direction: 'forward'});
		expect(denied.forward.at(-1)!.detail).toContain('rule 100 denies tcp 22 from 203.0.113.0/24');
		expect(denied.forward.at(-1)!.matched).toEqual({kind: 'nacl-rule', aclId: 'acl-web', direction: 'inbound', ruleNumber: 100});
		const swapped = build([{...deny22, ruleNumber: 200}, {...allowAll, ruleNumber: 100}]).trace({from: '203.0.113.5', to: 'i-web', port: 22});
		expect(swapped.reachable).toBe(true);
	});
});

describe('internet gateway', () => {
	it('fact 7: with only the local route, the request arrives but the reply has no route out', () => {
		const b = publicSubnet({routeToIgw: false}).sg('sg-web', 'vpc-a', [tcp(443, '0.0.0.0/0')]).instance('i-web', 'subnet-pub', '10.0.1.10', {publicIp: '54.0.0.10', groups: ['sg-web']});
		const result = b.trace({from: '198.51.100.7', to: 'i-web', port: 443});
		expect(result.reachable).toBe(false);
		expect(path(result.forward)).toEqual(['internet forward', 'igw-a translate', 'acl-default-a allow', 'sg-web allow', 'i-web deliver']);
		expect(result.blockedAt).toEqual({component: 'rtb-main-a', type: 'route-table', code: 'NO_ROUTE_TO_DESTINATION', direction: 'return'});
	});

	it('fact 8: without a public IP the internet gateway cannot carry the instance\'s traffic', () => {
		const b = publicSubnet().instance('i-a', 'subnet-pub', '10.0.1.10');
		const result = b.trace({from: 'i-a', to: '8.8.8.8', port: 443});
		expect(result.blockedAt).toEqual({component: 'igw-a', type: 'internet-gateway', code: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', direction: 'forward'});
		expect(path(result.forward)).toEqual(['i-a forward', 'sg-default-a allow', 'acl-default-a allow', 'rtb-main-a forward', 'igw-a drop']);
	});

	it('fact 9: the internet gateway maps the elastic IP to the private IP; the SG admits only the named host', () => {
		const b = publicSubnet().sg('sg-ssh', 'vpc-a', [tcp(22, '198.51.100.7/32')]).instance('i-a', 'subnet-pub', '10.0.1.10', {publicIp: '54.0.0.10', groups: ['sg-ssh']});
		const result = b.trace({from: '198.51.100.7', to: '54.0.0.10', port: 22});
		expect(result.reachable).toBe(true);
		const ingress = result.forward[1]!;
		expect(ingress).toMatchObject({component: 'igw-a', action: 'translate'});
		expect(ingress.packetBefore).toMatchObject({destination: '54.0.0.10', destinationPort: 22});
		expect(ingress.packet).toMatchObject({destination: '10.0.1.10', destinationPort: 22, source: '198.51.100.7'});
		const egress = result.return.find(hop => hop.component === 'igw-a')!;
		expect(egress.packet).toMatchObject({source: '54.0.0.10', destination: '198.51.100.7', destinationPort: 49152});
		expect(b.trace({from: '198.51.100.8', to: '54.0.0.10', port: 22}).blockedAt).toMatchObject({component: 'sg-ssh', code: 'ENI_SG_RULES_MISMATCH'});
	});
});

/** A public subnet (with a NAT gateway) and a private subnet routed 0/0 to it. */
function natTopology(options: {natSubnetToIgw?: boolean; privateNat?: boolean; natAcl?: string} = {}) {
	const b = new TopologyBuilder()
		.vpc('vpc-a', '10.0.0.0/16', {igw: 'igw-a'})
		.routeTable('rtb-public', 'vpc-a', options.natSubnetToIgw === false ? [] : [{destinationCidr: '0.0.0.0/0', target: 'igw-a'}])
		.subnet('subnet-pub', 'vpc-a', '10.0.1.0/24', {routeTableId: 'rtb-public', networkAclId: options.natAcl})
		.subnet('subnet-priv', 'vpc-a', '10.0.2.0/24')
		.nat('nat-a', 'subnet-pub', '10.0.1.50', options.privateNat ? undefined : '54.0.0.50')
		.routes('rtb-main-a', {destinationCidr: '0.0.0.0/0', target: 'nat-a'})
		.instance('i-app', 'subnet-priv', '10.0.2.10');
	return b;
}

describe('NAT gateway', () => {
	it('a working NAT path: source NAT to the gateway, then its elastic IP at the internet gateway, reversed on the reply', () => {
		const result = natTopology().trace({from: 'i-app', to: '8.8.8.8', port: 443});
		expect(result.reachable).toBe(true);
		expect(path(result.forward)).toEqual([
			'i-app forward', 'sg-default-a allow', 'acl-default-a allow', 'rtb-main-a forward', 'acl-default-a allow',
			'nat-a translate', 'acl-default-a allow', 'rtb-public forward', 'igw-a translate', 'internet deliver',
		]);
		const nat = result.forward[5]!;
		expect(nat.packet!.source).toBe('10.0.1.50');
		expect(nat.packet!.sourcePort).toBeGreaterThanOrEqual(1024);
		expect(result.forward[8]!.packet!.source).toBe('54.0.0.50');
		expect(path(result.return)).toEqual([
			'internet forward', 'igw-a translate', 'acl-default-a allow', 'nat-a translate', 'acl-default-a allow', 'rtb-public forward', 'acl-default-a allow', 'sg-default-a allow', 'i-app deliver',
		]);
		expect(result.return[3]!.packet).toMatchObject({destination: '10.0.2.10', destinationPort: 49152});
	});

	it('a public instance in a subnet routed to a NAT gateway answers from the wrong address', () => {
		const b = natTopology().sg('sg-ssh', 'vpc-a', [tcp(22, '0.0.0.0/0')]);
		const eni = b.doc.networkInterfaces.find(e => e.id === 'eni-app')!;
		eni.publicIp = '54.0.0.77';
		eni.securityGroupIds = ['sg-ssh'];
		const result = b.trace({from: '198.51.100.7', to: 'i-app', port: 22});
		expect(path(result.forward).at(-1)).toBe('i-app deliver');
		expect(result.return.some(hop => hop.component === 'nat-a' && hop.action === 'translate')).toBe(true);
		expect(result.blockedAt).toEqual({component: 'internet', type: 'internet', code: 'REPLY_FROM_OTHER_ADDRESS', direction: 'return'});
	});

	it('fact 10: a NAT gateway whose subnet has no route to an internet gateway goes nowhere', () => {
		const result = natTopology({natSubnetToIgw: false}).trace({from: 'i-app', to: '8.8.8.8', port: 443});
		expect(result.blockedAt).toEqual({component: 'rtb-public', type: 'route-table', code: 'NO_ROUTE_TO_DESTINATION', direction: 'forward'});
	});

	it('fact 11: nothing on the internet can open a connection to an instance behind a NAT gateway', () => {
		const b = natTopology();
		expect(b.trace({from: '198.51.100.7', to: 'i-app', port: 22}).blockedAt).toMatchObject({component: 'igw-a', code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS', direction: 'forward'});
		const viaNat = b.trace({from: '198.51.100.7', to: '54.0.0.50', port: 22});
		expect(viaNat.blockedAt).toEqual({component: 'nat-a', type: 'nat-gateway', code: 'NGW_NO_INBOUND_INITIATED', direction: 'forward'});
	});

	it('fact 12: a private NAT gateway routed to an internet gateway is dropped there', () => {
		const result = natTopology({privateNat: true}).trace({from: 'i-app', to: '8.8.8.8', port: 443});
		expect(result.blockedAt).toEqual({component: 'igw-a', type: 'internet-gateway', code: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', direction: 'forward'});
		expect(result.forward.some(hop => hop.component === 'nat-a' && hop.action === 'translate')).toBe(true);
	});

	it('fact 13: a NAT subnet ACL admitting only 443 in drops the reply to the NAT gateway\'s port', () => {
		const only443 = [{ruleNumber: 100, protocol: 'tcp' as const, fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', action: 'allow' as const}];
		const b = natTopology({natAcl: 'acl-nat'}).nacl('acl-nat', 'vpc-a', only443);
		const result = b.trace({from: 'i-app', to: '8.8.8.8', port: 443});
		expect(result.blockedAt).toEqual({component: 'acl-nat', type: 'network-acl', code: 'SUBNET_ACL_RESTRICTION', direction: 'return'});
		expect(path(result.return)).toEqual(['internet forward', 'igw-a translate', 'acl-nat deny']);
	});
});

describe('replies and ephemeral ports', () => {
	it('says which of the client\'s ephemeral ports a reply ACL would drop when it admits the actual one', () => {
		const inbound = [{ruleNumber: 100, protocol: 'all' as const, cidr: '0.0.0.0/0', action: 'allow' as const}];
		const outbound = [{ruleNumber: 100, protocol: 'tcp' as const, fromPort: 49152, toPort: 65535, cidr: '0.0.0.0/0', action: 'allow' as const}];
		const b = publicSubnet({acl: 'acl-web'}).nacl('acl-web', 'vpc-a', inbound, outbound).sg('sg-web', 'vpc-a', [tcp(443, '0.0.0.0/0')]).instance('i-web', 'subnet-pub', '10.0.1.10', {publicIp: '54.0.0.10', groups: ['sg-web']});
		const result = b.trace({from: '198.51.100.7', to: 'i-web', port: 443});
		expect(result.reachable).toBe(true);
		const hop = result.return.find(h => h.component === 'acl-web')!;
		expect(hop.detail).toContain('1024-49151');
		expect(hop.detail).toContain('internet host range 1024-65535');
	});

	it('uses the Linux range for an instance client and the Windows range for a Windows one', () => {
		const outbound = [{ruleNumber: 100, protocol: 'all' as const, cidr: '0.0.0.0/0', action: 'allow' as const}];
		const inbound = [{ruleNumber: 100, protocol: 'tcp' as const, fromPort: 40000, toPort: 65535, cidr: '0.0.0.0/0', action: 'allow' as const}];
		const b = new TopologyBuilder()
			.vpc('vpc-a', '10.0.0.0/16')
			.nacl('acl-client', 'vpc-a', inbound, outbound)
			.subnet('subnet-1', 'vpc-a', '10.0.1.0/24', {networkAclId: 'acl-client'})
			.subnet('subnet-2', 'vpc-a', '10.0.2.0/24')
			.instance('i-linux', 'subnet-1', '10.0.1.10')
			.instance('i-windows', 'subnet-1', '10.0.1.11', {platform: 'windows'})
			.sg('sg-server', 'vpc-a', [anywhere])
			.instance('i-server', 'subnet-2', '10.0.2.10', {groups: ['sg-server']});
		const linux = b.trace({from: 'i-linux', to: 'i-server', port: 443}).return.find(h => h.component === 'acl-client')!;
		expect(linux.detail).toContain('32768-39999 of the Linux range 32768-60999');
		const windows = b.trace({from: 'i-windows', to: 'i-server', port: 443}).return.find(h => h.component === 'acl-client')!;
		expect(windows.detail).not.toContain('would be dropped');
	});
});
