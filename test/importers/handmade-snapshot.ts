// A small but complete snapshot, in the exact shapes the AWS CLI prints, covering the keys the
// public snapshots lack: endpoints and PrivateLink, NAT and elastic IPs, a VPN to a VGW with
// static routes and propagation, client VPN, Direct Connect, and raw TGW route search output.
import {tag} from './snapshot-helpers.js';

const vpc = (id: string, cidr: string, name: string) => ({
	VpcId: id, CidrBlock: cidr, OwnerId: '111122223333', IsDefault: false, State: 'available', Tags: tag(name),
	CidrBlockAssociationSet: [{CidrBlock: cidr, CidrBlockState: {State: 'associated'}}],
});
const subnet = (id: string, vpcId: string, cidr: string, zone: string, name: string) => ({
	SubnetId: id, VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone, Tags: tag(name),
});
const eni = (id: string, subnetId: string, ip: string, type: string, description: string, extra: object = {}) => ({
	NetworkInterfaceId: id, SubnetId: subnetId, PrivateIpAddress: ip, InterfaceType: type, Description: description,
	PrivateIpAddresses: [{PrivateIpAddress: ip, Primary: true}], Groups: [], SourceDestCheck: true, ...extra,
});
const allowAll = [
	{RuleNumber: 100, Egress: false, Protocol: '-1', CidrBlock: '0.0.0.0/0', RuleAction: 'allow'},
	{RuleNumber: 32767, Egress: false, Protocol: '-1', CidrBlock: '0.0.0.0/0', RuleAction: 'deny'},
	{RuleNumber: 100, Egress: true, Protocol: '-1', CidrBlock: '0.0.0.0/0', RuleAction: 'allow'},
	{RuleNumber: 32767, Egress: true, Protocol: '-1', CidrBlock: '0.0.0.0/0', RuleAction: 'deny'},
];
const lbArn = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/svc-nlb/0123456789abcdef';
const tgArn = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/svc-tg/fedcba9876543210';

export const handmade: Record<string, unknown> = {
	'aws_configs/us-east-1/Vpcs.json': {Vpcs: [vpc('vpc-app', '10.0.0.0/16', 'app'), vpc('vpc-svc', '10.9.0.0/16', 'provider')]},
	'aws_configs/us-east-1/Subnets.json': {Subnets: [
		subnet('subnet-pub', 'vpc-app', '10.0.0.0/24', 'us-east-1a', 'public-a'),
		subnet('subnet-priv', 'vpc-app', '10.0.1.0/24', 'us-east-1a', 'private-a'),
		subnet('subnet-svc', 'vpc-svc', '10.9.1.0/24', 'us-east-1a', 'svc-a'),
	]},
	'aws_configs/us-east-1/RouteTables.json': {RouteTables: [
		{RouteTableId: 'rtb-main', VpcId: 'vpc-app', PropagatingVgws: [{GatewayId: 'vgw-1'}],
			Associations: [{Main: true, RouteTableId: 'rtb-main', AssociationState: {State: 'associated'}}, {Main: false, SubnetId: 'subnet-priv', RouteTableId: 'rtb-main'}],
			Routes: [
				{DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active'},
				{DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', Origin: 'CreateRoute', State: 'active'},
				{DestinationCidrBlock: '172.16.0.0/16', GatewayId: 'vgw-1', Origin: 'EnableVgwRoutePropagation', State: 'active'},
				{DestinationPrefixListId: 'pl-s3', GatewayId: 'vpce-s3', Origin: 'CreateRoute', State: 'active'},
				{DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-1', Origin: 'CreateRoute', State: 'active'},
				{DestinationCidrBlock: '10.50.0.0/16', VpcPeeringConnectionId: 'pcx-elsewhere', Origin: 'CreateRoute', State: 'active'},
			]},
		{RouteTableId: 'rtb-pub', VpcId: 'vpc-app', Associations: [{SubnetId: 'subnet-pub', RouteTableId: 'rtb-pub'}],
			Routes: [{DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', Origin: 'CreateRoute', State: 'active'}]},
		{RouteTableId: 'rtb-svc', VpcId: 'vpc-svc', Associations: [{Main: true, RouteTableId: 'rtb-svc'}], Routes: []},
	]},
	'aws_configs/us-east-1/NetworkAcls.json': {NetworkAcls: [
		{NetworkAclId: 'acl-app', VpcId: 'vpc-app', IsDefault: true, Associations: [], Entries: [
			...allowAll,
			{RuleNumber: 90, Egress: false, Protocol: '6', PortRange: {From: 22, To: 22}, CidrBlock: '203.0.113.0/24', RuleAction: 'deny'},
			{RuleNumber: 80, Egress: false, Protocol: '1', IcmpTypeCode: {Type: 3, Code: 4}, CidrBlock: '0.0.0.0/0', RuleAction: 'allow'},
			{RuleNumber: 101, Egress: false, Protocol: '-1', Ipv6CidrBlock: '::/0', RuleAction: 'allow'},
		]},
		{NetworkAclId: 'acl-svc', VpcId: 'vpc-svc', IsDefault: true, Associations: [], Entries: allowAll},
	]},
	'aws_configs/us-east-1/SecurityGroups.json': {SecurityGroups: [
		{GroupId: 'sg-app', GroupName: 'app', VpcId: 'vpc-app', Description: 'app servers',
			IpPermissions: [
				{IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{CidrIp: '0.0.0.0/0', Description: 'https'}], UserIdGroupPairs: [], PrefixListIds: []},
				{IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{CidrIp: '10.0.0.0/8'}], UserIdGroupPairs: [], PrefixListIds: []},
				{IpProtocol: '-1', IpRanges: [], UserIdGroupPairs: [{GroupId: 'sg-app', UserId: '111122223333'}, {GroupId: 'sg-other-account', UserId: '999'}], PrefixListIds: []},
			],
			IpPermissionsEgress: [
				{IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}], UserIdGroupPairs: [], PrefixListIds: []},
				{IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [], UserIdGroupPairs: [], PrefixListIds: [{PrefixListId: 'pl-s3'}]},
			]},
		{GroupId: 'sg-endpoint', GroupName: 'endpoint', VpcId: 'vpc-app', IpPermissions: [], IpPermissionsEgress: []},
		{GroupId: 'sg-target', GroupName: 'target', VpcId: 'vpc-svc', IpPermissions: [], IpPermissionsEgress: []},
	]},
	'aws_configs/us-east-1/InternetGateways.json': {InternetGateways: [{InternetGatewayId: 'igw-1', Attachments: [{State: 'available', VpcId: 'vpc-app'}]}]},
	'aws_configs/us-east-1/EgressOnlyInternetGateways.json': {EgressOnlyInternetGateways: [{EgressOnlyInternetGatewayId: 'eigw-1', Attachments: [{State: 'attached', VpcId: 'vpc-app'}]}]},
	'aws_configs/us-east-1/NatGateways.json': {NatGateways: [
		{NatGatewayId: 'nat-1', SubnetId: 'subnet-pub', VpcId: 'vpc-app', State: 'available', ConnectivityType: 'public',
			NatGatewayAddresses: [{AllocationId: 'eipalloc-nat', PrivateIp: '10.0.0.100', PublicIp: '198.51.100.10', NetworkInterfaceId: 'eni-nat', IsPrimary: true}]},
		{NatGatewayId: 'nat-old', SubnetId: 'subnet-pub', VpcId: 'vpc-app', State: 'deleted', NatGatewayAddresses: []},
	]},
	'aws_configs/us-east-1/Reservations.json': {Reservations: [{Instances: [
		{InstanceId: 'i-web', State: {Name: 'running'}, Platform: 'windows', SubnetId: 'subnet-pub', Tags: tag('web-1'),
			NetworkInterfaces: [eni('eni-web', 'subnet-pub', '10.0.0.10', 'interface', 'Primary network interface', {
				Attachment: {DeviceIndex: 0, InstanceId: 'i-web'}, Groups: [{GroupId: 'sg-app'}], SourceDestCheck: false,
			})]},
		{InstanceId: 'i-stopped', State: {Name: 'stopped'}, SubnetId: 'subnet-priv', NetworkInterfaces: []},
		{InstanceId: 'i-target', State: {Name: 'running'}, SubnetId: 'subnet-svc',
			NetworkInterfaces: [eni('eni-target', 'subnet-svc', '10.9.1.20', 'interface', '', {Attachment: {DeviceIndex: 0}, Groups: [{GroupId: 'sg-target'}]})]},
	]}]},
	'aws_configs/us-east-1/NetworkInterfaces.json': {NetworkInterfaces: [
		eni('eni-web', 'subnet-pub', '10.0.0.10', 'interface', 'Primary network interface', {Attachment: {InstanceId: 'i-web', DeviceIndex: 0}}),
		eni('eni-nat', 'subnet-pub', '10.0.0.100', 'nat_gateway', 'Interface for NAT Gateway nat-1'),
		eni('eni-vpce', 'subnet-priv', '10.0.1.50', 'vpc_endpoint', 'VPC Endpoint Interface vpce-svc-consumer'),
		eni('eni-nlb', 'subnet-svc', '10.9.1.10', 'network_load_balancer', 'ELB net/svc-nlb/0123456789abcdef'),
		eni('eni-cvpn', 'subnet-priv', '10.0.1.60', 'interface', 'ClientVPN Endpoint resource cvpn-endpoint-1'),
		eni('eni-rds', 'subnet-priv', '10.0.1.70', 'interface', 'RDSNetworkInterface', {RequesterManaged: true, Groups: [{GroupId: 'sg-app'}]}),
		eni('eni-of-stopped', 'subnet-priv', '10.0.1.80', 'interface', '', {Attachment: {InstanceId: 'i-stopped', DeviceIndex: 0}}),
	]},
	'aws_configs/us-east-1/Addresses.json': {Addresses: [
		{AllocationId: 'eipalloc-web', PublicIp: '198.51.100.20', NetworkInterfaceId: 'eni-web', PrivateIpAddress: '10.0.0.10', Domain: 'vpc'},
		{AllocationId: 'eipalloc-nat', PublicIp: '198.51.100.10', NetworkInterfaceId: 'eni-nat', PrivateIpAddress: '10.0.0.100', Domain: 'vpc'},
	]},
	'aws_configs/us-east-1/PrefixLists.json': {PrefixLists: [{PrefixListId: 'pl-s3', PrefixListName: 'com.amazonaws.us-east-1.s3', Cidrs: ['52.216.0.0/15', '54.231.0.0/16']}]},
	'aws_configs/us-east-1/ManagedPrefixLists.json': {ManagedPrefixLists: [
		{PrefixListId: 'pl-office', PrefixListName: 'office', OwnerId: '111122223333', AddressFamily: 'IPv4', Entries: [{Cidr: '192.0.2.0/24'}]},
	]},
	'aws_configs/us-east-1/VpcEndpoints.json': {VpcEndpoints: [
		{VpcEndpointId: 'vpce-s3', VpcEndpointType: 'Gateway', VpcId: 'vpc-app', ServiceName: 'com.amazonaws.us-east-1.s3', State: 'available', RouteTableIds: ['rtb-main']},
		{VpcEndpointId: 'vpce-svc-consumer', VpcEndpointType: 'Interface', VpcId: 'vpc-app', ServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-1', State: 'pendingAcceptance',
			SubnetIds: ['subnet-priv'], NetworkInterfaceIds: ['eni-vpce'], Groups: [{GroupId: 'sg-endpoint', GroupName: 'endpoint'}]},
	]},
	'aws_configs/us-east-1/LoadBalancers.json': {LoadBalancers: [
		{LoadBalancerArn: lbArn, LoadBalancerName: 'svc-nlb', Type: 'network', Scheme: 'internal', VpcId: 'vpc-svc', AvailabilityZones: [{ZoneName: 'us-east-1a', SubnetId: 'subnet-svc', LoadBalancerAddresses: []}]},
	]},
	'aws_configs/us-east-1/Listeners.json': {Listeners: [{LoadBalancerArn: lbArn, Port: 443, Protocol: 'TCP', DefaultActions: [{Type: 'forward', TargetGroupArn: tgArn}]}]},
	'aws_configs/us-east-1/TargetGroups.json': {TargetGroups: [{TargetGroupArn: tgArn, TargetGroupName: 'svc-tg', Protocol: 'TCP', Port: 8443, VpcId: 'vpc-svc', TargetType: 'instance', LoadBalancerArns: [lbArn]}]},
	'aws_configs/us-east-1/TargetHealth.json': {TargetHealthDescriptions: [{TargetGroupArn: tgArn, TargetHealthDescriptions: [{Target: {Id: 'i-target', Port: 8443}, TargetHealth: {State: 'healthy'}}]}]},
	'aws_configs/us-east-1/ServiceConfigurations.json': {ServiceConfigurations: [
		{ServiceId: 'vpce-svc-1', ServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-1', ServiceState: 'Available', AcceptanceRequired: true, NetworkLoadBalancerArns: [lbArn]},
	]},
	'aws_configs/us-east-1/VpnGateways.json': {VpnGateways: [{VpnGatewayId: 'vgw-1', State: 'available', AmazonSideAsn: 64512, VpcAttachments: [{VpcId: 'vpc-app', State: 'attached'}]}]},
	'aws_configs/us-east-1/CustomerGateways.json': {CustomerGateways: [{CustomerGatewayId: 'cgw-1', IpAddress: '203.0.113.1', BgpAsn: '65000', State: 'available', Tags: tag('office-router')}]},
	'aws_configs/us-east-1/VpnConnections.json': {VpnConnections: [{
		VpnConnectionId: 'vpn-1', CustomerGatewayId: 'cgw-1', VpnGatewayId: 'vgw-1', State: 'available', Type: 'ipsec.1',
		CustomerGatewayConfiguration: '<vpn_connection><pre_shared_key>SECRET-PSK-ONE</pre_shared_key></vpn_connection>',
		Options: {StaticRoutesOnly: true, TunnelOptions: [{OutsideIpAddress: '198.51.100.1', PreSharedKey: 'SECRET-PSK-TWO'}]},
		Routes: [{DestinationCidrBlock: '172.16.0.0/16', State: 'available'}, {DestinationCidrBlock: '172.17.0.0/16', State: 'deleted'}],
		VgwTelemetry: [{OutsideIpAddress: '198.51.100.1', Status: 'UP'}, {OutsideIpAddress: '198.51.100.2', Status: 'DOWN'}],
	}]},
	'aws_configs/us-east-1/ClientVpnEndpoints.json': {ClientVpnEndpoints: [{ClientVpnEndpointId: 'cvpn-endpoint-1', ClientCidrBlock: '100.64.0.0/22', VpcId: 'vpc-app', SplitTunnel: true, SecurityGroupIds: ['sg-app'], Status: {Code: 'available'}}]},
	'aws_configs/us-east-1/ClientVpnTargetNetworks.json': {ClientVpnTargetNetworks: [{AssociationId: 'cvpn-assoc-1', ClientVpnEndpointId: 'cvpn-endpoint-1', TargetNetworkId: 'subnet-priv', VpcId: 'vpc-app', Status: {Code: 'associated'}}]},
	'aws_configs/us-east-1/ClientVpnRoutes.json': {ClientVpnRoutes: [{ClientVpnEndpointId: 'cvpn-endpoint-1', DestinationCidr: '10.0.0.0/16', TargetSubnet: 'subnet-priv', Status: {Code: 'active'}}]},
	'aws_configs/us-east-1/ClientVpnAuthorizationRules.json': {ClientVpnAuthorizationRules: [{ClientVpnEndpointId: 'cvpn-endpoint-1', DestinationCidr: '10.0.1.0/24', AccessAll: true, Status: {Code: 'active'}}]},
	'aws_configs/us-east-1/DirectConnectGateways.json': {directConnectGateways: [{directConnectGatewayId: 'dxgw-1', directConnectGatewayName: 'corp-dx', amazonSideAsn: 64513, directConnectGatewayState: 'available'}]},
	'aws_configs/us-east-1/DirectConnectGatewayAssociations.json': {directConnectGatewayAssociations: [
		{directConnectGatewayId: 'dxgw-1', associationState: 'associated', associatedGateway: {id: 'vgw-1', type: 'virtualPrivateGateway', region: 'us-east-1'}, allowedPrefixesToDirectConnectGateway: [{cidr: '10.0.0.0/16'}]},
	]},
	'aws_configs/us-east-1/VirtualInterfaces.json': {virtualInterfaces: [
		{virtualInterfaceId: 'dxvif-1', virtualInterfaceName: 'corp-private', virtualInterfaceType: 'private', connectionId: 'dxcon-1', directConnectGatewayId: 'dxgw-1', virtualInterfaceState: 'available', routeFilterPrefixes: []},
	]},
};
