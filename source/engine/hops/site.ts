// On-premises sites: how a host's packet gets into AWS and how AWS delivers to one. A site reaches
// AWS over the VPNs of its customer gateways and the VIFs of its Direct Connect connections; its
// router sends a packet over the link on which AWS advertises the longest prefix for the address,
// Direct Connect before VPN for the same prefix (the choice AWS makes on its side too), skipping
// links that are down.
import {formatCidr, formatIpv4} from '../../net/ipv4.js';
import type {SiteC} from '../compiled.js';
import {hybridOf, type SitePath} from '../hybrid.js';
import type {Pkt} from '../packet.js';
import {pass, stop, type Step, type Walk} from '../walk-state.js';
import {crossDx, vifWorks} from './direct-connect.js';
import {enterAttachment} from './transit-gateway.js';
import {crossVpn, vgwIngress, vpnWorks} from './vpn.js';

const SITE = 'site';
/** The walk's own bound on steps: a site bouncing a packet between its links counts against it too. */
const HAIRPIN_LIMIT = 64;

const gatewayOf = (path: SitePath): string => path.vgw?.id ?? path.attachment!.tgw.id;
const linkOf = (path: SitePath): string => (path.vpn ? `VPN ${path.vpn.id}` : `Direct Connect ${path.vif!.id}`);

function works(path: SitePath): boolean {
	return path.vpn ? vpnWorks(path.vpn) : vifWorks(path.vif!, gatewayOf(path));
}

export function enterFromSite(w: Walk, site: SiteC, pkt: Pkt): Step | null {
	const paths = hybridOf(w.ctx).sitePaths.get(site.id);
	let chosen: SitePath | undefined;
	let prefix = '';
	let failing: {path: SitePath; prefix: string} | undefined;
	const down: SitePath[] = [];
	let rival: SitePath | undefined;
	for (const match of paths?.all(pkt.dst) ?? []) {
		for (const path of match.values[0]!) {
			if (works(path)) {
				chosen = path;
				prefix = formatCidr(match.cidr);
				rival = match.values[0]!.find(other => other !== path && other.rank > path.rank && !down.includes(other));
				break;
			}
			failing ??= {path, prefix: formatCidr(match.cidr)};
			down.push(path);
		}
		if (chosen) break;
	}
	if (!chosen && failing) {
		chosen = failing.path;
		prefix = failing.prefix;
	}
	if (!chosen)
		return stop(w, {component: site.id, type: SITE, action: 'drop', detail: `no VPN or Direct Connect link of ${site.id} has a route to ${formatIpv4(pkt.dst)} advertised by AWS`, code: 'NO_PATH'});
	let reason = 'longest prefix';
	if (down.length > 0 && works(chosen)) reason = `${down.map(linkOf).join(', ')} is down`;
	else if (rival) reason = `Direct Connect is preferred over ${linkOf(rival)} for the same prefix`;
	pass(w, {component: site.id, type: SITE, action: 'forward', detail: `the on-premises router sends ${prefix} over ${linkOf(chosen)} to ${gatewayOf(chosen)} (${reason})`});
	if (chosen.vpn) {
		if (!crossVpn(w, chosen.vpn, false)) return null;
		if (chosen.vgw) return vgwIngress(w, chosen.vgw, pkt, 'vpn-connection', chosen.vpn.id);
		return enterAttachment(w, chosen.attachment!, pkt);
	}
	const vif = chosen.vif!;
	if (!crossDx(w, vif, false, gatewayOf(chosen))) return null;
	if (chosen.vgw) return vgwIngress(w, chosen.vgw, pkt, 'direct-connect', vif.id);
	return enterAttachment(w, chosen.attachment!, pkt);
}

/** The last link (VPN or VIF) hands the packet to its site, which must hold the address. */
export function deliverToSite(w: Walk, site: SiteC | undefined, pkt: Pkt, via: string): Step | null {
	const holder = w.ctx.siteByAddress.longestValues(pkt.dst)?.[0];
	const target = site ?? holder;
	const address = formatIpv4(pkt.dst);
	if (!target)
		return stop(w, {component: via, type: 'site', action: 'drop', detail: `no on-premises site in this topology holds ${address} behind ${via}`, code: 'UNKNOWN_DESTINATION'});
	if (holder !== target) {
		// The site's router sends what it does not hold back over another of its links when AWS
		// advertises the address there (the supernet case of a DX gateway, VPN CloudHub).
		const back = hybridOf(w.ctx).sitePaths.get(target.id)?.longest(pkt.dst);
		if (back && ++w.steps <= HAIRPIN_LIMIT) {
			pass(w, {component: target.id, type: SITE, action: 'forward', detail: `${address} is not in ${target.id}: its router sends it back into AWS`});
			return enterFromSite(w, target, pkt);
		}
		const whose = holder ? `${address} belongs to ${holder.id}` : `${address} is in none of ${target.id}'s networks (${target.cidrs.map(formatCidr).join(', ')})`;
		return stop(w, {component: target.id, type: SITE, action: 'drop', detail: `${whose}: the on-premises router behind ${via} has nowhere to send it`, code: 'NO_ROUTE_TO_DESTINATION'});
	}
	pass(w, {component: target.id, type: SITE, action: 'deliver', detail: `delivered to on-premises host ${address} in ${target.id}`});
	w.end = {kind: 'site', site: target, pkt};
	return null;
}
