// Resolves the two ends of a flow (SPEC section 2): a resource id or name, an address in a VPC
// subnet (the interface holding it), a public IP (that interface as reached from the internet),
// an address in an on-premises site, or any other address (an internet host).
import {ipv4, parseIpv4} from '../net/ipv4.js';
import {resolveRef} from '../model/resources.js';
import type {Iface, SiteC, TraceContext, VpcC} from './compiled.js';
import {TraceInputError} from './errors.js';
import {clientAddress, clientVpnAt, clientVpnByRef, type ClientVpnC} from './hops/client-vpn.js';
import {internetHost, siteBehind, siteGatewayKinds, withArticle} from './gateway-refs.js';

export type Source =
	| {kind: 'iface'; iface: Iface}
	| {kind: 'internet'; address: number}
	| {kind: 'site'; site: SiteC; address: number}
	/** A laptop connected to a client VPN endpoint, at an address of its client CIDR. */
	| {kind: 'client'; client: ClientVpnC; address: number};

export type Destination = {
	address: number;
	/** The interface the packet is meant for, when the destination names one. */
	iface?: Iface;
	/** A gateway endpoint's service: the address is one of its prefix list's. */
	service?: string;
};

const sourceKinds = ['instance', 'network-interface', 'site'] as const;

function vpcsHolding(ctx: TraceContext, address: number): VpcC[] {
	return ctx.vpcByAddress.all(address).flatMap(match => match.values);
}

/** Something shaped like an address but not one (`10.0.0.256`, `10.0.1`) is a mistake, not a name. */
function rejectBadAddress(text: string): void {
	if (/^[\d.]+$/.test(text)) {
		try {
			ipv4(text);
		} catch (error) {
			throw new TraceInputError((error as Error).message);
		}
	}
}

function siteAddress(site: SiteC): number {
	const first = site.cidrs[0]!;
	// The first host of the site's first block: a representative on-premises client.
	return first.prefix >= 31 ? first.base : first.base + 1;
}

function siteBehindOrFail(ctx: TraceContext, kind: string, id: string, ref: string): SiteC {
	const site = siteBehind(ctx, kind, id);
	if (!site) throw new TraceInputError(`no on-premises site is behind ${kind} "${ref}"; add one (add site <name> <cidrs>) and link it, or trace to an address`);
	return site;
}

function primaryOf(ctx: TraceContext, kind: string, id: string, ref: string): Iface {
	const iface = kind === 'instance' ? ctx.instances.get(id) : ctx.ifaces.get(id);
	if (!iface) throw new TraceInputError(`${kind} "${ref}" has no network interface in a known subnet`);
	return iface;
}

function clientRef(ctx: TraceContext, text: string): ClientVpnC {
	const name = text.slice('client:'.length).trim();
	const client = clientVpnByRef(ctx, name);
	if (!client) throw new TraceInputError(`"${text}": no client VPN endpoint is called ${name || '(nothing)'}; write client:<endpoint id or name>`);
	return client;
}

export function resolveSource(ctx: TraceContext, ref: string): Source {
	const text = ref.trim();
	if (text.startsWith('client:')) {
		const client = clientRef(ctx, text);
		return {kind: 'client', client, address: clientAddress(client, 1)};
	}
	const address = parseIpv4(text);
	if (address !== undefined) {
		const vpcs = vpcsHolding(ctx, address);
		if (vpcs.length > 1)
			throw new TraceInputError(`${text} is in ${vpcs.length} VPCs (${vpcs.map(v => v.id).join(', ')}); name the instance or interface instead`);
		if (vpcs.length === 1) {
			const iface = vpcs[0]!.byAddress.get(address);
			if (!iface) throw new TraceInputError(`no network interface holds ${text} in ${vpcs[0]!.id}`);
			if (iface.kind !== 'interface') throw new TraceInputError(`${text} belongs to ${iface.component}, which does not start connections; trace from an instance or interface`);
			return {kind: 'iface', iface};
		}
		const client = clientVpnAt(ctx, address);
		if (client) return {kind: 'client', client, address};
		const site = ctx.siteByAddress.longestValues(address)?.[0];
		if (site) return {kind: 'site', site, address};
		const holder = ctx.byPublicIp.get(address);
		if (holder?.kind === 'interface') return {kind: 'iface', iface: holder};
		return {kind: 'internet', address};
	}
	rejectBadAddress(text);
	const found = resolveRef(ctx.resources, text);
	if (!found.ok) throw new TraceInputError(found.error);
	const {kind, resource} = found.entry;
	if (kind === 'site') {
		const site = ctx.sites.get(resource.id)!;
		return {kind: 'site', site, address: siteAddress(site)};
	}
	if (kind === 'internet-gateway') return {kind: 'internet', address: internetHost(ctx)};
	if ((siteGatewayKinds as readonly string[]).includes(kind)) {
		const site = siteBehindOrFail(ctx, kind, resource.id, text);
		return {kind: 'site', site, address: siteAddress(site)};
	}
	if (!(sourceKinds as readonly string[]).includes(kind))
		throw new TraceInputError(
			`"${text}" is ${withArticle(kind)}, which does not start connections: a trace starts from an instance, a network interface, an address, a site or the gateway in front of one`,
		);
	return {kind: 'iface', iface: primaryOf(ctx, kind, resource.id, text)};
}

/** The destination as the source would address it: private IPs from inside AWS and on-premises, public from the internet. */
export function resolveDestination(ctx: TraceContext, ref: string, source: Source): Destination {
	const text = ref.trim();
	if (text.startsWith('client:')) {
		// Another laptop of the same endpoint when the source is one (client-to-client), else the first.
		const client = clientRef(ctx, text);
		const same = source.kind === 'client' && source.client === client && source.address === clientAddress(client, 1);
		return {address: clientAddress(client, same ? 2 : 1)};
	}
	const address = parseIpv4(text);
	if (address !== undefined) {
		const holder = ctx.byPublicIp.get(address);
		if (holder && source.kind === 'internet') return {address, iface: holder};
		return {address};
	}
	rejectBadAddress(text);
	const found = resolveRef(ctx.resources, text);
	if (!found.ok) throw new TraceInputError(found.error);
	const {kind, resource} = found.entry;
	const fromInternet = source.kind === 'internet';
	const reach = (iface: Iface): Destination => ({address: fromInternet ? (iface.publicIp ?? iface.address) : iface.address, iface});
	switch (kind) {
		case 'instance':
		case 'network-interface':
			return reach(primaryOf(ctx, kind, resource.id, text));
		case 'nat-gateway':
			return reach(primaryOf(ctx, 'network-interface', resource.id, text));
		case 'site': {
			return {address: siteAddress(ctx.sites.get(resource.id)!)};
		}
		case 'internet-gateway':
			return {address: internetHost(ctx)};
		case 'vpn-gateway':
		case 'customer-gateway':
		case 'vpn-connection':
		case 'dx-connection':
		case 'virtual-interface':
		case 'dx-gateway':
			return {address: siteAddress(siteBehindOrFail(ctx, kind, resource.id, text))};
		case 'vpc-endpoint': {
			const endpoint = ctx.endpoints.get(resource.id)!;
			if (endpoint.type === 'interface') {
				const enis = endpoint.networkInterfaces.map(eni => ctx.ifaces.get(eni.id)).filter(i => i !== undefined);
				const zone = source.kind === 'iface' ? source.iface.subnet.subnet.availabilityZone : undefined;
				const pick = enis.find(i => i.subnet.subnet.availabilityZone === zone) ?? enis[0];
				if (!pick) throw new TraceInputError(`interface endpoint "${text}" has no network interface`);
				return reach(pick);
			}
			const listId = endpoint.prefixListId ?? ctx.topology.prefixLists.find(list => list.serviceName === endpoint.serviceName)?.id;
			const list = listId ? ctx.prefixLists.get(listId) : undefined;
			const first = list?.cidrs[0];
			if (!first) throw new TraceInputError(`gateway endpoint "${text}" has no prefix list with addresses for ${endpoint.serviceName}`);
			return {address: first.prefix >= 31 ? first.base : first.base + 1, service: endpoint.serviceName};
		}
		default:
			throw new TraceInputError(
				`"${text}" is ${withArticle(kind)}, which has no address of its own: a trace goes to an instance, a network interface, an endpoint, a NAT gateway, a site, the gateway in front of one, or an address`,
			);
	}
}
