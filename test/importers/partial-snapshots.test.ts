// Real snapshots are often partial or written by other tools: Direct Connect documents in
// PascalCase (as Batfish writes them) next to camelCase (as the AWS CLI prints them), and
// resources whose VPC was not collected. Neither may stop an import.
import {describe, expect, it} from 'vitest';
import {importAwsSnapshot} from '../../source/importers/aws/index.js';
import {writeSnapshot} from './snapshot-helpers.js';

const vpc = {Vpcs: [{VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16'}]};
const tgArn = 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/elsewhere/1';

describe('partial and differently written snapshots', () => {
	it('reads Direct Connect documents in PascalCase as well as camelCase', () => {
		const dir = writeSnapshot({
			'Vpcs.json': vpc,
			'DirectConnectGateways.json': {DirectConnectGateways: [{DirectConnectGatewayId: 'dxgw-uuid-1', DirectConnectGatewayName: 'corp', AmazonSideAsn: 64513, DirectConnectGatewayState: 'available'}]},
			'DirectConnectGatewayAssociations.json': {DirectConnectGatewayAssociations: [
				{DirectConnectGatewayId: 'dxgw-uuid-1', AssociationState: 'associated', AssociatedGateway: {Id: 'vgw-1', Type: 'virtualPrivateGateway'}, AllowedPrefixesToDirectConnectGateway: [{Cidr: '10.0.0.0/16'}]},
			]},
			'VirtualInterfaces.json': {VirtualInterfaces: [{VirtualInterfaceId: 'dxvif-1', VirtualInterfaceType: 'private', ConnectionId: 'dxcon-1', DirectConnectGatewayId: 'dxgw-uuid-1', VirtualInterfaceState: 'available'}]},
			'VpnGateways.json': {VpnGateways: [{VpnGatewayId: 'vgw-1', State: 'available', VpcAttachments: [{VpcId: 'vpc-1', State: 'attached'}]}]},
		});
		const {topology} = importAwsSnapshot(dir);
		expect(topology.dxGateways).toEqual([{id: 'dxgw-uuid-1', name: 'corp', asn: 64513, associations: [{gatewayId: 'vgw-1', allowedPrefixes: ['10.0.0.0/16'], state: 'associated'}]}]);
		expect(topology.virtualInterfaces[0]).toMatchObject({id: 'dxvif-1', type: 'private', connectionId: 'dxcon-1', dxGatewayId: 'dxgw-uuid-1'});
		expect(topology.dxConnections.map(dx => dx.id)).toEqual(['dxcon-1']);
	});

	it('leaves out, with a note, what belongs to a VPC that is not in the snapshot', () => {
		const dir = writeSnapshot({
			'Vpcs.json': vpc,
			'SecurityGroups.json': {SecurityGroups: [{GroupId: 'sg-far', GroupName: 'far', VpcId: 'vpc-far', IpPermissions: [], IpPermissionsEgress: []}]},
			'TargetGroups.json': {TargetGroups: [{TargetGroupArn: tgArn, TargetGroupName: 'elsewhere', Protocol: 'TCP', Port: 80, VpcId: 'vpc-far'}]},
			'InternetGateways.json': {InternetGateways: [{InternetGatewayId: 'igw-far', Attachments: [{State: 'available', VpcId: 'vpc-far'}]}]},
		});
		const {topology, leftOut, unmapped} = importAwsSnapshot(dir);
		expect(topology.securityGroups).toEqual([]);
		expect(topology.targetGroups).toEqual([]);
		expect(leftOut).toContainEqual({resourceId: tgArn, reason: 'its VPC vpc-far is not in the snapshot (target group)'});
		expect(leftOut).toContainEqual({resourceId: 'sg-far', reason: 'its VPC vpc-far is not in the snapshot (security group)'});
		expect(topology.internetGateways).toEqual([{id: 'igw-far', name: undefined, tags: undefined, vpcId: undefined}]);
		expect(unmapped.some(note => note.resourceId === 'igw-far' && note.reason.includes('imported detached'))).toBe(true);
	});
});

describe('Direct Connect prefixes', () => {
	it('does not take a private VIF\'s route filter prefixes for the customer\'s networks, and says none are known', () => {
		const dir = writeSnapshot({
			'Vpcs.json': vpc,
			'VirtualInterfaces.json': {virtualInterfaces: [
				{virtualInterfaceId: 'dxvif-t', virtualInterfaceType: 'transit', connectionId: 'dxcon-1', directConnectGatewayId: 'dxgw-1', virtualInterfaceState: 'available', routeFilterPrefixes: [{cidr: '10.0.0.0/8'}]},
				{virtualInterfaceId: 'dxvif-p', virtualInterfaceType: 'public', connectionId: 'dxcon-2', virtualInterfaceState: 'available', routeFilterPrefixes: [{cidr: '203.0.113.0/24'}]},
			]},
			'DirectConnectGateways.json': {directConnectGateways: [{directConnectGatewayId: 'dxgw-1', directConnectGatewayState: 'available'}]},
		});
		const {topology, unmapped} = importAwsSnapshot(dir);
		const byId = new Map(topology.virtualInterfaces.map(vif => [vif.id, vif]));
		expect(byId.get('dxvif-t')!.customerPrefixes).toEqual([]);
		expect(byId.get('dxvif-p')!.customerPrefixes).toEqual(['203.0.113.0/24']);
		expect(topology.sites.map(site => site.cidrs)).toEqual([['203.0.113.0/24']]);
		expect(unmapped.some(note => note.resourceId === 'dxcon-1' && note.reason.startsWith('no on-premises prefixes are known'))).toBe(true);
	});
});

describe("Batfish's load balancer wrappers", () => {
	it('reads listeners per balancer, target health per group and the cross-zone attribute', () => {
		const lb = 'arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/web/1';
		const tg = 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/2';
		const dir = writeSnapshot({
			'Vpcs.json': vpc,
			'Subnets.json': {Subnets: [{SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a'}]},
			'RouteTables.json': {RouteTables: [{RouteTableId: 'rtb-1', VpcId: 'vpc-1', Associations: [{Main: true}], Routes: []}]},
			'Reservations.json': {Reservations: [{Instances: [{InstanceId: 'i-1', State: {Name: 'running'}, SubnetId: 'subnet-1', NetworkInterfaces: [
				{NetworkInterfaceId: 'eni-1', SubnetId: 'subnet-1', PrivateIpAddress: '10.0.1.10', Attachment: {DeviceIndex: 0}, Groups: []},
			]}]}]},
			'LoadBalancers.json': {LoadBalancers: [{LoadBalancerArn: lb, LoadBalancerName: 'web', Type: 'network', Scheme: 'internal', VpcId: 'vpc-1', AvailabilityZones: [{ZoneName: 'us-east-1a', SubnetId: 'subnet-1', LoadBalancerAddresses: [{PrivateIPv4Address: '10.0.1.50'}]}]}]},
			'TargetGroups.json': {TargetGroups: [{TargetGroupArn: tg, TargetGroupName: 'web', Protocol: 'TCP', Port: 80, VpcId: 'vpc-1', TargetType: 'instance'}]},
			'LoadBalancerListeners.json': {LoadBalancerListeners: [{LoadBalancerArn: lb, Listeners: [{LoadBalancerArn: lb, Port: 80, Protocol: 'TCP', DefaultActions: [{Type: 'forward', TargetGroupArn: tg}]}]}]},
			'LoadBalancerTargetHealth.json': {LoadBalancerTargetHealth: [{TargetGroupArn: tg, TargetHealthDescriptions: [{Target: {Id: 'i-1', Port: 80}, TargetHealth: {State: 'healthy'}}]}]},
			'LoadBalancerAttributes.json': {LoadBalancerAttributes: [{LoadBalancerArn: lb, Attributes: [{Key: 'load_balancing.cross_zone.enabled', Value: 'true'}]}]},
		});
		const {topology, skippedFiles} = importAwsSnapshot(dir);
		expect(skippedFiles).toEqual([]);
		expect(topology.loadBalancers[0]).toMatchObject({crossZone: true, listeners: [{protocol: 'TCP', port: 80, targetGroupId: tg}]});
		expect(topology.targetGroups[0]!.targets).toEqual([{target: 'i-1', port: 80}]);
	});
});

describe('transit gateway peering across accounts', () => {
	it('imports each side of a peering attachment with its own association, and each side\'s routes to it', () => {
		const tgw = (id: string) => ({TransitGatewayId: id, State: 'available'});
		const side = (tgwId: string, peerId: string, table: string) => ({
			TransitGatewayAttachmentId: 'tgw-attach-p', TransitGatewayId: tgwId, ResourceId: peerId, ResourceType: 'peering', State: 'available',
			Association: {State: 'associated', TransitGatewayRouteTableId: table}, Tags: [{Key: 'Name', Value: 'a-b'}],
		});
		const static_ = (table: string, cidr: string) => ({TransitGatewayRouteTableId: table, AdditionalRoutesAvailable: false, Routes: [
			{DestinationCidrBlock: cidr, Type: 'static', State: 'active', TransitGatewayAttachments: [{TransitGatewayAttachmentId: 'tgw-attach-p', ResourceType: 'peering'}]},
		]});
		const dir = writeSnapshot({
			'aws_configs/accounts/111/us-east-1/TransitGateways.json': {TransitGateways: [tgw('tgw-a')]},
			'aws_configs/accounts/111/us-east-1/TransitGatewayRouteTables.json': {TransitGatewayRouteTables: [{TransitGatewayRouteTableId: 'tgw-rtb-a', TransitGatewayId: 'tgw-a'}]},
			'aws_configs/accounts/111/us-east-1/TransitGatewayAttachments.json': {TransitGatewayAttachments: [side('tgw-a', 'tgw-b', 'tgw-rtb-a')]},
			'aws_configs/accounts/111/us-east-1/TransitGatewayStaticRoutes.json': {TransitGatewayStaticRoutes: [static_('tgw-rtb-a', '10.2.0.0/16')]},
			'aws_configs/accounts/222/us-west-2/TransitGateways.json': {TransitGateways: [tgw('tgw-b')]},
			'aws_configs/accounts/222/us-west-2/TransitGatewayRouteTables.json': {TransitGatewayRouteTables: [{TransitGatewayRouteTableId: 'tgw-rtb-b', TransitGatewayId: 'tgw-b'}]},
			'aws_configs/accounts/222/us-west-2/TransitGatewayAttachments.json': {TransitGatewayAttachments: [side('tgw-b', 'tgw-a', 'tgw-rtb-b')]},
			'aws_configs/accounts/222/us-west-2/TransitGatewayStaticRoutes.json': {TransitGatewayStaticRoutes: [static_('tgw-rtb-b', '10.1.0.0/16')]},
		});
		const {topology} = importAwsSnapshot(dir);
		expect(topology.transitGatewayAttachments.map(a => [a.id, a.name, a.transitGatewayId, a.resourceId, a.associatedRouteTableId])).toEqual([
			['tgw-attach-p', 'a-b', 'tgw-a', 'tgw-b', 'tgw-rtb-a'],
			['tgw-attach-p:tgw-b', 'a-b (tgw-b side)', 'tgw-b', 'tgw-a', 'tgw-rtb-b'],
		]);
		const routes = new Map(topology.transitGatewayRouteTables.map(table => [table.id, table.routes]));
		expect(routes.get('tgw-rtb-a')).toEqual([{destinationCidr: '10.2.0.0/16', attachmentId: 'tgw-attach-p', type: 'static', state: 'active'}]);
		expect(routes.get('tgw-rtb-b')).toEqual([{destinationCidr: '10.1.0.0/16', attachmentId: 'tgw-attach-p:tgw-b', type: 'static', state: 'active'}]);
	});
});
