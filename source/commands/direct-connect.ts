// Direct Connect: connections, Direct Connect gateways with their associations, and virtual
// interfaces.
import {label} from '../model/resources.js';
import {CommandError} from './draft.js';
import {addCommand, field, ref, refField, removeCommand, setCommand} from './family.js';
import {asn} from './hybrid.js';
import type {CommandDef} from './types.js';

const dxFamily = {noun: 'dx', kind: 'dx-connection', collection: 'dxConnections', title: 'Direct Connect connection'} as const;
const dxgwFamily = {noun: 'dxgw', kind: 'dx-gateway', collection: 'dxGateways', title: 'Direct Connect gateway'} as const;
const vifFamily = {noun: 'vif', kind: 'virtual-interface', collection: 'virtualInterfaces', title: 'virtual interface'} as const;

export const directConnectCommands: CommandDef[] = [
	addCommand(dxFamily, {
		prefix: 'dxcon',
		summary: 'create a Direct Connect connection',
		help: 'A dedicated link at a Direct Connect location; site= is the on-premises network at its far end. Virtual interfaces run over it. Traffic is not encrypted unless a VPN runs over it.',
		example: 'add dx dc-link site=datacenter location=EqDC2 bandwidth=1Gbps',
		options: [
			field({name: 'location', kind: 'text'}, 'location'),
			field({name: 'bandwidth', kind: 'text'}, 'bandwidth'),
			refField(ref('site', ['site']), 'siteId'),
			field({name: 'state', kind: 'enum', values: ['ordering', 'requested', 'pending', 'available', 'down', 'deleting', 'deleted', 'rejected']}, 'state'),
		],
		build: (_draft, id, name) => ({id, name, state: 'available'}),
	}),
	setCommand(dxFamily, {
		example: 'set dx dc-link state=down',
		options: [refField(ref('site', ['site']), 'siteId'), field({name: 'state', kind: 'enum', values: ['ordering', 'requested', 'pending', 'available', 'down', 'deleting', 'deleted', 'rejected']}, 'state')],
	}),
	removeCommand(dxFamily, {example: 'rm dx dc-link'}),
	addCommand(dxgwFamily, {
		prefix: 'dxgw',
		summary: 'create a Direct Connect gateway',
		help: 'A global gateway between virtual interfaces and VGWs or transit gateways (add dxgw-association). It does not route between two VGWs.',
		example: 'add dxgw dx-hub asn=64600',
		options: [field(asn, 'asn')],
		build: (_draft, id, name) => ({id, name, associations: []}),
	}),
	removeCommand(dxgwFamily, {example: 'rm dxgw dx-hub'}),
	...(['add', 'set'] as const).map(
		(verb): CommandDef => ({
			name: `${verb} dxgw-association`,
			summary: verb === 'add' ? 'associate a Direct Connect gateway with a VGW or a transit gateway' : 'change the allowed prefixes or state of an association',
			help: 'allowed= lists the allowed prefixes: on a VGW association a filter on the VPC blocks advertised, on a transit gateway association the prefixes advertised on premises.',
			example: `${verb} dxgw-association dx-hub hub allowed=10.0.0.0/8`,
			args: [ref('dxgw', ['dx-gateway']), ref('gateway', ['vpn-gateway', 'transit-gateway'])],
			options: [
				{name: 'allowed', kind: 'cidrs', optional: true},
				{name: 'state', kind: 'enum', values: ['associating', 'associated', 'disassociating', 'disassociated'], optional: true},
			],
			run(draft, args) {
				const gatewayId = draft.id(args.str('gateway'), ['vpn-gateway', 'transit-gateway']);
				const dxgw = draft.update('dxGateways', draft.id(args.str('dxgw'), ['dx-gateway']), copy => {
					const existing = copy.associations.find(item => item.gatewayId === gatewayId);
					if (verb === 'add') {
						if (existing) throw new CommandError(`${label(copy)} is already associated with ${gatewayId}`);
						copy.associations.push({gatewayId, allowedPrefixes: [...(args.list('allowed') ?? [])], state: (args.opt('state') ?? 'associated') as 'associated'});
					} else {
						if (!existing) throw new CommandError(`${label(copy)} is not associated with ${gatewayId}`);
						if (args.has('allowed')) existing.allowedPrefixes = [...args.list('allowed')!];
						if (args.has('state')) existing.state = args.str('state') as 'associated';
					}
				});
				return `${verb === 'add' ? 'associated' : 'changed the association of'} ${label(dxgw)} ${verb === 'add' ? 'with' : 'and'} ${gatewayId}`;
			},
		}),
	),
	{
		name: 'rm dxgw-association',
		summary: 'remove a Direct Connect gateway association',
		help: 'Disassociates the VGW or transit gateway from the Direct Connect gateway.',
		example: 'rm dxgw-association dx-hub hub',
		args: [ref('dxgw', ['dx-gateway']), ref('gateway', ['vpn-gateway', 'transit-gateway'])],
		run(draft, args) {
			const gatewayId = draft.id(args.str('gateway'), ['vpn-gateway', 'transit-gateway']);
			const dxgw = draft.update('dxGateways', draft.id(args.str('dxgw'), ['dx-gateway']), copy => {
				if (!copy.associations.some(item => item.gatewayId === gatewayId)) throw new CommandError(`${label(copy)} is not associated with ${gatewayId}`);
				copy.associations = copy.associations.filter(item => item.gatewayId !== gatewayId);
			});
			return `disassociated ${gatewayId} from ${label(dxgw)}`;
		},
	},
	addCommand(vifFamily, {
		prefix: 'dxvif',
		summary: 'create a private, transit or public virtual interface on a connection',
		help: 'private: to a VGW (vgw=) or a Direct Connect gateway (dxgw=); transit: to a Direct Connect gateway associated with a transit gateway; public: to AWS public prefixes. prefixes= are the on-premises prefixes advertised over BGP.',
		example: 'add vif dc-private private dc-link dxgw=dx-hub prefixes=172.16.0.0/16',
		args: [{name: 'type', kind: 'enum', values: ['private', 'transit', 'public']}, ref('dx', ['dx-connection'])],
		options: [
			field({name: 'prefixes', kind: 'cidrs'}, 'customerPrefixes'),
			field({name: 'state', kind: 'enum', values: ['confirming', 'verifying', 'pending', 'available', 'down', 'deleting', 'deleted', 'rejected']}, 'state'),
		],
		extra: [ref('vgw', ['vpn-gateway'], true), ref('dxgw', ['dx-gateway'], true)],
		build: (draft, id, name, args) => {
			const type = args.str('type') as 'private' | 'transit' | 'public';
			if (type === 'private' && args.has('vgw') === args.has('dxgw')) throw new CommandError('a private virtual interface ends on a VGW or a Direct Connect gateway: give vgw= or dxgw=');
			if (type === 'transit' && (!args.has('dxgw') || args.has('vgw'))) throw new CommandError('a transit virtual interface ends on a Direct Connect gateway: give dxgw=');
			if (type === 'public' && (args.has('vgw') || args.has('dxgw'))) throw new CommandError('a public virtual interface reaches AWS public prefixes, not a gateway');
			return {
				id,
				name,
				type,
				connectionId: draft.id(args.str('dx'), ['dx-connection']),
				...(args.has('vgw') ? {vpnGatewayId: draft.id(args.opt('vgw')!, ['vpn-gateway'])} : {}),
				...(args.has('dxgw') ? {dxGatewayId: draft.id(args.opt('dxgw')!, ['dx-gateway'])} : {}),
				customerPrefixes: [],
				state: 'available',
			};
		},
	}),
	setCommand(vifFamily, {
		example: 'set vif dc-private state=down',
		options: [
			field({name: 'prefixes', kind: 'cidrs'}, 'customerPrefixes'),
			field({name: 'state', kind: 'enum', values: ['confirming', 'verifying', 'pending', 'available', 'down', 'deleting', 'deleted', 'rejected']}, 'state'),
		],
	}),
	removeCommand(vifFamily, {example: 'rm vif dc-private'}),
];
