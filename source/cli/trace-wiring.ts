// `vpcsim trace`: the flags of SPEC section 2, the topology loaded from a saved name or a file,
// and the rest handed to the trace command (trace-command.ts), which owns flow parsing, output
// and the 0 / 1 / 2 exit statuses.
import {readFileSync} from 'node:fs';
import {runTraceCommand} from './trace-command.js';
import type {Command} from './command.js';
import {stringFlag} from './command.js';
import {CliError, colorEnabled, type Output} from './io.js';
import {resolvePath} from './read-json.js';
import {loadTopologyArg} from './store-access.js';

/** The trace command's messages are bare; on stderr every line of vpcsim says who is speaking. */
function prefixed(out: Output): Output {
	return {
		write(text: string) {
			return out.write(text.replace(/^(?!vpcsim: |hint: |$)/gm, 'vpcsim: trace: '));
		},
	};
}

function readBatch(cwd: string, file: string): string {
	try {
		return readFileSync(resolvePath(cwd, file), 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file of flows' : `cannot be read (${code ?? String(error)})`;
		throw new CliError(`trace: --batch ${file}: ${why}`, 'one JSON flow a line: {"from": "web-1", "to": "8.8.8.8", "port": 443}');
	}
}

export const traceCommand: Command = {
	name: 'trace',
	usage: '--topology <name|file> (--from <ref> --to <ref> | --batch <flows.jsonl>) [options]',
	summary: 'trace one flow (or a batch) and print every hop',
	description: [
		'A ref is a resource id or name (instance, network interface, endpoint, gateway), an IPv4 address',
		'(outside every VPC and site: an internet host; inside a site: an on-premises host), or',
		'client:<client-vpn-endpoint>. --batch reads one JSON flow a line ({"from", "to", "protocol", "port",',
		'"sourcePort"}) and prints one JSON result a line; a bad line gives {"error": ...} and the rest go on.',
		'Exit status: 0 reachable (every flow, for --batch), 1 not reachable, 2 bad input.',
	].join('\n'),
	args: {names: []},
	flags: {
		topology: {type: 'string', value: '<name|file>', shortFlag: 't', example: 'lab', description: 'a saved topology or a topology file (required)'},
		from: {type: 'string', value: '<ref>', example: 'web-1', description: 'where the packet starts'},
		to: {type: 'string', value: '<ref>', example: '8.8.8.8', description: 'where it is going'},
		protocol: {type: 'string', value: '<p>', example: 'tcp', description: 'tcp (default), udp, icmp, all, or a protocol number'},
		port: {type: 'string', value: '<n>', example: '443', description: 'destination port'},
		sourcePort: {type: 'string', value: '<n>', example: '49152', description: 'source port (default 49152, in every usual ephemeral range)'},
		json: {type: 'boolean', description: 'print the result as JSON (the keys of the README\'s "Trace output")'},
		batch: {type: 'string', value: '<flows.jsonl>', example: 'flows.jsonl', description: 'trace one flow per line, print one JSON result per line'},
	},
	examples: [
		'vpcsim trace --topology lab --from web-1 --to 8.8.8.8 --protocol tcp --port 443',
		'vpcsim trace --topology lab.json --from 203.0.113.7 --to web-1 --port 443 --json',
		'vpcsim trace --topology lab --batch flows.jsonl',
	],
	run(context) {
		const {io} = context;
		const topologyArg = stringFlag(context, 'topology');
		if (!topologyArg) throw new CliError('trace: --topology <name|file> is required', 'vpcsim list shows the saved topologies');
		const batch = stringFlag(context, 'batch');
		if (batch !== undefined && (context.flags.from !== undefined || context.flags.to !== undefined))
			throw new CliError('trace: --batch takes the flows from its file; leave out --from and --to');
		if (batch === undefined && (context.flags.from === undefined || context.flags.to === undefined)) {
			const missing = ['from', 'to'].filter(name => context.flags[name] === undefined).map(name => `--${name} <ref>`);
			throw new CliError(`trace: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required`, 'e.g. vpcsim trace --topology lab --from web-1 --to 8.8.8.8 --port 443');
		}
		// Read here, before the topology, so a missing file is one plain line and costs no load.
		const flows = batch === undefined ? undefined : readBatch(io.cwd, batch);
		const {topology} = loadTopologyArg(io, topologyArg);
		return runTraceCommand(topology, {
			from: stringFlag(context, 'from'),
			to: stringFlag(context, 'to'),
			protocol: stringFlag(context, 'protocol'),
			port: stringFlag(context, 'port'),
			sourcePort: stringFlag(context, 'sourcePort'),
			json: context.flags.json === true,
			batch: batch === undefined ? undefined : resolvePath(io.cwd, batch),
			stdout: io.stdout,
			stderr: prefixed(io.stderr),
			color: colorEnabled(io),
			...(flows === undefined ? {} : {readFile: () => flows}),
		});
	},
};
