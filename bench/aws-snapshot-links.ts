// What connects VPCs to each other and to premises, as the EC2 and Direct Connect APIs print it:
// peering, prefix lists, transit gateways (with Batfish's propagation and static-route wrappers),
// VPN gateways, customer gateways, VPN connections, Direct Connect gateways and interfaces.
import {formatIpv4, parseCidr, sizeOf} from '../source/net/ipv4.js';
import type {Subnet, TgwRoute, VpnConnection} from '../source/model/types.js';
import {type Json, type RegionFiles, type SnapshotCtx, tagsOf} from './aws-snapshot-common.js';

const peeringOptions = {AllowDnsResolutionFromRemoteVpc: false, AllowEgressFromLocalClassicLinkToRemoteVpc: false, AllowEgressFromLocalVpcToRemoteClassicLink: false};
const peeringMessage: Record<string, string> = {
	'pending-acceptance': 'Pending Acceptance by 111122223333', active: 'Active', rejected: 'Rejected', expired: 'Expired', failed: 'Failed', deleted: 'Deleted', provisioning: 'Provisioning',
};

/** The configuration XML AWS returns with a VPN: it carries the tunnels' pre-shared keys. */
function customerGatewayConfiguration(ctx: SnapshotCtx, vpn: VpnConnection, cgwIp: string): string {
	const tunnel = (outsideIp: string) =>
		`<ipsec_tunnel><customer_gateway><tunnel_outside_address><ip_address>${cgwIp}</ip_address></tunnel_outside_address></customer_gateway>` +
		`<vpn_gateway><tunnel_outside_address><ip_address>${outsideIp}</ip_address></tunnel_outside_address></vpn_gateway>` +
		`<ike><authentication_protocol>sha1</authentication_protocol><encryption_protocol>aes-128-cbc</encryption_protocol><pre_shared_key>${ctx.rng.hex(32)}</pre_shared_key></ike></ipsec_tunnel>`;
	return `<?xml version="1.0" encoding="UTF-8"?>\n<vpn_connection id="${vpn.id}"><customer_gateway_id>${vpn.customerGatewayId}</customer_gateway_id>` +
		`<vpn_connection_type>ipsec.1</vpn_connection_type>${vpn.tunnels.map(t => tunnel(t.outsideIp)).join('')}</vpn_connection>`;
}

export function writeLinks(ctx: SnapshotCtx, files: RegionFiles): void {
	const t = ctx.topology;
	const region = ctx.defaultRegion;
	const account = ctx.defaultAccount;
	const vpcs = new Map(t.vpcs.map(v => [v.id, v]));

	for (const pcx of t.peeringConnections) {
		const info = (vpcId: string, withBlocks: boolean): Json => {
			const vpc = vpcs.get(vpcId);
			const blocks = withBlocks && vpc ? {CidrBlock: vpc.cidrBlocks[0], CidrBlockSet: vpc.cidrBlocks.map(CidrBlock => ({CidrBlock}))} : {};
			return {...blocks, OwnerId: ctx.accountOfVpc(vpcId), ...(withBlocks ? {PeeringOptions: peeringOptions} : {}), Region: ctx.regionOfVpc(vpcId), VpcId: vpcId};
		};
		// Until the peer accepts, AWS does not show the accepter's blocks.
		const accepted = pcx.status === 'active' || pcx.status === 'provisioning';
		files.add(ctx.regionOfVpc(pcx.requesterVpcId), 'VpcPeeringConnections', {
			AccepterVpcInfo: info(pcx.accepterVpcId, accepted), ...(pcx.status === 'pending-acceptance' ? {ExpirationTime: ctx.time(7 * 24 * 60)} : {}),
			RequesterVpcInfo: info(pcx.requesterVpcId, true), Status: {Code: pcx.status, Message: peeringMessage[pcx.status] ?? pcx.status}, Tags: tagsOf(pcx), VpcPeeringConnectionId: pcx.id,
		});
	}
	// describe-prefix-lists shows only AWS's service lists; customer-managed lists come from
	// describe-managed-prefix-lists, with the entries of get-managed-prefix-list-entries folded
	// into each record as `Entries` (the one call has no entries, the other no list).
	for (const list of t.prefixLists.filter(l => l.ownership === 'aws-managed'))
		files.add(list.region ?? region, 'PrefixLists', {Cidrs: list.cidrs, PrefixListId: list.id, PrefixListName: list.serviceName ?? list.name ?? list.id});
	for (const list of t.prefixLists.filter(l => l.ownership === 'customer-managed'))
		files.add(list.region ?? region, 'ManagedPrefixLists', {
			AddressFamily: 'IPv4', Entries: list.cidrs.map(Cidr => ({Cidr})), MaxEntries: Math.max(10, list.cidrs.length), OwnerId: account,
			PrefixListArn: ctx.arn(list.region ?? region, account, 'prefix-list', list.id), PrefixListId: list.id, PrefixListName: list.name ?? list.id, State: 'create-complete',
			Tags: tagsOf(list), Version: 1,
		});

	const attachments = new Map(t.transitGatewayAttachments.map(a => [a.id, a]));
	const subnets = new Map(t.subnets.map(subnet => [subnet.id, subnet]));
	const taken = new Set([
		...t.networkInterfaces.flatMap(e => [e.privateIp, ...e.secondaryPrivateIps]), ...t.natGateways.map(n => n.privateIp),
		...t.vpcEndpoints.flatMap(v => v.networkInterfaces.map(i => i.privateIp)), ...t.loadBalancers.flatMap(l => l.nodes.map(n => n.privateIp)),
		...t.clientVpnEndpoints.flatMap(c => c.targetNetworks.map(n => n.privateIp)),
	]);
	for (const tgw of t.transitGateways)
		files.add(tgw.region, 'TransitGateways', {
			CreationTime: ctx.time(), Options: {
				AmazonSideAsn: tgw.asn ?? 64512, AutoAcceptSharedAttachments: 'disable', DefaultRouteTableAssociation: 'disable', DefaultRouteTablePropagation: 'disable',
				DnsSupport: 'enable', MulticastSupport: 'disable', SecurityGroupReferencingSupport: 'disable', VpnEcmpSupport: 'enable',
			},
			OwnerId: tgw.accountId ?? account, State: tgw.state, Tags: tagsOf(tgw), TransitGatewayArn: ctx.arn(tgw.region, tgw.accountId ?? account, 'transit-gateway', tgw.id), TransitGatewayId: tgw.id,
		});
	const resourceType = (type: string) => (type === 'direct-connect-gateway' ? 'direct-connect-gateway' : type);
	for (const attachment of t.transitGatewayAttachments) {
		const base = {CreationTime: ctx.time(), State: attachment.state, Tags: tagsOf(attachment), TransitGatewayAttachmentId: attachment.id, TransitGatewayId: attachment.transitGatewayId};
		files.add(region, 'TransitGatewayAttachments', {
			...(attachment.associatedRouteTableId ? {Association: {State: 'associated', TransitGatewayRouteTableId: attachment.associatedRouteTableId}} : {}),
			...base, ResourceId: attachment.resourceId, ResourceOwnerId: account, ResourceType: resourceType(attachment.type), TransitGatewayOwnerId: account,
		});
		if (attachment.type !== 'vpc') continue;
		for (const subnetId of attachment.subnetIds) addAttachmentInterface(ctx, files, taken, attachment.id, subnets.get(subnetId));
		files.add(region, 'TransitGatewayVpcAttachments', {
			...base, Options: {ApplianceModeSupport: attachment.applianceMode ? 'enable' : 'disable', DnsSupport: 'enable', Ipv6Support: 'disable', SecurityGroupReferencingSupport: 'disable'},
			SubnetIds: attachment.subnetIds, VpcId: attachment.resourceId, VpcOwnerId: ctx.accountOfVpc(attachment.resourceId),
		});
	}
	for (const table of t.transitGatewayRouteTables) {
		files.add(region, 'TransitGatewayRouteTables', {
			CreationTime: ctx.time(), DefaultAssociationRouteTable: false, DefaultPropagationRouteTable: false, State: 'available', Tags: tagsOf(table),
			TransitGatewayId: table.transitGatewayId, TransitGatewayRouteTableId: table.id,
		});
		files.add(region, 'TransitGatewayPropagations', {
			TransitGatewayRouteTableId: table.id,
			TransitGatewayRouteTablePropagations: table.propagations.map(id => {
				const attachment = attachments.get(id);
				return {ResourceId: attachment?.resourceId ?? '', ResourceType: resourceType(attachment?.type ?? 'vpc'), State: 'enabled', TransitGatewayAttachmentId: id};
			}),
		});
		// search-transit-gateway-routes with type=static: static and blackhole routes only; the
		// propagated ones follow from the propagations above.
		const route = (r: TgwRoute): Json => {
			const attachment = r.attachmentId ? attachments.get(r.attachmentId) : undefined;
			const destination = r.destinationCidr ? {DestinationCidrBlock: r.destinationCidr} : {PrefixListId: r.destinationPrefixListId};
			const via = attachment && r.state === 'active'
				? {TransitGatewayAttachments: [{ResourceId: attachment.resourceId, ResourceType: resourceType(attachment.type), TransitGatewayAttachmentId: attachment.id}]}
				: {};
			return {...destination, State: r.state, ...via, Type: 'static'};
		};
		files.add(region, 'TransitGatewayStaticRoutes', {AdditionalRoutesAvailable: false, Routes: table.routes.filter(r => r.type === 'static').map(route), TransitGatewayRouteTableId: table.id});
	}

	for (const vgw of t.vpnGateways)
		files.add(ctx.regionOfVpc(vgw.vpcId), 'VpnGateways', {
			AmazonSideAsn: vgw.asn ?? 64512, State: vgw.state, Tags: tagsOf(vgw), Type: 'ipsec.1', VpcAttachments: vgw.vpcId ? [{State: 'attached', VpcId: vgw.vpcId}] : [], VpnGatewayId: vgw.id,
		});
	const cgws = new Map(t.customerGateways.map(c => [c.id, c]));
	for (const cgw of t.customerGateways)
		files.add(region, 'CustomerGateways', {BgpAsn: String(cgw.asn ?? 65000), CustomerGatewayId: cgw.id, IpAddress: cgw.ipAddress, State: cgw.state, Tags: tagsOf(cgw), Type: 'ipsec.1'});
	for (const vpn of t.vpnConnections) {
		const gateway = vpn.transitGatewayId ? {TransitGatewayId: vpn.transitGatewayId} : {VpnGatewayId: vpn.vpnGatewayId};
		files.add(region, 'VpnConnections', {
			Category: 'VPN', CustomerGatewayConfiguration: customerGatewayConfiguration(ctx, vpn, cgws.get(vpn.customerGatewayId)?.ipAddress ?? '0.0.0.0'), CustomerGatewayId: vpn.customerGatewayId,
			Options: {EnableAcceleration: false, StaticRoutesOnly: vpn.routing === 'static', TunnelInsideIpVersion: 'ipv4'},
			Routes: vpn.staticRoutes.map(DestinationCidrBlock => ({DestinationCidrBlock, Source: 'Static', State: 'available'})), State: vpn.state, Tags: tagsOf(vpn), ...gateway, Type: 'ipsec.1',
			VgwTelemetry: vpn.tunnels.map(tunnel => ({
				AcceptedRouteCount: tunnel.status === 'UP' ? (vpn.routing === 'bgp' ? vpn.bgpPrefixes.length : 0) : 0, LastStatusChange: ctx.time(), OutsideIpAddress: tunnel.outsideIp,
				Status: tunnel.status, StatusMessage: tunnel.status === 'UP' && vpn.routing === 'bgp' ? `${vpn.bgpPrefixes.length} BGP ROUTES` : '',
			})),
			VpnConnectionId: vpn.id,
		});
	}
	writeDirectConnect(ctx, files);
	for (const key of ['VpcPeeringConnections', 'PrefixLists', 'TransitGateways', 'TransitGatewayAttachments', 'TransitGatewayVpcAttachments', 'TransitGatewayRouteTables',
		'TransitGatewayPropagations', 'TransitGatewayStaticRoutes', 'VpnGateways', 'CustomerGateways', 'VpnConnections']) files.touch(region, key);
}

/**
 * The network interface AWS puts in each subnet of a VPC attachment (requester-managed, type
 * transit_gateway), as describe-network-interfaces lists it: an importer has to skip these. It
 * takes the first address of the subnet that nothing in the topology uses.
 */
function addAttachmentInterface(ctx: SnapshotCtx, files: RegionFiles, taken: Set<string>, attachmentId: string, subnet: Subnet | undefined): void {
	if (!subnet) return;
	const block = parseCidr(subnet.cidr);
	let address: string | undefined;
	for (let offset = 4; offset < sizeOf(block) - 1 && !address; offset++) {
		const candidate = formatIpv4(block.base + offset);
		if (!taken.has(candidate)) address = candidate;
	}
	if (!address) return;
	taken.add(address);
	const vpcId = subnet.vpcId;
	files.add(ctx.regionOfVpc(vpcId), 'NetworkInterfaces', {
		Attachment: {AttachmentId: `ela-attach-${ctx.rng.hex(8)}`, DeleteOnTermination: false, DeviceIndex: 1, InstanceOwnerId: 'amazon-aws', Status: 'attached'},
		AvailabilityZone: subnet.availabilityZone, Description: `Network Interface for Transit Gateway Attachment ${attachmentId}`, Groups: [], InterfaceType: 'transit_gateway',
		Ipv6Addresses: [], MacAddress: `0a:${ctx.rng.hex(10).match(/../g)!.join(':')}`, NetworkInterfaceId: ctx.awsId('eni'), OwnerId: ctx.accountOfVpc(vpcId),
		PrivateIpAddress: address, PrivateIpAddresses: [{Primary: true, PrivateIpAddress: address}], RequesterId: '522605744525', RequesterManaged: false,
		SourceDestCheck: false, Status: 'in-use', SubnetId: subnet.id, TagSet: [], VpcId: vpcId,
	});
}

/** describe-direct-connect-gateways, -gateway-associations, describe-virtual-interfaces, describe-connections (camelCase, as that API prints). */
function writeDirectConnect(ctx: SnapshotCtx, files: RegionFiles): void {
	const t = ctx.topology;
	const region = ctx.defaultRegion;
	const account = ctx.defaultAccount;
	const kindOfGateway = (id: string) => (ctx.kindOf(id) === 'transit-gateway' ? 'transitGateway' : 'virtualPrivateGateway');
	const tags = (resource: {name?: string; tags?: Record<string, string>}) => tagsOf(resource).map(tag => ({key: tag.Key, value: tag.Value}));
	for (const dxgw of t.dxGateways) {
		files.add(region, 'directConnectGateways', {
			amazonSideAsn: dxgw.asn ?? 64512, directConnectGatewayId: dxgw.id, directConnectGatewayName: dxgw.name ?? dxgw.id, directConnectGatewayState: 'available', ownerAccount: account,
		});
		for (const association of dxgw.associations)
			files.add(region, 'directConnectGatewayAssociations', {
				allowedPrefixesToDirectConnectGateway: association.allowedPrefixes.map(cidr => ({cidr})),
				associatedGateway: {id: association.gatewayId, ownerAccount: account, region, type: kindOfGateway(association.gatewayId)},
				associationId: `${ctx.rng.hex(8)}-${ctx.rng.hex(4)}-${ctx.rng.hex(4)}-${ctx.rng.hex(4)}-${ctx.rng.hex(12)}`, associationState: association.state,
				directConnectGatewayId: dxgw.id, directConnectGatewayOwnerAccount: account,
				...(kindOfGateway(association.gatewayId) === 'virtualPrivateGateway' ? {virtualGatewayId: association.gatewayId, virtualGatewayOwnerAccount: account, virtualGatewayRegion: region} : {}),
			});
	}
	const connections = new Map(t.dxConnections.map(c => [c.id, c]));
	let vlan = 100;
	for (const vif of t.virtualInterfaces) {
		const connection = connections.get(vif.connectionId);
		const n = vlan - 99;
		files.add(region, 'virtualInterfaces', {
			addressFamily: 'ipv4', amazonAddress: `169.254.${n}.1/30`, amazonSideAsn: 64512, asn: 65300, awsDeviceV2: `${connection?.location ?? 'EqDC2'}-${ctx.rng.hex(8)}`,
			bgpPeers: [{addressFamily: 'ipv4', amazonAddress: `169.254.${n}.1/30`, asn: 65300, bgpPeerId: `dxpeer-${ctx.rng.hex(8)}`, bgpPeerState: 'available', bgpStatus: 'up', customerAddress: `169.254.${n}.2/30`}],
			connectionId: vif.connectionId, customerAddress: `169.254.${n}.2/30`, directConnectGatewayId: vif.dxGatewayId ?? '', jumboFrameCapable: true, location: connection?.location ?? 'EqDC2',
			mtu: 1500, ownerAccount: account, region, routeFilterPrefixes: vif.type === 'public' ? vif.customerPrefixes.map(cidr => ({cidr})) : [], tags: tags(vif),
			virtualGatewayId: vif.vpnGatewayId ?? '', virtualInterfaceId: vif.id, virtualInterfaceName: vif.name ?? vif.id, virtualInterfaceState: vif.state, virtualInterfaceType: vif.type, vlan: vlan++,
		});
	}
	for (const connection of t.dxConnections)
		files.add(region, 'connections', {
			bandwidth: connection.bandwidth ?? '1Gbps', connectionId: connection.id, connectionName: connection.name ?? connection.id, connectionState: connection.state,
			location: connection.location ?? 'EqDC2', ownerAccount: account, region, tags: tags(connection),
		});
}
