// Network interfaces and their instances: the source/destination check, the instance's state,
// and delivery to the holder of the destination address.
import {formatIpv4} from '../../net/ipv4.js';
import type {Iface} from '../compiled.js';
import type {Pkt} from '../packet.js';
import {pass, stop, type Walk} from '../walk-state.js';

export function describeIface(iface: Iface, address = iface.address): string {
	const owner = iface.component === iface.id ? iface.id : `${iface.component} (${iface.id})`;
	return `${owner} at ${formatIpv4(address)}`;
}

/** With the check on, an interface only sends from and receives for its own addresses. */
export function sourceDestCheck(w: Walk, iface: Iface, pkt: Pkt, sending: boolean): boolean {
	const address = sending ? pkt.src : pkt.dst;
	if (iface.addresses.includes(address)) return true;
	const role = sending ? 'source' : 'destination';
	if (iface.sourceDestCheck) {
		stop(w, {
			component: iface.id,
			type: 'network-interface',
			action: 'drop',
			detail: `${role} ${formatIpv4(address)} is not an address of ${iface.id} and its source/destination check is on`,
			code: 'ENI_SOURCE_DEST_CHECK_RESTRICTION',
		});
		return false;
	}
	if (!sending)
		pass(w, {component: iface.id, type: 'network-interface', action: 'forward', detail: `source/destination check is off: ${iface.component} forwards the packet for ${formatIpv4(address)}`});
	return true;
}

/**
 * An interface that forwards traffic for others is a firewall or another middlebox, and such
 * appliances are stateful: one that never saw a connection's request drops its reply. That is
 * what asymmetric routing through a two-AZ appliance VPC does when the transit gateway
 * attachment's appliance mode is off (the reply returns in its own AZ, to the other appliance).
 */
export function applianceKeepsState(w: Walk, iface: Iface): boolean {
	if (w.direction === 'forward') {
		w.flow.forwarded.add(iface);
		return true;
	}
	if (w.flow.forwarded.has(iface)) return true;
	const saw = [...w.flow.forwarded].map(other => other.id);
	stop(w, {
		component: iface.id,
		type: 'network-interface',
		action: 'drop',
		detail: `${iface.component} forwards traffic for others but never saw this connection's request${saw.length > 0 ? ` (${saw.join(', ')} did)` : ''}: a stateful appliance drops a reply it has no state for (asymmetric routing; behind a transit gateway, turn on appliance mode)`,
		code: 'APPLIANCE_ASYMMETRIC_ROUTING',
	});
	return false;
}

export function instanceRunning(w: Walk, iface: Iface): boolean {
	if (iface.running) return true;
	if (iface.endpoint) {
		stop(w, {component: iface.component, type: 'vpc-endpoint', action: 'drop', detail: `${iface.component} is ${iface.endpoint.state}`, code: 'BAD_STATE'});
		return false;
	}
	stop(w, {component: iface.component, type: 'instance', action: 'drop', detail: `${iface.component} is ${iface.instance?.state ?? 'not running'}`, code: 'INSTANCE_NOT_RUNNING'});
	return false;
}

/** False (and the hop recorded) when the packet reached another holder of the address it was meant for. */
export function expectedHere(w: Walk, iface: Iface, pkt: Pkt): boolean {
	if (!w.expected || w.expected === iface) return true;
	stop(w, {
		component: iface.component,
		type: iface.componentType,
		action: 'drop',
		detail: `arrived at ${describeIface(iface, pkt.dst)}, not at ${describeIface(w.expected)}: both hold the address`,
		code: 'DELIVERED_TO_OTHER_HOST',
	});
	return false;
}

export function deliver(w: Walk, iface: Iface, pkt: Pkt): void {
	pass(w, {component: iface.component, type: iface.componentType, action: 'deliver', detail: `delivered to ${describeIface(iface, pkt.dst)}`});
	w.end = {kind: 'iface', iface, pkt};
}
