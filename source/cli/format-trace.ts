// A trace as readable lines: one per hop (action, component, detail), packet rewrites as
// before -> after, and a verdict in words a learner understands.
import {codeMeaning} from '../engine/codes.js';
import type {Hop, Packet, TraceResult} from '../engine/types.js';
import {paint as makePaint, type Paint} from './io.js';

function describePacket(packet: Packet): string {
	const protocol = typeof packet.protocol === 'number' ? `protocol ${packet.protocol}` : packet.protocol === 'all' ? 'all traffic' : packet.protocol;
	const end = (address: string, port?: number) => (port === undefined ? address : `${address}:${port}`);
	return `${protocol} ${end(packet.source, packet.sourcePort)} -> ${end(packet.destination, packet.destinationPort)}`;
}

const width = (hops: readonly Hop[]): number => Math.min(28, Math.max(12, ...hops.map(hop => hop.component.length)));

function actionColor(paint: Paint, action: Hop['action']): (text: string) => string {
	if (action === 'deny' || action === 'drop') return paint.red;
	if (action === 'deliver') return paint.green;
	if (action === 'translate') return paint.cyan;
	return (text: string) => text;
}

function hopLines(hops: readonly Hop[], paint: Paint, pad: number): string[] {
	const lines: string[] = [];
	for (const hop of hops) {
		const action = actionColor(paint, hop.action)(hop.action.padEnd(9));
		const code = hop.code ? paint.dim(` [${hop.code}]`) : '';
		lines.push(`  ${action} ${paint.bold(hop.component.padEnd(pad))} ${hop.detail}${code}`);
		if (hop.packetBefore && hop.packet)
			lines.push(`  ${' '.repeat(9)} ${' '.repeat(pad)} ${paint.dim(`${describePacket(hop.packetBefore)}  ->  ${describePacket(hop.packet)}`)}`);
	}
	return lines;
}

/** The verdict: why the packet did or did not make the round trip. */
export function verdict(result: TraceResult): string {
	if (result.reachable) return 'Reachable: the request arrives and the reply gets back.';
	const blocked = result.blockedAt;
	if (!blocked) return 'Not reachable.';
	const leg = blocked.direction === 'forward' ? 'the request was stopped' : 'the request arrived, but the reply was stopped';
	const meaning = codeMeaning(blocked.code);
	return `Not reachable: ${leg} at ${blocked.component} (${blocked.code})${meaning ? `: ${meaning}.` : '.'}`;
}

export function formatTrace(result: TraceResult, color = false): string {
	const paint = makePaint(color);
	const pad = width([...result.forward, ...result.return]);
	const lines = [paint.bold(describePacket(result.packet)), '', paint.bold('Request'), ...hopLines(result.forward, paint, pad)];
	if (result.return.length > 0) lines.push('', paint.bold('Reply'), ...hopLines(result.return, paint, pad));
	lines.push('', result.reachable ? paint.green(verdict(result)) : paint.red(verdict(result)));
	const extra = result.explanations.filter(e => !(result.blockedAt && e.code === result.blockedAt.code && e.component === result.blockedAt.component));
	for (const explanation of extra) lines.push(`  also ${explanation.code} at ${explanation.component}: ${explanation.message}`);
	return `${lines.join('\n')}\n`;
}
