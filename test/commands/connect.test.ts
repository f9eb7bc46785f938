import {describe, expect, test} from 'vitest';
import {build, refuse} from './fixture.js';

const base = ['add vpc a 10.0.0.0/16', 'add vpc b 10.1.0.0/16', 'add subnet a-1 a 10.0.1.0/24 az=us-east-1a', 'add subnet a-2 a 10.0.2.0/24 az=us-east-1b'];

describe('peering', () => {
	test('a peering connection starts pending and is accepted', () => {
		let topology = build([...base, 'add pcx a-b requester=a accepter=b']);
		expect(topology.peeringConnections[0]).toMatchObject({name: 'a-b', requesterVpcId: topology.vpcs[0]!.id, accepterVpcId: topology.vpcs[1]!.id, status: 'pending-acceptance'});
		topology = build(['accept pcx a-b'], topology);
		expect(topology.peeringConnections[0]!.status).toBe('active');
		expect(refuse(topology, 'accept pcx a-b')).toContain('is active, not pending acceptance');
		expect(refuse(topology, 'add pcx again b a')).toContain('are already peered by a-b');
	});

	test('peering between overlapping VPCs is refused', () => {
		const topology = build([...base, 'add vpc c 10.0.0.0/16']);
		expect(refuse(topology, 'add pcx a-c a c')).toMatch(/overlap/);
		expect(refuse(topology, 'add pcx a-a a a')).toBe('a VPC cannot peer with itself');
	});
});

describe('prefix lists and endpoints', () => {
	test('prefix list entries are added and removed', () => {
		let topology = build([...base, 'add pl office 192.0.2.0/24', 'add pl-entry office 198.51.100.0/24']);
		expect(topology.prefixLists[0]).toMatchObject({ownership: 'customer-managed', cidrs: ['192.0.2.0/24', '198.51.100.0/24']});
		topology = build(['rm pl-entry office 192.0.2.0/24'], topology);
		expect(topology.prefixLists[0]!.cidrs).toEqual(['198.51.100.0/24']);
	});

	test('a gateway endpoint adds the prefix-list route to its tables and takes it away again', () => {
		let topology = build([
			...base,
			'add pl s3-list 52.216.0.0/15 ownership=aws-managed service=com.amazonaws.us-east-1.s3',
			'add vpce s3 gateway vpc=a service=com.amazonaws.us-east-1.s3 rtb=a-main',
		]);
		const endpoint = topology.vpcEndpoints[0]!;
		expect(endpoint).toMatchObject({type: 'gateway', prefixListId: topology.prefixLists[0]!.id, routeTableIds: [topology.routeTables[0]!.id]});
		expect(topology.routeTables[0]!.routes).toEqual([{destinationPrefixListId: topology.prefixLists[0]!.id, target: endpoint.id, origin: 'static', state: 'active'}]);
		topology = build(['rm vpce s3'], topology);
		expect(topology.routeTables[0]!.routes).toEqual([]);
		expect(refuse(build(base), 'add vpce s3 gateway a com.amazonaws.us-east-1.s3')).toContain('no prefix list for com.amazonaws.us-east-1.s3');
	});

	test('an interface endpoint gets one interface per subnet, one subnet per zone', () => {
		const topology = build([...base, 'add vpce ssm interface a com.amazonaws.us-east-1.ssm subnet=a-1,a-2']);
		const endpoint = topology.vpcEndpoints[0]!;
		expect(endpoint.networkInterfaces.map(eni => [eni.subnetId, eni.privateIp])).toEqual([
			[topology.subnets[0]!.id, '10.0.1.4'],
			[topology.subnets[1]!.id, '10.0.2.4'],
		]);
		expect(new Set(endpoint.networkInterfaces.map(eni => eni.id)).size).toBe(2);
		expect(endpoint.securityGroupIds).toEqual([topology.securityGroups.find(sg => sg.vpcId === endpoint.vpcId && sg.isDefault)!.id]);
		const crowded = build(['add subnet a-3 a 10.0.3.0/24 az=us-east-1a'], topology);
		expect(refuse(crowded, 'add vpce ec2 interface a com.amazonaws.us-east-1.ec2 subnet=a-1,a-3')).toContain('at most one subnet per availability zone');
	});
});

describe('PrivateLink provider side', () => {
	test('load balancer, listener, target group, targets and endpoint service', () => {
		const topology = build([
			...base,
			'add instance app-1 a-1',
			'add tg svc TCP 8443 vpc=a',
			'add target svc app-1 port=9443',
			'add lb nlb a a-1,a-2 cross-zone=true',
			'add listener nlb TCP 443 tg=svc',
			'add vpce-service billing lb=nlb acceptance=true',
		]);
		const lb = topology.loadBalancers[0]!;
		expect(lb).toMatchObject({type: 'network', scheme: 'internal', crossZone: true, listeners: [{protocol: 'TCP', port: 443, targetGroupId: topology.targetGroups[0]!.id}]});
		expect(lb.nodes.map(node => node.privateIp)).toEqual(['10.0.1.5', '10.0.2.4']);
		expect(topology.targetGroups[0]!.targets).toEqual([{target: topology.instances[0]!.id, port: 9443}]);
		const service = topology.endpointServices[0]!;
		expect(service).toMatchObject({acceptanceRequired: true, loadBalancerIds: [lb.id], serviceName: `com.amazonaws.vpce.us-east-1.${service.id}`});
		expect(refuse(topology, 'add listener nlb TCP 443 tg=svc')).toContain('already listens on port 443');
		expect(refuse(topology, 'rm lb nlb')).toContain('billing still uses it');
		const emptied = build(['rm target svc app-1', 'rm listener nlb 443'], topology);
		expect(emptied.targetGroups[0]!.targets).toEqual([]);
		expect(emptied.loadBalancers[0]!.listeners).toEqual([]);
	});

	test('ip target groups take addresses', () => {
		const topology = build([...base, 'add tg svc TCP 80 vpc=a type=ip', 'add target svc 10.0.1.77']);
		expect(topology.targetGroups[0]!.targets).toEqual([{target: '10.0.1.77'}]);
	});
});
