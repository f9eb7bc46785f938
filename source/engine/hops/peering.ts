// VPC peering: one-to-one and not transitive. The peering carries a packet only from an address
// of the sending VPC to an address of the peer VPC, so B cannot reach C through A, nor use A's
// internet gateway, NAT gateway, VPN, Direct Connect or gateway endpoint (no edge-to-edge routing).
import {cidrContainsAddress, formatIpv4} from '../../net/ipv4.js';
import type {Iface, SubnetC, VpcC} from '../compiled.js';
import type {Pkt} from '../packet.js';
import {explain, pass, stop, type Step, type Walk} from '../walk-state.js';
import {chooseRoute} from './route-table.js';

const PCX = 'peering-connection';

const holds = (vpc: VpcC, address: number): boolean => vpc.blocks.some(block => cidrContainsAddress(block, address));

/** What the peer VPC does with the address itself: the edge it would have to lend (none may be lent). */
function peerEdge(peer: VpcC, address: number): {kind: string; target: string} | undefined {
	const tables = peer.mainTable ? [peer.mainTable, ...peer.routeTables.filter(t => t !== peer.mainTable)] : peer.routeTables;
	for (const table of tables) {
		const route = chooseRoute(table, address);
		if (route && route.targetKind !== 'local') return {kind: route.targetKind, target: route.target};
	}
	return undefined;
}

export function peeringTarget(w: Walk, pcxId: string, fromSubnet: SubnetC, pkt: Pkt, sender?: Iface): Step | null {
	const pcx = w.ctx.peerings.get(pcxId)!;
	const here = fromSubnet.vpc;
	if (pcx.status !== 'active')
		return stop(w, {component: pcx.id, type: PCX, action: 'drop', detail: `${pcx.id} is ${pcx.status}, not active`, code: 'BAD_STATE'});
	const peerId = pcx.requesterVpcId === here.id ? pcx.accepterVpcId : pcx.accepterVpcId === here.id ? pcx.requesterVpcId : undefined;
	const peer = peerId === undefined ? undefined : w.ctx.vpcs.get(peerId);
	if (!peer)
		return stop(w, {component: pcx.id, type: PCX, action: 'drop', detail: `${pcx.id} does not connect ${here.id}`, code: 'BAD_STATE'});
	if (!holds(here, pkt.src))
		return stop(w, {
			component: pcx.id,
			type: PCX,
			action: 'drop',
			detail: `source ${formatIpv4(pkt.src)} is not in ${here.id}'s blocks: a peering carries only its own VPCs' traffic (no edge-to-edge routing)`,
			code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
		});
	if (!holds(peer, pkt.dst)) {
		const message = `destination ${formatIpv4(pkt.dst)} is not in ${peer.id}'s blocks (peering is not transitive)`;
		const edge = peerEdge(peer, pkt.dst);
		if (edge?.kind === 'nat-gateway') {
			// The packet would need the peer's NAT gateway, which serves only its own VPC.
			explain(w, 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', pcx.id, message);
			return stop(w, {
				component: pcx.id,
				type: PCX,
				action: 'drop',
				detail: `${message}; ${peer.id} routes it to ${edge.target}, and a NAT gateway serves only its own VPC`,
				code: 'NGW_REQUIRES_SOURCE_IN_VPC',
			});
		}
		if (edge?.kind === 'vpc-endpoint')
			explain(w, 'VPCE_GATEWAY_NOT_USABLE_FROM_OUTSIDE', edge.target, `${edge.target} serves only ${peer.id}; use an interface endpoint to reach the service over peering`);
		const lent = edge ? `; ${peer.id} would send it on to ${edge.target}, and a peer's gateways and connections cannot be borrowed` : '';
		return stop(w, {component: pcx.id, type: PCX, action: 'drop', detail: `${message}${lent}`, code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR'});
	}
	pass(w, {component: pcx.id, type: PCX, action: 'forward', detail: `${pcx.id} carries it from ${here.id} to ${peer.id} (${formatIpv4(pkt.dst)} is in ${peer.id})`});
	w.via = PCX;
	return {at: 'arrive', vpc: peer, pkt, sender};
}
