// Client VPN (aws-semantics sections 10 and 13, fact 34): authorization rules, the endpoint's
// routes, split tunnel, the translation to the association's interface and what follows it.
import {describe, expect, it} from 'vitest';
import {TraceInputError, prepare, trace} from '../../source/engine/index.js';
import {checkTopology} from '../../source/model/load.js';
import {formatProblem} from '../../source/model/parse.js';
import {loadTemplate} from '../../source/model/templates.js';
import type {ClientVpnEndpoint} from '../../source/model/types.js';
import {TopologyBuilder, anywhere, path, tcp} from './builder.js';

type EndpointInput = Partial<Omit<ClientVpnEndpoint, 'authorizationRules'>> & {authorizationRules?: Array<{destinationCidr: string; accessAll?: boolean; groupId?: string}>};

/**
 * VPC corp 10.0/16 with an internet gateway: subnet vpn (10.0.0.0/24, routes 0/0 -> igw) holds
 * the association at 10.0.0.25; app (10.0.1.0/24) holds i-app, whose SG admits 443 from the
 * association subnet. Endpoint cvpn-1 (client CIDR 10.250.0.0/22) routes the VPC to vpn.
 */
function corp(endpoint: EndpointInput = {}) {
	const b = new TopologyBuilder()
		.vpc('vpc-corp', '10.0.0.0/16', {igw: 'igw-corp'})
		.routeTable('rtb-vpn', 'vpc-corp', [{destinationCidr: '0.0.0.0/0', target: 'igw-corp'}])
		.subnet('subnet-vpn', 'vpc-corp', '10.0.0.0/24', {routeTableId: 'rtb-vpn'})
		.subnet('subnet-app', 'vpc-corp', '10.0.1.0/24')
		.sg('sg-cvpn', 'vpc-corp', [])
		.sg('sg-app', 'vpc-corp', [tcp(443, '10.0.0.0/24')])
		.instance('i-app', 'subnet-app', '10.0.1.10', {groups: ['sg-app']});
	b.doc.clientVpnEndpoints.push({
		id: 'cvpn-1',
		name: 'staff',
		vpcId: 'vpc-corp',
		clientCidr: '10.250.0.0/22',
		securityGroupIds: ['sg-cvpn'],
		targetNetworks: [{id: 'cvpn-assoc-1', subnetId: 'subnet-vpn', privateIp: '10.0.0.25'}],
		authorizationRules: [{destinationCidr: '10.0.0.0/16'}],
		routes: [{destinationCidr: '10.0.0.0/16', targetSubnetId: 'subnet-vpn'}],
		...endpoint,
	} as ClientVpnEndpoint);
	return b;
}

describe('client VPN', () => {
	it('reaches an instance in the VPC, translated to the association, and the reply comes back to the client', () => {
		const result = corp().trace({from: 'client:cvpn-1', to: 'i-app', port: 443});
		expect(result.reachable).toBe(true);
		expect(result.packet).toMatchObject({source: '10.250.0.1', destination: '10.0.1.10'});
		expect(path(result.forward)).toEqual([
			'cvpn-1 forward',
			'cvpn-1 allow',
			'cvpn-1 forward',
			'cvpn-1 translate',
			'sg-cvpn allow',
			'acl-default-corp allow',
			'rtb-vpn forward',
			'acl-default-corp allow',
			'sg-app allow',
			'i-app deliver',
		]);
		const snat = result.forward[3]!;
		expect(snat.packetBefore).toMatchObject({source: '10.250.0.1'});
		expect(snat.packet).toMatchObject({source: '10.0.0.25', destination: '10.0.1.10'});
		expect(path(result.return)).toEqual([
			'i-app forward',
			'sg-app allow',
			'acl-default-corp allow',
			'rtb-main-corp forward',
			'acl-default-corp allow',
			'sg-cvpn allow',
			'cvpn-1 translate',
			'cvpn-1 deliver',
		]);
		expect(result.return.at(-2)!.packet).toMatchObject({source: '10.0.1.10', destination: '10.250.0.1'});
	});

	it('names the endpoint by its name, and takes an address of the client CIDR as a client', () => {
		const ctx = prepare(corp().build());
		expect(trace(ctx, {from: 'client:staff', to: 'i-app', port: 443}).reachable).toBe(true);
		expect(trace(ctx, {from: '10.250.1.7', to: 'i-app', port: 443}).packet.source).toBe('10.250.1.7');
		expect(trace(ctx, {from: '10.250.1.7', to: 'i-app', port: 443}).reachable).toBe(true);
		expect(() => trace(ctx, {from: 'client:nope', to: 'i-app', port: 443})).toThrow(TraceInputError);
	});

	it('fact 34: a 0.0.0.0/0 route without authorization gives no access to the internet', () => {
		const b = corp({routes: [{destinationCidr: '0.0.0.0/0', targetSubnetId: 'subnet-vpn'}]});
		const result = b.trace({from: 'client:cvpn-1', to: '8.8.8.8', port: 443});
		expect(result.blockedAt).toEqual({component: 'cvpn-1', type: 'client-vpn-endpoint', code: 'CLIENT_VPN_AUTHORIZATION_RESTRICTION', direction: 'forward'});
		expect(path(result.forward)).toEqual(['cvpn-1 forward', 'cvpn-1 deny']);
		// The VPC itself stays reachable through the automatic VPC route.
		expect(b.trace({from: 'client:cvpn-1', to: 'i-app', port: 443}).reachable).toBe(true);
	});

	it('reaches the internet through the association subnet\'s internet gateway once 0.0.0.0/0 is authorized', () => {
		const b = corp({routes: [{destinationCidr: '0.0.0.0/0', targetSubnetId: 'subnet-vpn'}], authorizationRules: [{destinationCidr: '10.0.0.0/16'}, {destinationCidr: '0.0.0.0/0'}]});
		const result = b.trace({from: 'client:cvpn-1', to: '8.8.8.8', port: 443});
		expect(result.reachable).toBe(true);
		expect(path(result.forward).slice(3)).toEqual(['cvpn-1 translate', 'sg-cvpn allow', 'acl-default-corp allow', 'rtb-vpn forward', 'igw-corp translate', 'internet deliver']);
		expect(result.forward[2]!.detail).toBe('route 0.0.0.0/0 -> subnet-vpn (longest prefix)');
		expect(result.forward[1]!.detail).toContain('0.0.0.0/0 is evaluated last');
		expect(result.forward[3]!.detail).toContain('public IP');
		expect(path(result.return)).toEqual(['internet forward', 'igw-corp translate', 'acl-default-corp allow', 'sg-cvpn allow', 'cvpn-1 translate', 'cvpn-1 deliver']);
	});

	it('split tunnel: a destination no endpoint route covers never enters the VPN', () => {
		const b = corp({splitTunnel: true, authorizationRules: [{destinationCidr: '0.0.0.0/0'}]});
		const result = b.trace({from: 'client:cvpn-1', to: '8.8.8.8', port: 443});
		expect(result.blockedAt).toEqual({component: 'cvpn-1', type: 'client-vpn-endpoint', code: 'CLIENT_VPN_SPLIT_TUNNEL_NOT_ROUTED', direction: 'forward'});
		expect(b.trace({from: 'client:cvpn-1', to: 'i-app', port: 443}).reachable).toBe(true);
	});

	it('full tunnel: an authorized destination without a route is dropped at the endpoint', () => {
		const result = corp({authorizationRules: [{destinationCidr: '0.0.0.0/0'}]}).trace({from: 'client:cvpn-1', to: '8.8.8.8', port: 443});
		expect(result.blockedAt).toEqual({component: 'cvpn-1', type: 'client-vpn-endpoint', code: 'NO_ROUTE_TO_DESTINATION', direction: 'forward'});
		expect(path(result.forward)).toEqual(['cvpn-1 forward', 'cvpn-1 allow', 'cvpn-1 drop']);
	});

	it('the most specific authorization CIDR decides: a group-only rule there is not overridden by 0.0.0.0/0 for all', () => {
		const b = corp({authorizationRules: [{destinationCidr: '10.0.1.0/24', accessAll: false, groupId: 'admins'}, {destinationCidr: '0.0.0.0/0'}]});
		const result = b.trace({from: 'client:cvpn-1', to: 'i-app', port: 443});
		expect(result.blockedAt?.code).toBe('CLIENT_VPN_AUTHORIZATION_RESTRICTION');
		expect(result.forward.at(-1)!.detail).toContain('admits only group admins');
	});

	it('an endpoint that is not available carries nothing', () => {
		const result = corp({state: 'pending-associate'}).trace({from: 'client:cvpn-1', to: 'i-app', port: 443});
		expect(result.blockedAt).toEqual({component: 'cvpn-1', type: 'client-vpn-endpoint', code: 'BAD_STATE', direction: 'forward'});
	});

	it('the association\'s security groups apply outbound, and the target sees the association subnet', () => {
		const noEgress = corp();
		noEgress.doc.securityGroups.find(g => g.id === 'sg-cvpn')!.egress = [];
		expect(noEgress.trace({from: 'client:cvpn-1', to: 'i-app', port: 443}).blockedAt).toEqual({component: 'sg-cvpn', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
		const clientCidrOnly = corp();
		clientCidrOnly.doc.securityGroups.find(g => g.id === 'sg-app')!.ingress = [tcp(443, '10.250.0.0/22')];
		expect(clientCidrOnly.trace({from: 'client:cvpn-1', to: 'i-app', port: 443}).blockedAt).toEqual({component: 'sg-app', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
	});

	it('without groups of its own the association uses the VPC\'s default group, which a target may reference', () => {
		const b = corp({securityGroupIds: []});
		b.doc.securityGroups.find(g => g.id === 'sg-app')!.ingress = [{protocol: 'tcp', fromPort: 443, toPort: 443, groupId: 'sg-default-corp'}];
		const result = b.trace({from: 'client:cvpn-1', to: 'i-app', port: 443});
		expect(result.reachable).toBe(true);
		expect(path(result.forward)).toContain('sg-default-corp allow');
	});

	it('the association subnet\'s ACL checks the reply (stateless)', () => {
		const b = corp().nacl('acl-vpn', 'vpc-corp', [{ruleNumber: 100, protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', action: 'allow'}]);
		b.doc.subnets.find(s => s.id === 'subnet-vpn')!.networkAclId = 'acl-vpn';
		const result = b.trace({from: 'client:cvpn-1', to: 'i-app', port: 443});
		expect(path(result.forward).at(-1)).toBe('i-app deliver');
		expect(result.blockedAt).toEqual({component: 'acl-vpn', type: 'network-acl', code: 'SUBNET_ACL_RESTRICTION', direction: 'return'});
	});

	it('reaches a peered VPC with an endpoint route, authorization and peering routes both ways', () => {
		const b = corp({
			routes: [{destinationCidr: '10.1.0.0/16', targetSubnetId: 'subnet-vpn'}],
			authorizationRules: [{destinationCidr: '10.0.0.0/16'}, {destinationCidr: '10.1.0.0/16'}],
		})
			.vpc('vpc-peer', '10.1.0.0/16')
			.subnet('subnet-peer', 'vpc-peer', '10.1.1.0/24')
			.sg('sg-peer', 'vpc-peer', [tcp(22, '10.0.0.0/24')])
			.instance('i-peer', 'subnet-peer', '10.1.1.10', {groups: ['sg-peer']})
			.peering('pcx-1', 'vpc-corp', 'vpc-peer')
			.routes('rtb-vpn', {destinationCidr: '10.1.0.0/16', target: 'pcx-1'})
			.routes('rtb-main-peer', {destinationCidr: '10.0.0.0/16', target: 'pcx-1'});
		const result = b.trace({from: 'client:cvpn-1', to: 'i-peer', port: 22});
		expect(result.reachable).toBe(true);
		expect(path(result.forward).slice(4)).toEqual(['sg-cvpn allow', 'acl-default-corp allow', 'rtb-vpn forward', 'pcx-1 forward', 'acl-default-peer allow', 'sg-peer allow', 'i-peer deliver']);
		expect(path(result.return)).toContain('pcx-1 forward');
		b.doc.clientVpnEndpoints[0]!.routes = [];
		expect(b.trace({from: 'client:cvpn-1', to: 'i-peer', port: 22}).blockedAt).toEqual({component: 'cvpn-1', type: 'client-vpn-endpoint', code: 'NO_ROUTE_TO_DESTINATION', direction: 'forward'});
	});

	it('reaches the internet through a NAT gateway when the association subnet is private', () => {
		const b = corp({routes: [{destinationCidr: '0.0.0.0/0', targetSubnetId: 'subnet-app'}], authorizationRules: [{destinationCidr: '0.0.0.0/0'}], targetNetworks: [{id: 'cvpn-assoc-app', subnetId: 'subnet-app', privateIp: '10.0.1.25'}]})
			.nat('nat-1', 'subnet-vpn', '10.0.0.50', '54.0.0.50')
			.routes('rtb-main-corp', {destinationCidr: '0.0.0.0/0', target: 'nat-1'});
		const result = b.trace({from: 'client:cvpn-1', to: '8.8.8.8', port: 443});
		expect(result.reachable).toBe(true);
		expect(path(result.forward)).toContain('nat-1 translate');
	});

	it('client to client needs a local route for the client CIDR and its authorization', () => {
		const b = corp({
			routes: [{destinationCidr: '10.250.0.0/22', targetSubnetId: 'local'}],
			authorizationRules: [{destinationCidr: '10.250.0.0/22'}],
		});
		const result = b.trace({from: 'client:cvpn-1', to: 'client:cvpn-1', port: 3389});
		expect(result.reachable).toBe(true);
		expect(result.packet).toMatchObject({source: '10.250.0.1', destination: '10.250.0.2'});
		expect(path(result.forward)).toEqual(['cvpn-1 forward', 'cvpn-1 allow', 'cvpn-1 forward', 'cvpn-1 deliver']);
		expect(path(result.return)).toEqual(['cvpn-1 forward', 'cvpn-1 forward', 'cvpn-1 deliver']);
		const noRoute = corp({authorizationRules: [{destinationCidr: '10.250.0.0/22'}]}).trace({from: 'client:cvpn-1', to: 'client:cvpn-1', port: 3389});
		expect(noRoute.blockedAt?.code).toBe('NO_ROUTE_TO_DESTINATION');
	});

	it('nothing in the VPC can open a connection to a client', () => {
		const b = corp().sg('sg-open', 'vpc-corp', [anywhere]);
		b.doc.networkInterfaces.find(n => n.id === 'eni-app')!.securityGroupIds = ['sg-open'];
		const toClient = b.trace({from: 'i-app', to: 'client:cvpn-1', port: 22});
		expect(toClient.blockedAt).toEqual({component: 'rtb-main-corp', type: 'route-table', code: 'NO_ROUTE_TO_DESTINATION', direction: 'forward'});
		const toAssociation = b.trace({from: 'i-app', to: '10.0.0.25', port: 22});
		expect(toAssociation.blockedAt).toEqual({component: 'cvpn-1', type: 'client-vpn-endpoint', code: 'CLIENT_VPN_NO_INBOUND_INITIATED', direction: 'forward'});
	});
});

describe('client VPN to on-premises', () => {
	it('goes on through the association subnet\'s route to the virtual private gateway and comes back the same way', () => {
		const doc = structuredClone(loadTemplate('site-to-site-vpn')) as unknown as Record<string, unknown[]>;
		doc.clientVpnEndpoints!.push({
			id: 'cvpn-1',
			vpcId: 'vpc-corp',
			clientCidr: '10.250.0.0/22',
			securityGroupIds: ['sg-app'],
			targetNetworks: [{id: 'cvpn-assoc-1', subnetId: 'subnet-app-a', privateIp: '10.40.1.25'}],
			authorizationRules: [{destinationCidr: '192.168.0.0/16'}],
			routes: [{destinationCidr: '192.168.0.0/16', targetSubnetId: 'subnet-app-a'}],
		});
		const checked = checkTopology(doc);
		if (!checked.ok) throw new Error(checked.problems.map(formatProblem).join('\n'));
		const result = trace(prepare(checked.topology), {from: 'client:cvpn-1', to: '192.168.10.25', port: 22});
		expect(result.reachable).toBe(true);
		expect(path(result.forward).slice(3, 7)).toEqual(['cvpn-1 translate', 'sg-app allow', 'acl-corp allow', 'rtb-app forward']);
		expect(path(result.forward).at(-1)).toBe('site-office deliver');
		expect(path(result.return).slice(-2)).toEqual(['cvpn-1 translate', 'cvpn-1 deliver']);
	});
});
