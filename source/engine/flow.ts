// Turning what a user typed (flags, a palette line, a JSON line) into a checked flow.
import type {FlowSpec, ProtocolName} from './types.js';
import {TraceInputError} from './errors.js';
import {PROTO_ICMP, PROTO_TCP, PROTO_UDP, hasPorts, protocolNumber} from './packet.js';

/** The source port when none is given: in the ephemeral ranges of Linux, Windows, NAT gateways and load balancers. */
export const DEFAULT_SOURCE_PORT = 49152;

const names = new Map<string, ProtocolName>([['tcp', 'tcp'], ['udp', 'udp'], ['icmp', 'icmp'], ['all', 'all'], ['-1', 'all']]);

/** `tcp`, `UDP`, `icmp`, `all`, `-1` or an IANA number 0-255 (6, 17 and 1 read as their names). */
export function parseProtocol(value: string | number): ProtocolName | number {
	const exact = typeof value === 'string' ? names.get(value) : undefined;
	if (exact) return exact;
	const text = String(value).trim().toLowerCase();
	const name = names.get(text);
	if (name) return name;
	if (/^\d{1,3}$/.test(text) && Number(text) <= 255) {
		const number = Number(text);
		return number === PROTO_TCP ? 'tcp' : number === PROTO_UDP ? 'udp' : number === PROTO_ICMP ? 'icmp' : number;
	}
	throw new TraceInputError(`unknown protocol "${String(value)}": use tcp, udp, icmp, all or a protocol number from 0 to 255`);
}

export function parsePort(value: string | number, what = 'port'): number {
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535) return value;
	const text = String(value).trim();
	if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new TraceInputError(`${what} "${String(value)}" is not a number from 0 to 65535`);
	return Number(text);
}

export type CheckedFlow = {from: string; to: string; protocol: ProtocolName | number; proto: number; port: number; sourcePort: number};

/** Checks a flow's protocol and ports; refs are checked when they are resolved. */
export function checkFlow(flow: FlowSpec): CheckedFlow {
	if (typeof flow.from !== 'string' || flow.from.trim() === '') throw new TraceInputError('a flow needs a source ("from")');
	if (typeof flow.to !== 'string' || flow.to.trim() === '') throw new TraceInputError('a flow needs a destination ("to")');
	const protocol = parseProtocol(flow.protocol ?? 'tcp');
	const proto = protocolNumber(protocol);
	const sourcePort = flow.sourcePort === undefined ? DEFAULT_SOURCE_PORT : parsePort(flow.sourcePort, 'source port');
	let port = -1;
	if (flow.port !== undefined) port = parsePort(flow.port);
	if (hasPorts(proto) && port < 0) throw new TraceInputError(`${String(protocol)} needs a destination port, e.g. ${String(protocol)} 443`);
	return {from: flow.from.trim(), to: flow.to.trim(), protocol, proto, port, sourcePort};
}

/** The palette's `trace <from> <to> [protocol] [port]` (and `<from> <to> <port>`, meaning tcp). */
export function parseFlowArgs(args: readonly string[]): FlowSpec {
	const words = args.filter(word => word.trim() !== '');
	if (words.length < 2 || words.length > 4) throw new TraceInputError('usage: trace <from> <to> [protocol] [port]');
	const [from, to, third, fourth] = words as [string, string, string?, string?];
	if (third !== undefined && fourth === undefined && /^\d+$/.test(third) && Number(third) > 255) return {from, to, protocol: 'tcp', port: parsePort(third)};
	const flow: FlowSpec = {from, to};
	if (third !== undefined) flow.protocol = parseProtocol(third);
	if (fourth !== undefined) flow.port = parsePort(fourth);
	return flow;
}

/** One `--batch` line: a JSON object with from, to, protocol, port and sourcePort. */
export function parseFlowLine(line: string): FlowSpec {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		throw new TraceInputError('not a JSON object');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TraceInputError('a flow must be a JSON object {"from": ..., "to": ...}');
	const record = value as Record<string, unknown>;
	const known = new Set(['from', 'to', 'protocol', 'port', 'sourcePort']);
	const unknown = Object.keys(record).filter(key => !known.has(key));
	if (unknown.length > 0) throw new TraceInputError(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map(k => `"${k}"`).join(', ')}`);
	const text = (key: string): string | undefined => {
		const field = record[key];
		if (field === undefined) return undefined;
		if (typeof field !== 'string') throw new TraceInputError(`"${key}" must be a string`);
		return field;
	};
	const number = (key: string): number | undefined => {
		const field = record[key];
		if (field === undefined || field === null) return undefined;
		if (typeof field === 'number' || typeof field === 'string') return parsePort(field, key === 'sourcePort' ? 'source port' : 'port');
		throw new TraceInputError(`"${key}" must be a number`);
	};
	const protocol = record.protocol === undefined ? undefined : parseProtocol(record.protocol as string | number);
	return {from: text('from') ?? '', to: text('to') ?? '', protocol, port: number('port'), sourcePort: number('sourcePort')};
}
