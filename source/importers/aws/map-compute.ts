// Running instances, their interfaces, standalone interfaces (RDS, Lambda, ...) and elastic IPs.
// Interfaces owned by NAT gateways, endpoints, load balancers and TGW attachments are described by
// their owners; this module only indexes their addresses for those mappers.
import type {NetworkInterface} from '../../model/types.js';
import type {ImportContext} from './context.js';
import {ImportError, type Rec} from './reader.js';

export type OwnedInterface = {id: string; subnetId: string; privateIp: string; description: string; type: string};

/** Interfaces by id, of every type, for the owners (endpoints, load balancers, client VPN). */
export function indexInterfaces(context: ImportContext): Map<string, OwnedInterface> {
	const index = new Map<string, OwnedInterface>();
	for (const {rec} of context.get('NetworkInterfaces')) {
		const id = rec.str('NetworkInterfaceId');
		const privateIp = rec.optStr('PrivateIpAddress');
		const subnetId = rec.optStr('SubnetId');
		if (!privateIp || !subnetId) continue;
		index.set(id, {id, subnetId, privateIp, description: rec.optStr('Description') ?? '', type: rec.optStr('InterfaceType') ?? 'interface'});
	}
	return index;
}

function interfaceOf(context: ImportContext, rec: Rec, instanceId: string | undefined): NetworkInterface {
	const id = rec.str('NetworkInterfaceId');
	const addresses = rec.list('PrivateIpAddresses');
	const primary = rec.optStr('PrivateIpAddress') ?? addresses.find(a => a.optBool('Primary'))?.str('PrivateIpAddress');
	if (!primary) throw new ImportError(rec.file, `${rec.path}.PrivateIpAddress`, 'an interface needs a private address');
	const publicIp = rec.obj('Association')?.optStr('PublicIp');
	const ownerOfIp = rec.obj('Association')?.optStr('IpOwnerId');
	return {
		...context.identity(rec, id),
		subnetId: rec.str('SubnetId'),
		privateIp: primary,
		secondaryPrivateIps: addresses.map(a => a.optStr('PrivateIpAddress')).filter((ip): ip is string => Boolean(ip) && ip !== primary),
		publicIp,
		publicIpKind: publicIp ? (ownerOfIp && ownerOfIp !== 'amazon' ? 'elastic' : 'auto') : undefined,
		securityGroupIds: rec.list('Groups').map(group => group.str('GroupId')),
		sourceDestCheck: rec.optBool('SourceDestCheck') ?? true,
		instanceId,
		deviceIndex: instanceId ? (rec.obj('Attachment')?.optNum('DeviceIndex') ?? 0) : undefined,
		description: rec.optStr('Description'),
	};
}

export function mapInstances(context: ImportContext): void {
	for (const {rec: reservation} of context.get('Reservations')) {
		for (const rec of reservation.list('Instances')) {
			const id = rec.str('InstanceId');
			const state = rec.obj('State')?.optStr('Name') ?? 'running';
			if (state !== 'running') {
				context.leave(id, `instance is ${state} (only running instances are imported)`);
				continue;
			}
			if (!rec.has('SubnetId') && rec.list('NetworkInterfaces').length === 0) {
				context.leave(id, 'EC2-Classic instance (no subnet)');
				continue;
			}
			if (!context.claim(id)) continue;
			context.out.instances.push({
				...context.identity(rec, id),
				state: 'running',
				platform: rec.optStr('Platform') === 'windows' ? 'windows' : 'linux',
			});
			const interfaces = rec.list('NetworkInterfaces');
			if (interfaces.length === 0) {
				// Older outputs describe the primary interface only through the instance's own fields.
				const eniId = `eni-of-${id}`;
				context.claim(eniId);
				context.out.networkInterfaces.push({
					id: eniId,
					subnetId: rec.str('SubnetId'),
					privateIp: rec.str('PrivateIpAddress'),
					secondaryPrivateIps: [],
					publicIp: rec.optStr('PublicIpAddress'),
					securityGroupIds: rec.list('SecurityGroups').map(group => group.str('GroupId')),
					sourceDestCheck: rec.optBool('SourceDestCheck') ?? true,
					instanceId: id,
					deviceIndex: 0,
				});
				context.note(id, `no NetworkInterfaces in the instance record; primary interface ${eniId} made from its fields`);
				continue;
			}
			for (const eni of interfaces) {
				if (!context.claim(eni.str('NetworkInterfaceId'))) continue;
				context.out.networkInterfaces.push(interfaceOf(context, eni, id));
			}
		}
	}
}

const ownedTypes = new Set(['nat_gateway', 'vpc_endpoint', 'transit_gateway', 'network_load_balancer', 'gateway_load_balancer', 'gateway_load_balancer_endpoint']);

/** Interfaces that are destinations in their own right: RDS, Elasticsearch, Lambda, hand-made ENIs. */
export function mapStandaloneInterfaces(context: ImportContext, ownedElsewhere: Set<string>): void {
	const instanceIds = new Set(context.out.instances.map(instance => instance.id));
	for (const {rec} of context.get('NetworkInterfaces')) {
		const id = rec.str('NetworkInterfaceId');
		if (context.has(id) || ownedElsewhere.has(id)) continue;
		const type = rec.optStr('InterfaceType') ?? 'interface';
		if (ownedTypes.has(type)) continue;
		const instanceId = rec.obj('Attachment')?.optStr('InstanceId');
		if (instanceId && !instanceIds.has(instanceId)) {
			context.leave(id, `interface of ${instanceId}, which was not imported`);
			continue;
		}
		if (!rec.has('PrivateIpAddress') && rec.list('PrivateIpAddresses').length === 0) continue;
		context.claim(id);
		context.out.networkInterfaces.push(interfaceOf(context, rec, instanceId));
	}
}

export function mapElasticIps(context: ImportContext): void {
	const byId = new Map(context.out.networkInterfaces.map(eni => [eni.id, eni]));
	for (const {rec} of context.get('Addresses')) {
		const publicIp = rec.optStr('PublicIp');
		const eniId = rec.optStr('NetworkInterfaceId');
		if (!publicIp || !eniId) continue;
		const eni = byId.get(eniId);
		if (!eni) continue; // NAT gateway addresses come with the gateway.
		const privateIp = rec.optStr('PrivateIpAddress');
		if (privateIp && privateIp !== eni.privateIp) {
			context.note(eniId, `elastic IP ${publicIp} on secondary address ${privateIp} left out (vpcsim maps the primary address)`, 'Addresses');
			continue;
		}
		eni.publicIp = publicIp;
		eni.publicIpKind = 'elastic';
	}
}
