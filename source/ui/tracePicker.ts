// The `t` trace picker: choose a source, a destination, then a protocol and port. The candidate
// endpoints come from the topology; typing filters them, and a typed IPv4 address is accepted as
// it is (an internet or on-premises host).
import type {FlowSpec, ProtocolName} from '../engine/types.js';
import {formatIpv4, isIpv4, parseCidr} from '../net/ipv4.js';
import type {Topology} from '../model/types.js';

export type Endpoint = {readonly ref: string; readonly label: string; readonly detail: string};

function named(resource: {id: string; name?: string}): string {
	return resource.name ?? resource.id;
}

/**
 * What a trace can start from (`from`) or go to (`to`), instances first: the same kinds a trace
 * accepts by name (traceSourceKinds, traceDestinationKinds), so nothing offered is then refused.
 */
export function traceEndpoints(topology: Topology, side: 'from' | 'to'): Endpoint[] {
	const endpoints: Endpoint[] = [];
	const ipOf = new Map<string, string>();
	for (const eni of topology.networkInterfaces) if (eni.instanceId && (eni.deviceIndex ?? 0) === 0 && !ipOf.has(eni.instanceId)) ipOf.set(eni.instanceId, eni.privateIp);
	for (const instance of topology.instances) endpoints.push({ref: instance.name ?? instance.id, label: named(instance), detail: `instance ${ipOf.get(instance.id) ?? ''}`.trim()});
	for (const eni of topology.networkInterfaces) if (!eni.instanceId) endpoints.push({ref: eni.id, label: named(eni), detail: `interface ${eni.privateIp}`});
	if (side === 'to') {
		// Endpoints and NAT gateways answer; they never open a connection of their own.
		for (const endpoint of topology.vpcEndpoints) endpoints.push({ref: endpoint.id, label: named(endpoint), detail: `${endpoint.type} endpoint ${endpoint.serviceName}`});
		for (const nat of topology.natGateways) endpoints.push({ref: nat.id, label: named(nat), detail: `NAT gateway ${nat.privateIp}`});
	}
	for (const client of topology.clientVpnEndpoints) endpoints.push({ref: `client:${client.id}`, label: `client of ${named(client)}`, detail: `client VPN ${client.clientCidr}`});
	for (const site of topology.sites) {
		const first = site.cidrs[0];
		if (!first) continue;
		try {
			const block = parseCidr(first);
			const address = formatIpv4((block.base + Math.min(10, 2 ** (32 - block.prefix) - 1)) >>> 0);
			endpoints.push({ref: address, label: `${named(site)} host ${address}`, detail: `on-premises ${site.cidrs.join(' ')}`});
		} catch {
			// A bad block is reported by validation; the picker just leaves it out.
		}
	}
	endpoints.push({ref: '203.0.113.10', label: 'internet host 203.0.113.10', detail: 'an address outside every VPC and site'});
	return endpoints;
}

export type PickerStep = 'from' | 'to' | 'protocol';

export type PickerState = {
	readonly step: PickerStep;
	readonly from?: string;
	readonly to?: string;
	readonly query: string;
	/** The query is the suggested protocol, not typed: the first key replaces it, Enter takes it. */
	readonly placeholder?: boolean;
	readonly cursor: number;
	readonly error?: string;
};

export type PickerAction =
	| {type: 'type'; text: string}
	| {type: 'delete-back'}
	| {type: 'move'; delta: number; length: number}
	| {type: 'choose'; ref: string}
	| {type: 'error'; error: string}
	| {type: 'back'}
	| {type: 'start'; from?: string};

export const defaultProtocol = 'tcp 443';

export function startPicker(from?: string): PickerState {
	// With a source already selected in the Resources pane, start at the destination.
	return from ? {step: 'to', from, query: '', cursor: 0} : {step: 'from', query: '', cursor: 0};
}

export function pickerReducer(state: PickerState, action: PickerAction): PickerState {
	switch (action.type) {
		case 'start':
			return startPicker(action.from);
		case 'type': {
			const typed = action.text.replace(/[\u0000-\u001f\u007f]/g, '');
			return {...state, query: (state.placeholder ? '' : state.query) + typed, placeholder: false, cursor: 0, error: undefined};
		}
		case 'delete-back':
			return {...state, query: state.placeholder ? '' : state.query.slice(0, -1), placeholder: false, cursor: 0, error: undefined};
		case 'move':
			return {...state, cursor: Math.max(0, Math.min(state.cursor + action.delta, action.length - 1))};
		case 'choose':
			if (state.step === 'from') return {step: 'to', from: action.ref, query: '', cursor: 0};
			if (state.step === 'to') return {step: 'protocol', from: state.from, to: action.ref, query: defaultProtocol, placeholder: true, cursor: 0};
			return state;
		case 'error':
			return {...state, error: action.error};
		case 'back':
			if (state.step === 'protocol') return {step: 'to', from: state.from, query: '', cursor: 0};
			if (state.step === 'to') return {step: 'from', query: '', cursor: 0};
			return state;
	}
}

/** The candidates matching what was typed; a typed address comes first. */
export function pickerCandidates(endpoints: readonly Endpoint[], query: string): Endpoint[] {
	const needle = query.trim().toLowerCase();
	const matched = needle ? endpoints.filter(item => `${item.ref} ${item.label} ${item.detail}`.toLowerCase().includes(needle)) : [...endpoints];
	if (isIpv4(query.trim())) matched.unshift({ref: query.trim(), label: query.trim(), detail: 'the address typed'});
	return matched;
}

/** `tcp 443`, `udp 53`, `icmp`, `all`, `50`: the last step of the picker. */
export function parseProtocolLine(line: string): {ok: true; protocol: ProtocolName | number; port?: number} | {ok: false; error: string} {
	const words = line.trim().toLowerCase().split(/\s+/).filter(Boolean);
	const [name = 'tcp', portText] = words;
	let protocol: ProtocolName | number;
	if (name === 'tcp' || name === 'udp' || name === 'icmp' || name === 'all') protocol = name;
	else if (/^\d+$/.test(name) && Number(name) <= 255) protocol = Number(name);
	else return {ok: false, error: `"${name}" is not a protocol: use tcp, udp, icmp, all or a number 0-255`};
	if (portText === undefined) {
		if (protocol === 'tcp' || protocol === 'udp') return {ok: false, error: `${protocol} needs a port, e.g. ${protocol} 443`};
		return {ok: true, protocol};
	}
	if (!/^\d+$/.test(portText) || Number(portText) > 65535) return {ok: false, error: `"${portText}" is not a port (0-65535)`};
	return {ok: true, protocol, port: Number(portText)};
}

/** Why Enter found nothing to choose at the source or destination step. */
export function noMatch(query: string): string {
	const typed = query.trim();
	if (!typed) return 'Nothing to choose: this topology has no endpoints; type an IPv4 address.';
	return `Nothing matches "${typed}": type part of a name or id, or an IPv4 address.`;
}

export function flowOf(state: PickerState): {ok: true; flow: FlowSpec} | {ok: false; error: string} {
	const parsed = parseProtocolLine(state.query);
	if (!parsed.ok) return parsed;
	return {ok: true, flow: {from: state.from!, to: state.to!, protocol: parsed.protocol, port: parsed.port}};
}
