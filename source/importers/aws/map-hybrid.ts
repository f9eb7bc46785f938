// Virtual private gateways, customer gateways and site-to-site VPNs, client VPN endpoints, and
// Direct Connect (connections, gateways and their associations, virtual interfaces).
// Pre-shared keys live in CustomerGatewayConfiguration and TunnelOptions: neither is ever read.
import {formatIpv4, ipv4, lastAddress, parseCidr} from '../../net/ipv4.js';
import type {ClientVpnEndpoint} from '../../model/types.js';
import type {ImportContext} from './context.js';
import {cidrOf} from './map-network.js';
import type {OwnedInterface} from './map-compute.js';

const gone = new Set(['deleting', 'deleted', 'failed', 'rejected']);

export function mapVpn(context: ImportContext): void {
	for (const {rec} of context.get('VpnGateways')) {
		const id = rec.str('VpnGatewayId');
		const state = rec.optStr('State') ?? 'available';
		if (gone.has(state)) {
			context.leave(id, `virtual private gateway is ${state}`);
			continue;
		}
		if (!context.claim(id)) continue;
		const attachment = rec.list('VpcAttachments').find(a => a.optStr('State') === 'attached');
		context.out.vpnGateways.push({
			...context.identity(rec, id),
			vpcId: attachment?.optStr('VpcId'),
			asn: rec.optNum('AmazonSideAsn'),
			state: state as 'available',
		});
	}
	for (const {rec} of context.get('CustomerGateways')) {
		const id = rec.str('CustomerGatewayId');
		const state = rec.optStr('State') ?? 'available';
		if (gone.has(state)) {
			context.leave(id, `customer gateway is ${state}`);
			continue;
		}
		if (!context.claim(id)) continue;
		context.out.customerGateways.push({
			...context.identity(rec, id),
			ipAddress: rec.str('IpAddress'),
			asn: rec.optNum('BgpAsn'),
			state: state as 'available',
		});
	}
	for (const {rec} of context.get('VpnConnections')) {
		const id = rec.str('VpnConnectionId');
		const state = rec.optStr('State') ?? 'available';
		if (gone.has(state)) {
			context.leave(id, `VPN connection is ${state}`);
			continue;
		}
		if (!context.claim(id)) continue;
		const options = rec.obj('Options');
		const tunnels = rec.list('VgwTelemetry').slice(0, 2).map(t => ({
			outsideIp: t.str('OutsideIpAddress'),
			status: t.optStr('Status') === 'UP' ? ('UP' as const) : ('DOWN' as const),
		}));
		context.out.vpnConnections.push({
			...context.identity(rec, id),
			customerGatewayId: rec.str('CustomerGatewayId'),
			vpnGatewayId: rec.optStr('VpnGatewayId'),
			transitGatewayId: rec.optStr('TransitGatewayId'),
			routing: options?.optBool('StaticRoutesOnly') ? 'static' : 'bgp',
			staticRoutes: rec
				.list('Routes')
				.filter(route => !gone.has(route.optStr('State') ?? 'available'))
				.map(route => cidrOf(route, 'DestinationCidrBlock')),
			bgpPrefixes: [],
			tunnels,
			state: state as 'available',
		});
	}
}

export function mapClientVpn(context: ImportContext, interfaces: Map<string, OwnedInterface>, owned: Set<string>): void {
	const subnets = new Map(context.out.subnets.map(subnet => [subnet.id, subnet]));
	const used = new Set<string>();
	for (const eni of interfaces.values()) used.add(eni.privateIp);
	const byEndpoint = <T>(key: 'ClientVpnTargetNetworks' | 'ClientVpnRoutes' | 'ClientVpnAuthorizationRules', map: (rec: import('./reader.js').Rec) => T | undefined) => {
		const result = new Map<string, T[]>();
		for (const {rec} of context.get(key)) {
			const status = rec.obj('Status')?.optStr('Code');
			if (status && gone.has(status)) continue;
			const value = map(rec);
			if (value === undefined) continue;
			const endpointId = rec.str('ClientVpnEndpointId');
			result.set(endpointId, [...(result.get(endpointId) ?? []), value]);
		}
		return result;
	};
	const networks = byEndpoint('ClientVpnTargetNetworks', rec => ({associationId: rec.str('AssociationId'), subnetId: rec.str('TargetNetworkId')}));
	const routes = byEndpoint('ClientVpnRoutes', rec => ({destinationCidr: cidrOf(rec, 'DestinationCidr'), targetSubnetId: rec.optStr('TargetSubnet') ?? 'local'}));
	const rules = byEndpoint('ClientVpnAuthorizationRules', rec => ({
		destinationCidr: cidrOf(rec, 'DestinationCidr'),
		accessAll: rec.optBool('AccessAll') ?? false,
		groupId: rec.optStr('GroupId'),
	}));
	for (const {rec} of context.get('ClientVpnEndpoints')) {
		const id = rec.str('ClientVpnEndpointId');
		const status = rec.obj('Status')?.optStr('Code') ?? 'available';
		if (gone.has(status)) {
			context.leave(id, `client VPN endpoint is ${status}`);
			continue;
		}
		if (!context.claim(id)) continue;
		const targetNetworks: ClientVpnEndpoint['targetNetworks'] = [];
		for (const network of networks.get(id) ?? []) {
			const subnet = subnets.get(network.subnetId);
			if (!subnet) continue;
			// The association's interface carries the endpoint id in its description; else pick a free address.
			const eni = [...interfaces.values()].find(i => i.subnetId === subnet.id && i.description.includes(id));
			if (eni) owned.add(eni.id);
			const privateIp = eni?.privateIp ?? freeAddress(subnet.cidr, used);
			used.add(privateIp);
			if (!eni) context.note(id, `the interface of association ${network.associationId} is not in the snapshot; ${privateIp} stands in for its address`, 'ClientVpnTargetNetworks');
			targetNetworks.push({id: network.associationId, subnetId: subnet.id, privateIp});
		}
		context.out.clientVpnEndpoints.push({
			...context.identity(rec, id),
			vpcId: rec.str('VpcId'),
			clientCidr: cidrOf(rec, 'ClientCidrBlock'),
			splitTunnel: rec.optBool('SplitTunnel') ?? false,
			securityGroupIds: rec.strings('SecurityGroupIds'),
			targetNetworks,
			authorizationRules: rules.get(id) ?? [],
			routes: routes.get(id) ?? [],
			state: status === 'pending-associate' ? 'pending-associate' : 'available',
		});
	}
}

/** The highest usable address of a subnet not yet taken (AWS reserves the last one). */
function freeAddress(cidr: string, used: Set<string>): string {
	const block = parseCidr(cidr);
	for (let address = lastAddress(block) - 1; address > block.base + 3; address--) {
		const text = formatIpv4(address);
		if (!used.has(text)) return text;
	}
	return formatIpv4(ipv4('0.0.0.0'));
}

export function mapDirectConnect(context: ImportContext): void {
	for (const {rec} of context.get('connections')) {
		const id = rec.str('connectionId');
		if (!context.claim(id)) continue;
		context.out.dxConnections.push({
			id,
			name: context.uniqueName(rec.optStr('connectionName'), id),
			location: rec.optStr('location'),
			bandwidth: rec.optStr('bandwidth'),
			state: (rec.optStr('connectionState') ?? 'available') as 'available',
		});
	}
	const associations = new Map<string, {gatewayId: string; allowedPrefixes: string[]}[]>();
	for (const {rec} of context.get('directConnectGatewayAssociations')) {
		const state = rec.optStr('associationState') ?? 'associated';
		if (state !== 'associated') continue;
		const gatewayId = rec.obj('associatedGateway')?.optStr('id') ?? rec.optStr('virtualGatewayId');
		if (!gatewayId) continue;
		const dxgwId = rec.str('directConnectGatewayId');
		const allowedPrefixes = rec.list('allowedPrefixesToDirectConnectGateway').map(prefix => cidrOf(prefix, 'cidr'));
		associations.set(dxgwId, [...(associations.get(dxgwId) ?? []), {gatewayId, allowedPrefixes}]);
	}
	for (const {rec} of context.get('directConnectGateways')) {
		const id = rec.str('directConnectGatewayId');
		const state = rec.optStr('directConnectGatewayState') ?? 'available';
		if (gone.has(state)) {
			context.leave(id, `Direct Connect gateway is ${state}`);
			continue;
		}
		if (!context.claim(id)) continue;
		context.out.dxGateways.push({
			id,
			name: context.uniqueName(rec.optStr('directConnectGatewayName'), id),
			asn: rec.optNum('amazonSideAsn'),
			associations: (associations.get(id) ?? []).map(a => ({...a, state: 'associated' as const})),
		});
	}
	for (const {rec} of context.get('virtualInterfaces')) {
		const id = rec.str('virtualInterfaceId');
		const state = rec.optStr('virtualInterfaceState') ?? 'available';
		if (gone.has(state)) {
			context.leave(id, `virtual interface is ${state}`);
			continue;
		}
		const type = rec.optStr('virtualInterfaceType') ?? 'private';
		if (!context.claim(id)) continue;
		const connectionId = rec.str('connectionId');
		if (!context.has(connectionId)) {
			// describe-virtual-interfaces is enough to know a connection exists.
			context.claim(connectionId);
			context.out.dxConnections.push({id: connectionId, location: rec.optStr('location'), state: 'available'});
		}
		context.out.virtualInterfaces.push({
			id,
			name: context.uniqueName(rec.optStr('virtualInterfaceName'), id),
			type: type === 'transit' || type === 'public' ? type : 'private',
			connectionId,
			vpnGatewayId: rec.optStr('virtualGatewayId'),
			dxGatewayId: rec.optStr('directConnectGatewayId'),
			// Route filter prefixes are what a public VIF advertises; on private and transit VIFs they
			// say nothing about the customer's networks (those come from the routes AWS learned).
			customerPrefixes: type === 'public' ? rec.list('routeFilterPrefixes').map(prefix => cidrOf(prefix, 'cidr')) : [],
			state: (state === 'down' ? 'down' : 'available') as 'available',
		});
	}
}
