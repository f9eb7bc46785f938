// VPC endpoints, endpoint services (PrivateLink) and the elbv2 load balancers behind them.
import type {LoadBalancer, TargetGroup} from '../../model/types.js';
import type {ImportContext} from './context.js';
import type {OwnedInterface} from './map-compute.js';
import type {Rec} from './reader.js';

const endpointStates: Record<string, string> = {
	pendingacceptance: 'pending-acceptance', pending: 'pending', available: 'available', rejected: 'rejected',
	expired: 'expired', failed: 'failed', deleting: 'deleting', deleted: 'deleted',
};

export function mapVpcEndpoints(context: ImportContext, interfaces: Map<string, OwnedInterface>, owned: Set<string>): void {
	for (const {rec} of context.get('VpcEndpoints')) {
		const id = rec.str('VpcEndpointId');
		const type = (rec.optStr('VpcEndpointType') ?? 'Gateway').toLowerCase();
		const state = endpointStates[(rec.optStr('State') ?? 'available').toLowerCase()] ?? 'available';
		if (state === 'deleted' || state === 'deleting') {
			context.leave(id, `endpoint is ${state}`);
			continue;
		}
		if (type !== 'gateway' && type !== 'interface') {
			context.leave(id, `${rec.optStr('VpcEndpointType')} endpoints are not modelled`);
			continue;
		}
		const serviceName = rec.str('ServiceName');
		const endpointInterfaces = rec.strings('NetworkInterfaceIds').flatMap(eniId => {
			owned.add(eniId);
			const eni = interfaces.get(eniId);
			if (!eni) context.note(id, `interface ${eniId} is not in NetworkInterfaces; its address is unknown and it is left out`, 'NetworkInterfaceIds');
			return eni ? [{id: eni.id, subnetId: eni.subnetId, privateIp: eni.privateIp}] : [];
		});
		if (type === 'interface' && endpointInterfaces.length === 0) {
			context.leave(id, 'interface endpoint with no known interface address');
			continue;
		}
		if (!context.claim(id)) continue;
		const prefixList = type === 'gateway' ? context.out.prefixLists.find(list => list.serviceName === serviceName) : undefined;
		if (type === 'gateway' && !prefixList) context.note(id, `no prefix list named ${serviceName} in the snapshot; the endpoint's routes match nothing`, 'ServiceName');
		context.out.vpcEndpoints.push({
			...context.identity(rec, id),
			vpcId: rec.str('VpcId'),
			type,
			serviceName,
			state: state as 'available',
			routeTableIds: type === 'gateway' ? rec.strings('RouteTableIds') : [],
			prefixListId: prefixList?.id,
			networkInterfaces: type === 'interface' ? endpointInterfaces : [],
			securityGroupIds: type === 'interface' ? rec.list('Groups').map(group => group.str('GroupId')) : [],
		});
	}
}

/** Load balancer nodes: the addresses elbv2 reports, else the `ELB net/<name>/<id>` interfaces per subnet. */
function nodesOf(rec: Rec, arn: string, interfaces: Map<string, OwnedInterface>, owned: Set<string>): LoadBalancer['nodes'] {
	const suffix = arn.split(':loadbalancer/')[1] ?? '';
	const byDescription = [...interfaces.values()].filter(eni => suffix && eni.description === `ELB ${suffix}`);
	const nodes: LoadBalancer['nodes'] = [];
	for (const zone of rec.list('AvailabilityZones')) {
		const subnetId = zone.optStr('SubnetId');
		if (!subnetId) continue;
		const listed = zone.list('LoadBalancerAddresses').map(address => address.optStr('PrivateIPv4Address')).find(Boolean);
		const eni = byDescription.find(candidate => candidate.subnetId === subnetId);
		if (eni) owned.add(eni.id);
		const privateIp = listed ?? eni?.privateIp;
		if (privateIp) nodes.push({subnetId, privateIp});
	}
	return nodes;
}

export function mapLoadBalancers(context: ImportContext, interfaces: Map<string, OwnedInterface>, owned: Set<string>): void {
	const listeners = [
		...context.get('Listeners').map(({rec}) => rec),
		...context.get('LoadBalancerListeners').flatMap(({rec}) => rec.list('Listeners')),
	];
	const crossZone = new Map<string, boolean>();
	for (const {rec} of context.get('LoadBalancerAttributes')) {
		const value = rec.list('Attributes').find(attribute => attribute.optStr('Key') === 'load_balancing.cross_zone.enabled')?.optStr('Value');
		if (value !== undefined) crossZone.set(rec.str('LoadBalancerArn'), value === 'true');
	}
	for (const {rec} of context.get('LoadBalancers')) {
		const arn = rec.optStr('LoadBalancerArn');
		if (!arn) {
			context.leave(rec.optStr('LoadBalancerName') ?? rec.path, 'classic load balancers are not modelled');
			continue;
		}
		const nodes = nodesOf(rec, arn, interfaces, owned);
		if (nodes.length === 0) {
			context.leave(arn, 'load balancer with no known node address (add NetworkInterfaces to the snapshot)');
			continue;
		}
		if (!context.claim(arn)) continue;
		const type = rec.optStr('Type') ?? 'network';
		context.out.loadBalancers.push({
			id: arn,
			name: context.uniqueName(rec.optStr('LoadBalancerName'), arn),
			type: type === 'application' || type === 'gateway' ? type : 'network',
			scheme: rec.optStr('Scheme') === 'internet-facing' ? 'internet-facing' : 'internal',
			vpcId: rec.str('VpcId'),
			nodes,
			securityGroupIds: rec.strings('SecurityGroups'),
			listeners: listeners
				.filter(listener => listener.optStr('LoadBalancerArn') === arn)
				.flatMap(listener => {
					const forward = listener.list('DefaultActions').find(action => action.optStr('Type') === 'forward');
					const targetGroupId = forward?.optStr('TargetGroupArn');
					const protocol = listener.optStr('Protocol') ?? 'TCP';
					if (!targetGroupId) return [];
					return [{protocol: protocol as 'TCP', port: listener.num('Port'), targetGroupId}];
				}),
			crossZone: crossZone.get(arn) ?? false,
		});
	}
}

export function mapTargetGroups(context: ImportContext): void {
	const health = new Map<string, Rec[]>();
	for (const {rec, fileName} of [...context.get('TargetHealthDescriptions'), ...context.get('LoadBalancerTargetHealth')]) {
		// Wrapper form {TargetGroupArn, TargetHealthDescriptions: [...]}, one per group (raw output names no group).
		const arn = rec.optStr('TargetGroupArn');
		if (arn) health.set(arn, rec.list('TargetHealthDescriptions'));
		else context.note(fileName, 'target health without TargetGroupArn; wrap each describe-target-health output with its group ARN');
	}
	for (const {rec} of context.get('TargetGroups')) {
		const arn = rec.str('TargetGroupArn');
		if (!context.claim(arn)) continue;
		const targetType = rec.optStr('TargetType') === 'ip' ? 'ip' : 'instance';
		const targets: TargetGroup['targets'] = (health.get(arn) ?? []).flatMap(description => {
			const target = description.obj('Target');
			const id = target?.optStr('Id');
			return id ? [{target: id, port: target?.optNum('Port')}] : [];
		});
		context.out.targetGroups.push({
			id: arn,
			name: context.uniqueName(rec.optStr('TargetGroupName'), arn),
			protocol: (rec.optStr('Protocol') ?? 'TCP') as 'TCP',
			port: rec.optNum('Port') ?? 0,
			vpcId: rec.str('VpcId'),
			targetType,
			targets,
		});
	}
}

export function mapEndpointServices(context: ImportContext): void {
	const balancers = new Set(context.out.loadBalancers.map(lb => lb.id));
	for (const {rec} of context.get('ServiceConfigurations')) {
		const id = rec.str('ServiceId');
		const arns = [...rec.strings('NetworkLoadBalancerArns'), ...rec.strings('GatewayLoadBalancerArns')];
		const known = arns.filter(arn => balancers.has(arn));
		if (known.length === 0) {
			context.leave(id, 'endpoint service whose load balancers are not in the snapshot');
			continue;
		}
		if (!context.claim(id)) continue;
		const state = rec.optStr('ServiceState') ?? 'Available';
		context.out.endpointServices.push({
			...context.identity(rec, id),
			serviceName: rec.str('ServiceName'),
			loadBalancerIds: known,
			acceptanceRequired: rec.optBool('AcceptanceRequired') ?? false,
			allowedPrincipals: [],
			state: (['Pending', 'Available', 'Deleting', 'Deleted', 'Failed'].includes(state) ? state : 'Available') as 'Available',
		});
	}
}
