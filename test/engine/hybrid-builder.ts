// The test builder with transit gateways, VPN, Direct Connect and sites, and two starting
// topologies the hybrid tests share.
import type {TgwAttachment, TgwRoute, VirtualInterface, VpnConnection} from '../../source/model/types.js';
import {TopologyBuilder, anywhere} from './builder.js';

type RouteIn = Partial<TgwRoute> & {destinationCidr: string};
type Up = 'UP' | 'DOWN';

export class HybridBuilder extends TopologyBuilder {
	tgw(id: string, state: 'available' | 'pending' = 'available'): this {
		this.doc.transitGateways.push({id, state});
		return this;
	}

	/** A VPC attachment (one subnet per zone), associated with `table` when given. */
	attach(id: string, tgwId: string, vpcId: string, subnetIds: string[], table?: string, options: Partial<TgwAttachment> = {}): this {
		this.doc.transitGatewayAttachments.push({id, transitGatewayId: tgwId, type: 'vpc', resourceId: vpcId, subnetIds, associatedRouteTableId: table, ...options});
		return this;
	}

	/** A VPN, DX gateway or peering attachment. */
	link(id: string, tgwId: string, type: 'vpn' | 'direct-connect-gateway' | 'peering', resourceId: string, table?: string, options: Partial<TgwAttachment> = {}): this {
		this.doc.transitGatewayAttachments.push({id, transitGatewayId: tgwId, type, resourceId, associatedRouteTableId: table, ...options});
		return this;
	}

	tgwTable(id: string, tgwId: string, propagations: string[] = [], routes: RouteIn[] = []): this {
		this.doc.transitGatewayRouteTables.push({id, transitGatewayId: tgwId, propagations, routes});
		return this;
	}

	tgwRoutes(tableId: string, ...routes: RouteIn[]): this {
		const table = this.doc.transitGatewayRouteTables.find(t => t.id === tableId)!;
		(table.routes ??= []).push(...routes);
		return this;
	}

	cgw(id: string, ipAddress: string, siteId?: string): this {
		this.doc.customerGateways.push({id, ipAddress, siteId});
		return this;
	}

	/** A VPN to a VGW (`vgw-...`) or a TGW (`tgw-...`), with both tunnels UP unless told. */
	vpn(id: string, cgwId: string, gatewayId: string, options: {routing?: 'static' | 'bgp'; prefixes?: string[]; tunnels?: [Up, Up]} & Omit<Partial<VpnConnection>, 'tunnels'> = {}): this {
		const {routing = 'static', prefixes = [], tunnels = ['UP', 'UP'], ...rest} = options;
		const gateway = gatewayId.startsWith('tgw-') ? {transitGatewayId: gatewayId} : {vpnGatewayId: gatewayId};
		this.doc.vpnConnections.push({
			id,
			customerGatewayId: cgwId,
			...gateway,
			routing,
			staticRoutes: routing === 'static' ? prefixes : [],
			bgpPrefixes: routing === 'bgp' ? prefixes : [],
			tunnels: tunnels.map((status, i) => ({outsideIp: `34.200.0.${i + 1}`, status})),
			...rest,
		});
		return this;
	}

	dxcon(id: string, siteId: string, state: 'available' | 'down' = 'available'): this {
		this.doc.dxConnections.push({id, siteId, state, location: 'EqDC2'});
		return this;
	}

	dxgw(id: string, associations: Array<{gatewayId: string; allowedPrefixes?: string[]}>): this {
		this.doc.dxGateways.push({id, associations});
		return this;
	}

	vif(id: string, type: 'private' | 'transit', connectionId: string, gateway: {dxGatewayId?: string; vpnGatewayId?: string}, customerPrefixes: string[], state: VirtualInterface['state'] = 'available'): this {
		this.doc.virtualInterfaces.push({id, type, connectionId, ...gateway, customerPrefixes, state});
		return this;
	}

	subnetAcl(subnetId: string, aclId: string): this {
		this.doc.subnets.find(s => s.id === subnetId)!.networkAclId = aclId;
		return this;
	}

	propagate(tableId: string, vgwId: string): this {
		const table = this.doc.routeTables.find(t => t.id === tableId)!;
		table.propagatingVgwIds = [...(table.propagatingVgwIds ?? []), vgwId];
		return this;
	}
}

/**
 * VPCs A (10.1/16) and B (10.2/16) on tgw-1, each with an instance subnet and an attachment
 * subnet in us-east-1a; both attachments associated with and propagating into tgw-rtb-1.
 */
export function twoSpokes(): HybridBuilder {
	return new HybridBuilder()
		.vpc('vpc-a', '10.1.0.0/16')
		.vpc('vpc-b', '10.2.0.0/16')
		.subnet('subnet-a', 'vpc-a', '10.1.1.0/24')
		.subnet('subnet-a-tgw', 'vpc-a', '10.1.255.0/28')
		.subnet('subnet-b', 'vpc-b', '10.2.1.0/24')
		.subnet('subnet-b-tgw', 'vpc-b', '10.2.255.0/28')
		.sg('sg-a', 'vpc-a', [anywhere])
		.sg('sg-b', 'vpc-b', [anywhere])
		.instance('i-a', 'subnet-a', '10.1.1.10', {groups: ['sg-a']})
		.instance('i-b', 'subnet-b', '10.2.1.10', {groups: ['sg-b']})
		.tgw('tgw-1')
		.tgwTable('tgw-rtb-1', 'tgw-1', ['tgw-attach-a', 'tgw-attach-b'])
		.attach('tgw-attach-a', 'tgw-1', 'vpc-a', ['subnet-a-tgw'], 'tgw-rtb-1')
		.attach('tgw-attach-b', 'tgw-1', 'vpc-b', ['subnet-b-tgw'], 'tgw-rtb-1')
		.routes('rtb-main-a', {destinationCidr: '10.2.0.0/16', target: 'tgw-1'})
		.routes('rtb-main-b', {destinationCidr: '10.1.0.0/16', target: 'tgw-1'});
}

/** VPC 10.0/16 with i-app (10.0.1.10, SG open to everything) and vgw-1; site-dc 172.16/16 behind cgw-dc. */
export function vpcWithVgw(): HybridBuilder {
	return new HybridBuilder()
		.vpc('vpc-a', '10.0.0.0/16')
		.subnet('subnet-a', 'vpc-a', '10.0.1.0/24')
		.sg('sg-app', 'vpc-a', [anywhere])
		.instance('i-app', 'subnet-a', '10.0.1.10', {groups: ['sg-app']})
		.vpnGateway('vgw-1', 'vpc-a')
		.propagate('rtb-main-a', 'vgw-1')
		.site('site-dc', ['172.16.0.0/16'])
		.cgw('cgw-dc', '203.0.113.10', 'site-dc');
}
