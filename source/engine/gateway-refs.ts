// Gateways as the ends of a trace (SPEC section 2 lists them among refs). A gateway has no address
// of its own, so it stands for what lies beyond it: an internet gateway for an internet host
// reached through it, a VGW, customer gateway, VPN, Direct Connect connection, VIF or DX gateway
// for a host in the on-premises site behind it.
import {parseIpv4} from '../net/ipv4.js';
import type {SiteC, TraceContext} from './compiled.js';
import {TraceInputError} from './errors.js';

export const siteGatewayKinds = ['vpn-gateway', 'customer-gateway', 'vpn-connection', 'dx-connection', 'virtual-interface', 'dx-gateway'] as const;

// Well-known public resolvers first (what a learner expects to see), documentation ranges after.
const internetCandidates = ['8.8.8.8', '1.1.1.1', '9.9.9.9', '198.51.100.200', '203.0.113.200'].map(text => parseIpv4(text)!);

/** A public address owned by nothing in the topology, to stand for "a host on the internet". */
export function internetHost(ctx: TraceContext): number {
	const free = internetCandidates.find(
		address => !ctx.vpcByAddress.longest(address) && !ctx.siteByAddress.longest(address) && !ctx.byPublicIp.has(address),
	);
	if (free === undefined) throw new TraceInputError('every stand-in internet address is used in this topology; give an internet address instead of the gateway');
	return free;
}

/** The on-premises site behind a VPN or Direct Connect resource, if the topology names one. */
export function siteBehind(ctx: TraceContext, kind: string, id: string): SiteC | undefined {
	const t = ctx.topology;
	const siteOfGateway = (cgwId: string) => t.customerGateways.find(cgw => cgw.id === cgwId)?.siteId;
	const siteOfConnection = (connectionId: string) => t.dxConnections.find(dx => dx.id === connectionId)?.siteId;
	const siteOfVifs = (match: (vif: (typeof t.virtualInterfaces)[number]) => boolean) =>
		t.virtualInterfaces.filter(match).map(vif => siteOfConnection(vif.connectionId)).find(Boolean);
	let siteId: string | undefined;
	switch (kind) {
		case 'customer-gateway':
			siteId = siteOfGateway(id);
			break;
		case 'vpn-connection':
			siteId = siteOfGateway(t.vpnConnections.find(vpn => vpn.id === id)?.customerGatewayId ?? '');
			break;
		case 'dx-connection':
			siteId = siteOfConnection(id);
			break;
		case 'virtual-interface':
			siteId = siteOfVifs(vif => vif.id === id);
			break;
		case 'dx-gateway':
			siteId = siteOfVifs(vif => vif.dxGatewayId === id);
			break;
		case 'vpn-gateway': {
			const dxgws = t.dxGateways.filter(g => g.associations.some(a => a.gatewayId === id)).map(g => g.id);
			siteId =
				t.vpnConnections.filter(vpn => vpn.vpnGatewayId === id).map(vpn => siteOfGateway(vpn.customerGatewayId)).find(Boolean) ??
				siteOfVifs(vif => vif.vpnGatewayId === id || (vif.dxGatewayId !== undefined && dxgws.includes(vif.dxGatewayId)));
			break;
		}
	}
	return siteId ? ctx.sites.get(siteId) : undefined;
}

/** `a vpn-gateway`, `an internet-gateway`. */
export function withArticle(kind: string): string {
	return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}
