// Direct Connect: a dedicated connection, virtual interfaces on it (private to a VGW or a DX
// gateway, transit to a DX gateway associated with a transit gateway), and the DX gateway that
// joins on-premises to VGWs or TGWs but never one VGW to another (aws-semantics section 11).
// Nothing on it is encrypted unless a VPN runs over it or MACsec is on.
import {formatIpv4} from '../../net/ipv4.js';
import type {AttachmentC, DxgwC, VifC} from '../hybrid.js';
import {holds} from '../hybrid.js';
import type {Pkt} from '../packet.js';
import {pass, stop, type Step, type Walk} from '../walk-state.js';
import {deliverToSite} from './site.js';

const DXGW = 'dx-gateway';

function association(dxgw: DxgwC, gatewayId: string): {state: string} | undefined {
	return dxgw.vgws.find(a => a.gateway.id === gatewayId) ?? dxgw.tgws.find(a => a.gateway.id === gatewayId);
}

/** Connection and VIF available, and the DX gateway associated with the gateway on the AWS side. */
export function vifWorks(vif: VifC, gatewayId?: string): boolean {
	if (vif.vif.state !== 'available' || vif.connection?.state !== 'available') return false;
	if (!vif.dxgw || gatewayId === undefined) return true;
	return association(vif.dxgw, gatewayId)?.state === 'associated';
}

function encryption(vif: VifC): string {
	return vif.dxgw?.vpnOver
		? 'Direct Connect is not encrypted; a VPN runs over this DX gateway for traffic that needs it'
		: 'Direct Connect is not encrypted; run a VPN over it or turn on MACsec where the traffic needs encryption';
}

/**
 * The packet crosses a VIF and its connection (and the DX gateway, when the VIF ends on one),
 * toward the site or from it; false (hop recorded) when one of them is down.
 */
export function crossDx(w: Walk, vif: VifC, toSite: boolean, gatewayId?: string): boolean {
	const connection = vif.connection;
	const dxgwHop = (): boolean => {
		if (!vif.dxgw || gatewayId === undefined) return true;
		const state = association(vif.dxgw, gatewayId)?.state;
		if (state !== 'associated') {
			stop(w, {component: vif.dxgw.id, type: DXGW, action: 'drop', detail: `${vif.dxgw.id} is ${state ?? 'not associated'} with ${gatewayId}`, code: 'BAD_STATE'});
			return false;
		}
		pass(w, {component: vif.dxgw.id, type: DXGW, action: 'forward', detail: toSite ? `from ${gatewayId} to ${vif.id}` : `from ${vif.id} to ${gatewayId}`});
		return true;
	};
	const linkHops = (): boolean => {
		if (!connection || connection.state !== 'available') {
			const id = connection?.id ?? vif.vif.connectionId;
			stop(w, {component: id, type: 'dx-connection', action: 'drop', detail: `${id} is ${connection?.state ?? 'not in this topology'}`, code: 'BAD_STATE'});
			return false;
		}
		if (vif.vif.state !== 'available') {
			stop(w, {component: vif.id, type: 'virtual-interface', action: 'drop', detail: `${vif.id} is ${vif.vif.state}`, code: 'BAD_STATE'});
			return false;
		}
		const where = connection.location ? ` at ${connection.location}` : '';
		const connectionHop = {component: connection.id, type: 'dx-connection', action: 'forward' as const, detail: `${encryption(vif)} (${connection.id}${where})`};
		const vifHop = {component: vif.id, type: 'virtual-interface', action: 'forward' as const, detail: `${vif.vif.type} virtual interface on ${connection.id}`};
		if (toSite) {
			pass(w, vifHop);
			pass(w, connectionHop);
		} else {
			pass(w, connectionHop);
			pass(w, vifHop);
		}
		return true;
	};
	return toSite ? dxgwHop() && linkHops() : linkHops() && dxgwHop();
}

/** Out of a transit gateway through a DX gateway attachment: down the transit VIF whose site holds the address. */
export function dxgwToSite(w: Walk, attachment: AttachmentC, pkt: Pkt): Step | null {
	const dxgw = attachment.dxgw;
	if (!dxgw) return stop(w, {component: attachment.id, type: 'transit-gateway-attachment', action: 'drop', detail: `${attachment.att.resourceId} is not in this topology`, code: 'BAD_STATE_ATTACHMENT'});
	const candidates = dxgw.vifs.filter(vif => vif.vif.type === 'transit' && holds(vif.prefixes, pkt.dst));
	const vif = candidates.find(v => vifWorks(v, attachment.tgw.id)) ?? candidates[0];
	if (!vif)
		return stop(w, {component: dxgw.id, type: DXGW, action: 'drop', detail: `no transit virtual interface of ${dxgw.id} advertises ${formatIpv4(pkt.dst)}`, code: 'NO_ROUTE_TO_DESTINATION'});
	if (!crossDx(w, vif, true, attachment.tgw.id)) return null;
	return deliverToSite(w, vif.site, pkt, vif.id);
}
