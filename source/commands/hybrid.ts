// Hybrid connectivity: virtual private and customer gateways, site-to-site VPN, client VPN,
// Direct Connect (connections, gateways, virtual interfaces) and on-premises sites.
import {label} from '../model/resources.js';
import {parseCidr} from '../net/ipv4.js';
import {CommandError, type Draft} from './draft.js';
import {type FieldOption, addCommand, field, ref, refField, refs, refsField, removeCommand, setCommand} from './family.js';
import {blackholeRoutes} from './routing.js';
import type {ArgSpec} from './syntax.js';
import type {CommandDef} from './types.js';

const vgwFamily = {noun: 'vgw', kind: 'vpn-gateway', collection: 'vpnGateways', title: 'virtual private gateway'} as const;
const cgwFamily = {noun: 'cgw', kind: 'customer-gateway', collection: 'customerGateways', title: 'customer gateway'} as const;
const vpnFamily = {noun: 'vpn', kind: 'vpn-connection', collection: 'vpnConnections', title: 'VPN connection'} as const;
const cvpnFamily = {noun: 'cvpn', kind: 'client-vpn-endpoint', collection: 'clientVpnEndpoints', title: 'client VPN endpoint'} as const;
const dxFamily = {noun: 'dx', kind: 'dx-connection', collection: 'dxConnections', title: 'Direct Connect connection'} as const;
const dxgwFamily = {noun: 'dxgw', kind: 'dx-gateway', collection: 'dxGateways', title: 'Direct Connect gateway'} as const;
const vifFamily = {noun: 'vif', kind: 'virtual-interface', collection: 'virtualInterfaces', title: 'virtual interface'} as const;
const siteFamily = {noun: 'site', kind: 'site', collection: 'sites', title: 'on-premises site'} as const;

const asn: ArgSpec = {name: 'asn', kind: 'int', min: 1, max: 4294967294};
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
	...clientVpnCommands(),
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

function clientVpnCommands(): CommandDef[] {
	const options: FieldOption<'clientVpnEndpoints'>[] = [
		field({name: 'split-tunnel', kind: 'bool'}, 'splitTunnel'),
		refsField(refs('sg', ['security-group']), 'securityGroupIds'),
		field({name: 'state', kind: 'enum', values: ['pending-associate', 'available', 'deleting', 'deleted']}, 'state'),
	];
	const endpointArg = ref('cvpn', ['client-vpn-endpoint']);
	return [
		addCommand(cvpnFamily, {
			prefix: 'cvpn-endpoint',
			summary: 'create a client VPN endpoint in a VPC',
			help: 'Clients get addresses from the client CIDR (/12 to /22, not overlapping the VPC). Associate subnets (add cvpn-target): client traffic leaves with the association\'s interface address. Access needs a route (add cvpn-route) and an authorization rule (add cvpn-auth). Full tunnel unless split-tunnel=true.',
			example: 'add cvpn remote vpc=app client-cidr=10.250.0.0/22 split-tunnel=true',
			args: [ref('vpc', ['vpc']), {name: 'client-cidr', kind: 'cidr'}],
			options,
			build: (draft, id, name, args) => {
				const vpcId = draft.id(args.str('vpc'), ['vpc']);
				const prefix = parseCidr(args.str('client-cidr')).prefix;
				if (prefix < 12 || prefix > 22) throw new CommandError(`the client CIDR must be /12 to /22, not /${prefix}`);
				const defaultSg = draft.list('securityGroups').find(sg => sg.vpcId === vpcId && sg.isDefault);
				return {
					id,
					name,
					vpcId,
					clientCidr: args.str('client-cidr'),
					splitTunnel: false,
					securityGroupIds: defaultSg ? [defaultSg.id] : [],
					targetNetworks: [],
					authorizationRules: [],
					routes: [],
					state: 'available',
				};
			},
		}),
		setCommand(cvpnFamily, {example: 'set cvpn remote split-tunnel=false', options}),
		removeCommand(cvpnFamily, {example: 'rm cvpn remote'}),
		{
			name: 'add cvpn-target',
			summary: 'associate a subnet with a client VPN endpoint',
			help: 'One subnet per availability zone, in the endpoint\'s VPC. The association gets an interface address, and a route to each VPC block through this subnet is added, as AWS does.',
			example: 'add cvpn-target remote app-a',
			args: [endpointArg, ref('subnet', ['subnet'])],
			run(draft, args) {
				const subnet = draft.get('subnets', draft.id(args.str('subnet'), ['subnet']));
				const endpoint = draft.get('clientVpnEndpoints', draft.id(args.str('cvpn'), ['client-vpn-endpoint']));
				if (subnet.vpcId !== endpoint.vpcId) throw new CommandError(`subnet ${label(subnet)} is not in the endpoint's VPC ${endpoint.vpcId}`);
				const zones = endpoint.targetNetworks.map(net => draft.get('subnets', net.subnetId).availabilityZone);
				if (zones.includes(subnet.availabilityZone)) throw new CommandError(`${label(endpoint)} already has a subnet in ${subnet.availabilityZone}`);
				const id = draft.newId('cvpn-assoc');
				const privateIp = draft.freeIp(subnet.id);
				const vpc = draft.get('vpcs', endpoint.vpcId);
				draft.update('clientVpnEndpoints', endpoint.id, copy => {
					copy.targetNetworks.push({id, subnetId: subnet.id, privateIp});
					for (const block of vpc.cidrBlocks)
						if (!copy.routes.some(route => route.destinationCidr === block)) copy.routes.push({destinationCidr: block, targetSubnetId: subnet.id});
				});
				return `associated ${label(subnet)} with ${label(endpoint)} (${id}, ${privateIp})`;
			},
		},
		{
			name: 'rm cvpn-target',
			summary: 'disassociate a subnet from a client VPN endpoint',
			help: 'Removes the association and the routes through that subnet.',
			example: 'rm cvpn-target remote app-a',
			args: [endpointArg, ref('subnet', ['subnet'])],
			run(draft, args) {
				const subnetId = draft.id(args.str('subnet'), ['subnet']);
				const endpoint = draft.update('clientVpnEndpoints', draft.id(args.str('cvpn'), ['client-vpn-endpoint']), copy => {
					if (!copy.targetNetworks.some(net => net.subnetId === subnetId)) throw new CommandError(`${subnetId} is not associated with ${label(copy)}`);
					copy.targetNetworks = copy.targetNetworks.filter(net => net.subnetId !== subnetId);
					copy.routes = copy.routes.filter(route => route.targetSubnetId !== subnetId);
				});
				return `disassociated ${subnetId} from ${label(endpoint)}`;
			},
		},
		...(['add', 'rm'] as const).map(
			(verb): CommandDef => ({
				name: `${verb} cvpn-auth`,
				summary: verb === 'add' ? 'authorize clients to reach a block' : 'remove an authorization rule',
				help: 'Authorization is deny by default and allow-only; the most specific rule decides, 0.0.0.0/0 last. group= limits a rule to one directory group.',
				example: `${verb} cvpn-auth remote 10.0.0.0/16`,
				args: [endpointArg, {name: 'cidr', kind: 'cidr'}],
				options: verb === 'add' ? [{name: 'group', kind: 'text', optional: true}] : [],
				run(draft, args) {
					const cidr = args.str('cidr');
					const group = args.opt('group');
					const endpoint = draft.update('clientVpnEndpoints', draft.id(args.str('cvpn'), ['client-vpn-endpoint']), copy => {
						const has = copy.authorizationRules.some(rule => rule.destinationCidr === cidr);
						if (verb === 'add' && has) throw new CommandError(`${label(copy)} already authorizes ${cidr}`);
						if (verb === 'rm' && !has) throw new CommandError(`${label(copy)} has no authorization rule for ${cidr}`);
						copy.authorizationRules =
							verb === 'add'
								? [...copy.authorizationRules, {destinationCidr: cidr, accessAll: !group, ...(group ? {groupId: group} : {})}]
								: copy.authorizationRules.filter(rule => rule.destinationCidr !== cidr);
					});
					return `${verb === 'add' ? 'authorized' : 'removed the authorization of'} ${cidr} on ${label(endpoint)}`;
				},
			}),
		),
		...(['add', 'rm'] as const).map(
			(verb): CommandDef => ({
				name: `${verb} cvpn-route`,
				summary: verb === 'add' ? 'route client traffic for a block through an associated subnet' : 'remove a client VPN route',
				help: 'Routes to the internet, peered VPCs or on-premises go through an associated subnet; client-to-client traffic is the client CIDR to local.',
				example: verb === 'add' ? 'add cvpn-route remote 0.0.0.0/0 app-a' : 'rm cvpn-route remote 0.0.0.0/0',
				args: verb === 'add' ? [endpointArg, {name: 'cidr', kind: 'cidr'}, {name: 'subnet', kind: 'ref', refKinds: ['subnet'], values: ['local']}] : [endpointArg, {name: 'cidr', kind: 'cidr'}],
				run(draft, args) {
					const cidr = args.str('cidr');
					const endpointId = draft.id(args.str('cvpn'), ['client-vpn-endpoint']);
					const target = verb === 'add' ? (args.str('subnet') === 'local' ? 'local' : draft.id(args.str('subnet'), ['subnet'])) : '';
					const endpoint = draft.update('clientVpnEndpoints', endpointId, copy => {
						const has = copy.routes.some(route => route.destinationCidr === cidr);
						if (verb === 'rm') {
							if (!has) throw new CommandError(`${label(copy)} has no route to ${cidr}`);
							copy.routes = copy.routes.filter(route => route.destinationCidr !== cidr);
							return;
						}
						if (has) throw new CommandError(`${label(copy)} already has a route to ${cidr}`);
						if (target !== 'local' && !copy.targetNetworks.some(net => net.subnetId === target))
							throw new CommandError(`${target} is not associated with ${label(copy)}: add cvpn-target first`);
						copy.routes.push({destinationCidr: cidr, targetSubnetId: target});
					});
					return `${verb === 'add' ? `added route ${cidr} -> ${target} to` : `removed the route to ${cidr} from`} ${label(endpoint)}`;
				},
			}),
		),
	];
}
