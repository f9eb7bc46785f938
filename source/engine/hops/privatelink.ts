// PrivateLink (aws-semantics section 9): an interface endpoint whose service is an endpoint service
// of the topology hands each connection to the service's Network Load Balancer, in the endpoint's
// zone. The listener for the port picks a target group and a target; the load balancer rewrites
// the source to its node's address (the provider never sees the consumer, so their blocks may
// overlap) and the destination to the target, and the packet goes on inside the provider's VPC.
// The reply comes back to the node and is undone the same way. Only consumers open connections.
import {formatIpv4, parseIpv4} from '../../net/ipv4.js';
import type {EndpointService, LoadBalancer, TargetGroup, Topology} from '../../model/types.js';
import type {EphemeralRange, Iface, SgC, TraceContext, VpcC} from '../compiled.js';
import {registerContextExtension} from '../context.js';
import {PROTO_TCP, PROTO_UDP, describeTraffic, hasPorts, toPacket, type Pkt} from '../packet.js';
import {registerInterface} from '../walk.js';
import {pass, stop, type Step, type Walk} from '../walk-state.js';
import {deliver, expectedHere, sourceDestCheck} from './interface.js';
import {checkGroups} from './security-group.js';

const LB = 'load-balancer';
const SERVICE = 'endpoint-service';
const VPCE = 'vpc-endpoint';
/** Load balancers, like NAT gateways, open their side of a connection from 1024-65535. */
const LB_PORTS: EphemeralRange = {from: 1024, to: 65535, who: 'load balancer'};

type TargetC = {text: string; address: number; port: number; iface?: Iface; zone?: string};
type GroupC = {group: TargetGroup; targets: TargetC[]};
type BalancerC = {lb: LoadBalancer; vpc: VpcC; nodes: Iface[]; groups: Map<string, GroupC>};
type ServiceC = {service: EndpointService; balancer?: BalancerC};
type PrivateLinkIndex = {byName: Map<string, ServiceC>; byNode: Map<Iface, BalancerC>};

const NAME = 'privatelink';

function compile(topology: Topology, ctx: TraceContext): PrivateLinkIndex {
	const index: PrivateLinkIndex = {byName: new Map(), byNode: new Map()};
	const groups = new Map<string, GroupC>();
	for (const group of topology.targetGroups) {
		const vpc = ctx.vpcs.get(group.vpcId);
		const targets: TargetC[] = [];
		for (const target of group.targets) {
			const port = target.port ?? group.port;
			if (group.targetType === 'instance') {
				const iface = ctx.instances.get(target.target);
				if (iface) targets.push({text: target.target, address: iface.address, port, iface, zone: iface.subnet.subnet.availabilityZone});
				continue;
			}
			const address = parseIpv4(target.target);
			if (address === undefined) continue;
			// An address outside the VPC (over peering, on premises) belongs to every zone, as in AWS.
			const iface = vpc?.byAddress.get(address);
			targets.push({text: target.target, address, port, iface, zone: iface?.subnet.subnet.availabilityZone});
		}
		groups.set(group.id, {group, targets});
	}
	const balancers = new Map<string, BalancerC>();
	for (const lb of topology.loadBalancers) {
		const vpc = ctx.vpcs.get(lb.vpcId);
		if (!vpc) continue;
		const own = lb.securityGroupIds.map(id => ctx.groups.get(id)).filter((g): g is SgC => g !== undefined);
		const b: BalancerC = {lb, vpc, nodes: [], groups: new Map()};
		for (const listener of lb.listeners) {
			const group = groups.get(listener.targetGroupId);
			if (group) b.groups.set(group.group.id, group);
		}
		for (const node of lb.nodes) {
			const subnet = ctx.subnets.get(node.subnetId);
			const address = parseIpv4(node.privateIp);
			if (!subnet || address === undefined) continue;
			const iface: Iface = {
				id: `${lb.id}:${subnet.id}`,
				kind: 'load-balancer',
				component: lb.id,
				componentType: LB,
				vpc: subnet.vpc,
				subnet,
				address,
				addresses: [address],
				// Targets may admit the balancer by its groups; a balancer without groups has none to check.
				groups: own,
				sourceDestCheck: true,
				running: true,
				ephemeral: LB_PORTS,
			};
			if (!subnet.vpc.byAddress.has(address)) subnet.vpc.byAddress.set(address, iface);
			b.nodes.push(iface);
			index.byNode.set(iface, b);
		}
		balancers.set(lb.id, b);
	}
	for (const service of topology.endpointServices) {
		const balancer = service.loadBalancerIds.map(id => balancers.get(id)).find(b => b !== undefined);
		index.byName.set(service.serviceName, {service, balancer});
	}
	return index;
}

registerContextExtension(NAME, compile);

function indexOf(ctx: TraceContext): PrivateLinkIndex {
	return ctx.extensions.get(NAME) as PrivateLinkIndex;
}

const zoneOf = (iface: Iface): string => iface.subnet.subnet.availabilityZone;

const at = (address: number, port: number, proto: number): string => (hasPorts(proto) ? `${formatIpv4(address)}:${port}` : formatIpv4(address));

/** A packet at an interface endpoint: its state and security groups, then the service behind it. */
registerInterface('endpoint', (w, s) => {
	const {iface, pkt} = s;
	const endpoint = iface.endpoint!;
	const service = indexOf(w.ctx).byName.get(endpoint.serviceName);
	if (endpoint.state !== 'available') {
		const acceptance = service?.service.acceptanceRequired ? `: ${service.service.id} requires the provider to accept each endpoint` : '';
		return stop(w, {component: iface.component, type: VPCE, action: 'drop', detail: `${iface.component} is ${endpoint.state}${acceptance}`, code: 'BAD_STATE'});
	}
	const own = iface.addresses.includes(pkt.dst);
	if (own && !expectedHere(w, iface, pkt)) return null;
	if (!checkGroups(w, iface, true, pkt, s.sender)) return null;
	if (!own) return sourceDestCheck(w, iface, pkt, false) ? {at: 'send', iface, pkt} : null;
	// A service outside the topology (an AWS service, another account's) ends at the endpoint.
	if (!service || w.direction === 'return') {
		deliver(w, iface, pkt);
		return null;
	}
	return enterService(w, iface, service, pkt);
});

function enterService(w: Walk, endpoint: Iface, s: ServiceC, pkt: Pkt): Step | null {
	const {service, balancer} = s;
	if (service.state !== 'Available')
		return stop(w, {component: service.id, type: SERVICE, action: 'drop', detail: `${service.id} is ${service.state}, not Available`, code: 'BAD_STATE'});
	if (!balancer || balancer.lb.type !== 'network')
		return stop(w, {
			component: service.id,
			type: SERVICE,
			action: 'drop',
			detail: `${service.id} is not fronted by a network load balancer of this topology; interface endpoints reach services behind one`,
			code: 'UNSUPPORTED_COMPONENT',
		});
	const zone = zoneOf(endpoint);
	// An endpoint exists only in zones where the service has a node; cross-zone balancing is about targets.
	const node = balancer.nodes.find(n => zoneOf(n) === zone);
	if (!node) {
		const zones = balancer.nodes.map(zoneOf).join(', ');
		return stop(w, {
			component: service.id,
			type: SERVICE,
			action: 'drop',
			detail: `${balancer.lb.id} has no node in ${zone}, where ${endpoint.id} is (it is in ${zones}): an endpoint service is available only in its load balancer's zones`,
			code: 'VPCE_SERVICE_NOT_INSTALLED_IN_AZ',
		});
	}
	pass(w, {
		component: service.id,
		type: SERVICE,
		action: 'forward',
		detail: `${endpoint.component} hands the connection to ${service.id}: ${balancer.lb.id}'s node ${formatIpv4(node.address)} in ${zone}, the endpoint's zone`,
	});
	// With groups of its own the balancer checks PrivateLink traffic too (AWS's default), by the consumer's address.
	if (node.groups.length > 0 && !checkGroups(w, node, true, pkt)) return null;
	return balancerForward(w, balancer, node, pkt, endpoint);
}

function listenerFor(lb: LoadBalancer, pkt: Pkt): {listener?: LoadBalancer['listeners'][number]; code: string; why: string} {
	const listeners = lb.listeners.map(l => `${l.protocol} ${l.port}`).join(', ') || 'none';
	if (pkt.proto !== PROTO_TCP && pkt.proto !== PROTO_UDP)
		return {code: 'ELBV2_LISTENERS_MISMATCH', why: `${describeTraffic(pkt)}: a network load balancer carries only TCP and UDP to its listeners (${listeners})`};
	const tcp = pkt.proto === PROTO_TCP;
	const onPort = lb.listeners.filter(l => l.port === pkt.dport);
	const listener = onPort.find(l => (tcp ? l.protocol === 'TCP' || l.protocol === 'TLS' || l.protocol === 'TCP_UDP' : l.protocol === 'UDP' || l.protocol === 'TCP_UDP'));
	if (listener) return {listener, code: '', why: ''};
	if (onPort.length > 0) return {code: 'ELBV2_LISTENERS_MISMATCH', why: `the listener on port ${pkt.dport} is ${onPort[0]!.protocol}, not ${tcp ? 'TCP' : 'UDP'}`};
	return {code: 'ELBV2_LISTENER_PORT_RESTRICTION', why: `no listener on ${describeTraffic(pkt)} (listeners: ${listeners})`};
}

/** Without cross-zone balancing a node sends only to targets in its own zone; a running target first. */
function pickTarget(group: GroupC, zone: string, crossZone: boolean): TargetC | undefined {
	const inZone = group.targets.filter(t => t.zone === undefined || t.zone === zone);
	const candidates = crossZone ? [...inZone, ...group.targets.filter(t => !inZone.includes(t))] : inZone;
	return candidates.find(t => t.iface?.running !== false) ?? candidates[0];
}

function balancerForward(w: Walk, b: BalancerC, node: Iface, pkt: Pkt, endpoint?: Iface): Step | null {
	const {lb} = b;
	const {listener, code, why} = listenerFor(lb, pkt);
	if (!listener) return stop(w, {component: lb.id, type: LB, action: 'drop', detail: why, code});
	const group = b.groups.get(listener.targetGroupId);
	if (!group)
		return stop(w, {component: lb.id, type: LB, action: 'drop', detail: `listener ${listener.protocol} ${listener.port} forwards to ${listener.targetGroupId}, which is not in this topology`, code: 'ELBV2_LISTENER_HAS_NO_TG'});
	const zone = zoneOf(node);
	const target = pickTarget(group, zone, lb.crossZone);
	if (!target) {
		const detail = group.targets.length === 0
			? `${group.group.id} has no registered targets`
			: `${group.group.id} has no target in ${zone} and cross-zone load balancing is off, so the node in ${zone} has nowhere to send it`;
		return stop(w, {component: lb.id, type: LB, action: 'drop', detail, code: 'ELBV2_NO_TARGETS_IN_AZ'});
	}
	const where = target.zone ? ` in ${target.zone}` : '';
	pass(w, {component: lb.id, type: LB, action: 'forward', detail: `listener ${listener.protocol} ${listener.port} -> ${group.group.id}: target ${target.text} at ${at(target.address, target.port, pkt.proto)}${where}`});
	// Like a NAT gateway, it keeps the client's port when it can; it is in 1024-65535 either way.
	const sport = pkt.sport >= 1024 ? pkt.sport : 1024 + pkt.sport;
	const out: Pkt = {proto: pkt.proto, src: node.address, sport, dst: target.address, dport: target.port};
	w.flow.balancer = {node, endpoint, before: pkt, after: out, client: w.flow.client};
	w.flow.client = LB_PORTS;
	const sees = endpoint ? 'the provider sees the load balancer, never the consumer' : 'client IP preservation is not modelled: the target sees the load balancer';
	pass(w, {
		component: lb.id,
		type: LB,
		action: 'translate',
		detail: `source ${at(pkt.src, pkt.sport, pkt.proto)} -> ${at(out.src, out.sport, pkt.proto)} (${sees}), destination ${at(pkt.dst, pkt.dport, pkt.proto)} -> ${at(out.dst, out.dport, pkt.proto)}`,
		packetBefore: toPacket(pkt),
		packet: toPacket(out),
	});
	w.expected = target.iface;
	// From here the packet starts afresh inside the provider's VPC, from the node's subnet.
	w.via = undefined;
	return {at: 'exit', subnet: node.subnet, pkt: out, sender: node};
}

/** A packet at a load balancer node: the reply of a connection it forwarded, or a new connection sent to it. */
registerInterface('load-balancer', (w, s) => {
	const {iface: node, pkt} = s;
	const b = indexOf(w.ctx).byNode.get(node)!;
	const state = w.flow.balancer;
	if (w.direction === 'forward') {
		if (pkt.dst !== node.address)
			return stop(w, {component: b.lb.id, type: LB, action: 'drop', detail: `${formatIpv4(pkt.dst)} is not ${b.lb.id}'s address: a load balancer forwards only what is sent to it`, code: 'ENI_SOURCE_DEST_CHECK_RESTRICTION'});
		if (node.groups.length > 0 && !checkGroups(w, node, true, pkt, s.sender)) return null;
		return balancerForward(w, b, node, pkt);
	}
	if (!state || state.node !== node || pkt.dst !== node.address || (hasPorts(pkt.proto) && pkt.dport !== state.after.sport))
		return stop(w, {
			component: b.lb.id,
			type: LB,
			action: 'drop',
			detail: `${b.lb.id} has no connection to ${at(pkt.dst, pkt.dport, pkt.proto)} that this packet answers`,
			code: 'LOAD_BALANCER_NO_CONNECTION',
		});
	const {before} = state;
	const back: Pkt = {proto: pkt.proto, src: before.dst, sport: before.dport, dst: before.src, dport: before.sport};
	w.client = state.client;
	pass(w, {
		component: b.lb.id,
		type: LB,
		action: 'translate',
		detail: `reply: source ${at(pkt.src, pkt.sport, pkt.proto)} -> ${at(back.src, back.sport, pkt.proto)}, destination ${at(pkt.dst, pkt.dport, pkt.proto)} -> ${at(back.dst, back.dport, pkt.proto)}`,
		packetBefore: toPacket(pkt),
		packet: toPacket(back),
	});
	if (!state.endpoint) return {at: 'exit', subnet: node.subnet, pkt: back, sender: node};
	const endpoint = state.endpoint;
	pass(w, {component: endpoint.component, type: VPCE, action: 'forward', detail: `reply back out of ${endpoint.component} (${endpoint.id}) into ${endpoint.vpc.id}`});
	return {at: 'send', iface: endpoint, pkt: back};
});
