// Instances and network interfaces. An instance's addresses and security groups live on its
// primary interface (device 0), which is created and removed with it.
import {label} from '../model/resources.js';
import type {NetworkInterface} from '../model/types.js';
import {isIpv4} from '../net/ipv4.js';
import {CommandError, type Draft} from './draft.js';
import {type FieldOption, addCommand, field, ref, refs, removeCommand, setCommand} from './family.js';
import type {ArgSpec, Value} from './syntax.js';
import type {Args, CommandDef} from './types.js';

const instanceFamily = {noun: 'instance', kind: 'instance', collection: 'instances', title: 'instance'} as const;
const eniFamily = {noun: 'eni', kind: 'network-interface', collection: 'networkInterfaces', title: 'network interface'} as const;

function setPublicIp(draft: Draft, eni: NetworkInterface, value: Value, kind: 'auto' | 'elastic'): void {
	if (value === 'none') {
		delete eni.publicIp;
		delete eni.publicIpKind;
		return;
	}
	eni.publicIp = value === 'auto' ? draft.freePublicIp() : String(value);
	eni.publicIpKind = kind;
}

/** The options an interface takes, whether given to `add instance` (its primary one) or to an eni. */
const eniOptions: FieldOption<'networkInterfaces'>[] = [
	{
		...refs('sg', ['security-group']),
		apply: (draft, eni, value) => (eni.securityGroupIds = (value as string[]).map(part => draft.id(part, ['security-group']))),
	},
	{
		name: 'public-ip',
		kind: 'ip',
		values: ['auto', 'none'],
		optional: true,
		placeholder: '<ip|auto|none>',
		apply: (draft, eni, value) => setPublicIp(draft, eni, value, 'auto'),
	},
	{name: 'eip', kind: 'ip', values: ['none'], optional: true, placeholder: '<ip|none>', apply: (draft, eni, value) => setPublicIp(draft, eni, value, 'elastic')},
	field({name: 'source-dest-check', kind: 'bool'}, 'sourceDestCheck'),
	{
		name: 'secondary',
		kind: 'text',
		optional: true,
		placeholder: '<ip,ip>',
		apply: (draft, eni, value) => {
			const ips = String(value).split(',').filter(Boolean);
			const bad = ips.find(ip => !isIpv4(ip));
			if (bad) throw new CommandError(`"${bad}" is not an IPv4 address`);
			for (const ip of ips) if (!eni.secondaryPrivateIps.includes(ip) && ip !== eni.privateIp) draft.checkIp(eni.subnetId, ip);
			eni.secondaryPrivateIps = ips;
		},
	},
	field({name: 'description', kind: 'text'}, 'description'),
];

const ipOption: FieldOption<'networkInterfaces'> = {
	name: 'ip',
	kind: 'ip',
	optional: true,
	apply: (draft, eni, value) => {
		if (value === eni.privateIp) return;
		draft.checkIp(eni.subnetId, String(value));
		eni.privateIp = String(value);
	},
};

/** A new interface in a subnet: the first free address unless ip= is given, the VPC's default group. */
function newInterface(draft: Draft, id: string, name: string, args: Args): NetworkInterface {
	const subnet = draft.get('subnets', draft.id(args.str('subnet'), ['subnet']));
	const ip = args.opt('ip');
	if (ip) draft.checkIp(subnet.id, ip);
	const defaultSg = draft.list('securityGroups').find(sg => sg.vpcId === subnet.vpcId && sg.isDefault);
	return {
		id,
		name,
		subnetId: subnet.id,
		privateIp: ip ?? draft.freeIp(subnet.id),
		secondaryPrivateIps: [],
		securityGroupIds: defaultSg ? [defaultSg.id] : [],
		sourceDestCheck: true,
	};
}

function applyEniOptions(draft: Draft, eni: NetworkInterface, args: Args): void {
	for (const option of eniOptions) if (args.has(option.name)) option.apply(draft, eni, args.values[option.name]!);
}

const instanceOptions: ArgSpec[] = [
	{name: 'platform', kind: 'enum', values: ['linux', 'windows'], optional: true},
	{name: 'state', kind: 'enum', values: ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'], optional: true},
];

function primaryOf(draft: Draft, instanceId: string): NetworkInterface {
	const eni = draft.list('networkInterfaces').find(item => item.instanceId === instanceId && item.deviceIndex === 0);
	if (!eni) throw new CommandError(`instance ${instanceId} has no primary network interface`);
	return eni;
}

function attach(draft: Draft, eniId: string, instanceId: string, device: number): void {
	const taken = draft.list('networkInterfaces').find(item => item.instanceId === instanceId && item.deviceIndex === device && item.id !== eniId);
	if (taken) throw new CommandError(`instance ${instanceId} already has ${label(taken)} at device ${device}`);
}

export const computeCommands: CommandDef[] = [
	{
		name: 'add instance',
		summary: 'launch an instance with its primary network interface',
		help: 'Creates an instance and its primary network interface (<name>-eth0, device 0) in a subnet: the first free address AWS does not reserve unless ip= is given, the VPC\'s default security group unless sg= is given. public-ip=auto assigns a public IP, eip= an elastic IP. platform= (linux or windows) decides the client\'s ephemeral ports.',
		example: 'add instance web-1 subnet=web-a sg=web public-ip=auto',
		args: [{name: 'name', kind: 'name'}, ref('subnet', ['subnet'])],
		options: [ipOption, ...eniOptions, ...instanceOptions],
		run(draft, args) {
			const name = args.str('name');
			draft.checkName(name);
			draft.checkName(`${name}-eth0`);
			const instanceId = draft.newId('i');
			draft.insert('instances', {
				id: instanceId,
				name,
				state: (args.opt('state') ?? 'running') as 'running',
				platform: (args.opt('platform') ?? 'linux') as 'linux',
			});
			const eni = newInterface(draft, draft.newId('eni'), `${name}-eth0`, args);
			eni.instanceId = instanceId;
			eni.deviceIndex = 0;
			applyEniOptions(draft, eni, args);
			draft.insert('networkInterfaces', eni);
			return `added instance ${name} (${instanceId}) at ${eni.privateIp}${eni.publicIp ? ` (public ${eni.publicIp})` : ''} with ${eni.id}`;
		},
	},
	{
		name: 'set instance',
		summary: 'change an instance or its primary interface (address, groups, public IP, checks)',
		help: 'state= and platform= change the instance; ip=, sg=, public-ip=, eip=, source-dest-check=, secondary= change its primary network interface.',
		example: 'set instance nat-box source-dest-check=false',
		args: [ref('instance', ['instance'])],
		options: [ipOption, ...eniOptions, ...instanceOptions],
		run(draft, args) {
			const instance = draft.get('instances', draft.id(args.str('instance'), ['instance']));
			const keys = Object.keys(args.values).filter(key => key !== 'instance');
			if (keys.length === 0) throw new CommandError('nothing to change: give state=, platform=, ip=, sg=, public-ip=, eip= or source-dest-check=');
			if (args.has('state') || args.has('platform'))
				draft.update('instances', instance.id, copy => {
					if (args.has('state')) copy.state = args.str('state') as typeof copy.state;
					if (args.has('platform')) copy.platform = args.str('platform') as typeof copy.platform;
				});
			if (keys.some(key => key !== 'state' && key !== 'platform'))
				draft.update('networkInterfaces', primaryOf(draft, instance.id).id, copy => {
					if (args.has('ip')) ipOption.apply(draft, copy, args.str('ip'));
					applyEniOptions(draft, copy, args);
				});
			return `changed instance ${label(instance)}: ${keys.map(key => `${key}=${String(args.values[key])}`).join(' ')}`;
		},
	},
	removeCommand(instanceFamily, {
		example: 'rm instance web-1',
		help: 'Terminates an instance: its primary network interface goes with it, other attached interfaces are detached and kept.',
		cascade: (draft, instance) => [['networkInterfaces', primaryOf(draft, instance.id).id]],
		before: (draft, instance) => {
			for (const eni of draft.list('networkInterfaces'))
				if (eni.instanceId === instance.id && eni.deviceIndex !== 0)
					draft.update('networkInterfaces', eni.id, copy => {
						delete copy.instanceId;
						delete copy.deviceIndex;
					});
		},
	}),
	addCommand(eniFamily, {
		prefix: 'eni',
		summary: 'create a network interface in a subnet',
		help: 'Creates a network interface with the first free address (or ip=), the VPC\'s default security group (or sg=); attach it to an instance with attach eni.',
		example: 'add eni appliance-b subnet=inside-a ip=10.0.2.10 source-dest-check=false',
		args: [ref('subnet', ['subnet'])],
		options: eniOptions,
		extra: [{name: 'ip', kind: 'ip', optional: true}],
		build: (draft, id, name, args) => newInterface(draft, id, name, args),
	}),
	setCommand(eniFamily, {example: 'set eni appliance-b sg=fw,mgmt', options: [ipOption, ...eniOptions]}),
	removeCommand(eniFamily, {
		example: 'rm eni appliance-b',
		guard: (_draft, eni) =>
			eni.instanceId && eni.deviceIndex === 0 ? `${label(eni)} is the primary interface of ${eni.instanceId}; it goes with the instance` : undefined,
	}),
	{
		name: 'attach eni',
		summary: 'attach a network interface to an instance',
		help: 'Attaches an interface at a device index (default 1; 0 is the primary interface). Both must be in the same availability zone.',
		example: 'attach eni appliance-b fw-1 device=1',
		args: [ref('eni', ['network-interface']), ref('instance', ['instance'])],
		options: [{name: 'device', kind: 'int', min: 0, max: 31, optional: true}],
		run(draft, args) {
			const instanceId = draft.id(args.str('instance'), ['instance']);
			const device = args.num('device') ?? 1;
			const eniId = draft.id(args.str('eni'), ['network-interface']);
			attach(draft, eniId, instanceId, device);
			const eni = draft.update('networkInterfaces', eniId, copy => {
				if (copy.instanceId) throw new CommandError(`${label(copy)} is already attached to ${copy.instanceId}`);
				copy.instanceId = instanceId;
				copy.deviceIndex = device;
			});
			return `attached ${label(eni)} to ${instanceId} as device ${device}`;
		},
	},
	{
		name: 'detach eni',
		summary: 'detach a network interface from its instance',
		help: 'Detaches a secondary interface; the primary interface (device 0) cannot be detached.',
		example: 'detach eni appliance-b',
		args: [ref('eni', ['network-interface'])],
		run(draft, args) {
			const eni = draft.update('networkInterfaces', draft.id(args.str('eni'), ['network-interface']), copy => {
				if (!copy.instanceId) throw new CommandError(`${label(copy)} is not attached`);
				if (copy.deviceIndex === 0) throw new CommandError(`${label(copy)} is the primary interface of ${copy.instanceId} and cannot be detached`);
				delete copy.instanceId;
				delete copy.deviceIndex;
			});
			return `detached ${label(eni)}`;
		},
	},
];
