// Gateway endpoints (S3, DynamoDB): a prefix-list route to the endpoint inside one VPC. TCP and
// ICMP only, and only for that VPC's own interfaces: it cannot be extended out of the VPC.
import {cidrContainsAddress, formatIpv4} from '../../net/ipv4.js';
import type {SubnetC} from '../compiled.js';
import {PROTO_ICMP, PROTO_TCP, describeTraffic, type Pkt} from '../packet.js';
import {pass, stop, type Step, type Walk} from '../walk-state.js';

const VPCE = 'vpc-endpoint';

export function gatewayEndpointTarget(w: Walk, endpointId: string, fromSubnet: SubnetC, pkt: Pkt): Step | null {
	const endpoint = w.ctx.endpoints.get(endpointId)!;
	const vpc = fromSubnet.vpc;
	if (endpoint.type !== 'gateway')
		return stop(w, {component: endpoint.id, type: VPCE, action: 'drop', detail: `${endpoint.id} is an interface endpoint; only gateway endpoints are route targets`, code: 'BAD_STATE'});
	if (endpoint.state !== 'available')
		return stop(w, {component: endpoint.id, type: VPCE, action: 'drop', detail: `${endpoint.id} is ${endpoint.state}`, code: 'BAD_STATE'});
	const fromInside = endpoint.vpcId === vpc.id && vpc.blocks.some(block => cidrContainsAddress(block, pkt.src));
	if (!fromInside)
		return stop(w, {
			component: endpoint.id,
			type: VPCE,
			action: 'drop',
			detail: `${formatIpv4(pkt.src)} is not an address of ${endpoint.vpcId}: a gateway endpoint cannot be used from outside its VPC`,
			code: 'VPCE_GATEWAY_NOT_USABLE_FROM_OUTSIDE',
		});
	if (pkt.proto !== PROTO_TCP && pkt.proto !== PROTO_ICMP)
		return stop(w, {
			component: endpoint.id,
			type: VPCE,
			action: 'drop',
			detail: `${describeTraffic(pkt)}: a gateway endpoint carries only TCP and ICMP`,
			code: 'VPCE_GATEWAY_PROTOCOL_RESTRICTION',
		});
	w.flow.gatewayEndpoint = {endpoint, vpc};
	pass(w, {component: endpoint.id, type: VPCE, action: 'forward', detail: `gateway endpoint to ${endpoint.serviceName}`});
	const service = endpoint.prefixListId ?? endpoint.serviceName;
	pass(w, {component: service, type: 'aws-service', action: 'deliver', detail: `delivered to ${endpoint.serviceName} at ${formatIpv4(pkt.dst)}`});
	w.end = {kind: 'service', pkt};
	return null;
}

/** The service's reply comes back through the same endpoint into the VPC. */
export function gatewayEndpointReturn(w: Walk, pkt: Pkt): Step | null {
	const used = w.flow.gatewayEndpoint!;
	pass(w, {component: used.endpoint.id, type: VPCE, action: 'forward', detail: `reply from ${used.endpoint.serviceName} back into ${used.vpc.id}`});
	return {at: 'arrive', vpc: used.vpc, pkt};
}
