// A snapshot is rarely complete: a route may name a peering in an account that was not collected,
// a subnet's VPC may be missing. Mend what can be mended the conservative way (a route to an
// unknown target stops traffic rather than letting it fall to a wider route) and say so.
import type {ImportContext} from './context.js';


export function mendReferences(context: ImportContext): void {
	const {out} = context;
	const vpcIds = new Set(out.vpcs.map(vpc => vpc.id));
	out.subnets = out.subnets.filter(subnet => keep(context, vpcIds.has(subnet.vpcId), subnet.id, `its VPC ${subnet.vpcId} is not in the snapshot`));
	// A partial snapshot can hold a VPC's tables, groups or balancers without the VPC itself.
	const inKnownVpc = <T extends {id: string; vpcId: string}>(list: T[], what: string): T[] =>
		list.filter(item => keep(context, vpcIds.has(item.vpcId), item.id, `its VPC ${item.vpcId} is not in the snapshot (${what})`));
	out.routeTables = inKnownVpc(out.routeTables, 'route table');
	out.securityGroups = inKnownVpc(out.securityGroups, 'security group');
	out.networkAcls = inKnownVpc(out.networkAcls, 'network ACL');
	out.egressOnlyInternetGateways = inKnownVpc(out.egressOnlyInternetGateways, 'egress-only internet gateway');
	out.vpcEndpoints = inKnownVpc(out.vpcEndpoints, 'VPC endpoint');
	out.loadBalancers = inKnownVpc(out.loadBalancers, 'load balancer');
	out.targetGroups = inKnownVpc(out.targetGroups, 'target group');
	out.clientVpnEndpoints = inKnownVpc(out.clientVpnEndpoints, 'client VPN endpoint');
	for (const gateway of [...out.internetGateways, ...out.vpnGateways]) {
		if (gateway.vpcId && !vpcIds.has(gateway.vpcId)) {
			context.note(gateway.id, `attached to ${gateway.vpcId}, which is not in the snapshot; imported detached`, 'Attachments');
			gateway.vpcId = undefined;
		}
	}
	mendBalancers(context);
	const subnetIds = new Set(out.subnets.map(subnet => subnet.id));
	out.networkInterfaces = out.networkInterfaces.filter(eni => keep(context, subnetIds.has(eni.subnetId), eni.id, `its subnet ${eni.subnetId} is not in the snapshot`));
	const groupIds = new Set(out.securityGroups.map(group => group.id));
	for (const eni of out.networkInterfaces) {
		const missing = eni.securityGroupIds.filter(id => !groupIds.has(id));
		if (missing.length > 0) {
			eni.securityGroupIds = eni.securityGroupIds.filter(id => groupIds.has(id));
			context.note(eni.id, `security group ${missing.join(', ')} is not in the snapshot; left off the interface`, 'Groups');
		}
	}
	const withPrimary = new Set(out.networkInterfaces.filter(eni => eni.instanceId && eni.deviceIndex === 0).map(eni => eni.instanceId));
	out.instances = out.instances.filter(instance => keep(context, withPrimary.has(instance.id), instance.id, 'its primary interface could not be imported'));
	const tgwIds = new Set(out.transitGateways.map(tgw => tgw.id));
	out.transitGatewayAttachments = out.transitGatewayAttachments.filter(a => keep(context, tgwIds.has(a.transitGatewayId), a.id, `transit gateway ${a.transitGatewayId} is not in the snapshot`));
	out.transitGatewayRouteTables = out.transitGatewayRouteTables.filter(t => keep(context, tgwIds.has(t.transitGatewayId), t.id, `transit gateway ${t.transitGatewayId} is not in the snapshot`));
	mendRouteTargets(context);
	mendTransitGatewayReferences(context);
	standInDefaults(context);
}

/** TGW tables may name attachments that were deleted or belong to an account not collected. */
function mendTransitGatewayReferences(context: ImportContext): void {
	const {out} = context;
	const attachments = new Map(out.transitGatewayAttachments.map(a => [a.id, a]));
	const tables = new Set(out.transitGatewayRouteTables.map(t => t.id));
	for (const attachment of out.transitGatewayAttachments) {
		if (attachment.associatedRouteTableId && !tables.has(attachment.associatedRouteTableId)) {
			context.note(attachment.id, `associated route table ${attachment.associatedRouteTableId} is not in the snapshot; left unassociated`, 'Association');
			attachment.associatedRouteTableId = undefined;
		}
	}
	for (const table of out.transitGatewayRouteTables) {
		const sameTgw = (id: string) => attachments.get(id)?.transitGatewayId === table.transitGatewayId;
		const dropped = table.propagations.filter(id => !sameTgw(id));
		if (dropped.length > 0) {
			table.propagations = table.propagations.filter(sameTgw);
			context.note(table.id, `propagation from ${dropped.join(', ')} left out: not an attachment in the snapshot`, 'Propagations');
		}
		for (const route of table.routes) {
			if (route.state === 'blackhole' || (route.attachmentId && sameTgw(route.attachmentId))) continue;
			context.note(table.id, `route ${route.destinationCidr ?? route.destinationPrefixListId} -> ${route.attachmentId ?? 'nothing'}: the attachment is not in the snapshot; imported as a blackhole`, 'Routes');
			route.state = 'blackhole';
			route.attachmentId = undefined;
		}
	}
}

/** Listeners, targets and endpoint services follow the balancers and groups that were kept. */
function mendBalancers(context: ImportContext): void {
	const {out} = context;
	const groups = new Set(out.targetGroups.map(group => group.id));
	const instances = new Set(out.instances.map(instance => instance.id));
	for (const balancer of out.loadBalancers) {
		const kept = balancer.listeners.filter(listener => groups.has(listener.targetGroupId));
		if (kept.length < balancer.listeners.length) context.note(balancer.id, 'a listener forwarding to a target group not in the snapshot was left out', 'Listeners');
		balancer.listeners = kept;
	}
	for (const group of out.targetGroups) {
		if (group.targetType !== 'instance') continue;
		const kept = group.targets.filter(target => instances.has(target.target));
		if (kept.length < group.targets.length) context.note(group.id, 'targets that are not running instances in the snapshot were left out', 'Targets');
		group.targets = kept;
	}
	const balancers = new Set(out.loadBalancers.map(balancer => balancer.id));
	out.endpointServices = out.endpointServices.filter(service => {
		service.loadBalancerIds = service.loadBalancerIds.filter(id => balancers.has(id));
		return keep(context, service.loadBalancerIds.length > 0, service.id, 'none of its load balancers is in the snapshot');
	});
}

function keep(context: ImportContext, ok: boolean, id: string, why: string): boolean {
	if (!ok) context.leave(id, why);
	return ok;
}

/** Active routes must lead somewhere this VPC can use; otherwise they become blackholes, with a note. */
function mendRouteTargets(context: ImportContext): void {
	const {out} = context;
	const usable = new Map<string, Set<string>>(); // target id -> VPCs that may use it
	const allow = (id: string, vpcId: string | undefined) => {
		if (!vpcId) return;
		usable.set(id, (usable.get(id) ?? new Set()).add(vpcId));
	};
	const subnetVpc = new Map(out.subnets.map(subnet => [subnet.id, subnet.vpcId]));
	for (const igw of out.internetGateways) allow(igw.id, igw.vpcId);
	for (const eigw of out.egressOnlyInternetGateways) allow(eigw.id, eigw.vpcId);
	for (const nat of out.natGateways) allow(nat.id, subnetVpc.get(nat.subnetId));
	for (const pcx of out.peeringConnections) {
		allow(pcx.id, pcx.requesterVpcId);
		allow(pcx.id, pcx.accepterVpcId);
	}
	for (const attachment of out.transitGatewayAttachments) if (attachment.type === 'vpc') allow(attachment.transitGatewayId, attachment.resourceId);
	for (const vgw of out.vpnGateways) allow(vgw.id, vgw.vpcId);
	for (const endpoint of out.vpcEndpoints) if (endpoint.type === 'gateway') allow(endpoint.id, endpoint.vpcId);
	for (const eni of out.networkInterfaces) {
		allow(eni.id, subnetVpc.get(eni.subnetId));
		if (eni.instanceId) allow(eni.instanceId, subnetVpc.get(eni.subnetId));
	}
	const prefixLists = new Set(out.prefixLists.map(list => list.id));
	for (const table of out.routeTables) {
		for (const route of table.routes) {
			const destination = route.destinationCidr ?? route.destinationPrefixListId;
			if (route.destinationPrefixListId && !prefixLists.has(route.destinationPrefixListId)) {
				route.state = 'blackhole';
				context.note(table.id, `route ${destination} -> ${route.target}: prefix list not in the snapshot; imported as a blackhole`, 'Routes');
				continue;
			}
			if (route.state === 'blackhole' || usable.get(route.target)?.has(table.vpcId)) continue;
			route.state = 'blackhole';
			context.note(table.id, `route ${destination} -> ${route.target}: the target is not in the snapshot or not usable from ${table.vpcId}; imported as a blackhole`, 'Routes');
		}
		const vgws = new Set(out.vpnGateways.filter(vgw => vgw.vpcId === table.vpcId).map(vgw => vgw.id));
		table.propagatingVgwIds = table.propagatingVgwIds.filter(id => vgws.has(id));
		const gateways = new Set([...out.internetGateways, ...out.vpnGateways].filter(g => g.vpcId === table.vpcId).map(g => g.id));
		table.gatewayIds = table.gatewayIds.filter(id => gateways.has(id));
	}
}

/** AWS always has a main route table and a default ACL; a partial snapshot may not. */
function standInDefaults(context: ImportContext): void {
	const {out} = context;
	for (const vpc of out.vpcs) {
		if (!out.subnets.some(subnet => subnet.vpcId === vpc.id)) continue;
		if (!out.routeTables.some(table => table.vpcId === vpc.id && table.main)) {
			const id = `rtb-main-${vpc.id}`;
			context.claim(id);
			out.routeTables.push({id, vpcId: vpc.id, main: true, routes: [], propagatingVgwIds: [], gatewayIds: []});
			context.note(id, `no main route table for ${vpc.id} in the snapshot; an empty one (local routes only) stands in`);
		}
		const needsAcl = out.subnets.some(subnet => subnet.vpcId === vpc.id && !subnet.networkAclId);
		if (needsAcl && !out.networkAcls.some(acl => acl.vpcId === vpc.id && acl.isDefault)) {
			const id = `acl-default-${vpc.id}`;
			context.claim(id);
			const allowAll = [{ruleNumber: 100, protocol: 'all' as const, cidr: '0.0.0.0/0', action: 'allow' as const}];
			out.networkAcls.push({id, vpcId: vpc.id, isDefault: true, inbound: allowAll, outbound: allowAll});
			context.note(id, `no default network ACL for ${vpc.id} in the snapshot; AWS's default (allow all) stands in`);
		}
	}
}
