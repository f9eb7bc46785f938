// VPC peering, prefix lists, VPC endpoints, and the PrivateLink provider side: load balancers,
// listeners, target groups and endpoint services.
import {label} from '../model/resources.js';
import {isIpv4} from '../net/ipv4.js';
import {CommandError, type Draft} from './draft.js';
import {addCommand, field, ref, refs, refsField, removeCommand, setCommand} from './family.js';
import type {CommandDef} from './types.js';

const pcxFamily = {noun: 'pcx', kind: 'peering-connection', collection: 'peeringConnections', title: 'peering connection'} as const;
const plFamily = {noun: 'pl', kind: 'prefix-list', collection: 'prefixLists', title: 'prefix list'} as const;
const vpceFamily = {noun: 'vpce', kind: 'vpc-endpoint', collection: 'vpcEndpoints', title: 'VPC endpoint'} as const;
const lbFamily = {noun: 'lb', kind: 'load-balancer', collection: 'loadBalancers', title: 'load balancer'} as const;
const tgFamily = {noun: 'tg', kind: 'target-group', collection: 'targetGroups', title: 'target group'} as const;
const serviceFamily = {noun: 'vpce-service', kind: 'endpoint-service', collection: 'endpointServices', title: 'endpoint service'} as const;

const pcxStates = ['pending-acceptance', 'active', 'rejected', 'expired', 'failed', 'deleted', 'provisioning'] as const;
const endpointStates = ['pending-acceptance', 'pending', 'available', 'rejected', 'expired', 'failed', 'deleting', 'deleted'] as const;
const lbProtocols = ['TCP', 'UDP', 'TCP_UDP', 'TLS', 'HTTP', 'HTTPS'] as const;

/** One interface per subnet, at most one subnet per availability zone (interface endpoints, LB nodes). */
function perSubnet(draft: Draft, vpcId: string, refsGiven: readonly string[], what: string) {
	const subnets = refsGiven.map(part => draft.get('subnets', draft.id(part, ['subnet'])));
	const taken = draft.usedPrivateIps(subnets.map(subnet => subnet.id));
	const zones = new Set<string>();
	return subnets.map(subnet => {
		if (subnet.vpcId !== vpcId) throw new CommandError(`subnet ${label(subnet)} is not in ${vpcId}`);
		if (zones.has(subnet.availabilityZone)) throw new CommandError(`${what} takes at most one subnet per availability zone (${subnet.availabilityZone} twice)`);
		zones.add(subnet.availabilityZone);
		return {subnetId: subnet.id, privateIp: draft.freeIp(subnet.id, taken)};
	});
}

function gatewayRoutes(draft: Draft, endpointId: string, prefixListId: string, tableIds: readonly string[], add: boolean): void {
	for (const tableId of tableIds)
		draft.update('routeTables', tableId, copy => {
			copy.routes = copy.routes.filter(route => route.target !== endpointId);
			if (add) copy.routes.push({destinationPrefixListId: prefixListId, target: endpointId, origin: 'static', state: 'active'});
		});
}

function listCommand(verb: 'add' | 'rm'): CommandDef {
	return {
		name: `${verb} pl-entry`,
		summary: verb === 'add' ? 'add a CIDR block to a prefix list' : 'remove a CIDR block from a prefix list',
		help: 'Changes the entries of a customer-managed prefix list; every route and rule that uses the list follows.',
		example: `${verb} pl-entry office 192.0.2.0/24`,
		args: [ref('pl', ['prefix-list']), {name: 'cidr', kind: 'cidr'}],
		run(draft, args) {
			const cidr = args.str('cidr');
			const list = draft.update('prefixLists', draft.id(args.str('pl'), ['prefix-list']), copy => {
				const has = copy.cidrs.includes(cidr);
				if (verb === 'add' && has) throw new CommandError(`${label(copy)} already has ${cidr}`);
				if (verb === 'rm' && !has) throw new CommandError(`${label(copy)} has no entry ${cidr}`);
				copy.cidrs = verb === 'add' ? [...copy.cidrs, cidr] : copy.cidrs.filter(item => item !== cidr);
			});
			return `${verb === 'add' ? 'added' : 'removed'} ${cidr} ${verb === 'add' ? 'to' : 'from'} ${label(list)}`;
		},
	};
}

export const connectCommands: CommandDef[] = [
	addCommand(pcxFamily, {
		prefix: 'pcx',
		summary: 'request a VPC peering connection',
		help: 'Peers two VPCs whose blocks do not overlap. It starts pending acceptance, as in AWS (routes to it are blackholes until then): accept pcx <name>, or give status=active. Both VPCs need routes to the other\'s blocks; peering is not transitive.',
		example: 'add pcx a-b requester=a accepter=b',
		args: [ref('requester', ['vpc']), ref('accepter', ['vpc'])],
		options: [field({name: 'status', kind: 'enum', values: pcxStates}, 'status')],
		build: (draft, id, name, args) => {
			const requesterVpcId = draft.id(args.str('requester'), ['vpc']);
			const accepterVpcId = draft.id(args.str('accepter'), ['vpc']);
			if (requesterVpcId === accepterVpcId) throw new CommandError('a VPC cannot peer with itself');
			const existing = draft
				.list('peeringConnections')
				.find(pcx => new Set([pcx.requesterVpcId, pcx.accepterVpcId, requesterVpcId, accepterVpcId]).size === 2 && pcx.status !== 'deleted');
			if (existing) throw new CommandError(`${requesterVpcId} and ${accepterVpcId} are already peered by ${label(existing)}`);
			return {id, name, requesterVpcId, accepterVpcId, status: 'pending-acceptance'};
		},
	}),
	{
		name: 'accept pcx',
		summary: 'accept a pending peering connection',
		help: 'Makes a peering connection active; routes to it stop being blackholes.',
		example: 'accept pcx a-b',
		args: [ref('pcx', ['peering-connection'])],
		run(draft, args) {
			const pcx = draft.update('peeringConnections', draft.id(args.str('pcx'), ['peering-connection']), copy => {
				if (copy.status !== 'pending-acceptance') throw new CommandError(`${label(copy)} is ${copy.status}, not pending acceptance`);
				copy.status = 'active';
			});
			return `accepted peering connection ${label(pcx)}; it is active`;
		},
	},
	setCommand(pcxFamily, {example: 'set pcx a-b status=rejected', options: [field({name: 'status', kind: 'enum', values: pcxStates}, 'status')]}),
	removeCommand(pcxFamily, {example: 'rm pcx a-b'}),
	addCommand(plFamily, {
		prefix: 'pl',
		summary: 'create a prefix list (customer-managed, or AWS-managed for S3 and DynamoDB)',
		help: 'A named set of CIDR blocks usable as a route destination and as a security group peer. ownership=aws-managed with service= models the S3 and DynamoDB lists that gateway endpoints route to.',
		example: 'add pl s3 52.216.0.0/15,3.5.0.0/19 ownership=aws-managed service=com.amazonaws.us-east-1.s3',
		args: [{name: 'cidrs', kind: 'cidrs', placeholder: '<cidr,cidr>'}],
		options: [
			field({name: 'ownership', kind: 'enum', values: ['aws-managed', 'customer-managed']}, 'ownership'),
			field({name: 'service', kind: 'text'}, 'serviceName'),
			field({name: 'region', kind: 'text'}, 'region'),
		],
		build: (_draft, id, name, args) => ({id, name, ownership: 'customer-managed', cidrs: [...args.list('cidrs')!]}),
	}),
	setCommand(plFamily, {example: 'set pl office cidrs=192.0.2.0/24', options: [field({name: 'cidrs', kind: 'cidrs'}, 'cidrs')]}),
	removeCommand(plFamily, {example: 'rm pl office'}),
	listCommand('add'),
	listCommand('rm'),
	addCommand(vpceFamily, {
		prefix: 'vpce',
		summary: 'create a gateway or interface VPC endpoint',
		help: 'gateway (S3, DynamoDB): adds a route from the service\'s AWS-managed prefix list (pl=, or the one whose service matches) to the endpoint in each table of rtb=; usable from inside the VPC only, TCP and ICMP. interface: one network interface per subnet of subnet= (one per zone), with sg= (default: the VPC\'s default group); reachable over peering, TGW, VPN and DX.',
		example: 'add vpce s3 gateway vpc=app service=com.amazonaws.us-east-1.s3 rtb=private',
		args: [{name: 'type', kind: 'enum', values: ['gateway', 'interface']}, ref('vpc', ['vpc']), {name: 'service', kind: 'text'}],
		options: [
			field({name: 'state', kind: 'enum', values: endpointStates}, 'state'),
			refsField(refs('sg', ['security-group']), 'securityGroupIds'),
		],
		extra: [refs('rtb', ['route-table']), refs('subnet', ['subnet']), ref('pl', ['prefix-list'], true)],
		build: (draft, id, name, args) => {
			const vpcId = draft.id(args.str('vpc'), ['vpc']);
			const service = args.str('service');
			if (args.str('type') === 'gateway') {
				if (args.has('subnet') || args.has('sg')) throw new CommandError('a gateway endpoint has no subnets or security groups: give rtb= instead');
				const pl = args.opt('pl')
					? draft.get('prefixLists', draft.id(args.opt('pl')!, ['prefix-list']))
					: draft.list('prefixLists').find(list => list.serviceName === service);
				if (!pl) throw new CommandError(`no prefix list for ${service}: add one (add pl <name> <cidrs> ownership=aws-managed service=${service}) or give pl=`);
				const routeTableIds = (args.list('rtb') ?? []).map(part => draft.id(part, ['route-table']));
				return {id, name, vpcId, type: 'gateway', serviceName: service, state: 'available', routeTableIds, prefixListId: pl.id, networkInterfaces: [], securityGroupIds: []};
			}
			if (args.has('rtb')) throw new CommandError('an interface endpoint is reached through its network interfaces: give subnet= instead of rtb=');
			const defaultSg = draft.list('securityGroups').find(sg => sg.vpcId === vpcId && sg.isDefault);
			const networkInterfaces = perSubnet(draft, vpcId, args.list('subnet') ?? [], 'an interface endpoint').map(eni => ({...eni, id: draft.newId('eni')}));
			return {id, name, vpcId, type: 'interface', serviceName: service, state: 'available', routeTableIds: [], networkInterfaces, securityGroupIds: defaultSg ? [defaultSg.id] : []};
		},
		after: (draft, endpoint) => {
			if (endpoint.type === 'gateway') gatewayRoutes(draft, endpoint.id, endpoint.prefixListId!, endpoint.routeTableIds, true);
			const ips = endpoint.networkInterfaces.map(eni => eni.privateIp);
			return ips.length > 0 ? `interfaces at ${ips.join(', ')}` : undefined;
		},
	}),
	setCommand(vpceFamily, {
		example: 'set vpce s3 rtb=private-a,private-b',
		help: 'state= changes the endpoint\'s state; sg= its security groups; rtb= the route tables of a gateway endpoint (their prefix-list routes follow).',
		options: [
			field({name: 'state', kind: 'enum', values: endpointStates}, 'state'),
			refsField(refs('sg', ['security-group']), 'securityGroupIds'),
			{
				...refs('rtb', ['route-table']),
				apply: (draft, endpoint, value) => {
					if (endpoint.type !== 'gateway') throw new CommandError('only gateway endpoints have route tables');
					gatewayRoutes(draft, endpoint.id, endpoint.prefixListId!, endpoint.routeTableIds, false);
					endpoint.routeTableIds = (value as string[]).map(part => draft.id(part, ['route-table']));
					gatewayRoutes(draft, endpoint.id, endpoint.prefixListId!, endpoint.routeTableIds, true);
				},
			},
		],
	}),
	removeCommand(vpceFamily, {
		example: 'rm vpce s3',
		help: 'Removes an endpoint; a gateway endpoint\'s routes go with it.',
		before: (draft, endpoint) => void (endpoint.type === 'gateway' && gatewayRoutes(draft, endpoint.id, endpoint.prefixListId!, endpoint.routeTableIds, false)),
	}),
	addCommand(lbFamily, {
		prefix: 'lb',
		summary: 'create a load balancer with a node in each subnet',
		help: 'A network load balancer by default (type=application or gateway otherwise), internal unless scheme=internet-facing. Each subnet of subnet= (one per zone) gets a node with the first free address; an NLB keeps the client\'s source address, and its nodes\' addresses are what PrivateLink providers see.',
		example: 'add lb svc-nlb vpc=provider subnet=svc-a,svc-b',
		args: [ref('vpc', ['vpc']), refs('subnet', ['subnet'], false)],
		options: [
			field({name: 'type', kind: 'enum', values: ['network', 'application', 'gateway']}, 'type'),
			field({name: 'scheme', kind: 'enum', values: ['internal', 'internet-facing']}, 'scheme'),
			refsField(refs('sg', ['security-group']), 'securityGroupIds'),
			field({name: 'cross-zone', kind: 'bool'}, 'crossZone'),
		],
		build: (draft, id, name, args) => {
			const vpcId = draft.id(args.str('vpc'), ['vpc']);
			const nodes = perSubnet(draft, vpcId, args.list('subnet')!, 'a load balancer');
			return {id, name, type: 'network', scheme: 'internal', vpcId, nodes, securityGroupIds: [], listeners: [], crossZone: false};
		},
	}),
	setCommand(lbFamily, {
		example: 'set lb svc-nlb cross-zone=true',
		options: [
			field({name: 'scheme', kind: 'enum', values: ['internal', 'internet-facing']}, 'scheme'),
			refsField(refs('sg', ['security-group']), 'securityGroupIds'),
			field({name: 'cross-zone', kind: 'bool'}, 'crossZone'),
		],
	}),
	removeCommand(lbFamily, {example: 'rm lb svc-nlb'}),
	{
		name: 'add listener',
		summary: 'add a listener to a load balancer, forwarding to a target group',
		help: 'A listener takes a protocol and port and forwards to a target group.',
		example: 'add listener svc-nlb TCP 443 tg=svc-targets',
		args: [ref('lb', ['load-balancer']), {name: 'protocol', kind: 'enum', values: lbProtocols}, {name: 'port', kind: 'int', min: 1, max: 65535}, ref('tg', ['target-group'])],
		run(draft, args) {
			const port = args.num('port')!;
			const targetGroupId = draft.id(args.str('tg'), ['target-group']);
			const lb = draft.update('loadBalancers', draft.id(args.str('lb'), ['load-balancer']), copy => {
				if (copy.listeners.some(listener => listener.port === port)) throw new CommandError(`${label(copy)} already listens on port ${port}`);
				copy.listeners.push({protocol: args.str('protocol') as 'TCP', port, targetGroupId});
			});
			return `${label(lb)} now listens on ${args.str('protocol')} ${port} for ${targetGroupId}`;
		},
	},
	{
		name: 'rm listener',
		summary: 'remove a load balancer listener',
		help: 'Removes the listener on that port.',
		example: 'rm listener svc-nlb 443',
		args: [ref('lb', ['load-balancer']), {name: 'port', kind: 'int', min: 1, max: 65535}],
		run(draft, args) {
			const port = args.num('port')!;
			const lb = draft.update('loadBalancers', draft.id(args.str('lb'), ['load-balancer']), copy => {
				if (!copy.listeners.some(listener => listener.port === port)) throw new CommandError(`${label(copy)} has no listener on port ${port}`);
				copy.listeners = copy.listeners.filter(listener => listener.port !== port);
			});
			return `removed the listener on port ${port} from ${label(lb)}`;
		},
	},
	addCommand(tgFamily, {
		prefix: 'tg',
		summary: 'create a target group',
		help: 'A target group of instances (type=instance, the default) or addresses (type=ip), with the protocol and port targets receive on.',
		example: 'add tg svc-targets TCP 8443 vpc=provider',
		args: [{name: 'protocol', kind: 'enum', values: [...lbProtocols, 'GENEVE']}, {name: 'port', kind: 'int', min: 1, max: 65535}, ref('vpc', ['vpc'])],
		options: [field({name: 'type', kind: 'enum', values: ['instance', 'ip']}, 'targetType')],
		build: (draft, id, name, args) => ({
			id,
			name,
			protocol: args.str('protocol') as 'TCP',
			port: args.num('port')!,
			vpcId: draft.id(args.str('vpc'), ['vpc']),
			targetType: 'instance',
			targets: [],
		}),
	}),
	removeCommand(tgFamily, {example: 'rm tg svc-targets'}),
	...(['add', 'rm'] as const).map(
		(verb): CommandDef => ({
			name: `${verb} target`,
			summary: verb === 'add' ? 'register a target (instance or address) in a target group' : 'deregister a target',
			help: 'Instance targets are given by id or name, ip targets by address; port= overrides the group\'s port.',
			example: `${verb} target svc-targets app-1`,
			args: [ref('tg', ['target-group']), {name: 'target', kind: 'ref', refKinds: ['instance']}],
			options: verb === 'add' ? [{name: 'port', kind: 'int', min: 1, max: 65535, optional: true}] : [],
			run(draft, args) {
				const given = args.str('target');
				const tgId = draft.id(args.str('tg'), ['target-group']);
				const ipTargets = draft.get('targetGroups', tgId).targetType === 'ip';
				if (ipTargets && !isIpv4(given)) throw new CommandError(`${tgId} takes ip targets: give an address`);
				const target = ipTargets ? given : draft.id(given, ['instance']);
				const tg = draft.update('targetGroups', tgId, copy => {
					const has = copy.targets.some(item => item.target === target);
					if (verb === 'add' && has) throw new CommandError(`${target} is already registered in ${label(copy)}`);
					if (verb === 'rm' && !has) throw new CommandError(`${target} is not registered in ${label(copy)}`);
					const port = args.num('port');
					copy.targets = verb === 'add' ? [...copy.targets, {target, ...(port ? {port} : {})}] : copy.targets.filter(item => item.target !== target);
				});
				return `${verb === 'add' ? 'registered' : 'deregistered'} ${target} in ${label(tg)}`;
			},
		}),
	),
	addCommand(serviceFamily, {
		prefix: 'vpce-svc',
		summary: 'offer a service over PrivateLink from network load balancers',
		help: 'An endpoint service fronted by one or more network load balancers; consumers reach it through interface endpoints (add vpce <name> interface vpc=<vpc> service=<service name>). The service name defaults to com.amazonaws.vpce.<region>.<id>. acceptance=true makes new endpoints wait for acceptance.',
		example: 'add vpce-service billing lb=svc-nlb acceptance=false',
		args: [refs('lb', ['load-balancer'], false)],
		options: [
			field({name: 'acceptance', kind: 'bool'}, 'acceptanceRequired'),
			{
				name: 'principals',
				kind: 'text',
				optional: true,
				placeholder: '<arn,arn>',
				apply: (_draft, service, value) => (service.allowedPrincipals = String(value).split(',').filter(Boolean)),
			},
			field({name: 'service', kind: 'text'}, 'serviceName'),
		],
		build: (draft, id, name, args) => {
			const loadBalancerIds = args.list('lb')!.map(part => draft.id(part, ['load-balancer']));
			const vpc = draft.get('vpcs', draft.get('loadBalancers', loadBalancerIds[0]!).vpcId);
			return {id, name, serviceName: `com.amazonaws.vpce.${vpc.region}.${id}`, loadBalancerIds, acceptanceRequired: false, allowedPrincipals: [], state: 'Available'};
		},
	}),
	setCommand(serviceFamily, {
		example: 'set vpce-service billing acceptance=true',
		options: [field({name: 'acceptance', kind: 'bool'}, 'acceptanceRequired'), refsField(refs('lb', ['load-balancer']), 'loadBalancerIds')],
	}),
	removeCommand(serviceFamily, {example: 'rm vpce-service billing'}),
];
