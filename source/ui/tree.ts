// The Resources tree, built once per topology (it is the costly part: a pass over every resource)
// and flattened per key press into the rows that are visible, which only walks expanded nodes.
import type {ResourceKind} from '../model/resources.js';
import type {Topology} from '../model/types.js';

export type TreeNode = {
	/** Unique per tree: the resource id, or `group:<name>` for a folder node. */
	readonly key: string;
	/** The resource the node stands for; absent for folders. */
	readonly resourceId?: string;
	readonly kind: ResourceKind | 'group';
	readonly label: string;
	/** Short facts after the label: a CIDR, an address, a state. */
	readonly detail: string;
	readonly children: TreeNode[];
};

export type TreeRow = {
	readonly node: TreeNode;
	readonly depth: number;
	readonly expanded: boolean;
	/** The keys of the ancestors, nearest last (collapse on a leaf goes to its parent). */
	readonly parentKey?: string;
};

function named(resource: {id: string; name?: string}): string {
	return resource.name ?? resource.id;
}

function node(key: string, kind: TreeNode['kind'], label: string, detail: string, resourceId?: string): TreeNode {
	return {key, kind, label, detail, resourceId, children: []};
}

function group(key: string, label: string, children: TreeNode[]): TreeNode {
	return {key: `group:${key}`, kind: 'group', label, detail: String(children.length), children};
}

/** `1 route`, `3 routes`. */
export function count(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** VPC > subnets > instances, interfaces, NAT gateways, endpoint interfaces; then gateways and links. */
export function buildTree(topology: Topology): TreeNode[] {
	const bySubnet = new Map<string, TreeNode[]>();
	const byVpc = new Map<string, TreeNode[]>();

	// An instance sits in the subnet of its primary interface.
	const primaryEni = new Map<string, {subnetId: string; privateIp: string; publicIp?: string; deviceIndex?: number}>();
	for (const eni of topology.networkInterfaces) {
		if (!eni.instanceId) continue;
		const known = primaryEni.get(eni.instanceId);
		if (!known || (eni.deviceIndex ?? 99) < (known.deviceIndex ?? 99)) primaryEni.set(eni.instanceId, eni);
	}
	const unplaced: TreeNode[] = [];
	for (const instance of topology.instances) {
		const eni = primaryEni.get(instance.id);
		const detail = [eni?.privateIp, eni?.publicIp, instance.state === 'running' ? '' : instance.state].filter(Boolean).join(' ');
		const item = node(instance.id, 'instance', named(instance), detail, instance.id);
		if (eni) push(bySubnet, eni.subnetId, item);
		else unplaced.push(item);
	}
	for (const eni of topology.networkInterfaces) {
		if (eni.instanceId) continue;
		push(bySubnet, eni.subnetId, node(eni.id, 'network-interface', named(eni), [eni.privateIp, eni.publicIp].filter(Boolean).join(' '), eni.id));
	}
	for (const nat of topology.natGateways)
		push(bySubnet, nat.subnetId, node(nat.id, 'nat-gateway', named(nat), `NAT ${nat.connectivity} ${nat.publicIp ?? nat.privateIp}`, nat.id));
	for (const endpoint of topology.vpcEndpoints) {
		if (endpoint.type === 'gateway') {
			push(byVpc, endpoint.vpcId, node(endpoint.id, 'vpc-endpoint', named(endpoint), `gateway endpoint ${endpoint.serviceName}`, endpoint.id));
			continue;
		}
		for (const eni of endpoint.networkInterfaces)
			push(bySubnet, eni.subnetId, node(`${endpoint.id}#${eni.id}`, 'vpc-endpoint', named(endpoint), `interface endpoint ${eni.privateIp}`, endpoint.id));
	}
	for (const lb of topology.loadBalancers)
		push(byVpc, lb.vpcId, node(lb.id, 'load-balancer', named(lb), `${lb.type} load balancer, ${lb.scheme}`, lb.id));
	for (const client of topology.clientVpnEndpoints)
		push(byVpc, client.vpcId, node(client.id, 'client-vpn-endpoint', named(client), `client VPN ${client.clientCidr}`, client.id));
	for (const igw of topology.internetGateways)
		if (igw.vpcId) push(byVpc, igw.vpcId, node(igw.id, 'internet-gateway', named(igw), 'internet gateway', igw.id));
	for (const eigw of topology.egressOnlyInternetGateways)
		push(byVpc, eigw.vpcId, node(eigw.id, 'egress-only-internet-gateway', named(eigw), 'egress-only internet gateway', eigw.id));
	for (const vgw of topology.vpnGateways)
		if (vgw.vpcId) push(byVpc, vgw.vpcId, node(vgw.id, 'vpn-gateway', named(vgw), `virtual private gateway ${vgw.state === 'available' ? '' : vgw.state}`.trim(), vgw.id));
	// Counted as Routes lists them: with the local route of each VPC block, spelled out or not.
	const blocksOf = new Map(topology.vpcs.map(vpc => [vpc.id, vpc.cidrBlocks]));
	const shownRoutes = (table: Topology['routeTables'][number]) =>
		table.routes.length + (blocksOf.get(table.vpcId) ?? []).filter(block => !table.routes.some(route => route.target === 'local' && route.destinationCidr === block)).length;
	for (const table of topology.routeTables)
		push(byVpc, table.vpcId, node(table.id, 'route-table', named(table), `route table${table.main ? ' (main)' : ''}, ${count(shownRoutes(table), 'route')}`, table.id));
	for (const sg of topology.securityGroups)
		push(byVpc, sg.vpcId, node(sg.id, 'security-group', named(sg), `security group, ${sg.ingress.length} in / ${sg.egress.length} out`, sg.id));
	for (const acl of topology.networkAcls)
		push(byVpc, acl.vpcId, node(acl.id, 'network-acl', named(acl), `network ACL${acl.isDefault ? ' (default)' : ''}`, acl.id));

	const subnetsByVpc = new Map<string, TreeNode[]>();
	for (const subnet of topology.subnets) {
		const item = node(subnet.id, 'subnet', named(subnet), `${subnet.cidr} ${subnet.availabilityZone}`, subnet.id);
		item.children.push(...(bySubnet.get(subnet.id) ?? []));
		push(subnetsByVpc, subnet.vpcId, item);
	}

	const roots: TreeNode[] = [];
	for (const vpc of topology.vpcs) {
		const item = node(vpc.id, 'vpc', named(vpc), `${vpc.cidrBlocks.join(' ')} ${vpc.region}`, vpc.id);
		item.children.push(...(subnetsByVpc.get(vpc.id) ?? []), ...(byVpc.get(vpc.id) ?? []));
		roots.push(item);
	}
	if (unplaced.length > 0) roots.push(group('unplaced', 'Instances without an interface', unplaced));

	const tgws = topology.transitGateways.map(tgw => {
		const item = node(tgw.id, 'transit-gateway', named(tgw), `transit gateway${tgw.asn ? ` ASN ${tgw.asn}` : ''}`, tgw.id);
		for (const attachment of topology.transitGatewayAttachments)
			if (attachment.transitGatewayId === tgw.id)
				item.children.push(node(attachment.id, 'transit-gateway-attachment', named(attachment), `${attachment.type} ${attachment.resourceId} ${attachment.state === 'available' ? '' : attachment.state}`.trim(), attachment.id));
		for (const table of topology.transitGatewayRouteTables)
			if (table.transitGatewayId === tgw.id)
				item.children.push(node(table.id, 'transit-gateway-route-table', named(table), `TGW route table, ${count(table.routes.length, 'route')}`, table.id));
		return item;
	});
	const links: Array<[string, string, TreeNode[]]> = [
		['peering', 'Peering', topology.peeringConnections.map(pcx => node(pcx.id, 'peering-connection', named(pcx), `${pcx.requesterVpcId} ↔ ${pcx.accepterVpcId} ${pcx.status}`, pcx.id))],
		['tgw', 'Transit gateways', tgws],
		['vpn', 'Site-to-site VPN', [
			...topology.vpnConnections.map(vpn => node(vpn.id, 'vpn-connection', named(vpn), `${vpn.customerGatewayId} → ${vpn.vpnGatewayId ?? vpn.transitGatewayId ?? '?'} ${vpn.routing} ${vpn.tunnels.map(t => t.status).join('/')}`, vpn.id)),
			...topology.customerGateways.map(cgw => node(cgw.id, 'customer-gateway', named(cgw), `customer gateway ${cgw.ipAddress}`, cgw.id)),
		]],
		['dx', 'Direct Connect', [
			...topology.dxConnections.map(dx => node(dx.id, 'dx-connection', named(dx), `connection ${dx.location ?? ''} ${dx.state}`.trim(), dx.id)),
			...topology.dxGateways.map(dxgw => node(dxgw.id, 'dx-gateway', named(dxgw), `DX gateway, ${dxgw.associations.map(a => a.gatewayId).join(', ')}`, dxgw.id)),
			...topology.virtualInterfaces.map(vif => node(vif.id, 'virtual-interface', named(vif), `${vif.type} VIF → ${vif.dxGatewayId ?? vif.vpnGatewayId ?? '?'}`, vif.id)),
		]],
		['privatelink', 'Endpoint services', topology.endpointServices.map(service => node(service.id, 'endpoint-service', named(service), service.serviceName, service.id))],
		['sites', 'On-premises sites', topology.sites.map(site => node(site.id, 'site', named(site), site.cidrs.join(' '), site.id))],
		['gateways', 'Detached gateways', [
			...topology.internetGateways.filter(igw => !igw.vpcId).map(igw => node(igw.id, 'internet-gateway', named(igw), 'internet gateway, detached', igw.id)),
			...topology.vpnGateways.filter(vgw => !vgw.vpcId).map(vgw => node(vgw.id, 'vpn-gateway', named(vgw), 'virtual private gateway, detached', vgw.id)),
		]],
		['prefix-lists', 'Prefix lists', topology.prefixLists.map(list => node(list.id, 'prefix-list', named(list), `${list.ownership} ${count(list.cidrs.length, 'block')}`, list.id))],
	];
	for (const [key, label, children] of links) if (children.length > 0) roots.push(group(key, label, children));
	return roots;
}

/** Which nodes start open: all of a small topology, only the top level of a large one. */
export function initialExpanded(roots: readonly TreeNode[], budget = 200): Set<string> {
	const open = new Set<string>();
	let shown = roots.length;
	const queue = [...roots];
	while (queue.length > 0) {
		const item = queue.shift()!;
		if (item.children.length === 0 || shown + item.children.length > budget) continue;
		open.add(item.key);
		shown += item.children.length;
		queue.push(...item.children);
	}
	return open;
}

function matches(item: TreeNode, needle: string): boolean {
	return item.label.toLowerCase().includes(needle) || item.detail.toLowerCase().includes(needle) || (item.resourceId?.toLowerCase().includes(needle) ?? false);
}

/** The visible rows. With a filter: the matching nodes and their ancestors, all open. */
export function flattenTree(roots: readonly TreeNode[], expanded: ReadonlySet<string>, filter = ''): TreeRow[] {
	const rows: TreeRow[] = [];
	const needle = filter.trim().toLowerCase();
	if (!needle) {
		const walk = (items: readonly TreeNode[], depth: number, parentKey?: string) => {
			for (const item of items) {
				const open = expanded.has(item.key);
				rows.push({node: item, depth, expanded: open, parentKey});
				if (open) walk(item.children, depth + 1, item.key);
			}
		};
		walk(roots, 0);
		return rows;
	}
	const walk = (items: readonly TreeNode[], depth: number, parentKey?: string): boolean => {
		let any = false;
		for (const item of items) {
			const at = rows.length;
			rows.push({node: item, depth, expanded: true, parentKey});
			const below = walk(item.children, depth + 1, item.key);
			if (below || matches(item, needle)) any = true;
			else rows.length = at;
		}
		return any;
	};
	walk(roots, 0);
	return rows;
}

/** The keys from a root down to the first node standing for the resource, or undefined. */
export function pathTo(roots: readonly TreeNode[], resourceId: string): string[] | undefined {
	const walk = (items: readonly TreeNode[], trail: string[]): string[] | undefined => {
		for (const item of items) {
			if (item.resourceId === resourceId) return [...trail, item.key];
			const found = walk(item.children, [...trail, item.key]);
			if (found) return found;
		}
		return undefined;
	};
	return walk(roots, []);
}

/** The tree opened down to a resource, and the row it is on then; undefined when the tree does not hold it. */
export function revealIn(roots: readonly TreeNode[], expanded: ReadonlySet<string>, resourceId: string): {expanded: Set<string>; index: number} | undefined {
	const path = pathTo(roots, resourceId);
	if (!path) return undefined;
	const opened = new Set(expanded);
	for (const key of path.slice(0, -1)) opened.add(key);
	const index = flattenTree(roots, opened).findIndex(row => row.node.key === path[path.length - 1]);
	return {expanded: opened, index: Math.max(0, index)};
}
