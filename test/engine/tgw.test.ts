// Transit gateway: attachments, the associated route table, propagation, static and blackhole
// routes, the tie-break order, the ACLs of attachment subnets, states, and peered TGWs (fact 28).
import {describe, expect, it} from 'vitest';
import {path} from './builder.js';
import {HybridBuilder, twoSpokes} from './hybrid-builder.js';

const ssh = {from: 'i-a', to: 'i-b', port: 22};

describe('transit gateway between two VPCs', () => {
	it('carries the request and the reply, each routed by the table associated with the attachment it came from', () => {
		const result = twoSpokes().trace(ssh);
		expect(result.reachable).toBe(true);
		expect(path(result.forward)).toEqual([
			'i-a forward',
			'sg-a allow',
			'acl-default-a allow',
			'rtb-main-a forward',
			'tgw-attach-a forward',
			'acl-default-a allow',
			'tgw-1 forward',
			'tgw-rtb-1 forward',
			'tgw-attach-b forward',
			'acl-default-b allow',
			'rtb-main-b forward',
			'acl-default-b allow',
			'sg-b allow',
			'i-b deliver',
		]);
		const hop = result.forward.find(h => h.component === 'tgw-rtb-1')!;
		expect(hop.detail).toBe('10.2.0.0/16 -> tgw-attach-b (propagated from vpc-b)');
		expect(hop.matched).toEqual({kind: 'tgw-route', routeTableId: 'tgw-rtb-1', destination: '10.2.0.0/16', attachmentId: 'tgw-attach-b'});
		expect(result.forward[4]!.detail).toContain('subnet-a-tgw (us-east-1a)');
		expect(result.forward[5]!.detail).toMatch(/^inbound/);
		expect(result.forward[9]!.detail).toMatch(/^outbound/);
		// The attachment subnet's route table routes what leaves the TGW (here its local route).
		expect(result.forward[10]!.detail).toBe('10.2.0.0/16 -> local (local route)');
		expect(result.return.map(h => h.component)).toContain('tgw-rtb-1');
	});

	it('applies the ACLs as AWS does: source subnet out, TGW subnet in; TGW subnet out, destination subnet in', () => {
		const denyTgwIn = twoSpokes()
			.nacl('acl-a-tgw', 'vpc-a', [{ruleNumber: 100, protocol: 'all', cidr: '10.2.0.0/16', action: 'allow'}])
			.subnetAcl('subnet-a-tgw', 'acl-a-tgw');
		expect(denyTgwIn.trace(ssh).blockedAt).toEqual({component: 'acl-a-tgw', type: 'network-acl', code: 'SUBNET_ACL_RESTRICTION', direction: 'forward'});

		const denyTgwOut = twoSpokes()
			.nacl('acl-b-tgw', 'vpc-b', [{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}], [{ruleNumber: 100, protocol: 'all', cidr: '10.1.0.0/16', action: 'allow'}])
			.subnetAcl('subnet-b-tgw', 'acl-b-tgw');
		const result = denyTgwOut.trace(ssh);
		expect(result.blockedAt).toEqual({component: 'acl-b-tgw', type: 'network-acl', code: 'SUBNET_ACL_RESTRICTION', direction: 'forward'});
		expect(result.forward.at(-1)!.detail).toMatch(/^outbound/);
	});

	it('does not check the ACL between the TGW and an instance in the attachment\'s own subnet', () => {
		// subnet-b's ACL turns away everything from VPC A: it never sees packets the TGW hands to its own subnet.
		const acl = [{ruleNumber: 100, protocol: 'all' as const, cidr: '10.1.0.0/16', action: 'deny' as const}, {ruleNumber: 200, protocol: 'all' as const, cidr: '0.0.0.0/0', action: 'allow' as const}];
		const b = twoSpokes().nacl('acl-b', 'vpc-b', acl).subnetAcl('subnet-b', 'acl-b');
		expect(b.trace(ssh).blockedAt).toMatchObject({component: 'acl-b', code: 'SUBNET_ACL_RESTRICTION'});
		b.doc.transitGatewayAttachments.find(a => a.id === 'tgw-attach-b')!.subnetIds = ['subnet-b'];
		const shared = b.trace(ssh);
		expect(shared.reachable).toBe(true);
		expect(path(shared.forward).slice(-3)).toEqual(['tgw-attach-b forward', 'sg-b allow', 'i-b deliver']);
	});

	it('a static route beats a propagated one for the same prefix, and the longest prefix comes first', () => {
		const b = twoSpokes()
			.vpc('vpc-c', '10.3.0.0/16')
			.subnet('subnet-c', 'vpc-c', '10.3.1.0/24')
			.attach('tgw-attach-c', 'tgw-1', 'vpc-c', ['subnet-c'], 'tgw-rtb-1')
			.tgwRoutes('tgw-rtb-1', {destinationCidr: '10.2.0.0/16', attachmentId: 'tgw-attach-c'});
		let hop = b.trace(ssh).forward.find(h => h.component === 'tgw-rtb-1')!;
		expect(hop.detail).toBe('10.2.0.0/16 -> tgw-attach-c (static); it beats 10.2.0.0/16 -> tgw-attach-b (propagated from vpc-b) for the same prefix');
		b.tgwRoutes('tgw-rtb-1', {destinationCidr: '10.2.1.0/24', attachmentId: 'tgw-attach-b'});
		hop = b.trace(ssh).forward.find(h => h.component === 'tgw-rtb-1')!;
		expect(hop.detail).toBe('10.2.1.0/24 -> tgw-attach-b (static); longest prefix');
	});

	it('a prefix-list route beats a propagated route and loses to a static one', () => {
		const b = twoSpokes()
			.vpc('vpc-c', '10.3.0.0/16')
			.subnet('subnet-c', 'vpc-c', '10.3.1.0/24')
			.attach('tgw-attach-c', 'tgw-1', 'vpc-c', ['subnet-c'], 'tgw-rtb-1')
			.prefixList('pl-b', ['10.2.0.0/16'])
			.tgwRoutes('tgw-rtb-1', {destinationPrefixListId: 'pl-b', attachmentId: 'tgw-attach-c'} as never);
		expect(b.trace(ssh).forward.find(h => h.component === 'tgw-rtb-1')!.detail).toContain('tgw-attach-c (prefix list pl-b)');
		b.tgwRoutes('tgw-rtb-1', {destinationCidr: '10.2.0.0/16', attachmentId: 'tgw-attach-b'});
		expect(b.trace(ssh).forward.find(h => h.component === 'tgw-rtb-1')!.detail).toMatch(/^10\.2\.0\.0\/16 -> tgw-attach-b \(static\)/);
	});

	it('an attachment without an associated route table: TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION', () => {
		const b = twoSpokes();
		b.doc.transitGatewayAttachments.find(a => a.id === 'tgw-attach-a')!.associatedRouteTableId = undefined;
		expect(b.trace(ssh).blockedAt).toEqual({component: 'tgw-attach-a', type: 'transit-gateway-attachment', code: 'TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION', direction: 'forward'});
		// The reply side: B's attachment has no table, so the request arrives and the reply stops.
		const back = twoSpokes();
		back.doc.transitGatewayAttachments.find(a => a.id === 'tgw-attach-b')!.associatedRouteTableId = undefined;
		const result = back.trace(ssh);
		expect(path(result.forward).at(-1)).toBe('i-b deliver');
		expect(result.blockedAt).toMatchObject({component: 'tgw-attach-b', code: 'TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION', direction: 'return'});
	});

	it('an attachment that is not available: BAD_STATE_ATTACHMENT, on the way in and on the way out', () => {
		const source = twoSpokes();
		source.doc.transitGatewayAttachments.find(a => a.id === 'tgw-attach-a')!.state = 'pendingAcceptance';
		expect(source.trace(ssh).blockedAt).toEqual({component: 'tgw-attach-a', type: 'transit-gateway-attachment', code: 'BAD_STATE_ATTACHMENT', direction: 'forward'});
		const destination = twoSpokes();
		destination.doc.transitGatewayAttachments.find(a => a.id === 'tgw-attach-b')!.state = 'deleting';
		expect(destination.trace(ssh).blockedAt).toMatchObject({component: 'tgw-attach-b', code: 'BAD_STATE_ATTACHMENT', direction: 'forward'});
	});

	it('a route to a transit gateway the VPC is not attached to is refused when the topology is checked', () => {
		const b = twoSpokes();
		b.doc.transitGatewayAttachments = b.doc.transitGatewayAttachments.filter(a => a.id !== 'tgw-attach-a');
		b.doc.transitGatewayRouteTables[0]!.propagations = ['tgw-attach-b'];
		expect(() => b.build()).toThrow(/has no VPC attachment for vpc-a/);
	});

	it('routes that send the packet back and forth between a VPC and the TGW end as a loop', () => {
		const b = twoSpokes()
			.routes('rtb-main-a', {destinationCidr: '0.0.0.0/0', target: 'tgw-1'})
			.routes('rtb-main-b', {destinationCidr: '0.0.0.0/0', target: 'tgw-1'})
			.tgwRoutes('tgw-rtb-1', {destinationCidr: '0.0.0.0/0', attachmentId: 'tgw-attach-b'});
		const result = b.trace({from: 'i-a', to: '192.0.2.1', port: 443});
		expect(result.blockedAt).toMatchObject({code: 'ROUTING_LOOP', direction: 'forward'});
	});

	it('the destination VPC needs its own route back to the TGW', () => {
		const b = twoSpokes();
		b.doc.routeTables.find(t => t.id === 'rtb-main-b')!.routes = [];
		const result = b.trace(ssh);
		expect(path(result.forward).at(-1)).toBe('i-b deliver');
		expect(result.blockedAt).toEqual({component: 'rtb-main-b', type: 'route-table', code: 'NO_ROUTE_TO_DESTINATION', direction: 'return'});
	});
});

/** Two TGWs (tgw-1 with VPC A, tgw-2 with VPC B) joined by a peering attachment on each side. */
function peeredTgws(): HybridBuilder {
	return new HybridBuilder()
		.vpc('vpc-a', '10.1.0.0/16')
		.vpc('vpc-b', '10.2.0.0/16', {region: 'us-west-2'})
		.subnet('subnet-a', 'vpc-a', '10.1.1.0/24')
		.subnet('subnet-b', 'vpc-b', '10.2.1.0/24', {az: 'us-west-2a'})
		.sg('sg-a', 'vpc-a', [{protocol: 'all', cidr: '0.0.0.0/0'}])
		.sg('sg-b', 'vpc-b', [{protocol: 'all', cidr: '0.0.0.0/0'}])
		.instance('i-a', 'subnet-a', '10.1.1.10', {groups: ['sg-a']})
		.instance('i-b', 'subnet-b', '10.2.1.10', {groups: ['sg-b']})
		.tgw('tgw-1')
		.tgw('tgw-2')
		.tgwTable('tgw-rtb-1', 'tgw-1', ['tgw-attach-a', 'tgw-attach-peer-1'])
		.tgwTable('tgw-rtb-2', 'tgw-2', ['tgw-attach-b', 'tgw-attach-peer-2'])
		.attach('tgw-attach-a', 'tgw-1', 'vpc-a', ['subnet-a'], 'tgw-rtb-1')
		.attach('tgw-attach-b', 'tgw-2', 'vpc-b', ['subnet-b'], 'tgw-rtb-2')
		.link('tgw-attach-peer-1', 'tgw-1', 'peering', 'tgw-2', 'tgw-rtb-1')
		.link('tgw-attach-peer-2', 'tgw-2', 'peering', 'tgw-1', 'tgw-rtb-2')
		.routes('rtb-main-a', {destinationCidr: '10.2.0.0/16', target: 'tgw-1'})
		.routes('rtb-main-b', {destinationCidr: '10.1.0.0/16', target: 'tgw-2'});
}

describe('peered transit gateways', () => {
	it('fact 28: propagation alone gives no route across the peering', () => {
		const result = peeredTgws().trace(ssh);
		expect(result.blockedAt).toEqual({component: 'tgw-rtb-1', type: 'transit-gateway-route-table', code: 'NO_ROUTE_TO_DESTINATION', direction: 'forward'});
		expect(path(result.forward)).toEqual(['i-a forward', 'sg-a allow', 'acl-default-a allow', 'rtb-main-a forward', 'tgw-attach-a forward', 'acl-default-a allow', 'tgw-1 forward', 'tgw-rtb-1 drop']);
		expect(result.forward.at(-1)!.detail).toContain('peered transit gateways need static routes');
	});

	it('with static routes on both TGWs the flow crosses and comes back', () => {
		const b = peeredTgws()
			.tgwRoutes('tgw-rtb-1', {destinationCidr: '10.2.0.0/16', attachmentId: 'tgw-attach-peer-1'})
			.tgwRoutes('tgw-rtb-2', {destinationCidr: '10.1.0.0/16', attachmentId: 'tgw-attach-peer-2'});
		const result = b.trace(ssh);
		expect(result.reachable).toBe(true);
		const components = result.forward.map(h => h.component);
		expect(components.indexOf('tgw-attach-peer-1')).toBeLessThan(components.indexOf('tgw-rtb-2'));
		expect(components).toContain('tgw-2');
		// A static route on one side only: the reply has no way back.
		const oneSided = peeredTgws().tgwRoutes('tgw-rtb-1', {destinationCidr: '10.2.0.0/16', attachmentId: 'tgw-attach-peer-1'});
		expect(oneSided.trace(ssh).blockedAt).toMatchObject({component: 'tgw-rtb-2', code: 'NO_ROUTE_TO_DESTINATION', direction: 'return'});
	});
});
