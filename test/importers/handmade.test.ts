import {describe, expect, it} from 'vitest';
import {importAwsSnapshot} from '../../source/importers/aws/index.js';
import {checkTopology} from '../../source/model/load.js';
import {handmade} from './handmade-snapshot.js';
import {writeSnapshot} from './snapshot-helpers.js';

describe('a hand-made snapshot covering every key', () => {
	const result = importAwsSnapshot(writeSnapshot(handmade), {name: 'handmade'});
	const {topology} = result;
	const find = <T extends {id: string}>(list: T[], id: string) => list.find(item => item.id === id)!;

	it('maps route origins, states, prefix-list destinations and propagating VGWs; IPv6 routes are noted', () => {
		const main = find(topology.routeTables, 'rtb-main');
		expect(main.main).toBe(true);
		expect(main.propagatingVgwIds).toEqual(['vgw-1']);
		expect(main.routes).toContainEqual({destinationCidr: '0.0.0.0/0', target: 'nat-1', origin: 'static', state: 'active'});
		expect(main.routes).toContainEqual({destinationCidr: '172.16.0.0/16', target: 'vgw-1', origin: 'propagated', state: 'active'});
		expect(main.routes).toContainEqual({destinationPrefixListId: 'pl-s3', target: 'vpce-s3', origin: 'static', state: 'active'});
		expect(result.unmapped).toContainEqual({resourceId: 'rtb-main', field: 'Routes', reason: '1 IPv6 route left out (vpcsim models IPv4)'});
	});

	it('turns an active route to a target outside the snapshot into a blackhole, and says so', () => {
		const main = find(topology.routeTables, 'rtb-main');
		expect(main.routes).toContainEqual({destinationCidr: '10.50.0.0/16', target: 'pcx-elsewhere', origin: 'static', state: 'blackhole'});
		expect(result.unmapped.some(n => n.resourceId === 'rtb-main' && n.reason.includes('pcx-elsewhere'))).toBe(true);
	});

	it('associates subnets with their route tables and NACLs, or leaves them on the main/default', () => {
		expect(find(topology.subnets, 'subnet-pub').routeTableId).toBe('rtb-pub');
		expect(find(topology.subnets, 'subnet-priv').routeTableId).toBe('rtb-main');
		expect(find(topology.subnets, 'subnet-pub').networkAclId).toBeUndefined();
	});

	it('keeps NACL entries in rule order with their direction, ports and ICMP type, without the * rule or IPv6', () => {
		const acl = find(topology.networkAcls, 'acl-app');
		expect(acl.inbound).toEqual([
			{ruleNumber: 80, protocol: 'icmp', icmpType: 3, icmpCode: 4, cidr: '0.0.0.0/0', action: 'allow'},
			{ruleNumber: 90, protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '203.0.113.0/24', action: 'deny'},
			{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'},
		]);
		expect(acl.outbound).toEqual([{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}]);
	});

	it('expands security group permissions into rules per peer, and leaves out references it cannot resolve', () => {
		const group = find(topology.securityGroups, 'sg-app');
		expect(group.ingress).toEqual([
			{protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', description: 'https'},
			{protocol: 'icmp', icmpType: 8, cidr: '10.0.0.0/8', description: undefined},
			{protocol: 'all', groupId: 'sg-app', description: undefined},
		]);
		expect(group.egress).toContainEqual({protocol: 'tcp', fromPort: 443, toPort: 443, prefixListId: 'pl-s3', description: undefined});
		expect(result.unmapped.some(n => n.resourceId === 'sg-app' && n.reason.includes('sg-other-account'))).toBe(true);
	});

	it('imports running instances only, with platform, source/dest check and the elastic IP', () => {
		expect(topology.instances.map(i => i.id).sort()).toEqual(['i-target', 'i-web']);
		expect(find(topology.instances, 'i-web')).toMatchObject({name: 'web-1', platform: 'windows'});
		expect(find(topology.networkInterfaces, 'eni-web')).toMatchObject({publicIp: '198.51.100.20', publicIpKind: 'elastic', sourceDestCheck: false, securityGroupIds: ['sg-app']});
		expect(result.leftOut).toContainEqual({resourceId: 'i-stopped', reason: 'instance is stopped (only running instances are imported)'});
		expect(topology.networkInterfaces.some(e => e.id === 'eni-of-stopped')).toBe(false);
	});

	it('imports standalone interfaces (RDS) as destinations, but not those owned by gateways and endpoints', () => {
		expect(find(topology.networkInterfaces, 'eni-rds')).toMatchObject({privateIp: '10.0.1.70', description: 'RDSNetworkInterface'});
		for (const owned of ['eni-nat', 'eni-vpce', 'eni-nlb', 'eni-cvpn']) expect(topology.networkInterfaces.some(e => e.id === owned)).toBe(false);
	});

	it('maps the NAT gateway with its elastic IP and leaves out the deleted one', () => {
		expect(find(topology.natGateways, 'nat-1')).toMatchObject({subnetId: 'subnet-pub', connectivity: 'public', privateIp: '10.0.0.100', publicIp: '198.51.100.10'});
		expect(result.leftOut).toContainEqual({resourceId: 'nat-old', reason: 'NAT gateway is deleted'});
		expect(find(topology.egressOnlyInternetGateways, 'eigw-1').vpcId).toBe('vpc-app');
	});

	it('maps gateway and interface endpoints, the S3 prefix list, and customer prefix lists with entries', () => {
		expect(find(topology.vpcEndpoints, 'vpce-s3')).toMatchObject({type: 'gateway', prefixListId: 'pl-s3', routeTableIds: ['rtb-main']});
		expect(find(topology.vpcEndpoints, 'vpce-svc-consumer')).toMatchObject({
			type: 'interface', state: 'pending-acceptance', securityGroupIds: ['sg-endpoint'],
			networkInterfaces: [{id: 'eni-vpce', subnetId: 'subnet-priv', privateIp: '10.0.1.50'}],
		});
		expect(find(topology.prefixLists, 'pl-s3')).toMatchObject({ownership: 'aws-managed', serviceName: 'com.amazonaws.us-east-1.s3', cidrs: ['52.216.0.0/15', '54.231.0.0/16']});
		expect(find(topology.prefixLists, 'pl-office')).toMatchObject({ownership: 'customer-managed', cidrs: ['192.0.2.0/24']});
	});

	it('maps the endpoint service with its NLB, listener, target group and targets', () => {
		const [lb] = topology.loadBalancers;
		expect(lb).toMatchObject({name: 'svc-nlb', type: 'network', nodes: [{subnetId: 'subnet-svc', privateIp: '10.9.1.10'}]});
		expect(lb!.listeners).toEqual([{protocol: 'TCP', port: 443, targetGroupId: expect.stringContaining('targetgroup/svc-tg')}]);
		expect(topology.targetGroups[0]).toMatchObject({port: 8443, targetType: 'instance', targets: [{target: 'i-target', port: 8443}]});
		expect(find(topology.endpointServices, 'vpce-svc-1')).toMatchObject({acceptanceRequired: true, loadBalancerIds: [lb!.id]});
	});

	it('maps the VPN to the VGW: static routes in effect, tunnel states, never the pre-shared keys', () => {
		expect(find(topology.vpnConnections, 'vpn-1')).toMatchObject({vpnGatewayId: 'vgw-1', routing: 'static', staticRoutes: ['172.16.0.0/16'], tunnels: [{outsideIp: '198.51.100.1', status: 'UP'}, {outsideIp: '198.51.100.2', status: 'DOWN'}]});
		expect(find(topology.vpnGateways, 'vgw-1')).toMatchObject({vpcId: 'vpc-app', asn: 64512});
		const saved = JSON.stringify(topology);
		expect(saved).not.toContain('SECRET-PSK');
	});

	it('derives an on-premises site from the VPN static routes and DX-propagated prefixes, and links it', () => {
		expect(topology.sites).toHaveLength(1);
		const [site] = topology.sites;
		expect(site!.cidrs).toEqual(['172.16.0.0/16']);
		expect(find(topology.customerGateways, 'cgw-1').siteId).toBe(site!.id);
		expect(find(topology.dxConnections, 'dxcon-1').siteId).toBe(site!.id);
	});

	it('maps the client VPN endpoint with its association address, routes and authorization rules', () => {
		expect(find(topology.clientVpnEndpoints, 'cvpn-endpoint-1')).toMatchObject({
			clientCidr: '100.64.0.0/22', splitTunnel: true, securityGroupIds: ['sg-app'],
			targetNetworks: [{id: 'cvpn-assoc-1', subnetId: 'subnet-priv', privateIp: '10.0.1.60'}],
			routes: [{destinationCidr: '10.0.0.0/16', targetSubnetId: 'subnet-priv'}],
			authorizationRules: [{destinationCidr: '10.0.1.0/24', accessAll: true, groupId: undefined}],
		});
	});

	it('maps Direct Connect: gateway, VGW association with allowed prefixes, the private VIF and its connection', () => {
		expect(find(topology.dxGateways, 'dxgw-1')).toMatchObject({name: 'corp-dx', associations: [{gatewayId: 'vgw-1', allowedPrefixes: ['10.0.0.0/16'], state: 'associated'}]});
		expect(find(topology.virtualInterfaces, 'dxvif-1')).toMatchObject({type: 'private', connectionId: 'dxcon-1', dxGatewayId: 'dxgw-1'});
	});

	it('round-trips: the imported topology, written out and loaded again, is the same', () => {
		const reloaded = checkTopology(JSON.parse(JSON.stringify(topology)));
		expect(reloaded.ok).toBe(true);
		if (reloaded.ok) expect(reloaded.topology).toEqual(JSON.parse(JSON.stringify(topology)));
	});
});
