// What prepare() compiles for transit gateways, site-to-site VPN, Direct Connect and on-premises
// sites: TGW route tables as LPM indexes with propagations expanded, what each virtual private
// gateway has learned (VPN static and BGP, Direct Connect BGP), the routes VGW propagation puts
// into VPC route tables, and what AWS advertises to each site over each of its links.
import {cidrContains, cidrContainsAddress, parseCidr, type Cidr} from '../net/ipv4.js';
import {LpmIndex} from '../net/lpm.js';
import type * as m from '../model/types.js';
import type {SiteC, SubnetC, TraceContext, VpcC} from './compiled.js';
import {compileTgwTables} from './hybrid-tgw-tables.js';
import {addRoute} from './hops/route-table.js';

export type TgwC = {id: string; tgw: m.TransitGateway; vpcAttachments: Map<string, AttachmentC>};

export type AttachmentC = {
	id: string;
	att: m.TgwAttachment;
	tgw: TgwC;
	/** VPC attachments: the attachment's subnets in listed order, and by availability zone. */
	subnets: SubnetC[];
	byZone: Map<string, SubnetC>;
	table?: TgwTableC;
	vpc?: VpcC;
	vpn?: VpnC;
	dxgw?: DxgwC;
};

export type TgwRouteC = {
	cidr: Cidr;
	/** As the table shows it: the CIDR, or the prefix list id. */
	destination: string;
	attachmentId?: string;
	attachment?: AttachmentC;
	blackhole: boolean;
	/** The documented tie-break after the longest prefix: static 0, prefix list 1, VPC 2, DXGW 3, Connect 4, VPN over DX 5, VPN 6, peering 7. */
	rank: number;
	/** `static`, `prefix list`, `propagated from vpc-b`, ... */
	origin: string;
	index: number;
};

export type TgwTableC = {
	id: string;
	table: m.TgwRouteTable;
	tgw: TgwC;
	lpm: LpmIndex<TgwRouteC[]>;
	/** Every route, for what the table advertises over a VPN. */
	routes: TgwRouteC[];
	/** Propagations that bring no route (TGW peering), to say why a route is missing. */
	ignored: string[];
};

export type VpnC = {id: string; vpn: m.VpnConnection; cgw?: m.CustomerGateway; site?: SiteC; vgw?: VgwC; attachment?: AttachmentC; prefixes: Cidr[]};

export type VifC = {id: string; vif: m.VirtualInterface; connection?: m.DxConnection; site?: SiteC; dxgw?: DxgwC; vgw?: VgwC; prefixes: Cidr[]};

export type DxAssociation<T> = {gateway: T; allowed: Cidr[]; state: string};

export type DxgwC = {
	id: string;
	dxgw: m.DxGateway;
	vifs: VifC[];
	vgws: Array<DxAssociation<VgwC>>;
	tgws: Array<DxAssociation<TgwC> & {attachment?: AttachmentC}>;
	/** A VPN runs over it (private IP VPN), which is how traffic over Direct Connect gets encrypted. */
	vpnOver: boolean;
};

/** What a VGW learned for a prefix: over Direct Connect (rank 0), a static VPN (1) or a BGP VPN (2). */
export type VgwRouteC = {cidr: Cidr; rank: number; kind: 'dx' | 'vpn-static' | 'vpn-bgp'; vpn?: VpnC; vif?: VifC};

export type VgwC = {id: string; vgw: m.VpnGateway; vpc?: VpcC; lpm: LpmIndex<VgwRouteC[]>; routes: VgwRouteC[]; dxgws: DxgwC[]};

/** One way from a site into AWS, and the prefixes AWS advertises over it (Direct Connect rank 0, VPN 1). */
export type SitePath = {rank: number; vpn?: VpnC; vif?: VifC; vgw?: VgwC; attachment?: AttachmentC};

export type Hybrid = {
	tgws: Map<string, TgwC>;
	attachments: Map<string, AttachmentC>;
	tgwTables: Map<string, TgwTableC>;
	vgws: Map<string, VgwC>;
	vpns: Map<string, VpnC>;
	vifs: Map<string, VifC>;
	dxgws: Map<string, DxgwC>;
	sitePaths: Map<string, LpmIndex<SitePath[]>>;
};

export const HYBRID = 'hybrid';

export function hybridOf(ctx: TraceContext): Hybrid {
	return ctx.extensions.get(HYBRID) as Hybrid;
}

const byRank = <T extends {rank: number}>(a: T, b: T): number => a.rank - b.rank;

/** Inserts into an index of groups, one group per prefix. */
export function insertGrouped<T>(lpm: LpmIndex<T[]>, cidr: Cidr, value: T): void {
	const group = lpm.exact(cidr)[0];
	if (group) group.push(value);
	else lpm.insert(cidr, [value]);
}

/** BGP learns what the customer router advertises; a model without the list falls back to the site's networks. */
function advertised(listed: string[], site: SiteC | undefined, parse: (text: string) => Cidr): Cidr[] {
	return listed.length > 0 ? listed.map(parse) : (site?.cidrs ?? []);
}

/** On a VGW association, allowed prefixes filter the VPC's blocks: a block covered by one, or an allowed prefix inside a block. */
function vgwAdvertised(vgw: VgwC, allowed: Cidr[]): Cidr[] {
	const blocks = vgw.vpc?.blocks ?? [];
	if (allowed.length === 0) return blocks;
	const out: Cidr[] = [];
	for (const block of blocks) {
		if (allowed.some(prefix => cidrContains(prefix, block))) out.push(block);
		else for (const prefix of allowed) if (cidrContains(block, prefix)) out.push(prefix);
	}
	return out;
}

export function compileHybrid(topology: m.Topology, ctx: TraceContext): Hybrid {
	const parse = (text: string): Cidr => parseCidr(text, {allowHostBits: true});
	const tgws = new Map(topology.transitGateways.map(tgw => [tgw.id, {id: tgw.id, tgw, vpcAttachments: new Map()} as TgwC]));
	const attachments = new Map<string, AttachmentC>();
	for (const att of topology.transitGatewayAttachments) {
		const tgw = tgws.get(att.transitGatewayId);
		if (!tgw) continue;
		const subnets = att.subnetIds.map(id => ctx.subnets.get(id)).filter(s => s !== undefined);
		const compiled: AttachmentC = {id: att.id, att, tgw, subnets, byZone: new Map(subnets.map(s => [s.subnet.availabilityZone, s]))};
		if (att.type === 'vpc') {
			compiled.vpc = ctx.vpcs.get(att.resourceId);
			if (compiled.vpc && att.state !== 'deleted' && !tgw.vpcAttachments.has(att.resourceId)) tgw.vpcAttachments.set(att.resourceId, compiled);
		}
		attachments.set(att.id, compiled);
	}

	const vgws = new Map<string, VgwC>();
	for (const vgw of topology.vpnGateways) vgws.set(vgw.id, {id: vgw.id, vgw, vpc: vgw.vpcId ? ctx.vpcs.get(vgw.vpcId) : undefined, lpm: new LpmIndex(), routes: [], dxgws: []});

	const cgws = new Map(topology.customerGateways.map(cgw => [cgw.id, cgw]));
	const vpns = new Map<string, VpnC>();
	for (const vpn of topology.vpnConnections) {
		const cgw = cgws.get(vpn.customerGatewayId);
		const site = cgw?.siteId ? ctx.sites.get(cgw.siteId) : undefined;
		const prefixes = vpn.routing === 'static' ? vpn.staticRoutes.map(parse) : advertised(vpn.bgpPrefixes, site, parse);
		vpns.set(vpn.id, {id: vpn.id, vpn, cgw, site, vgw: vpn.vpnGatewayId ? vgws.get(vpn.vpnGatewayId) : undefined, prefixes});
	}

	const dxgws = new Map<string, DxgwC>();
	for (const dxgw of topology.dxGateways) {
		const compiled: DxgwC = {id: dxgw.id, dxgw, vifs: [], vgws: [], tgws: [], vpnOver: topology.vpnConnections.some(vpn => vpn.transportDxGatewayId === dxgw.id)};
		for (const association of dxgw.associations) {
			const allowed = association.allowedPrefixes.map(parse);
			const vgw = vgws.get(association.gatewayId);
			const tgw = tgws.get(association.gatewayId);
			if (vgw) {
				compiled.vgws.push({gateway: vgw, allowed, state: association.state});
				vgw.dxgws.push(compiled);
			} else if (tgw) compiled.tgws.push({gateway: tgw, allowed, state: association.state});
		}
		dxgws.set(dxgw.id, compiled);
	}
	for (const attachment of attachments.values()) {
		const {att} = attachment;
		if (att.type === 'vpn') {
			attachment.vpn = vpns.get(att.resourceId);
			if (attachment.vpn && !attachment.vpn.attachment) attachment.vpn.attachment = attachment;
		} else if (att.type === 'direct-connect-gateway') {
			attachment.dxgw = dxgws.get(att.resourceId);
			const association = attachment.dxgw?.tgws.find(a => a.gateway === attachment.tgw);
			if (association && !association.attachment) association.attachment = attachment;
		}
	}

	const connections = new Map(topology.dxConnections.map(connection => [connection.id, connection]));
	const vifs = new Map<string, VifC>();
	for (const vif of topology.virtualInterfaces) {
		const connection = connections.get(vif.connectionId);
		const site = connection?.siteId ? ctx.sites.get(connection.siteId) : undefined;
		const compiled: VifC = {id: vif.id, vif, connection, site, prefixes: advertised(vif.customerPrefixes, site, parse)};
		if (vif.dxGatewayId) compiled.dxgw = dxgws.get(vif.dxGatewayId);
		if (vif.vpnGatewayId) compiled.vgw = vgws.get(vif.vpnGatewayId);
		compiled.dxgw?.vifs.push(compiled);
		vifs.set(vif.id, compiled);
	}

	// What each VGW learned, best first for each prefix.
	const learned = (vgw: VgwC, route: VgwRouteC): void => {
		insertGrouped(vgw.lpm, route.cidr, route);
		vgw.routes.push(route);
	};
	for (const vpn of vpns.values()) {
		if (!vpn.vgw) continue;
		const kind = vpn.vpn.routing === 'static' ? 'vpn-static' : 'vpn-bgp';
		for (const cidr of vpn.prefixes) learned(vpn.vgw, {cidr, rank: kind === 'vpn-static' ? 1 : 2, kind, vpn});
	}
	for (const vif of vifs.values()) {
		if (vif.vif.type !== 'private') continue;
		const targets = vif.vgw ? [vif.vgw] : (vif.dxgw?.vgws.map(a => a.gateway) ?? []);
		for (const vgw of targets) for (const cidr of vif.prefixes) learned(vgw, {cidr, rank: 0, kind: 'dx', vif});
	}
	for (const vgw of vgws.values()) for (const route of vgw.routes) vgw.lpm.exact(route.cidr)[0]!.sort(byRank);

	propagateIntoVpcTables(topology, ctx, vgws);
	const tgwTables = compileTgwTables(topology, tgws, attachments, vifs, parse, id => ctx.prefixLists.get(id)?.cidrs);
	for (const attachment of attachments.values())
		attachment.table = attachment.att.associatedRouteTableId ? tgwTables.get(attachment.att.associatedRouteTableId) : undefined;

	const sitePaths = compileSitePaths(vpns, vifs, tgwTables);
	return {tgws, attachments, tgwTables, vgws, vpns, vifs, dxgws, sitePaths};
}

/** VGW route propagation: a table listing the VGW gets every prefix it learned, unless the table already shows that route. */
function propagateIntoVpcTables(topology: m.Topology, ctx: TraceContext, vgws: Map<string, VgwC>): void {
	for (const raw of topology.routeTables) {
		const table = ctx.routeTables.get(raw.id);
		if (!table || raw.propagatingVgwIds.length === 0) continue;
		for (const vgwId of raw.propagatingVgwIds) {
			const vgw = vgws.get(vgwId);
			if (!vgw || vgw.vpc !== table.vpc) continue;
			for (const route of vgw.routes) {
				// One route per prefix: the first of its (sorted) group stands for it.
				if (vgw.lpm.exact(route.cidr)[0]![0] !== route) continue;
				const cidr = route.cidr;
				const shown = table.lpm.exact(cidr)[0]?.some(route => route.target === vgwId && route.origin === 'propagated');
				if (!shown) addRoute(table, {cidr, target: vgwId, targetKind: 'vpn-gateway', origin: 'propagated'});
			}
		}
	}
}

function compileSitePaths(vpns: Map<string, VpnC>, vifs: Map<string, VifC>, tables: Map<string, TgwTableC>): Map<string, LpmIndex<SitePath[]>> {
	const out = new Map<string, LpmIndex<SitePath[]>>();
	const add = (site: SiteC | undefined, cidrs: Cidr[], path: SitePath): void => {
		if (!site) return;
		let lpm = out.get(site.id);
		if (!lpm) out.set(site.id, (lpm = new LpmIndex()));
		for (const cidr of cidrs) {
			insertGrouped(lpm, cidr, path);
			lpm.exact(cidr)[0]!.sort(byRank);
		}
	};
	for (const vpn of vpns.values()) {
		if (vpn.vgw) add(vpn.site, vpn.vgw.vpc?.blocks ?? [], {rank: 1, vpn, vgw: vpn.vgw});
		else if (vpn.attachment) add(vpn.site, tableCidrs(vpn.attachment.table ?? tables.get(vpn.attachment.att.associatedRouteTableId ?? '')), {rank: 1, vpn, attachment: vpn.attachment});
	}
	for (const vif of vifs.values()) {
		if (vif.vif.type === 'private' && vif.vgw) add(vif.site, vif.vgw.vpc?.blocks ?? [], {rank: 0, vif, vgw: vif.vgw});
		else if (vif.vif.type === 'private' && vif.dxgw) for (const a of vif.dxgw.vgws) add(vif.site, vgwAdvertised(a.gateway, a.allowed), {rank: 0, vif, vgw: a.gateway});
		else if (vif.vif.type === 'transit' && vif.dxgw) for (const a of vif.dxgw.tgws) if (a.attachment) add(vif.site, a.allowed, {rank: 0, vif, attachment: a.attachment});
	}
	return out;
}

/** What a TGW advertises over a VPN: the active routes of the VPN attachment's associated table. */
function tableCidrs(table: TgwTableC | undefined): Cidr[] {
	return table ? table.routes.filter(route => !route.blackhole).map(route => route.cidr) : [];
}

export const holds = (cidrs: readonly Cidr[], address: number): boolean => cidrs.some(cidr => cidrContainsAddress(cidr, address));
