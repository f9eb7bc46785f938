// Client VPN endpoints: target networks, authorization rules and routes.
import {label} from '../model/resources.js';
import {parseCidr} from '../net/ipv4.js';
import {CommandError} from './draft.js';
import {type FieldOption, addCommand, field, ref, refs, refsField, removeCommand, setCommand} from './family.js';
import type {CommandDef} from './types.js';

const cvpnFamily = {noun: 'cvpn', kind: 'client-vpn-endpoint', collection: 'clientVpnEndpoints', title: 'client VPN endpoint'} as const;

export function clientVpnCommands(): CommandDef[] {
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
