// Transit gateway route tables as LPM indexes: static, blackhole and prefix-list routes as the
// table lists them, plus what each propagating attachment brings (a VPC's blocks, a BGP VPN's
// prefixes, the on-premises prefixes learned over a DX gateway's transit VIFs). For one prefix the
// documented order decides: static > prefix list > VPC > DXGW > Connect > VPN over DX > VPN >
// peering (aws-semantics section 12). A peering attachment propagates nothing (fact 28), and a
// static VPN needs static routes.
import {formatCidr, type Cidr} from '../net/ipv4.js';
import {LpmIndex} from '../net/lpm.js';
import type * as m from '../model/types.js';
import type {AttachmentC, TgwC, TgwRouteC, TgwTableC, VifC} from './hybrid.js';

const PROPAGATED_RANK: Record<m.TgwAttachment['type'], number> = {vpc: 2, 'direct-connect-gateway': 3, connect: 4, vpn: 6, peering: 7};

function propagatedRank(attachment: AttachmentC): number {
	if (attachment.att.type === 'vpn' && attachment.vpn?.vpn.transportDxGatewayId) return 5;
	return PROPAGATED_RANK[attachment.att.type];
}

/** The prefixes an attachment propagates into the tables that list it. */
function propagatedPrefixes(attachment: AttachmentC, vifs: Map<string, VifC>): Cidr[] {
	switch (attachment.att.type) {
		case 'vpc':
			return attachment.vpc?.blocks ?? [];
		case 'vpn':
			return attachment.vpn && attachment.vpn.vpn.routing === 'bgp' ? attachment.vpn.prefixes : [];
		case 'direct-connect-gateway': {
			const out: Cidr[] = [];
			for (const vif of vifs.values()) if (vif.vif.type === 'transit' && vif.dxgw === attachment.dxgw) out.push(...vif.prefixes);
			return out;
		}
		default:
			return [];
	}
}

export function compileTgwTables(
	topology: m.Topology,
	tgws: Map<string, TgwC>,
	attachments: Map<string, AttachmentC>,
	vifs: Map<string, VifC>,
	parse: (text: string) => Cidr,
	prefixList: (id: string) => Cidr[] | undefined,
): Map<string, TgwTableC> {
	const tables = new Map<string, TgwTableC>();
	for (const table of topology.transitGatewayRouteTables) {
		const tgw = tgws.get(table.transitGatewayId);
		if (!tgw) continue;
		const compiled: TgwTableC = {id: table.id, table, tgw, lpm: new LpmIndex(), routes: [], ignored: []};
		const add = (route: TgwRouteC): void => {
			const group = compiled.lpm.exact(route.cidr)[0];
			if (group) group.push(route);
			else compiled.lpm.insert(route.cidr, [route]);
			compiled.routes.push(route);
		};
		table.routes.forEach((route, index) => {
			const attachment = route.attachmentId ? attachments.get(route.attachmentId) : undefined;
			const blackhole = route.state === 'blackhole';
			let rank = 0;
			let origin = 'static';
			if (route.type === 'propagated') {
				if (attachment?.att.type === 'peering') {
					compiled.ignored.push(attachment.id);
					return;
				}
				rank = attachment ? propagatedRank(attachment) : 6;
				origin = `propagated from ${attachment?.att.resourceId ?? route.attachmentId ?? 'an attachment'}`;
			}
			if (route.destinationCidr !== undefined) {
				const cidr = parse(route.destinationCidr);
				add({cidr, destination: formatCidr(cidr), attachmentId: route.attachmentId, attachment, blackhole, rank, origin, index});
			} else if (route.destinationPrefixListId !== undefined) {
				if (route.type !== 'propagated') {
					rank = 1;
					origin = `prefix list ${route.destinationPrefixListId}`;
				}
				for (const cidr of prefixList(route.destinationPrefixListId) ?? [])
					add({cidr, destination: route.destinationPrefixListId, attachmentId: route.attachmentId, attachment, blackhole, rank, origin, index});
			}
		});
		for (const id of table.propagations) {
			const attachment = attachments.get(id);
			if (!attachment || attachment.tgw !== tgw) continue;
			if (attachment.att.type === 'peering') {
				if (!compiled.ignored.includes(id)) compiled.ignored.push(id);
				continue;
			}
			const rank = propagatedRank(attachment);
			for (const cidr of propagatedPrefixes(attachment, vifs)) {
				const group = compiled.lpm.exact(cidr)[0];
				// Routes the table already lists (an import, a template) are not counted twice; two VPCs
				// with the same block do not both propagate it.
				if (group?.some(r => r.attachmentId === id && r.rank !== 0 && r.rank !== 1)) continue;
				if (attachment.att.type === 'vpc' && group?.some(r => r.rank === 2)) continue;
				add({cidr, destination: formatCidr(cidr), attachmentId: id, attachment, blackhole: false, rank, origin: `propagated from ${attachment.att.resourceId}`, index: Number.MAX_SAFE_INTEGER});
			}
		}
		for (const route of compiled.routes) {
			const group = compiled.lpm.exact(route.cidr)[0]!;
			if (group.length > 1) group.sort((a, b) => a.rank - b.rank || a.index - b.index);
		}
		tables.set(table.id, compiled);
	}
	return tables;
}
