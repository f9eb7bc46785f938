// What joins the VPCs of the generated landing zone: VPC peering, the transit gateway (VPC, VPN
// and Direct Connect gateway attachments; prod, dev, shared and on-premises route tables), VPNs to
// the transit gateway and to VGWs, Direct Connect, and the on-premises sites behind them.
import type {TgwAttachment, TgwRoute, TgwRouteTable, VpnConnection} from '../source/model/types.js';
import type {Ctx} from './generate.js';
import type {VpcPlan} from './generate-vpc.js';
import {
	ACCOUNT_ID, branchBlock, DX_PRIVATE_BLOCK, DX_TRANSIT_BLOCK, hasVgw, type LargeCounts, PARTNER_BLOCK, REGION,
	segmentOf, tgwSiteBlock,
} from './plan.js';

const active = 'active' as const;

function addPeerings(ctx: Ctx, plans: VpcPlan[]): void {
	const {topology} = ctx;
	const link = (a: VpcPlan, b: VpcPlan, pending: boolean): void => {
		const id = ctx.id('pcx');
		topology.peeringConnections.push({id, name: `${a.label}-${b.label}`, requesterVpcId: a.vpcId, accepterVpcId: b.vpcId, status: pending ? 'pending-acceptance' : 'active'});
		if (pending) {
			// The requester added its routes before the peer accepted: AWS shows them as blackholes.
			for (const table of a.privateTables) for (const block of b.blocks) table.routes.push({destinationCidr: block, target: id, origin: 'static', state: 'blackhole'});
			return;
		}
		for (const [from, to] of [[a, b], [b, a]] as const)
			for (const table of [from.publicTable, ...from.privateTables])
				for (const block of to.blocks) table.routes.push({destinationCidr: block, target: id, origin: 'static', state: active});
	};
	for (let i = 0; i + 1 < plans.length; i += 4) link(plans[i]!, plans[i + 1]!, false);
	for (let i = 2; i + 2 < plans.length; i += 20) link(plans[i]!, plans[i + 2]!, true);
}

function site(ctx: Ctx, name: string, cidrs: string[], tags: Record<string, string>): string {
	const id = `site-${ctx.rng.hex(8)}`;
	ctx.topology.sites.push({id, name, cidrs, tags});
	return id;
}

function tunnels(ctx: Ctx): VpnConnection['tunnels'] {
	return [{outsideIp: ctx.publicIp(), status: 'UP'}, {outsideIp: ctx.publicIp(), status: 'UP'}];
}

export function buildHybrid(ctx: Ctx, plans: VpcPlan[], counts: LargeCounts): void {
	const {topology, tgwId} = ctx;
	addPeerings(ctx, plans);
	topology.transitGateways.push({id: tgwId, name: 'tgw-core', region: REGION, accountId: ACCOUNT_ID, asn: 64512, state: 'available'});
	const rt = (name: string): TgwRouteTable => ({id: ctx.id('tgw-rtb'), name: `tgw-rt-${name}`, transitGatewayId: tgwId, propagations: [], routes: []});
	const tables = {prod: rt('prod'), dev: rt('dev'), shared: rt('shared'), onprem: rt('onprem')};
	topology.transitGatewayRouteTables.push(tables.prod, tables.dev, tables.shared, tables.onprem);
	const attach = (type: TgwAttachment['type'], resourceId: string, name: string, associated: TgwRouteTable, subnetIds: string[] = []): TgwAttachment => {
		const attachment: TgwAttachment = {id: ctx.id('tgw-attach'), name, transitGatewayId: tgwId, type, resourceId, subnetIds, associatedRouteTableId: associated.id, state: 'available', applianceMode: false};
		topology.transitGatewayAttachments.push(attachment);
		return attachment;
	};
	const propagate = (into: TgwRouteTable[], attachment: TgwAttachment, prefixes: string[]): void => {
		for (const table of into) {
			table.propagations.push(attachment.id);
			for (const destinationCidr of prefixes) table.routes.push({destinationCidr, attachmentId: attachment.id, type: 'propagated', state: active});
		}
	};
	const staticRoute = (into: TgwRouteTable[], destinationCidr: string, attachment?: TgwAttachment): void => {
		for (const table of into) {
			const route: TgwRoute = attachment ? {destinationCidr, attachmentId: attachment.id, type: 'static', state: active} : {destinationCidr, type: 'static', state: 'blackhole'};
			table.routes.push(route);
		}
	};

	// Spokes see their own segment and shared services; shared services and on-premises see all.
	for (const plan of plans) {
		const segment = segmentOf(plan.index);
		const attachment = attach('vpc', plan.vpcId, `${plan.label}-tgw`, tables[segment], plan.appSubnetIds);
		const seenBy = segment === 'shared' ? [tables.prod, tables.dev, tables.shared, tables.onprem] : [tables[segment], tables.shared, tables.onprem];
		propagate(seenBy, attachment, plan.blocks);
	}
	const spokes = [tables.prod, tables.dev, tables.shared];

	for (let t = 0; t < counts.tgwVpnSites; t++) {
		const cidrs = t === 0 ? [tgwSiteBlock(t), PARTNER_BLOCK] : [tgwSiteBlock(t)];
		const siteId = site(ctx, `onprem-${t}`, cidrs, {Kind: 'tgw-vpn'});
		const cgwId = ctx.id('cgw');
		topology.customerGateways.push({id: cgwId, name: `onprem-${t}-cgw`, ipAddress: `198.51.100.${10 + t}`, asn: 65000 + t, siteId, state: 'available'});
		const bgp = t % 2 === 0;
		const vpnId = ctx.id('vpn');
		topology.vpnConnections.push({
			id: vpnId, name: `onprem-${t}-vpn`, customerGatewayId: cgwId, transitGatewayId: tgwId, routing: bgp ? 'bgp' : 'static',
			staticRoutes: bgp ? [] : cidrs, bgpPrefixes: bgp ? cidrs : [], tunnels: tunnels(ctx), state: 'available',
		});
		const attachment = attach('vpn', vpnId, `onprem-${t}-tgw`, tables.onprem);
		// A static VPN on a transit gateway propagates nothing: its prefixes need static routes.
		if (bgp) propagate(spokes, attachment, cidrs);
		else for (const cidr of cidrs) staticRoute(spokes, cidr, attachment);
	}

	const dxSite = site(ctx, 'datacenter', [DX_TRANSIT_BLOCK, DX_PRIVATE_BLOCK], {Kind: 'dx'});
	const dxcon = `dxcon-${ctx.rng.hex(8)}`;
	topology.dxConnections.push({id: dxcon, name: 'dc-primary', location: 'EqDC2', bandwidth: '10Gbps', state: 'available', siteId: dxSite});
	const uuid = (): string => `${ctx.rng.hex(8)}-${ctx.rng.hex(4)}-4${ctx.rng.hex(3)}-a${ctx.rng.hex(3)}-${ctx.rng.hex(12)}`;
	const dxgwTransit = uuid();
	topology.dxGateways.push({id: dxgwTransit, name: 'dxgw-transit', asn: 64600, associations: [{gatewayId: tgwId, allowedPrefixes: ['10.0.0.0/8', '100.64.0.0/10'], state: 'associated'}]});
	topology.virtualInterfaces.push({id: `dxvif-${ctx.rng.hex(8)}`, name: 'dc-transit-vif', type: 'transit', connectionId: dxcon, dxGatewayId: dxgwTransit, customerPrefixes: [DX_TRANSIT_BLOCK], state: 'available'});
	propagate(spokes, attach('direct-connect-gateway', dxgwTransit, 'dxgw-transit-tgw', tables.onprem), [DX_TRANSIT_BLOCK]);

	// Every table is closed to what it should not carry.
	staticRoute([tables.dev], '10.0.0.0/8');
	staticRoute([tables.onprem], '0.0.0.0/0');
	staticRoute(spokes, '192.168.255.0/24');

	const dxgwPrivate = uuid();
	const privateDx = {id: dxgwPrivate, name: 'dxgw-private', asn: 64601, associations: [] as {gatewayId: string; allowedPrefixes: string[]; state: 'associated'}[]};
	topology.dxGateways.push(privateDx);
	topology.virtualInterfaces.push({id: `dxvif-${ctx.rng.hex(8)}`, name: 'dc-private-vif', type: 'private', connectionId: dxcon, dxGatewayId: dxgwPrivate, customerPrefixes: [DX_PRIVATE_BLOCK], state: 'available'});
	let g = 0;
	for (const plan of plans.filter(p => hasVgw(p.index))) {
		const vgwId = ctx.id('vgw');
		topology.vpnGateways.push({id: vgwId, name: `${plan.label}-vgw`, vpcId: plan.vpcId, asn: 64512, state: 'available'});
		privateDx.associations.push({gatewayId: vgwId, allowedPrefixes: plan.blocks, state: 'associated'});
		const block = branchBlock(g);
		const siteId = site(ctx, `branch-${plan.label}`, [block], {Kind: 'vgw-vpn', Vpc: plan.vpcId});
		const cgwId = ctx.id('cgw');
		topology.customerGateways.push({id: cgwId, name: `branch-${plan.label}-cgw`, ipAddress: `203.0.113.${10 + g}`, asn: 65100 + g, siteId, state: 'available'});
		topology.vpnConnections.push({id: ctx.id('vpn'), name: `branch-${plan.label}-vpn`, customerGatewayId: cgwId, vpnGatewayId: vgwId, routing: 'static', staticRoutes: [block], bgpPrefixes: [], tunnels: tunnels(ctx), state: 'available'});
		for (const table of plan.privateTables) {
			table.propagatingVgwIds.push(vgwId);
			table.routes.push(
				{destinationCidr: block, target: vgwId, origin: 'propagated', state: active},
				{destinationCidr: DX_PRIVATE_BLOCK, target: vgwId, origin: 'propagated', state: active},
			);
		}
		g++;
	}
}
