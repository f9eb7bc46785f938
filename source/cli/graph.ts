// The picture of a topology that `vpcsim export --format mermaid|dot` draws: VPCs as boxes holding
// their subnets, gateways and endpoints; the links between networks (IGW, peering, TGW, VPN, DX,
// PrivateLink) as solid or dashed lines; and each subnet's routes to a gateway as dotted arrows, so
// the picture answers "which subnets are public, and where does their traffic leave".
import type {Topology, Vpc} from '../model/types.js';

export type NodeShape = 'box' | 'round' | 'cloud' | 'hexagon';

export type GraphNode = {id: string; label: string[]; shape: NodeShape};

export type GraphCluster = {id: string; label: string[]; nodes: GraphNode[]};

export type GraphEdge = {
	from: string;
	to: string;
	label?: string;
	/** link: a connection between two things; route: traffic from a subnet sent to a target. */
	kind: 'link' | 'route';
	/** A link that is not usable (pending, down, rejected) is drawn dashed. */
	inactive?: boolean;
};

export type Graph = {title: string; clusters: GraphCluster[]; nodes: GraphNode[]; edges: GraphEdge[]};

const INTERNET = 'internet';
const MAX_DESTINATIONS = 3;

const title = (resource: {id: string; name?: string}) => (resource.name && resource.name !== resource.id ? `${resource.name} (${resource.id})` : resource.id);

function describeDestinations(destinations: string[]): string {
	const shown = destinations.slice(0, MAX_DESTINATIONS).join(', ');
	return destinations.length > MAX_DESTINATIONS ? `${shown} +${destinations.length - MAX_DESTINATIONS} more` : shown;
}

export function buildGraph(topology: Topology): Graph {
	const clusters = new Map<string, GraphCluster>();
	const nodes: GraphNode[] = [];
	const edges: GraphEdge[] = [];
	const vpcById = new Map<string, Vpc>(topology.vpcs.map(vpc => [vpc.id, vpc]));
	const add = (node: GraphNode, vpcId?: string) => {
		const cluster = vpcId ? clusters.get(vpcId) : undefined;
		(cluster ? cluster.nodes : nodes).push(node);
	};
	const link = (from: string, to: string, label?: string, inactive = false) => edges.push({from, to, label, kind: 'link', inactive});

	for (const vpc of topology.vpcs)
		clusters.set(vpc.id, {id: vpc.id, label: [`VPC ${title(vpc)}`, `${vpc.cidrBlocks.join(', ')} · ${vpc.region}`], nodes: []});

	const instancesBySubnet = new Map<string, Set<string>>();
	for (const eni of topology.networkInterfaces) {
		if (!eni.instanceId) continue;
		const set = instancesBySubnet.get(eni.subnetId) ?? new Set<string>();
		set.add(eni.instanceId);
		instancesBySubnet.set(eni.subnetId, set);
	}
	for (const subnet of topology.subnets) {
		const count = instancesBySubnet.get(subnet.id)?.size ?? 0;
		const detail = `${subnet.cidr} · ${subnet.availabilityZone}${count > 0 ? ` · ${count} instance${count > 1 ? 's' : ''}` : ''}`;
		add({id: subnet.id, label: [`subnet ${title(subnet)}`, detail], shape: 'box'}, subnet.vpcId);
	}

	const gatewayKinds = new Set<string>();
	for (const igw of topology.internetGateways) {
		add({id: igw.id, label: [`internet gateway`, title(igw)], shape: 'hexagon'});
		gatewayKinds.add(igw.id);
		if (igw.vpcId) link(igw.id, igw.vpcId, 'attached');
	}
	for (const eigw of topology.egressOnlyInternetGateways) {
		add({id: eigw.id, label: ['egress-only IGW', title(eigw)], shape: 'hexagon'});
		gatewayKinds.add(eigw.id);
		link(eigw.id, eigw.vpcId, 'attached');
	}
	const subnetVpc = new Map(topology.subnets.map(subnet => [subnet.id, subnet.vpcId]));
	for (const nat of topology.natGateways) {
		const address = nat.publicIp ? `${nat.privateIp} / ${nat.publicIp}` : nat.privateIp;
		add({id: nat.id, label: [`NAT gateway ${title(nat)}`, `${nat.connectivity} · ${address} · in ${nat.subnetId}`], shape: 'round'}, subnetVpc.get(nat.subnetId));
		gatewayKinds.add(nat.id);
	}
	for (const endpoint of topology.vpcEndpoints) {
		add({id: endpoint.id, label: [`${endpoint.type} endpoint ${title(endpoint)}`, endpoint.serviceName], shape: 'round'}, endpoint.vpcId);
		gatewayKinds.add(endpoint.id);
	}
	for (const lb of topology.loadBalancers)
		add({id: lb.id, label: [`${lb.type} load balancer ${title(lb)}`, `${lb.scheme} · ${lb.listeners.map(l => `${l.protocol} ${l.port}`).join(', ') || 'no listeners'}`], shape: 'round'}, lb.vpcId);
	if (topology.internetGateways.length > 0 || topology.egressOnlyInternetGateways.length > 0 || topology.virtualInterfaces.some(v => v.type === 'public'))
		nodes.unshift({id: INTERNET, label: ['the internet'], shape: 'cloud'});
	for (const igw of [...topology.internetGateways, ...topology.egressOnlyInternetGateways]) link(INTERNET, igw.id);

	for (const vgw of topology.vpnGateways) {
		add({id: vgw.id, label: ['virtual private gateway', title(vgw)], shape: 'hexagon'});
		gatewayKinds.add(vgw.id);
		if (vgw.vpcId) link(vgw.id, vgw.vpcId, 'attached', vgw.state !== 'available');
	}
	for (const tgw of topology.transitGateways) {
		add({id: tgw.id, label: ['transit gateway', title(tgw)], shape: 'hexagon'});
		gatewayKinds.add(tgw.id);
	}
	for (const site of topology.sites) add({id: site.id, label: [`on-premises ${title(site)}`, site.cidrs.join(', ')], shape: 'cloud'});
	for (const cgw of topology.customerGateways) {
		add({id: cgw.id, label: ['customer gateway', title(cgw), cgw.ipAddress], shape: 'box'});
		if (cgw.siteId) link(cgw.siteId, cgw.id);
	}
	for (const dx of topology.dxConnections) {
		add({id: dx.id, label: ['Direct Connect', title(dx), dx.location ?? ''].filter(Boolean), shape: 'box'});
		if (dx.siteId) link(dx.siteId, dx.id, undefined, dx.state !== 'available');
	}
	for (const dxgw of topology.dxGateways) {
		add({id: dxgw.id, label: ['Direct Connect gateway', title(dxgw)], shape: 'hexagon'});
		for (const association of dxgw.associations)
			link(dxgw.id, association.gatewayId, association.allowedPrefixes.length > 0 ? `allowed ${describeDestinations(association.allowedPrefixes)}` : 'associated', association.state !== 'associated');
	}
	for (const vif of topology.virtualInterfaces) {
		const end = vif.dxGatewayId ?? vif.vpnGatewayId ?? (vif.type === 'public' ? INTERNET : undefined);
		if (end) link(vif.connectionId, end, `${vif.type} VIF ${vif.id}`, vif.state !== 'available');
	}
	for (const vpn of topology.vpnConnections) {
		const end = vpn.vpnGatewayId ?? vpn.transitGatewayId;
		const up = vpn.tunnels.filter(tunnel => tunnel.status === 'UP').length;
		const tunnels = vpn.tunnels.length > 0 ? `, ${up}/${vpn.tunnels.length} tunnels up` : '';
		if (end) link(vpn.customerGatewayId, end, `VPN ${vpn.id} (${vpn.routing}${tunnels})`, vpn.state !== 'available' || (vpn.tunnels.length > 0 && up === 0));
	}
	for (const attachment of topology.transitGatewayAttachments) {
		// A VPN attachment is drawn as its VPN connection, which names the customer gateway.
		if (attachment.type === 'vpn') continue;
		link(attachment.transitGatewayId, attachment.resourceId, `${attachment.type} attachment ${attachment.id}`, attachment.state !== 'available');
	}
	for (const pcx of topology.peeringConnections)
		link(pcx.requesterVpcId, pcx.accepterVpcId, `peering ${title(pcx)}${pcx.status === 'active' ? '' : ` (${pcx.status})`}`, pcx.status !== 'active');
	for (const client of topology.clientVpnEndpoints) {
		add({id: client.id, label: ['client VPN endpoint', title(client), `clients ${client.clientCidr}`], shape: 'box'});
		link(client.id, client.vpcId, `${client.targetNetworks.length} associated subnet${client.targetNetworks.length === 1 ? '' : 's'}`, client.state !== 'available');
	}
	for (const service of topology.endpointServices) {
		for (const endpoint of topology.vpcEndpoints) {
			if (endpoint.type !== 'interface' || endpoint.serviceName !== service.serviceName) continue;
			for (const lb of service.loadBalancerIds) edges.push({from: endpoint.id, to: lb, label: 'PrivateLink', kind: 'route', inactive: endpoint.state !== 'available'});
		}
	}

	addRouteEdges(topology, vpcById, gatewayKinds, edges);
	const known = new Set([...clusters.keys(), ...nodes.map(n => n.id), ...[...clusters.values()].flatMap(c => c.nodes.map(n => n.id))]);
	// An edge to a resource the topology lacks (an invalid file) would draw a phantom node.
	const drawn = edges.filter(edge => known.has(edge.from) && known.has(edge.to));
	return {title: topology.title ?? topology.name, clusters: [...clusters.values()], nodes, edges: drawn};
}

function addRouteEdges(topology: Topology, vpcById: Map<string, Vpc>, gateways: Set<string>, edges: GraphEdge[]): void {
	const mainTable = new Map(topology.routeTables.filter(table => table.main).map(table => [table.vpcId, table]));
	const tableById = new Map(topology.routeTables.map(table => [table.id, table]));
	const peerOf = new Map<string, {requesterVpcId: string; accepterVpcId: string}>(topology.peeringConnections.map(pcx => [pcx.id, pcx]));
	for (const subnet of topology.subnets) {
		const table = subnet.routeTableId ? tableById.get(subnet.routeTableId) : mainTable.get(subnet.vpcId);
		if (!table) continue;
		const byTarget = new Map<string, {destinations: string[]; via?: string; blackhole: boolean}>();
		for (const route of table.routes) {
			let target = route.target;
			let via: string | undefined;
			const pcx = peerOf.get(target);
			if (pcx) {
				via = target;
				target = pcx.requesterVpcId === subnet.vpcId ? pcx.accepterVpcId : pcx.requesterVpcId;
				if (!vpcById.has(target)) continue;
			} else if (!gateways.has(target)) continue;
			const entry = byTarget.get(target) ?? {destinations: [], via, blackhole: false};
			entry.destinations.push(route.destinationCidr ?? route.destinationPrefixListId ?? '?');
			entry.blackhole ||= route.state === 'blackhole';
			byTarget.set(target, entry);
		}
		for (const [target, entry] of byTarget) {
			const label = `${describeDestinations(entry.destinations)}${entry.via ? ` via ${entry.via}` : ''}${entry.blackhole ? ' (blackhole)' : ''}`;
			edges.push({from: subnet.id, to: target, label, kind: 'route', inactive: entry.blackhole});
		}
	}
}
