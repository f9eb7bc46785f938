// `vpcsim trace`: one flow from flags, or many from a JSON-lines file (--batch). Exit status: 0
// when every flow is reachable, 1 when one is not, 2 for bad input. In a batch a bad line prints
// {"error": ...} in its place and the rest go on; the status is then 2, which outranks 1.
import {readFileSync} from 'node:fs';
import {TraceInputError, parseFlowLine, prepare, trace} from '../engine/index.js';
import type {TraceContext} from '../engine/index.js';
import type {FlowSpec, ProtocolName, TraceResult} from '../engine/types.js';
import {parsePort, parseProtocol} from '../engine/flow.js';
import type {Topology} from '../model/types.js';
import {formatTrace} from './format-trace.js';
import type {Output} from './io.js';

export type TraceCommandOptions = {
	from?: string;
	to?: string;
	protocol?: string | number;
	port?: string | number;
	sourcePort?: string | number;
	json?: boolean;
	/** A file of flows, one JSON object a line; blank lines are skipped. */
	batch?: string;
	stdout: Output;
	stderr: Output;
	color: boolean;
	/** How the batch file is read (tests pass their own). */
	readFile?: (path: string) => string;
};

function flowFromOptions(options: TraceCommandOptions): FlowSpec {
	if (!options.from) throw new TraceInputError('--from is required (an instance, interface, address or site)');
	if (!options.to) throw new TraceInputError('--to is required (an instance, interface, endpoint, address or site)');
	const flow: FlowSpec = {from: options.from, to: options.to};
	if (options.protocol !== undefined) flow.protocol = parseProtocol(options.protocol) as ProtocolName | number;
	if (options.port !== undefined) flow.port = parsePort(options.port);
	if (options.sourcePort !== undefined) flow.sourcePort = parsePort(options.sourcePort, 'source port');
	return flow;
}

function message(error: unknown): string {
	if (error instanceof TraceInputError) return error.message;
	throw error;
}

function runBatch(ctx: TraceContext, options: TraceCommandOptions): number {
	let text: string;
	try {
		text = (options.readFile ?? (path => readFileSync(path, 'utf8')))(options.batch!);
	} catch (error) {
		options.stderr.write(`cannot read ${options.batch}: ${(error as Error).message}\n`);
		return 2;
	}
	let status = 0;
	const lines = text.split(/\r?\n/);
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index]!.trim();
		if (line === '') continue;
		let result: TraceResult;
		try {
			result = trace(ctx, parseFlowLine(line));
		} catch (error) {
			const error_ = `line ${index + 1}: ${message(error)}`;
			options.stdout.write(`${JSON.stringify({error: error_})}\n`);
			status = 2;
			continue;
		}
		options.stdout.write(`${JSON.stringify(result)}\n`);
		if (!result.reachable && status === 0) status = 1;
	}
	return status;
}

/** Traces what the flags ask for and prints it; returns the exit status. */
export function runTraceCommand(topology: Topology, options: TraceCommandOptions): number {
	const ctx = prepare(topology);
	if (options.batch !== undefined) return runBatch(ctx, options);
	let result: TraceResult;
	try {
		result = trace(ctx, flowFromOptions(options));
	} catch (error) {
		options.stderr.write(`${message(error)}\n`);
		return 2;
	}
	options.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatTrace(result, options.color));
	return result.reachable ? 0 : 1;
}
