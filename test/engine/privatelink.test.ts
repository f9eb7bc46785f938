// PrivateLink (aws-semantics sections 9 and 13, fact 32): the consumer's interface endpoint, the
// endpoint service, the provider's network load balancer (node per zone, listener, targets), the
// translation to the load balancer's address and the way back.
import {describe, expect, it} from 'vitest';
import {codes, prepare, trace} from '../../source/engine/index.js';
import {checkTopology} from '../../source/model/load.js';
import {formatProblem} from '../../source/model/parse.js';
import {loadTemplate} from '../../source/model/templates.js';
import type {LoadBalancer, TargetGroup} from '../../source/model/types.js';
import {TopologyBuilder, anywhere, path, tcp} from './builder.js';

type Options = {crossZone?: boolean; targetZone?: 'a' | 'b'; endpointState?: 'available' | 'pending-acceptance'; endpointZone?: 'a' | 'c'; listeners?: LoadBalancer['listeners']};

/**
 * Provider 10.50/16: subnets lb-a (10.50.0.0/24, us-east-1a) and lb-b (10.50.10.0/24, us-east-1b)
 * hold the nodes of nlb-svc; the target i-svc (port 8443) is in svc-a or svc-b, SG sg-svc admits
 * 8443 from the provider block. Consumer 10.60/16: i-cons and the endpoint vpce-svc (SG admits
 * 443 from the consumer block) in different subnets.
 */
function service(options: Options = {}) {
	const zone = options.targetZone ?? 'a';
	const b = new TopologyBuilder()
		.vpc('vpc-prov', '10.50.0.0/16')
		.subnet('subnet-lb-a', 'vpc-prov', '10.50.0.0/24', {az: 'us-east-1a'})
		.subnet('subnet-lb-b', 'vpc-prov', '10.50.10.0/24', {az: 'us-east-1b'})
		.subnet('subnet-svc-a', 'vpc-prov', '10.50.1.0/24', {az: 'us-east-1a'})
		.subnet('subnet-svc-b', 'vpc-prov', '10.50.2.0/24', {az: 'us-east-1b'})
		.sg('sg-svc', 'vpc-prov', [tcp(8443, '10.50.0.0/16')])
		.sg('sg-nlb', 'vpc-prov', [anywhere])
		.instance('i-svc', `subnet-svc-${zone}`, zone === 'a' ? '10.50.1.10' : '10.50.2.10', {groups: ['sg-svc']})
		.vpc('vpc-cons', '10.60.0.0/16')
		.subnet('subnet-cons', 'vpc-cons', '10.60.1.0/24', {az: 'us-east-1a'})
		.subnet('subnet-vpce', 'vpc-cons', '10.60.2.0/24', {az: 'us-east-1a'})
		.subnet('subnet-vpce-c', 'vpc-cons', '10.60.3.0/24', {az: 'us-east-1c'})
		.sg('sg-vpce', 'vpc-cons', [tcp(443, '10.60.0.0/16')])
		.instance('i-cons', 'subnet-cons', '10.60.1.10');
	b.doc.loadBalancers.push({
		id: 'nlb-svc',
		type: 'network',
		vpcId: 'vpc-prov',
		nodes: [
			{subnetId: 'subnet-lb-a', privateIp: '10.50.0.100'},
			{subnetId: 'subnet-lb-b', privateIp: '10.50.10.100'},
		],
		listeners: options.listeners ?? [{protocol: 'TCP', port: 443, targetGroupId: 'tg-svc'}],
		crossZone: options.crossZone ?? false,
		securityGroupIds: ['sg-nlb'],
	} as LoadBalancer);
	b.doc.targetGroups.push({id: 'tg-svc', protocol: 'TCP', port: 8443, vpcId: 'vpc-prov', targetType: 'instance', targets: [{target: 'i-svc'}]} as TargetGroup);
	b.doc.endpointServices.push({id: 'vpce-svc-1', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-1', loadBalancerIds: ['nlb-svc'], acceptanceRequired: true});
	const subnet = options.endpointZone === 'c' ? 'subnet-vpce-c' : 'subnet-vpce';
	b.doc.vpcEndpoints.push({
		id: 'vpce-svc',
		vpcId: 'vpc-cons',
		type: 'interface',
		serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-1',
		state: options.endpointState ?? 'available',
		networkInterfaces: [{id: 'eni-vpce', subnetId: subnet, privateIp: options.endpointZone === 'c' ? '10.60.3.50' : '10.60.2.50'}],
		securityGroupIds: ['sg-vpce'],
	});
	return b;
}

describe('PrivateLink', () => {
	it('carries a consumer\'s connection to the provider\'s target, seen from the load balancer, and back', () => {
		const result = service().trace({from: 'i-cons', to: 'vpce-svc', port: 443});
		expect(result.reachable).toBe(true);
		expect(path(result.forward)).toEqual([
			'i-cons forward',
			'sg-default-cons allow',
			'acl-default-cons allow',
			'rtb-main-cons forward',
			'acl-default-cons allow',
			'sg-vpce allow',
			'vpce-svc-1 forward',
			'sg-nlb allow',
			'nlb-svc forward',
			'nlb-svc translate',
			'acl-default-prov allow',
			'rtb-main-prov forward',
			'acl-default-prov allow',
			'sg-svc allow',
			'i-svc deliver',
		]);
		const rewrite = result.forward[9]!;
		expect(rewrite.packetBefore).toEqual({protocol: 'tcp', source: '10.60.1.10', destination: '10.60.2.50', sourcePort: 49152, destinationPort: 443});
		expect(rewrite.packet).toEqual({protocol: 'tcp', source: '10.50.0.100', destination: '10.50.1.10', sourcePort: 49152, destinationPort: 8443});
		expect(path(result.return)).toEqual([
			'i-svc forward',
			'sg-svc allow',
			'acl-default-prov allow',
			'rtb-main-prov forward',
			'acl-default-prov allow',
			'nlb-svc translate',
			'vpce-svc forward',
			'sg-vpce allow',
			'acl-default-cons allow',
			'rtb-main-cons forward',
			'acl-default-cons allow',
			'sg-default-cons allow',
			'i-cons deliver',
		]);
		expect(result.return[5]!.packet).toEqual({protocol: 'tcp', source: '10.60.2.50', destination: '10.60.1.10', sourcePort: 443, destinationPort: 49152});
	});

	it('fact 32 (peered VPC): a peer reaches the endpoint when routes and the endpoint\'s SG admit it', () => {
		const b = service()
			.vpc('vpc-peer', '10.70.0.0/16')
			.subnet('subnet-peer', 'vpc-peer', '10.70.1.0/24', {az: 'us-east-1a'})
			.instance('i-peer', 'subnet-peer', '10.70.1.10')
			.peering('pcx-1', 'vpc-peer', 'vpc-cons')
			.routes('rtb-main-peer', {destinationCidr: '10.60.0.0/16', target: 'pcx-1'})
			.routes('rtb-main-cons', {destinationCidr: '10.70.0.0/16', target: 'pcx-1'});
		const blocked = b.trace({from: 'i-peer', to: 'vpce-svc', port: 443});
		expect(blocked.blockedAt).toEqual({component: 'sg-vpce', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
		b.doc.securityGroups.find(g => g.id === 'sg-vpce')!.ingress!.push(tcp(443, '10.70.0.0/16'));
		const result = b.trace({from: 'i-peer', to: 'vpce-svc', port: 443});
		expect(result.reachable).toBe(true);
		expect(path(result.forward).slice(3, 8)).toEqual(['rtb-main-peer forward', 'pcx-1 forward', 'acl-default-cons allow', 'sg-vpce allow', 'vpce-svc-1 forward']);
		expect(path(result.forward).at(-1)).toBe('i-svc deliver');
		expect(path(result.return)).toContain('pcx-1 forward');
		expect(path(result.return).at(-1)).toBe('i-peer deliver');
	});

	it('an endpoint the provider has not accepted carries nothing', () => {
		const result = service({endpointState: 'pending-acceptance'}).trace({from: 'i-cons', to: 'vpce-svc', port: 443});
		expect(result.blockedAt).toEqual({component: 'vpce-svc', type: 'vpc-endpoint', code: 'BAD_STATE', direction: 'forward'});
		expect(result.forward.at(-1)!.detail).toContain('requires the provider to accept');
	});

	it('the service is reachable only in its load balancer\'s zones', () => {
		const result = service({endpointZone: 'c'}).trace({from: 'i-cons', to: 'vpce-svc', port: 443});
		expect(result.blockedAt).toEqual({component: 'vpce-svc-1', type: 'endpoint-service', code: 'VPCE_SERVICE_NOT_INSTALLED_IN_AZ', direction: 'forward'});
	});

	it('needs a listener for the port and protocol', () => {
		const b = service();
		b.doc.securityGroups.find(g => g.id === 'sg-vpce')!.ingress = [anywhere];
		const ctxTrace = (port: number, protocol: 'tcp' | 'udp' | 'icmp' = 'tcp') => b.trace({from: 'i-cons', to: 'vpce-svc', protocol, port: protocol === 'icmp' ? undefined : port}).blockedAt;
		expect(ctxTrace(8080)).toEqual({component: 'nlb-svc', type: 'load-balancer', code: 'ELBV2_LISTENER_PORT_RESTRICTION', direction: 'forward'});
		expect(ctxTrace(443, 'udp')).toEqual({component: 'nlb-svc', type: 'load-balancer', code: 'ELBV2_LISTENERS_MISMATCH', direction: 'forward'});
		expect(ctxTrace(0, 'icmp')).toEqual({component: 'nlb-svc', type: 'load-balancer', code: 'ELBV2_LISTENERS_MISMATCH', direction: 'forward'});
	});

	it('without cross-zone balancing the node sends only to targets in its zone', () => {
		const off = service({targetZone: 'b'}).trace({from: 'i-cons', to: 'vpce-svc', port: 443});
		expect(off.blockedAt).toEqual({component: 'nlb-svc', type: 'load-balancer', code: 'ELBV2_NO_TARGETS_IN_AZ', direction: 'forward'});
		const on = service({targetZone: 'b', crossZone: true}).trace({from: 'i-cons', to: 'vpce-svc', port: 443});
		expect(on.reachable).toBe(true);
		expect(on.forward.find(h => h.action === 'translate')!.packet).toMatchObject({source: '10.50.0.100', destination: '10.50.2.10'});
	});

	it('the target\'s security group must admit the load balancer\'s address (or its group), not the consumer', () => {
		const consumerOnly = service();
		consumerOnly.doc.securityGroups.find(g => g.id === 'sg-svc')!.ingress = [tcp(8443, '10.60.0.0/16')];
		expect(consumerOnly.trace({from: 'i-cons', to: 'vpce-svc', port: 443}).blockedAt).toEqual({component: 'sg-svc', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
		const byGroup = service();
		byGroup.doc.securityGroups.find(g => g.id === 'sg-svc')!.ingress = [{protocol: 'tcp', fromPort: 8443, toPort: 8443, groupId: 'sg-nlb'}];
		expect(byGroup.trace({from: 'i-cons', to: 'vpce-svc', port: 443}).reachable).toBe(true);
	});

	it('the provider\'s ACLs check the load balancer\'s traffic both ways', () => {
		const inbound = service().nacl('acl-app', 'vpc-prov', [{ruleNumber: 100, protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', action: 'allow'}]);
		inbound.doc.subnets.find(s => s.id === 'subnet-svc-a')!.networkAclId = 'acl-app';
		expect(inbound.trace({from: 'i-cons', to: 'vpce-svc', port: 443}).blockedAt).toEqual({component: 'acl-app', type: 'network-acl', code: 'SUBNET_ACL_RESTRICTION', direction: 'forward'});
		const reply = service().nacl('acl-lb', 'vpc-prov', [{ruleNumber: 100, protocol: 'tcp', fromPort: 8443, toPort: 8443, cidr: '0.0.0.0/0', action: 'allow'}]);
		reply.doc.subnets.find(s => s.id === 'subnet-lb-a')!.networkAclId = 'acl-lb';
		const result = reply.trace({from: 'i-cons', to: 'vpce-svc', port: 443});
		expect(path(result.forward).at(-1)).toBe('i-svc deliver');
		expect(result.blockedAt).toEqual({component: 'acl-lb', type: 'network-acl', code: 'SUBNET_ACL_RESTRICTION', direction: 'return'});
	});

	it('the provider cannot open a connection to a consumer', () => {
		const b = service();
		b.doc.securityGroups.find(g => g.id === 'sg-vpce')!.ingress = [anywhere];
		const result = b.trace({from: 'i-svc', to: 'vpce-svc', port: 443});
		expect(result.blockedAt).toEqual({component: 'rtb-main-prov', type: 'route-table', code: 'NO_ROUTE_TO_DESTINATION', direction: 'forward'});
	});

	it('an endpoint of a service outside the topology is the end of the path', () => {
		const b = service();
		b.doc.vpcEndpoints[0]!.serviceName = 'com.amazonaws.us-east-1.sqs';
		const result = b.trace({from: 'i-cons', to: 'vpce-svc', port: 443});
		expect(result.reachable).toBe(true);
		expect(path(result.forward).at(-1)).toBe('vpce-svc deliver');
	});
});

describe('PrivateLink from outside the consumer VPC', () => {
	/** A template with the provider of service() added and an endpoint of its service in one of the template's subnets. */
	function withEndpoint(template: string, vpcId: string, subnetId: string, privateIp: string, groupId: string) {
		const doc = structuredClone(loadTemplate(template)) as unknown as Record<string, unknown[]>;
		const b = service();
		for (const key of ['vpcs', 'subnets', 'routeTables', 'networkAcls', 'securityGroups', 'instances', 'networkInterfaces', 'loadBalancers', 'targetGroups', 'endpointServices'] as const)
			doc[key]!.push(...(b.doc[key] as unknown[]).filter(r => (r as {vpcId?: string; id: string}).vpcId !== 'vpc-cons' && !(r as {id: string}).id.endsWith('-cons')));
		doc.securityGroups!.push({id: 'sg-vpce-office', vpcId, ingress: [tcp(443, '192.168.0.0/16')], egress: [anywhere]});
		doc.vpcEndpoints!.push({
			id: 'vpce-svc',
			vpcId,
			type: 'interface',
			serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-1',
			networkInterfaces: [{id: 'eni-vpce', subnetId, privateIp}],
			securityGroupIds: [groupId],
		});
		const checked = checkTopology(doc);
		if (!checked.ok) throw new Error(checked.problems.map(formatProblem).join('\n'));
		return prepare(checked.topology);
	}

	const overVpn = () => withEndpoint('site-to-site-vpn', 'vpc-corp', 'subnet-app-a', '10.40.1.50', 'sg-vpce-office');

	it('reaches the endpoint from another VPC over a transit gateway', () => {
		const ctx = withEndpoint('transit-gateway-hub', 'vpc-shared', 'subnet-shared-1a', '10.10.1.50', 'sg-shared');
		const result = trace(ctx, {from: 'app-a-1', to: 'vpce-svc', port: 443});
		expect(result.reachable).toBe(true);
		expect(result.forward.some(hop => hop.type.startsWith('transit-gateway'))).toBe(true);
		expect(path(result.forward).at(-1)).toBe('i-svc deliver');
		expect(path(result.return).at(-1)).toBe('i-app-a-1 deliver');
	});

	it('fact 32 (on premises over a VPN): the office reaches the endpoint and, through it, the provider', () => {
		const result = trace(overVpn(), {from: '192.168.10.25', to: 'vpce-svc', port: 443});
		expect(result.reachable).toBe(true);
		expect(path(result.forward)).toContain('sg-vpce-office allow');
		expect(path(result.forward).at(-1)).toBe('i-svc deliver');
		expect(path(result.return).at(-1)).toBe('site-office deliver');
	});

	it('a client VPN client reaches an endpoint in the VPC of its endpoint', () => {
		const b = service();
		b.doc.clientVpnEndpoints.push({
			id: 'cvpn-1',
			vpcId: 'vpc-cons',
			clientCidr: '10.250.0.0/22',
			targetNetworks: [{id: 'cvpn-assoc-1', subnetId: 'subnet-cons', privateIp: '10.60.1.25'}],
			authorizationRules: [{destinationCidr: '10.60.0.0/16'}],
		});
		const result = b.trace({from: 'client:cvpn-1', to: 'vpce-svc', port: 443});
		expect(result.reachable).toBe(true);
		expect(path(result.forward)).toContain('cvpn-1 translate');
		expect(path(result.forward).at(-1)).toBe('i-svc deliver');
		expect(path(result.return).at(-1)).toBe('cvpn-1 deliver');
	});
});

describe('the load balancer\'s own security groups', () => {
	it('check PrivateLink traffic by the consumer\'s address, as AWS does by default', () => {
		const b = service();
		b.doc.securityGroups.find(g => g.id === 'sg-nlb')!.ingress = [tcp(443, '10.70.0.0/16')];
		const result = b.trace({from: 'i-cons', to: 'vpce-svc', port: 443});
		expect(result.blockedAt).toEqual({component: 'sg-nlb', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
		b.doc.securityGroups.find(g => g.id === 'sg-nlb')!.ingress = [tcp(443, '10.60.0.0/16')];
		expect(path(b.trace({from: 'i-cons', to: 'vpce-svc', port: 443}).forward).slice(6, 9)).toEqual(['vpce-svc-1 forward', 'sg-nlb allow', 'nlb-svc forward']);
	});
});

describe('a network load balancer used directly inside its VPC', () => {
	it('forwards a connection sent to a node\'s address by the same listener, and the reply comes back from it', () => {
		const b = service().instance('i-inside', 'subnet-svc-b', '10.50.2.20', {groups: ['sg-nlb']});
		const result = b.trace({from: 'i-inside', to: '10.50.0.100', port: 443});
		expect(result.reachable).toBe(true);
		expect(path(result.forward).slice(4)).toEqual([
			'acl-default-prov allow',
			'sg-nlb allow',
			'nlb-svc forward',
			'nlb-svc translate',
			'acl-default-prov allow',
			'rtb-main-prov forward',
			'acl-default-prov allow',
			'sg-svc allow',
			'i-svc deliver',
		]);
		expect(path(result.return).slice(-3)).toEqual(['acl-default-prov allow', 'sg-nlb allow', 'i-inside deliver']);
		expect(b.trace({from: 'i-inside', to: '10.50.0.100', port: 22}).blockedAt?.code).toBe('ELBV2_LISTENER_PORT_RESTRICTION');
	});
});

describe('template results', () => {
	it('raise only listed codes, and every rewrite shows the header before and after', () => {
		for (const id of ['client-vpn', 'privatelink-service']) {
			const topology = loadTemplate(id);
			const ctx = prepare(topology);
			for (const suggested of topology.suggestedTraces) {
				const result = trace(ctx, {from: suggested.from, to: suggested.to, protocol: suggested.protocol, port: suggested.port});
				for (const hop of [...result.forward, ...result.return]) {
					if (hop.code !== undefined) expect(Object.hasOwn(codes, hop.code)).toBe(true);
					if (hop.action === 'translate') expect(hop.packet && hop.packetBefore).toBeTruthy();
				}
				for (const explanation of result.explanations) expect(Object.hasOwn(codes, explanation.code)).toBe(true);
			}
		}
	});
});
