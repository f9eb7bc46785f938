// Behaviour beyond the numbered facts: instance state, addresses nobody holds, traffic between
// two VPCs' public IPs, NAT gateways and endpoints as destinations, SG references over peering,
// route targets traced by later parts of the engine.
import {describe, expect, it} from 'vitest';
import {TopologyBuilder, anywhere, path, tcp} from './builder.js';

function oneVpc() {
	return new TopologyBuilder()
		.vpc('vpc-a', ['10.0.0.0/16', '10.9.0.0/16'], {igw: 'igw-a'})
		.subnet('subnet-1', 'vpc-a', '10.0.1.0/24')
		.subnet('subnet-2', 'vpc-a', '10.0.2.0/24')
		.routes('rtb-main-a', {destinationCidr: '0.0.0.0/0', target: 'igw-a'})
		.instance('i-a', 'subnet-1', '10.0.1.10', {publicIp: '54.0.0.10'})
		.instance('i-b', 'subnet-2', '10.0.2.10', {publicIp: '54.0.0.20'});
}

describe('where a packet can end', () => {
	it('a stopped instance neither sends nor receives', () => {
		const b = oneVpc().instance('i-off', 'subnet-2', '10.0.2.30', {state: 'stopped'});
		expect(b.trace({from: 'i-a', to: 'i-off', port: 22}).blockedAt).toEqual({component: 'i-off', type: 'instance', code: 'INSTANCE_NOT_RUNNING', direction: 'forward'});
		const from = b.trace({from: 'i-off', to: 'i-a', port: 22});
		expect(from.blockedAt).toMatchObject({component: 'i-off', code: 'INSTANCE_NOT_RUNNING'});
		expect(path(from.forward)).toEqual(['i-off drop']);
	});

	it('an address in a subnet that no interface holds', () => {
		const result = oneVpc().trace({from: 'i-a', to: '10.0.2.99', port: 22});
		expect(result.blockedAt).toEqual({component: 'subnet-2', type: 'subnet', code: 'NO_INTERFACE_AT_ADDRESS', direction: 'forward'});
	});

	it('an address in a VPC block but in no subnet', () => {
		const result = oneVpc().trace({from: 'i-a', to: '10.9.3.3', port: 22});
		expect(result.blockedAt).toEqual({component: 'vpc-a', type: 'vpc', code: 'ADDRESS_NOT_IN_ANY_SUBNET', direction: 'forward'});
	});

	it('a secondary private IP is delivered to its interface, but the public IP maps only to the primary', () => {
		const b = oneVpc().instance('i-multi', 'subnet-2', '10.0.2.40', {secondary: ['10.0.2.41'], publicIp: '54.0.0.40'});
		expect(path(b.trace({from: 'i-a', to: '10.0.2.41', port: 22}).forward).at(-1)).toBe('i-multi deliver');
	});
});

describe('the internet between two VPCs', () => {
	it('one VPC\'s public IP to another\'s crosses both internet gateways', () => {
		const b = oneVpc()
			.vpc('vpc-z', '10.50.0.0/16', {igw: 'igw-z'})
			.subnet('subnet-z', 'vpc-z', '10.50.1.0/24')
			.routes('rtb-main-z', {destinationCidr: '0.0.0.0/0', target: 'igw-z'})
			.sg('sg-z', 'vpc-z', [tcp(443, '0.0.0.0/0')])
			.instance('i-z', 'subnet-z', '10.50.1.10', {publicIp: '3.3.3.3', groups: ['sg-z']});
		const result = b.trace({from: 'i-a', to: '3.3.3.3', port: 443});
		expect(result.reachable).toBe(true);
		expect(path(result.forward)).toEqual([
			'i-a forward', 'sg-default-a allow', 'acl-default-a allow', 'rtb-main-a forward', 'igw-a translate', 'igw-z translate', 'acl-default-z allow', 'sg-z allow', 'i-z deliver',
		]);
		expect(result.forward.find(h => h.component === 'sg-z')!.detail).toContain('443');
		// Addressed by its private IP instead, the internet gateway refuses a private destination.
		expect(b.trace({from: 'i-a', to: 'i-z', port: 443}).blockedAt).toMatchObject({component: 'igw-a', code: 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS'});
	});

	it('an internet host with a private address is refused by the internet gateway', () => {
		const b = new TopologyBuilder().vpc('vpc-a', '10.0.0.0/16', {igw: 'igw-a'}).subnet('subnet-1', 'vpc-a', '10.0.1.0/24').instance('i-a', 'subnet-1', '10.0.1.10', {publicIp: '54.0.0.10'});
		expect(b.trace({from: '172.20.0.5', to: 'i-a', port: 22}).blockedAt).toMatchObject({component: 'igw-a', code: 'IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS'});
	});

	it('shared (100.64.0.0/10) addresses do not cross an internet gateway either way', () => {
		const b = oneVpc();
		expect(b.trace({from: 'i-a', to: '100.64.1.1', port: 443}).blockedAt).toMatchObject({component: 'igw-a', code: 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS'});
		expect(b.trace({from: '100.100.0.1', to: 'i-a', port: 443}).blockedAt).toMatchObject({component: 'igw-a', code: 'IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS'});
	});

	it('a public IP in a VPC without an internet gateway is unreachable', () => {
		const b = new TopologyBuilder().vpc('vpc-a', '10.0.0.0/16').subnet('subnet-1', 'vpc-a', '10.0.1.0/24').instance('i-a', 'subnet-1', '10.0.1.10', {publicIp: '54.0.0.10'});
		expect(b.trace({from: '198.51.100.1', to: 'i-a', port: 22}).blockedAt).toMatchObject({component: 'vpc-a', code: 'NO_INTERNET_GATEWAY'});
	});
});

describe('ingress routing', () => {
	it('a route table associated with the internet gateway sends arriving traffic through an appliance', () => {
		const b = new TopologyBuilder()
			.vpc('vpc-a', '10.0.0.0/16', {igw: 'igw-a'})
			.routeTable('rtb-web', 'vpc-a', [{destinationCidr: '0.0.0.0/0', target: 'i-fw'}])
			.routeTable('rtb-edge', 'vpc-a', [{destinationCidr: '10.0.1.0/24', target: 'i-fw'}])
			.routes('rtb-main-a', {destinationCidr: '0.0.0.0/0', target: 'igw-a'})
			.subnet('subnet-web', 'vpc-a', '10.0.1.0/24', {routeTableId: 'rtb-web'})
			.subnet('subnet-fw', 'vpc-a', '10.0.9.0/24')
			.sg('sg-open', 'vpc-a', [anywhere])
			.instance('i-fw', 'subnet-fw', '10.0.9.10', {groups: ['sg-open'], sourceDestCheck: false, publicIp: '54.0.0.9'})
			.instance('i-web', 'subnet-web', '10.0.1.10', {groups: ['sg-open'], publicIp: '54.0.0.10'});
		b.doc.routeTables.find(t => t.id === 'rtb-edge')!.gatewayIds = ['igw-a'];
		const result = b.trace({from: '198.51.100.1', to: 'i-web', port: 443});
		expect(path(result.forward)).toEqual([
			'internet forward', 'igw-a translate', 'rtb-edge forward', 'acl-default-a allow', 'sg-open allow', 'eni-fw forward',
			'sg-open allow', 'acl-default-a allow', 'rtb-main-a forward', 'acl-default-a allow', 'sg-open allow', 'i-web deliver',
		]);
		// The reply leaves the web subnet through the appliance too, then the internet gateway.
		expect(result.reachable).toBe(true);
		expect(path(result.return).filter(hop => !hop.includes('acl') && !hop.includes('sg-'))).toEqual([
			'i-web forward', 'rtb-web forward', 'eni-fw forward', 'rtb-main-a forward', 'igw-a translate', 'internet deliver',
		]);
	});
});

describe('routing loops', () => {
	it('two appliances routing a subnet to each other drop the packet instead of looping', () => {
		const b = new TopologyBuilder()
			.vpc('vpc-a', '10.0.0.0/16')
			.routeTable('rtb-1', 'vpc-a', [{destinationCidr: '10.0.4.0/24', target: 'i-fw1'}])
			.routeTable('rtb-fw1', 'vpc-a', [{destinationCidr: '10.0.4.0/24', target: 'i-fw2'}])
			.routeTable('rtb-fw2', 'vpc-a', [{destinationCidr: '10.0.4.0/24', target: 'i-fw1'}])
			.subnet('subnet-1', 'vpc-a', '10.0.1.0/24', {routeTableId: 'rtb-1'})
			.subnet('subnet-fw1', 'vpc-a', '10.0.2.0/24', {routeTableId: 'rtb-fw1'})
			.subnet('subnet-fw2', 'vpc-a', '10.0.3.0/24', {routeTableId: 'rtb-fw2'})
			.subnet('subnet-4', 'vpc-a', '10.0.4.0/24')
			.sg('sg-open', 'vpc-a', [anywhere])
			.instance('i-a', 'subnet-1', '10.0.1.10')
			.instance('i-fw1', 'subnet-fw1', '10.0.2.10', {groups: ['sg-open'], sourceDestCheck: false})
			.instance('i-fw2', 'subnet-fw2', '10.0.3.10', {groups: ['sg-open'], sourceDestCheck: false})
			.instance('i-d', 'subnet-4', '10.0.4.10');
		const result = b.trace({from: 'i-a', to: 'i-d', port: 22});
		expect(result.blockedAt).toMatchObject({code: 'ROUTING_LOOP', direction: 'forward'});
		expect(result.forward.filter(h => h.component === 'eni-fw1' && h.action === 'forward').length).toBeGreaterThan(2);
	});
});

describe('security group references', () => {
	function peered(regionB: string) {
		return new TopologyBuilder()
			.vpc('vpc-a', '10.1.0.0/16')
			.vpc('vpc-b', '10.2.0.0/16', {region: regionB})
			.subnet('subnet-a', 'vpc-a', '10.1.1.0/24')
			.subnet('subnet-b', 'vpc-b', '10.2.1.0/24', {az: `${regionB}a`})
			.sg('sg-client', 'vpc-a', [])
			.sg('sg-db', 'vpc-b', [{protocol: 'tcp', fromPort: 5432, toPort: 5432, groupId: 'sg-client'}])
			.instance('i-a', 'subnet-a', '10.1.1.10', {groups: ['sg-client']})
			.instance('i-other', 'subnet-a', '10.1.1.11')
			.instance('i-db', 'subnet-b', '10.2.1.10', {groups: ['sg-db']})
			.peering('pcx-ab', 'vpc-a', 'vpc-b')
			.routes('rtb-main-a', {destinationCidr: '10.2.0.0/16', target: 'pcx-ab'})
			.routes('rtb-main-b', {destinationCidr: '10.1.0.0/16', target: 'pcx-ab'});
	}

	it('match members of a group in a peered VPC of the same Region', () => {
		const b = peered('us-east-1');
		const result = b.trace({from: 'i-a', to: 'i-db', port: 5432});
		expect(result.reachable).toBe(true);
		expect(result.forward.find(h => h.component === 'sg-db')!.matched).toEqual({kind: 'sg-rule', groupId: 'sg-db', direction: 'ingress', index: 0});
		expect(b.trace({from: 'i-other', to: 'i-db', port: 5432}).blockedAt).toMatchObject({component: 'sg-db', code: 'ENI_SG_RULES_MISMATCH'});
	});

	it('do not cross Regions', () => {
		const b = peered('eu-west-1');
		expect(b.trace({from: 'i-a', to: 'i-db', port: 5432}).forward.some(h => h.component === 'pcx-ab' && h.action === 'forward')).toBe(true);
		expect(b.trace({from: 'i-a', to: 'i-db', port: 5432}).blockedAt).toMatchObject({component: 'sg-db', code: 'ENI_SG_RULES_MISMATCH'});
	});

	it('an egress rule naming a group matches the destination\'s membership', () => {
		const b = new TopologyBuilder()
			.vpc('vpc-a', '10.0.0.0/16')
			.subnet('subnet-1', 'vpc-a', '10.0.1.0/24')
			.sg('sg-app', 'vpc-a', [anywhere], [{protocol: 'tcp', fromPort: 5432, toPort: 5432, groupId: 'sg-db'}])
			.sg('sg-db', 'vpc-a', [anywhere])
			.instance('i-app', 'subnet-1', '10.0.1.10', {groups: ['sg-app']})
			.instance('i-db', 'subnet-1', '10.0.1.20', {groups: ['sg-db']})
			.instance('i-web', 'subnet-1', '10.0.1.30');
		expect(b.trace({from: 'i-app', to: 'i-db', port: 5432}).reachable).toBe(true);
		expect(b.trace({from: 'i-app', to: 'i-web', port: 5432}).blockedAt).toMatchObject({component: 'sg-app', code: 'ENI_SG_RULES_MISMATCH'});
	});

	it('the groups of an interface are unioned, and the reply names the group that admitted the request', () => {
		const b = oneVpc().sg('sg-none', 'vpc-a', []).sg('sg-ssh', 'vpc-a', [tcp(22, '10.0.0.0/16')]);
		b.doc.networkInterfaces.find(e => e.id === 'eni-b')!.securityGroupIds = ['sg-none', 'sg-ssh'];
		const result = b.trace({from: 'i-a', to: 'i-b', port: 22});
		expect(result.reachable).toBe(true);
		expect(result.forward.find(h => h.detail.startsWith('ingress'))!.component).toBe('sg-ssh');
		expect(result.return.find(h => h.detail.startsWith('egress'))).toMatchObject({component: 'sg-ssh', action: 'allow'});
		const denied = b.trace({from: 'i-a', to: 'i-b', port: 80});
		expect(denied.blockedAt).toMatchObject({component: 'sg-none'});
		expect(denied.forward.at(-1)!.detail).toContain('sg-none, sg-ssh');
	});

	it('an interface without groups uses its VPC\'s default group', () => {
		const b = oneVpc();
		b.doc.networkInterfaces.find(e => e.id === 'eni-b')!.securityGroupIds = [];
		const result = b.trace({from: 'i-a', to: 'i-b', port: 22});
		expect(result.reachable).toBe(true);
		expect(result.forward.find(h => h.type === 'security-group' && h.detail.startsWith('ingress'))!.component).toBe('sg-default-a');
	});
});

describe('destinations named as resources', () => {
	it('a NAT gateway is its private IP from inside; it accepts no connection', () => {
		const b = oneVpc().nat('nat-a', 'subnet-1', '10.0.1.50', '54.0.0.50');
		const result = b.trace({from: 'i-b', to: 'nat-a', port: 443});
		expect(result.packet.destination).toBe('10.0.1.50');
		expect(result.blockedAt).toMatchObject({component: 'nat-a', code: 'NGW_NO_INBOUND_INITIATED'});
	});

	it('an instance is its public IP from the internet', () => {
		expect(oneVpc().trace({from: '198.51.100.1', to: 'i-a', port: 22}).packet.destination).toBe('54.0.0.10');
	});

	it('ICMP goes out as an echo request and comes back as an echo reply', () => {
		const result = oneVpc().trace({from: 'i-a', to: 'i-b', protocol: 'icmp'});
		expect(result.reachable).toBe(true);
		expect(result.packet).toEqual({protocol: 'icmp', source: '10.0.1.10', destination: '10.0.2.10'});
		expect(result.forward.find(h => h.type === 'network-acl')!.detail).toContain('all traffic');
	});
});

describe('parts traced later', () => {
	it('a route to a transit gateway whose attachment has no associated route table stops at the attachment', () => {
		const b = oneVpc();
		b.doc.transitGateways.push({id: 'tgw-1'});
		b.doc.transitGatewayAttachments.push({id: 'tgw-attach-1', transitGatewayId: 'tgw-1', type: 'vpc', resourceId: 'vpc-a', subnetIds: ['subnet-1']});
		b.routes('rtb-main-a', {destinationCidr: '172.16.0.0/12', target: 'tgw-1'});
		expect(b.trace({from: 'i-a', to: '172.16.0.9', port: 22}).blockedAt).toMatchObject({component: 'tgw-attach-1', code: 'TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION'});
	});

	it('an on-premises host without a VPN or Direct Connect path has NO_PATH', () => {
		const b = oneVpc().site('site-dc', ['192.168.0.0/16']);
		const result = b.trace({from: '192.168.1.5', to: 'i-a', port: 22});
		expect(result.blockedAt).toMatchObject({component: 'site-dc', code: 'NO_PATH'});
		expect(result.packet.destination).toBe('10.0.1.10');
	});
});
