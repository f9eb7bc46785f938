// VPC-to-VPC and service rules: peering, VPC endpoints, load balancers, target groups and
// endpoint services (PrivateLink).
import {cidrsOverlap, formatCidr, isIpv4} from '../net/ipv4.js';
import {type AddressBook, checkGroupsInVpc} from './validate-addresses.js';
import {type Checker, type Subject, findRepeats, forEach, short} from './validate-context.js';
import {label} from './resources.js';
import type {Subnet, Vpc} from './types.js';

const deadPeering = new Set(['deleted', 'rejected', 'expired', 'failed']);

export function checkPeerings(checker: Checker): void {
	const pairs = new Map<string, Subject>();
	forEach(checker, 'peeringConnections', (pcx, subject) => {
		const requester = checker.ref(subject, 'requesterVpcId', pcx.requesterVpcId, 'vpc');
		const accepter = checker.ref(subject, 'accepterVpcId', pcx.accepterVpcId, 'vpc');
		if (pcx.requesterVpcId === pcx.accepterVpcId) {
			checker.report(subject, 'accepterVpcId', `requester and accepter are both ${pcx.accepterVpcId}; a peering connects two different VPCs`);
			return;
		}
		if (!requester || !accepter || deadPeering.has(pcx.status)) return;
		const overlap = firstOverlap(checker, requester, accepter);
		if (overlap) checker.report(subject, 'accepterVpcId', `${overlap}; peered VPCs must not overlap`);
		const pair = [requester.id, accepter.id].sort().join('|');
		const other = pairs.get(pair);
		if (other)
			checker.report(subject, '', `${label(other.resource)} already peers ${short(requester)} and ${short(accepter)}; there is at most one peering per VPC pair`);
		else pairs.set(pair, subject);
	});
}

/** `vpc-a 10.0.0.0/16 overlaps vpc-b 10.0.0.0/16`, or undefined. VPCs have a handful of blocks. */
export function firstOverlap(checker: Checker, a: Vpc, b: Vpc): string | undefined {
	for (const left of checker.vpcBlocks.get(a.id) ?? [])
		for (const right of checker.vpcBlocks.get(b.id) ?? [])
			if (cidrsOverlap(left, right)) return `${short(a)} ${formatCidr(left)} overlaps ${short(b)} ${formatCidr(right)}`;
	return undefined;
}

/**
 * Subnets listed by a resource that lives in one VPC with at most one subnet per AZ (interface
 * endpoints, load balancer nodes, TGW attachments, client VPN target networks). Returns the
 * subnets that resolved, by index, for address checks.
 */
export function checkZonalSubnets(checker: Checker, subject: Subject, fields: readonly string[], subnetIds: readonly string[], vpcId: string, what: string): Array<Subnet | undefined> {
	const subnets = subnetIds.map((id, i) => {
		const subnet = checker.ref(subject, fields[i]!, id, 'subnet');
		if (subnet && subnet.vpcId !== vpcId) {
			checker.report(subject, fields[i]!, `subnet ${label(subnet)} is in ${checker.vpcName(subnet.vpcId)}, not ${checker.vpcName(vpcId)}; ${what} must be in subnets of its own VPC`);
			return undefined;
		}
		return subnet;
	});
	findRepeats(
		subnets,
		subnet => subnet?.availabilityZone,
		(subnet, i, first) =>
			checker.report(subject, fields[i]!, `subnet ${label(subnet!)} is in ${subnet!.availabilityZone}, like ${label(first!)}; ${what} can use one subnet per availability zone`),
	);
	return subnets;
}

export function checkEndpoints(checker: Checker, book: AddressBook): void {
	forEach(checker, 'vpcEndpoints', (endpoint, subject) => {
		const vpc = checker.ref(subject, 'vpcId', endpoint.vpcId, 'vpc');
		if (endpoint.prefixListId !== undefined) checker.ref(subject, 'prefixListId', endpoint.prefixListId, 'prefix-list');
		checkGroupsInVpc(checker, subject, endpoint.securityGroupIds, vpc?.id);
		if (endpoint.type === 'gateway') {
			if (!/\.(s3|dynamodb)$/.test(endpoint.serviceName))
				checker.report(subject, 'serviceName', `serviceName ${endpoint.serviceName} has no gateway endpoint; gateway endpoints serve only S3 and DynamoDB (com.amazonaws.<region>.s3 or .dynamodb)`);
			if (endpoint.networkInterfaces.length > 0)
				checker.report(subject, 'networkInterfaces', 'is a gateway endpoint, which has no network interfaces; use an interface endpoint for those');
			endpoint.routeTableIds.forEach((id, i) => {
				const field = `routeTableIds[${i}]`;
				const table = checker.ref(subject, field, id, 'route-table');
				if (table && vpc && table.vpcId !== vpc.id)
					checker.report(subject, field, `route table ${label(table)} belongs to ${checker.vpcName(table.vpcId)}, not ${short(vpc)}; a gateway endpoint serves route tables of its own VPC`);
			});
			return;
		}
		if (endpoint.routeTableIds.length > 0)
			checker.report(subject, 'routeTableIds', 'is an interface endpoint, which is not added to route tables; leave routeTableIds empty');
		if (!vpc) return;
		const fields = endpoint.networkInterfaces.map((_, i) => `networkInterfaces[${i}].subnetId`);
		const subnets = checkZonalSubnets(checker, subject, fields, endpoint.networkInterfaces.map(eni => eni.subnetId), vpc.id, 'an interface endpoint');
		endpoint.networkInterfaces.forEach((eni, i) => {
			const subnet = subnets[i];
			if (subnet) book.private(subject, `networkInterfaces[${i}].privateIp`, subnet, eni.privateIp, {kind: 'VPC endpoint', resource: endpoint, part: `interface ${eni.id}`});
		});
	});
}

export function checkLoadBalancing(checker: Checker, book: AddressBook): void {
	forEach(checker, 'loadBalancers', (balancer, subject) => {
		const vpc = checker.ref(subject, 'vpcId', balancer.vpcId, 'vpc');
		checkGroupsInVpc(checker, subject, balancer.securityGroupIds, vpc?.id);
		balancer.listeners.forEach((listener, i) => checker.ref(subject, `listeners[${i}].targetGroupId`, listener.targetGroupId, 'target-group'));
		if (!vpc) return;
		const fields = balancer.nodes.map((_, i) => `nodes[${i}].subnetId`);
		const subnets = checkZonalSubnets(checker, subject, fields, balancer.nodes.map(node => node.subnetId), vpc.id, 'a load balancer');
		balancer.nodes.forEach((node, i) => {
			const subnet = subnets[i];
			if (subnet) book.private(subject, `nodes[${i}].privateIp`, subnet, node.privateIp, {kind: 'load balancer', resource: balancer, part: 'a node'});
		});
	});
	forEach(checker, 'targetGroups', (group, subject) => {
		checker.ref(subject, 'vpcId', group.vpcId, 'vpc');
		group.targets.forEach((target, i) => {
			const field = `targets[${i}].target`;
			if (group.targetType === 'instance') checker.ref(subject, field, target.target, 'instance');
			else if (!isIpv4(target.target))
				checker.report(subject, field, `target "${target.target}" is not an IPv4 address; targets of an ip target group are addresses`);
		});
	});
	forEach(checker, 'endpointServices', (service, subject) => {
		service.loadBalancerIds.forEach((id, i) => {
			const field = `loadBalancerIds[${i}]`;
			const balancer = checker.ref(subject, field, id, 'load-balancer');
			if (balancer && balancer.type === 'application')
				checker.report(subject, field, `load balancer ${label(balancer)} is an application load balancer; an endpoint service is fronted by a network or gateway load balancer`);
		});
	});
}
