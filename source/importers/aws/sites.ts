// Snapshots hold no on-premises networks; derive them from what AWS learned about them: VPN static
// routes, routes propagated from VPNs and Direct Connect into VPC and TGW route tables, and
// virtual interface prefixes. One site per customer gateway or DX connection, merged when they
// announce overlapping prefixes (the same data centre reached over VPN and DX).
import {cidrsOverlap, parseCidr} from '../../net/ipv4.js';
import type {ImportContext} from './context.js';

type Group = {id: string; name: string; prefixes: Set<string>; customerGatewayIds: string[]; connectionIds: string[]};

export function deriveSites(context: ImportContext): void {
	const {out} = context;
	if (out.sites.length > 0) return;
	const propagatedToVgw = new Map<string, string[]>();
	for (const table of out.routeTables)
		for (const route of table.routes)
			if (route.origin === 'propagated' && route.destinationCidr)
				propagatedToVgw.set(route.target, [...(propagatedToVgw.get(route.target) ?? []), route.destinationCidr]);
	const propagatedFromAttachment = new Map<string, string[]>();
	for (const table of out.transitGatewayRouteTables)
		for (const route of table.routes)
			if (route.type === 'propagated' && route.attachmentId && route.destinationCidr)
				propagatedFromAttachment.set(route.attachmentId, [...(propagatedFromAttachment.get(route.attachmentId) ?? []), route.destinationCidr]);
	const attachmentOf = (resourceId: string) => out.transitGatewayAttachments.find(a => a.resourceId === resourceId)?.id;

	const groups: Group[] = [];
	for (const gateway of out.customerGateways) {
		const prefixes = new Set<string>();
		for (const vpn of out.vpnConnections.filter(v => v.customerGatewayId === gateway.id)) {
			const learned = [
				...(vpn.vpnGatewayId ? (propagatedToVgw.get(vpn.vpnGatewayId) ?? []) : []),
				...(vpn.transitGatewayId ? (propagatedFromAttachment.get(attachmentOf(vpn.id) ?? '') ?? []) : []),
			];
			if (vpn.routing === 'bgp') vpn.bgpPrefixes = [...new Set(learned)];
			for (const prefix of [...vpn.staticRoutes, ...learned]) prefixes.add(prefix);
		}
		if (prefixes.size === 0) {
			context.note(gateway.id, 'no on-premises prefixes are known for this customer gateway (BGP-learned routes are not in the snapshot); add a site by hand to trace to it');
			continue;
		}
		groups.push({id: `site-${gateway.id}`, name: `on-prem via ${gateway.name ?? gateway.id}`, prefixes, customerGatewayIds: [gateway.id], connectionIds: []});
	}
	for (const connection of out.dxConnections) {
		const prefixes = new Set<string>();
		for (const vif of out.virtualInterfaces.filter(v => v.connectionId === connection.id)) {
			const learned = [...vif.customerPrefixes];
			if (vif.vpnGatewayId) learned.push(...(propagatedToVgw.get(vif.vpnGatewayId) ?? []));
			const dxgw = out.dxGateways.find(gateway => gateway.id === vif.dxGatewayId);
			for (const association of dxgw?.associations ?? []) {
				learned.push(...(propagatedToVgw.get(association.gatewayId) ?? []));
				learned.push(...(propagatedFromAttachment.get(attachmentOf(dxgw!.id) ?? '') ?? []));
			}
			if (vif.customerPrefixes.length === 0 && vif.type !== 'public') vif.customerPrefixes = [...new Set(learned)];
			for (const prefix of learned) prefixes.add(prefix);
		}
		if (prefixes.size === 0) {
			context.note(connection.id, 'no on-premises prefixes are known for this Direct Connect connection (routes learned over BGP are not in the snapshot); add a site by hand to trace to it');
			continue;
		}
		groups.push({id: `site-${connection.id}`, name: `on-prem via ${connection.name ?? connection.id}`, prefixes, customerGatewayIds: [], connectionIds: [connection.id]});
	}
	for (const group of mergeOverlapping(groups)) {
		const name = context.uniqueName(group.name, group.id);
		context.claim(group.id);
		out.sites.push({id: group.id, name, cidrs: [...group.prefixes].sort()});
		for (const gateway of out.customerGateways) if (group.customerGatewayIds.includes(gateway.id)) gateway.siteId = group.id;
		for (const connection of out.dxConnections) if (group.connectionIds.includes(connection.id)) connection.siteId = group.id;
		context.note(group.id, `on-premises site derived from routes learned over ${[...group.customerGatewayIds, ...group.connectionIds].join(', ')}`);
	}
}

function mergeOverlapping(groups: Group[]): Group[] {
	const merged: Group[] = [];
	for (const group of groups) {
		const blocks = [...group.prefixes].map(prefix => parseCidr(prefix));
		const into = merged.find(other => [...other.prefixes].some(prefix => blocks.some(block => cidrsOverlap(block, parseCidr(prefix)))));
		if (!into) {
			merged.push(group);
			continue;
		}
		for (const prefix of group.prefixes) into.prefixes.add(prefix);
		into.customerGatewayIds.push(...group.customerGatewayIds);
		into.connectionIds.push(...group.connectionIds);
	}
	return merged;
}
