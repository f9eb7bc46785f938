import {describe, expect, it} from 'vitest';
import type {Doc} from './helpers.js';
import {expectOnly, problemsAfter} from './helpers.js';

type RouteInput = NonNullable<Doc['routeTables'][number]['routes']>[number];

/** Problems after adding `routes` to vpc-app's main table (which already routes 0.0.0.0/0 to igw-1). */
function withRoutes(routes: RouteInput[], change?: (doc: Doc) => void) {
	return problemsAfter(doc => {
		doc.routeTables[0]!.routes!.push(...routes);
		change?.(doc);
	});
}

const prefix = 'route table app-main (rtb-1): ';

describe('route destinations', () => {
	it('needs exactly one destination', () => {
		const both = withRoutes([{destinationCidr: '10.5.0.0/16', destinationPrefixListId: 'pl-1', target: 'igw-1'}], doc => doc.prefixLists.push({id: 'pl-1'}));
		expectOnly(both, 'routeTables[0].routes[1]', `${prefix}route 10.5.0.0/16 -> igw-1 needs exactly one of destinationCidr and destinationPrefixListId`);
		const none = withRoutes([{target: 'igw-1'}]);
		expectOnly(none, 'routeTables[0].routes[1]', `${prefix}route (no destination) -> igw-1 needs exactly one of destinationCidr and destinationPrefixListId`);
	});

	it('refuses two routes with the same destination and origin', () => {
		const problems = withRoutes([{destinationCidr: '0.0.0.0/0', target: 'igw-1'}]);
		expectOnly(problems, 'routeTables[0].routes[1]', `${prefix}route 0.0.0.0/0 -> igw-1 repeats the destination of route 0.0.0.0/0 -> igw-1 (both static); a route table holds one static route per destination`);
	});

	it('allows a static and a propagated route to the same destination', () => {
		const problems = withRoutes([{destinationCidr: '0.0.0.0/0', target: 'vgw-1', origin: 'propagated'}], doc => {
			doc.vpnGateways.push({id: 'vgw-1', vpcId: 'vpc-1'});
			doc.routeTables[0]!.propagatingVgwIds = ['vgw-1'];
		});
		expect(problems).toEqual([]);
	});

	it('refuses the reserved 169.254.168.0/22', () => {
		const problems = withRoutes([{destinationCidr: '169.254.169.0/24', target: 'igw-1'}]);
		expectOnly(problems, 'routeTables[0].routes[1].destinationCidr', `${prefix}route 169.254.169.0/24 -> igw-1: 169.254.169.0/24 is inside 169.254.168.0/22, which AWS reserves; it cannot be a route destination`);
	});
});

describe('the local route', () => {
	it('allows an explicit local route for a VPC block', () => {
		expect(withRoutes([{destinationCidr: '10.0.0.0/16', target: 'local', origin: 'local'}])).toEqual([]);
	});

	it('refuses local for anything else', () => {
		const problems = withRoutes([{destinationCidr: '10.1.0.0/16', target: 'local'}]);
		expectOnly(problems, 'routeTables[0].routes[1].target', `${prefix}route 10.1.0.0/16 -> local: target local only serves vpc-app's own blocks (10.0.0.0/16); 10.1.0.0/16 is not one of them`);
	});

	it('refuses a route more specific than local that is not a whole subnet', () => {
		const problems = withRoutes([{destinationCidr: '10.0.2.0/25', target: 'eni-1'}]);
		expectOnly(problems, 'routeTables[0].routes[1].destinationCidr', `${prefix}route 10.0.2.0/25 -> eni-1: a route more specific than the local route must cover a whole subnet, e.g. 10.0.2.0/24`);
	});

	it('allows a whole subnet to a network interface, an instance or a NAT gateway', () => {
		const problems = withRoutes(
			[
				{destinationCidr: '10.0.2.0/24', target: 'eni-1'},
				{destinationCidr: '10.0.1.0/24', target: 'i-1'},
			],
			doc => {
				doc.natGateways.push({id: 'nat-1', subnetId: 'subnet-1', connectivity: 'private', privateIp: '10.0.1.20'});
				doc.routeTables.push({id: 'rtb-3', vpcId: 'vpc-1', routes: [{destinationCidr: '10.0.2.0/24', target: 'nat-1'}]});
			},
		);
		expect(problems).toEqual([]);
	});

	it('refuses a whole subnet to an internet gateway', () => {
		const problems = withRoutes([{destinationCidr: '10.0.2.0/24', target: 'igw-1'}]);
		expectOnly(problems, 'routeTables[0].routes[1].target', `${prefix}route 10.0.2.0/24 -> igw-1: 10.0.2.0/24 is more specific than the local route, so it must target a NAT gateway, a network interface or an instance, not an internet gateway`);
	});

	it('allows a more specific propagated route (local wins over it)', () => {
		const problems = withRoutes([{destinationCidr: '10.0.5.0/24', target: 'vgw-1', origin: 'propagated'}], doc => doc.vpnGateways.push({id: 'vgw-1', vpcId: 'vpc-1'}));
		expect(problems).toEqual([]);
	});
});

describe('route targets', () => {
	it('refuses an active route to a missing target and accepts a blackhole one', () => {
		const active = withRoutes([{destinationCidr: '10.8.0.0/16', target: 'pcx-gone'}]);
		expectOnly(active, 'routeTables[0].routes[1].target', `${prefix}route 10.8.0.0/16 -> pcx-gone: target "pcx-gone" does not exist; an active route needs an existing target (a route to a deleted target has state blackhole)`);
		expect(withRoutes([{destinationCidr: '10.8.0.0/16', target: 'pcx-gone', state: 'blackhole'}])).toEqual([]);
	});

	it('refuses a resource that cannot be a target', () => {
		const problems = withRoutes([{destinationCidr: '10.8.0.0/16', target: 'subnet-1'}]);
		expectOnly(problems, 'routeTables[0].routes[1].target', /^route table app-main \(rtb-1\): route 10\.8\.0\.0\/16 -> subnet-1: target subnet-1 is a subnet, which cannot be a route target; use local, an internet gateway, /);
	});

	it('refuses an internet gateway of another VPC, but not in a blackhole route', () => {
		const change = (doc: Doc) => doc.internetGateways.push({id: 'igw-2', vpcId: 'vpc-2'});
		const problems = withRoutes([{destinationCidr: '8.8.8.0/24', target: 'igw-2'}], change);
		expectOnly(problems, 'routeTables[0].routes[1].target', `${prefix}route 8.8.8.0/24 -> igw-2: target igw-2 is not attached to vpc-app; attach it or choose vpc-app's own gateway`);
		expect(withRoutes([{destinationCidr: '8.8.8.0/24', target: 'igw-2', state: 'blackhole'}], change)).toEqual([]);
	});

	it('refuses an egress-only gateway (IPv6 only, even in its own VPC) and a VGW of another VPC', () => {
		const problems = withRoutes(
			[
				{destinationCidr: '8.8.8.0/24', target: 'eigw-1'},
				{destinationCidr: '192.168.0.0/16', target: 'vgw-1'},
			],
			doc => {
				doc.egressOnlyInternetGateways.push({id: 'eigw-1', vpcId: 'vpc-1'});
				doc.vpnGateways.push({id: 'vgw-1'});
			},
		);
		expect(problems.map(p => p.message)).toEqual([
			`${prefix}route 8.8.8.0/24 -> eigw-1: target eigw-1 is an egress-only internet gateway, which carries IPv6 traffic only; for IPv4 use an internet gateway or a NAT gateway`,
			`${prefix}route 192.168.0.0/16 -> vgw-1: target vgw-1 is not attached to vpc-app; attach it or choose vpc-app's own gateway`,
		]);
	});

	it('refuses a NAT gateway, interface or instance of another VPC', () => {
		const problems = problemsAfter(doc => {
			doc.natGateways.push({id: 'nat-1', subnetId: 'subnet-3', connectivity: 'private', privateIp: '10.1.1.20'});
			doc.networkInterfaces.push({id: 'eni-2', subnetId: 'subnet-3', privateIp: '10.1.1.30', instanceId: 'i-2', deviceIndex: 0});
			doc.instances.push({id: 'i-2'});
			doc.routeTables[0]!.routes!.push(
				{destinationCidr: '10.7.0.0/16', target: 'nat-1'},
				{destinationCidr: '10.8.0.0/16', target: 'eni-2'},
				{destinationCidr: '10.9.0.0/16', target: 'i-2'},
			);
		});
		expect(problems.map(p => p.message)).toEqual([
			`${prefix}route 10.7.0.0/16 -> nat-1: target nat-1 is not in vpc-app; a route can only use a NAT gateway of its own VPC`,
			`${prefix}route 10.8.0.0/16 -> eni-2: target eni-2 is not in vpc-app; a route can only use a network interface of its own VPC`,
			`${prefix}route 10.9.0.0/16 -> i-2: target i-2 has no network interface in vpc-app`,
		]);
	});

	it('needs a peering connection that has the VPC on one side', () => {
		const problems = withRoutes([{destinationCidr: '10.3.0.0/16', target: 'pcx-1'}], doc => {
			doc.vpcs.push({id: 'vpc-3', cidrBlocks: ['10.3.0.0/16']});
			doc.peeringConnections.push({id: 'pcx-1', requesterVpcId: 'vpc-2', accepterVpcId: 'vpc-3'});
		});
		expectOnly(problems, 'routeTables[0].routes[1].target', `${prefix}route 10.3.0.0/16 -> pcx-1: target pcx-1 does not connect vpc-app; use a peering connection that has vpc-app as requester or accepter`);
	});

	it('needs a transit gateway with a VPC attachment for the VPC', () => {
		const change = (doc: Doc) => {
			doc.transitGateways.push({id: 'tgw-1'});
			doc.transitGatewayAttachments.push({id: 'tgw-attach-1', transitGatewayId: 'tgw-1', type: 'vpc', resourceId: 'vpc-2', subnetIds: ['subnet-3']});
		};
		const problems = withRoutes([{destinationCidr: '10.1.0.0/16', target: 'tgw-1'}], change);
		expectOnly(problems, 'routeTables[0].routes[1].target', `${prefix}route 10.1.0.0/16 -> tgw-1: target tgw-1 has no VPC attachment for vpc-app; attach vpc-app to it first`);
		const fixed = withRoutes([{destinationCidr: '10.1.0.0/16', target: 'tgw-1'}], doc => {
			change(doc);
			doc.transitGatewayAttachments.push({id: 'tgw-attach-2', transitGatewayId: 'tgw-1', type: 'vpc', resourceId: 'vpc-1', subnetIds: ['subnet-1']});
		});
		expect(fixed).toEqual([]);
	});

	it('uses a gateway endpoint of the VPC only with its prefix list', () => {
		const endpoint = (doc: Doc) => {
			doc.prefixLists.push({id: 'pl-s3', ownership: 'aws-managed', cidrs: ['52.216.0.0/15']});
			doc.vpcEndpoints.push({id: 'vpce-1', vpcId: 'vpc-1', type: 'gateway', serviceName: 'com.amazonaws.us-east-1.s3', routeTableIds: ['rtb-1'], prefixListId: 'pl-s3'});
		};
		expect(withRoutes([{destinationPrefixListId: 'pl-s3', target: 'vpce-1'}], endpoint)).toEqual([]);
		const cidr = withRoutes([{destinationCidr: '52.216.0.0/15', target: 'vpce-1'}], endpoint);
		expectOnly(cidr, 'routeTables[0].routes[1].target', `${prefix}route 52.216.0.0/15 -> vpce-1: target vpce-1 is a gateway endpoint; its route has the service's prefix list as destination (destinationPrefixListId), not a CIDR`);
		const otherVpc = problemsAfter(doc => {
			endpoint(doc);
			doc.routeTables[1]!.routes = [{destinationPrefixListId: 'pl-s3', target: 'vpce-1'}];
		});
		expectOnly(otherVpc, 'routeTables[1].routes[0].target', 'route table db-main (rtb-2): route pl-s3 -> vpce-1: target vpce-1 is an endpoint of vpc-app, not vpc-db');
	});

	it('refuses an interface endpoint as a target', () => {
		const problems = withRoutes([{destinationCidr: '10.6.0.0/16', target: 'vpce-2'}], doc =>
			doc.vpcEndpoints.push({id: 'vpce-2', vpcId: 'vpc-1', type: 'interface', serviceName: 'com.amazonaws.us-east-1.sqs'}),
		);
		expectOnly(problems, 'routeTables[0].routes[1].target', `${prefix}route 10.6.0.0/16 -> vpce-2: target vpce-2 is an interface endpoint; only a gateway endpoint can be a route target`);
	});
});

describe('route table associations with gateways', () => {
	it('needs propagating VGWs attached to the same VPC', () => {
		const problems = problemsAfter(doc => {
			doc.vpnGateways.push({id: 'vgw-1', vpcId: 'vpc-2'});
			doc.routeTables[0]!.propagatingVgwIds = ['vgw-1'];
		});
		expectOnly(problems, 'routeTables[0].propagatingVgwIds[0]', `${prefix}virtual private gateway vgw-1 is not attached to vpc-app; only a virtual private gateway attached to the table's VPC can propagate routes into it`);
	});

	it('needs edge-associated gateways of the same VPC, of the right kind', () => {
		const problems = problemsAfter(doc => {
			doc.internetGateways.push({id: 'igw-2', vpcId: 'vpc-2'});
			doc.routeTables[0]!.gatewayIds = ['igw-1', 'igw-2', 'eni-1'];
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['routeTables[0].gatewayIds[1]', `${prefix}gateway igw-2 is not attached to vpc-app; a gateway route table is associated only with a gateway of its own VPC`],
			['routeTables[0].gatewayIds[2]', `${prefix}gatewayIds[2] "eni-1" is a network interface, not an internet gateway or a virtual private gateway`],
		]);
	});
});
