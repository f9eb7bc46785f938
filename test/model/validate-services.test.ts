import {describe, expect, it} from 'vitest';
import {expectOnly, problemsAfter} from './helpers.js';

describe('peering', () => {
	it('connects two different existing VPCs', () => {
		const problems = problemsAfter(doc => {
			doc.peeringConnections.push({id: 'pcx-1', requesterVpcId: 'vpc-1', accepterVpcId: 'vpc-1'});
			doc.peeringConnections.push({id: 'pcx-2', requesterVpcId: 'vpc-1', accepterVpcId: 'vpc-9'});
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['peeringConnections[0].accepterVpcId', 'peering connection pcx-1: requester and accepter are both vpc-1; a peering connects two different VPCs'],
			['peeringConnections[1].accepterVpcId', 'peering connection pcx-2: accepterVpcId "vpc-9" does not exist; it must be the id of a VPC'],
		]);
	});

	it('refuses overlapping VPCs and names both blocks', () => {
		const problems = problemsAfter(doc => {
			doc.vpcs.push({id: 'vpc-3', name: 'vpc-b', cidrBlocks: ['10.5.0.0/16', '10.0.0.0/16']});
			doc.peeringConnections.push({id: 'pcx-1', requesterVpcId: 'vpc-1', accepterVpcId: 'vpc-3'});
		});
		expectOnly(problems, 'peeringConnections[0].accepterVpcId', 'peering connection pcx-1: vpc-app 10.0.0.0/16 overlaps vpc-b 10.0.0.0/16; peered VPCs must not overlap');
	});

	it('allows one live peering per VPC pair, in either direction', () => {
		const problems = problemsAfter(doc => {
			doc.peeringConnections.push({id: 'pcx-1', requesterVpcId: 'vpc-1', accepterVpcId: 'vpc-2', status: 'deleted'});
			doc.peeringConnections.push({id: 'pcx-2', requesterVpcId: 'vpc-1', accepterVpcId: 'vpc-2'});
			doc.peeringConnections.push({id: 'pcx-3', requesterVpcId: 'vpc-2', accepterVpcId: 'vpc-1'});
		});
		expectOnly(problems, 'peeringConnections[2]', 'peering connection pcx-3: pcx-2 already peers vpc-db and vpc-app; there is at most one peering per VPC pair');
	});
});

describe('VPC endpoints', () => {
	it('serves only S3 and DynamoDB through a gateway endpoint, in route tables of its VPC, without interfaces', () => {
		const problems = problemsAfter(doc =>
			doc.vpcEndpoints.push({
				id: 'vpce-1',
				vpcId: 'vpc-1',
				type: 'gateway',
				serviceName: 'com.amazonaws.us-east-1.sqs',
				routeTableIds: ['rtb-2'],
				networkInterfaces: [{id: 'vpce-eni-1', subnetId: 'subnet-1', privateIp: '10.0.1.40'}],
			}),
		);
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['vpcEndpoints[0].serviceName', 'VPC endpoint vpce-1: serviceName com.amazonaws.us-east-1.sqs has no gateway endpoint; gateway endpoints serve only S3 and DynamoDB (com.amazonaws.<region>.s3 or .dynamodb)'],
			['vpcEndpoints[0].networkInterfaces', 'VPC endpoint vpce-1: is a gateway endpoint, which has no network interfaces; use an interface endpoint for those'],
			['vpcEndpoints[0].routeTableIds[0]', 'VPC endpoint vpce-1: route table db-main (rtb-2) belongs to vpc-db, not vpc-app; a gateway endpoint serves route tables of its own VPC'],
		]);
	});

	it('puts interface endpoint interfaces in subnets of its VPC, one per AZ', () => {
		const problems = problemsAfter(doc => {
			doc.subnets.push({id: 'subnet-4', vpcId: 'vpc-1', cidr: '10.0.4.0/24', availabilityZone: 'us-east-1a'});
			doc.vpcEndpoints.push({
				id: 'vpce-1',
				vpcId: 'vpc-1',
				type: 'interface',
				serviceName: 'com.amazonaws.us-east-1.sqs',
				networkInterfaces: [
					{id: 'vpce-eni-1', subnetId: 'subnet-1', privateIp: '10.0.1.40'},
					{id: 'vpce-eni-2', subnetId: 'subnet-3', privateIp: '10.1.1.40'},
					{id: 'vpce-eni-3', subnetId: 'subnet-4', privateIp: '10.0.4.1'},
				],
			});
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['vpcEndpoints[0].networkInterfaces[1].subnetId', 'VPC endpoint vpce-1: subnet db-a (subnet-3) is in vpc-db, not vpc-app; an interface endpoint must be in subnets of its own VPC'],
			['vpcEndpoints[0].networkInterfaces[2].subnetId', 'VPC endpoint vpce-1: subnet subnet-4 is in us-east-1a, like web-a (subnet-1); an interface endpoint can use one subnet per availability zone'],
			['vpcEndpoints[0].networkInterfaces[2].privateIp', 'VPC endpoint vpce-1: networkInterfaces[2].privateIp 10.0.4.1 is reserved by AWS for the VPC router of subnet subnet-4; choose an address from 10.0.4.4 to 10.0.4.254'],
		]);
	});
});

describe('load balancing', () => {
	it('puts nodes in subnets of its VPC, one per AZ', () => {
		const problems = problemsAfter(doc =>
			doc.loadBalancers.push({
				id: 'nlb-1',
				name: 'front',
				vpcId: 'vpc-2',
				nodes: [
					{subnetId: 'subnet-3', privateIp: '10.1.1.50'},
					{subnetId: 'subnet-1', privateIp: '10.0.1.50'},
				],
			}),
		);
		expectOnly(problems, 'loadBalancers[0].nodes[1].subnetId', 'load balancer front (nlb-1): subnet web-a (subnet-1) is in vpc-app, not vpc-db; a load balancer must be in subnets of its own VPC');
	});

	it('checks target addresses of an ip target group', () => {
		const problems = problemsAfter(doc =>
			doc.targetGroups.push({id: 'tg-1', protocol: 'TCP', port: 80, vpcId: 'vpc-1', targetType: 'ip', targets: [{target: '10.0.1.10'}, {target: 'i-1'}]}),
		);
		expectOnly(problems, 'targetGroups[0].targets[1].target', 'target group tg-1: target "i-1" is not an IPv4 address; targets of an ip target group are addresses');
	});

	it('fronts an endpoint service with a network or gateway load balancer', () => {
		const problems = problemsAfter(doc => {
			doc.loadBalancers.push({id: 'alb-1', type: 'application', vpcId: 'vpc-1', nodes: [{subnetId: 'subnet-1', privateIp: '10.0.1.50'}]});
			doc.loadBalancers.push({id: 'nlb-1', type: 'network', vpcId: 'vpc-1', nodes: [{subnetId: 'subnet-2', privateIp: '10.0.2.50'}]});
			doc.endpointServices.push({id: 'vpce-svc-1', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-1', loadBalancerIds: ['nlb-1', 'alb-1', 'nlb-9']});
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['endpointServices[0].loadBalancerIds[1]', 'endpoint service vpce-svc-1: load balancer alb-1 is an application load balancer; an endpoint service is fronted by a network or gateway load balancer'],
			['endpointServices[0].loadBalancerIds[2]', 'endpoint service vpce-svc-1: loadBalancerIds[2] "nlb-9" does not exist; it must be the id of a load balancer'],
		]);
	});
});
