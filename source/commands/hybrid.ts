// Site-to-site VPN: virtual private and customer gateways, VPN connections, and the on-premises
// sites behind them.
import {label} from '../model/resources.js';
import {CommandError, type Draft} from './draft.js';
import {type FieldOption, addCommand, field, ref, refField, removeCommand, setCommand} from './family.js';
import {blackholeRoutes} from './routing.js';
import type {ArgSpec} from './syntax.js';
import type {CommandDef} from './types.js';

const vgwFamily = {noun: 'vgw', kind: 'vpn-gateway', collection: 'vpnGateways', title: 'virtual private gateway'} as const;
const cgwFamily = {noun: 'cgw', kind: 'customer-gateway', collection: 'customerGateways', title: 'customer gateway'} as const;
const vpnFamily = {noun: 'vpn', kind: 'vpn-connection', collection: 'vpnConnections', title: 'VPN connection'} as const;
const siteFamily = {noun: 'site', kind: 'site', collection: 'sites', title: 'on-premises site'} as const;

export const asn: ArgSpec = {name: 'asn', kind: 'int', min: 1, max: 4294967294};
const tunnelState = (index: number): FieldOption<'vpnConnections'> => ({
	name: `tunnel${index + 1}`,
	kind: 'enum',
	values: ['up', 'down'],
	optional: true,
	apply: (_draft, vpn, value) => void (vpn.tunnels[index] && (vpn.tunnels[index].status = value === 'up' ? 'UP' : 'DOWN')),
});
const vpnOptions: FieldOption<'vpnConnections'>[] = [
	field({name: 'routing', kind: 'enum', values: ['static', 'bgp']}, 'routing'),
	field({name: 'routes', kind: 'cidrs'}, 'staticRoutes'),
	field({name: 'prefixes', kind: 'cidrs'}, 'bgpPrefixes'),
	tunnelState(0),
	tunnelState(1),
	field({name: 'state', kind: 'enum', values: ['pending', 'available', 'deleting', 'deleted']}, 'state'),
];

function listEntryCommands(
	noun: string,
	key: 'staticRoutes' | 'bgpPrefixes',
	what: string,
): CommandDef[] {
	return (['add', 'rm'] as const).map(verb => ({
		name: `${verb} ${noun}`,
		summary: `${verb === 'add' ? 'add' : 'remove'} ${what} of a VPN connection`,
		help: key === 'staticRoutes' ? 'Static routes name the on-premises prefixes of a VPN with static routing.' : 'The prefixes the customer gateway advertises over BGP.',
		example: `${verb} ${noun} office-vpn 192.168.0.0/16`,
		args: [ref('vpn', ['vpn-connection']), {name: 'cidr', kind: 'cidr'}],
		run(draft: Draft, args) {
			const cidr = args.str('cidr');
			const vpn = draft.update('vpnConnections', draft.id(args.str('vpn'), ['vpn-connection']), copy => {
				const has = copy[key].includes(cidr);
				if (verb === 'add' && has) throw new CommandError(`${label(copy)} already has ${cidr}`);
				if (verb === 'rm' && !has) throw new CommandError(`${label(copy)} has no ${cidr}`);
				copy[key] = verb === 'add' ? [...copy[key], cidr] : copy[key].filter(item => item !== cidr);
			});
			return `${verb === 'add' ? 'added' : 'removed'} ${cidr} ${verb === 'add' ? 'to' : 'from'} ${label(vpn)}`;
		},
	}));
}

function gatewayAttach(verb: 'attach' | 'detach'): CommandDef {
	return {
		name: `${verb} vgw`,
		summary: verb === 'attach' ? 'attach a virtual private gateway to a VPC' : 'detach a virtual private gateway from its VPC',
		help: verb === 'attach' ? 'A VPC has at most one virtual private gateway.' : 'Routes to a detached gateway stay as blackhole routes.',
		example: verb === 'attach' ? 'attach vgw vgw-main app' : 'detach vgw vgw-main',
		args: verb === 'attach' ? [ref('vgw', ['vpn-gateway']), ref('vpc', ['vpc'])] : [ref('vgw', ['vpn-gateway'])],
		run(draft, args) {
			const vpcId = verb === 'attach' ? draft.id(args.str('vpc'), ['vpc']) : undefined;
			const other = vpcId && draft.list('vpnGateways').find(vgw => vgw.vpcId === vpcId);
			if (other) throw new CommandError(`VPC ${vpcId} already has virtual private gateway ${label(other)}`);
			const vgw = draft.update('vpnGateways', draft.id(args.str('vgw'), ['vpn-gateway']), copy => {
				if (vpcId) {
					if (copy.vpcId) throw new CommandError(`${label(copy)} is already attached to ${copy.vpcId}`);
					copy.vpcId = vpcId;
				} else {
					if (!copy.vpcId) throw new CommandError(`${label(copy)} is not attached to a VPC`);
					delete copy.vpcId;
				}
			});
			if (!vpcId) blackholeRoutes(draft, vgw.id);
			return `${verb === 'attach' ? `attached ${label(vgw)} to ${vpcId}` : `detached ${label(vgw)}`}`;
		},
	};
}

export const hybridCommands: CommandDef[] = [
	addCommand(vgwFamily, {
		prefix: 'vgw',
		summary: 'create a virtual private gateway, attached to a VPC when vpc= is given',
		help: 'The VPC side of a site-to-site VPN or a private virtual interface. Route tables reach it with routes to it or with route propagation (add vgw-propagation).',
		example: 'add vgw vgw-main vpc=app asn=64512',
		options: [refField(ref('vpc', ['vpc']), 'vpcId'), field(asn, 'asn')],
		build: (_draft, id, name) => ({id, name, state: 'available'}),
	}),
	gatewayAttach('attach'),
	gatewayAttach('detach'),
	removeCommand(vgwFamily, {example: 'rm vgw vgw-main', guard: (_draft, vgw) => (vgw.vpcId ? `${label(vgw)} is attached to ${vgw.vpcId}: detach it first` : undefined)}),
	addCommand(cgwFamily, {
		prefix: 'cgw',
		summary: 'describe the customer\'s VPN device by its public address',
		help: 'A customer gateway is the on-premises end of a VPN; site= names the network behind it.',
		example: 'add cgw office-router 198.51.100.7 site=office asn=65000',
		args: [{name: 'ip', kind: 'ip'}],
		options: [field(asn, 'asn'), refField(ref('site', ['site']), 'siteId')],
		build: (_draft, id, name, args) => ({id, name, ipAddress: args.str('ip'), state: 'available'}),
	}),
	setCommand(cgwFamily, {example: 'set cgw office-router site=office', options: [field(asn, 'asn'), refField(ref('site', ['site']), 'siteId')]}),
	removeCommand(cgwFamily, {example: 'rm cgw office-router'}),
	addCommand(vpnFamily, {
		prefix: 'vpn',
		summary: 'create a site-to-site VPN from a customer gateway to a VGW or a transit gateway',
		help: 'Two tunnels, both up (tunnel1=down to take one down). routing=static uses routes=, routing=bgp the prefixes= the customer advertises. With tgw=, the transit gateway attachment (<name>-attachment) is created too, as AWS does.',
		example: 'add vpn office-vpn office-router vgw=vgw-main routing=static routes=192.168.0.0/16',
		args: [ref('cgw', ['customer-gateway'])],
		options: vpnOptions,
		extra: [ref('vgw', ['vpn-gateway'], true), ref('tgw', ['transit-gateway'], true), ref('transport', ['dx-gateway'], true)],
		build: (draft, id, name, args) => {
			if (args.has('vgw') === args.has('tgw')) throw new CommandError('a VPN ends on a virtual private gateway or a transit gateway: give vgw= or tgw=');
			const first = draft.freePublicIp();
			const tunnels = [first, draft.freePublicIp(new Set([first]))].map(outsideIp => ({outsideIp, status: 'UP' as const}));
			return {
				id,
				name,
				customerGatewayId: draft.id(args.str('cgw'), ['customer-gateway']),
				...(args.has('vgw') ? {vpnGatewayId: draft.id(args.opt('vgw')!, ['vpn-gateway'])} : {}),
				...(args.has('tgw') ? {transitGatewayId: draft.id(args.opt('tgw')!, ['transit-gateway'])} : {}),
				...(args.has('transport') ? {transportDxGatewayId: draft.id(args.opt('transport')!, ['dx-gateway'])} : {}),
				routing: 'static',
				staticRoutes: [],
				bgpPrefixes: [],
				tunnels,
				state: 'available',
			};
		},
		after: (draft, vpn) => {
			if (!vpn.transitGatewayId) return;
			const name = `${vpn.name}-attachment`;
			draft.checkName(name);
			const id = draft.newId('tgw-attach');
			draft.insert('transitGatewayAttachments', {id, name, transitGatewayId: vpn.transitGatewayId, type: 'vpn', resourceId: vpn.id, subnetIds: [], state: 'available', applianceMode: false});
			return `with attachment ${name} (${id})`;
		},
	}),
	setCommand(vpnFamily, {example: 'set vpn office-vpn tunnel1=down', options: vpnOptions}),
	removeCommand(vpnFamily, {
		example: 'rm vpn office-vpn',
		help: 'Removes a VPN connection with its transit gateway attachment, if any.',
		cascade: (draft, vpn) =>
			draft
				.list('transitGatewayAttachments')
				.filter(attachment => attachment.type === 'vpn' && attachment.resourceId === vpn.id)
				.map(attachment => ['transitGatewayAttachments', attachment.id] as const),
	}),
	...listEntryCommands('vpn-route', 'staticRoutes', 'a static route'),
	...listEntryCommands('vpn-prefix', 'bgpPrefixes', 'a BGP-advertised prefix'),
	addCommand(siteFamily, {
		prefix: 'site',
		summary: 'describe an on-premises network by its blocks',
		help: 'A named site with its CIDR blocks, reached through customer gateways (cgw site=) and Direct Connect connections (dx site=). Addresses inside it are on-premises hosts in traces.',
		example: 'add site office 192.168.0.0/16,172.16.0.0/16',
		args: [{name: 'cidrs', kind: 'cidrs', placeholder: '<cidr,cidr>'}],
		build: (_draft, id, name, args) => ({id, name, cidrs: [...args.list('cidrs')!]}),
	}),
	setCommand(siteFamily, {example: 'set site office cidrs=192.168.0.0/16', options: [field({name: 'cidrs', kind: 'cidrs'}, 'cidrs')]}),
	removeCommand(siteFamily, {example: 'rm site office'}),
];
