// Commands that do not change the topology (trace, cidr, help, and the console's own: undo, redo,
// save-as, open, quit), and rename, which changes only a name.
import {label, traceDestinationKinds, traceSourceKinds} from '../model/resources.js';
import type {Topology} from '../model/types.js';
import {CommandError} from './draft.js';
import type {ProtocolValue} from './syntax.js';
import type {CommandDef} from './types.js';

/**
 * A laptop connected through a client VPN endpoint has no resource of its own to name: a trace
 * writes it client:<endpoint id or name>, so completion offers both forms of each endpoint.
 */
const clientEnds = (topology: Topology): string[] =>
	topology.clientVpnEndpoints.flatMap(endpoint => [`client:${endpoint.id}`, ...(endpoint.name ? [`client:${endpoint.name}`] : [])]);

export const consoleCommands: CommandDef[] = [
	{
		name: 'trace',
		summary: 'trace a packet from one endpoint to another, hop by hop',
		help:
			'Opens a trace. <from> and <to> are a resource id or name (instance, network interface, endpoint, gateway), an IPv4 address (outside every VPC and site: an internet host), or client:<client-vpn-endpoint>. The protocol defaults to tcp; sport= sets the source port (default 49152).',
		example: 'trace web-1 10.1.2.3 tcp 443',
		args: [
			{name: 'from', kind: 'text', refKinds: traceSourceKinds, suggest: clientEnds, placeholder: '<from>'},
			{name: 'to', kind: 'text', refKinds: traceDestinationKinds, suggest: clientEnds, placeholder: '<to>'},
			{name: 'protocol', kind: 'protocol', optional: true},
			{name: 'port', kind: 'int', min: 0, max: 65535, optional: true},
		],
		options: [{name: 'sport', kind: 'int', min: 0, max: 65535, optional: true}],
		intent: args => ({
			type: 'trace',
			flow: {
				from: args.str('from'),
				to: args.str('to'),
				...(args.has('protocol') ? {protocol: args.protocol('protocol') as ProtocolValue} : {}),
				...(args.has('port') ? {port: args.num('port')} : {}),
				...(args.has('sport') ? {sourcePort: args.num('sport')} : {}),
			},
		}),
	},
	{
		name: 'cidr',
		summary: 'explain a CIDR block, or suggest free subnet blocks in a VPC',
		help:
			'Shows the block\'s network, range, size and netmask, the five addresses AWS reserves in a subnet of that size, and which VPCs, subnets and sites it overlaps. Host bits are accepted and cleared (192.168.32.1/24 is 192.168.32.0/24). With free=/24 in=<vpc>, lists free /24 blocks inside the VPC.',
		example: 'cidr 10.0.0.0/16 free=/24 in=app',
		args: [{name: 'block', kind: 'block', placeholder: '<cidr>', optional: true}],
		options: [
			{name: 'free', kind: 'prefix', placeholder: '/<n>', optional: true},
			{name: 'in', kind: 'ref', refKinds: ['vpc'], optional: true},
		],
		intent: args => ({
			type: 'cidr',
			block: args.opt('block') ?? '',
			...(args.has('free') ? {free: args.num('free')} : {}),
			...(args.has('in') ? {in: args.opt('in')} : {}),
		}),
	},
	{
		name: 'help',
		summary: 'list the commands, or explain one',
		help: 'help lists every command with a line each; help <command> (e.g. help add subnet) shows its syntax, what it does and an example.',
		example: 'help add route',
		args: [{name: 'topic', kind: 'text', optional: true, rest: true, placeholder: '<command>'}],
		intent: args => ({type: 'help', ...(args.has('topic') ? {topic: args.str('topic')} : {})}),
	},
	{name: 'undo', summary: 'undo the last change', help: 'Goes back to the topology before the last change.', example: 'undo', args: [], intent: () => ({type: 'undo'})},
	{name: 'redo', summary: 'redo the last undone change', help: 'Re-applies the change undo took back.', example: 'redo', args: [], intent: () => ({type: 'redo'})},
	{
		name: 'save-as',
		summary: 'save the topology under a new name',
		help: 'Saves a copy of the open topology under another name and goes on with the copy.',
		example: 'save-as lab-2',
		args: [{name: 'name', kind: 'name'}],
		intent: args => ({type: 'save-as', name: args.str('name')}),
	},
	{
		name: 'open',
		summary: 'open another saved topology',
		help: 'Opens a saved topology by name (the current one is already saved).',
		example: 'open lab-1',
		args: [{name: 'name', kind: 'text'}],
		intent: args => ({type: 'open', name: args.str('name')}),
	},
	{name: 'quit', summary: 'leave the console', help: 'Leaves the console; every change is already saved.', example: 'quit', args: [], intent: () => ({type: 'quit'})},
	{
		name: 'rename',
		summary: 'give a resource a new name',
		help: 'Renames any resource (by id or name); ids never change, so nothing that refers to it breaks. Names are unique across the topology.',
		example: 'rename web-a public-a',
		args: [
			{name: 'resource', kind: 'ref'},
			{name: 'new-name', kind: 'name'},
		],
		run(draft, args) {
			const entry = draft.find(args.str('resource'));
			const name = args.str('new-name');
			if (entry.resource.name === name) throw new CommandError(`${label(entry.resource)} is already called ${name}`);
			if (name.toLowerCase() !== entry.resource.name?.toLowerCase()) draft.checkName(name);
			const before = label(entry.resource);
			const renamed = draft.update(entry.collection, entry.resource.id, copy => void ((copy as {name?: string}).name = name));
			return `renamed ${entry.kind} ${before} to ${label(renamed)}`;
		},
	},
];
