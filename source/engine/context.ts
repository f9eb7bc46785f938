// prepare(): compiles a topology once into the indexes a trace needs (address ownership by
// longest prefix, per-VPC address maps, route tables with prefix lists expanded and local routes
// added, SG and NACL rules with integer fields), so that trace() does no string parsing.
import {parseCidr, parseIpv4, type Cidr} from '../net/ipv4.js';
import {LpmIndex} from '../net/lpm.js';
import {indexResources} from '../model/resources.js';
import type {Topology} from '../model/types.js';
import type {EphemeralRange, Iface, SiteC, SubnetC, TargetKind, TraceContext, VpcC} from './compiled.js';
import {compileAcl} from './hops/network-acl.js';
import {compileRouteTable} from './hops/route-table.js';
import {compileGroups} from './hops/security-group.js';
import {NAT_PORTS} from './hops/nat-gateway.js';

export const LINUX_PORTS: EphemeralRange = {from: 32768, to: 60999, who: 'Linux'};
export const WINDOWS_PORTS: EphemeralRange = {from: 49152, to: 65535, who: 'Windows'};
/** Internet and on-premises hosts: the widest range AWS tells ACL writers to allow. */
export const INTERNET_PORTS: EphemeralRange = {from: 1024, to: 65535, who: 'internet host'};
export const SITE_PORTS: EphemeralRange = {from: 1024, to: 65535, who: 'on-premises host'};
/** An interface endpoint never starts a connection; this only fills the field. */
const ENDPOINT_PORTS: EphemeralRange = {from: 1024, to: 65535, who: 'endpoint'};

const targetKindOf: Record<string, TargetKind> = {
	'internet-gateway': 'internet-gateway',
	'egress-only-internet-gateway': 'egress-only-internet-gateway',
	'nat-gateway': 'nat-gateway',
	'peering-connection': 'peering-connection',
	'vpc-endpoint': 'vpc-endpoint',
	'network-interface': 'network-interface',
	instance: 'instance',
	'transit-gateway': 'transit-gateway',
	'vpn-gateway': 'vpn-gateway',
};

function address(text: string): number {
	return parseIpv4(text) ?? 0;
}

/** A compiler of more indexes, run at the end of prepare() with the context built so far. */
export type ContextExtension = (topology: Topology, ctx: TraceContext) => unknown;

const extensionCompilers = new Map<string, ContextExtension>();

/** How a later part of the engine adds its own indexes to every prepared context. */
export function registerContextExtension(name: string, compile: ContextExtension): void {
	extensionCompilers.set(name, compile);
}

export function prepare(topology: Topology): TraceContext {
	const resources = indexResources(topology);
	const cidrCache = new Map<string, Cidr>();
	const parse = (text: string): Cidr => {
		let cidr = cidrCache.get(text);
		if (!cidr) {
			cidr = parseCidr(text, {allowHostBits: true});
			cidrCache.set(text, cidr);
		}
		return cidr;
	};
	const prefixLists = new Map(topology.prefixLists.map(list => [list.id, {id: list.id, list, cidrs: list.cidrs.map(parse)}]));
	const targetKinds = new Map<string, TargetKind>();
	const targetKind = (target: string): TargetKind => {
		let kind = targetKinds.get(target);
		if (!kind) {
			const entry = resources.byId.get(target);
			kind = (entry && targetKindOf[entry.kind]) ?? 'unknown';
			targetKinds.set(target, kind);
		}
		return kind;
	};

	const vpcs = new Map<string, VpcC>();
	const vpcByAddress = new LpmIndex<VpcC>();
	for (const vpc of topology.vpcs) {
		const compiled: VpcC = {id: vpc.id, vpc, blocks: vpc.cidrBlocks.map(parse), subnets: new LpmIndex(), byAddress: new Map(), routeTables: [], peers: []};
		vpcs.set(vpc.id, compiled);
		for (const block of compiled.blocks) vpcByAddress.insert(block, compiled);
	}
	const igws = new Map(topology.internetGateways.map(igw => [igw.id, igw]));
	for (const igw of topology.internetGateways) {
		const vpc = igw.vpcId ? vpcs.get(igw.vpcId) : undefined;
		if (vpc) vpc.igw = igw;
	}
	const peerings = new Map(topology.peeringConnections.map(pcx => [pcx.id, pcx]));
	for (const pcx of topology.peeringConnections) {
		const a = vpcs.get(pcx.requesterVpcId);
		const b = vpcs.get(pcx.accepterVpcId);
		if (!a || !b || pcx.status !== 'active') continue;
		a.peers.push({vpc: b, pcx});
		b.peers.push({vpc: a, pcx});
	}

	const groups = compileGroups(topology.securityGroups, parse, id => prefixLists.get(id));
	for (const group of groups.values()) {
		const vpc = vpcs.get(group.vpcId);
		if (vpc && group.sg.isDefault) vpc.defaultSg = group;
	}
	const acls = new Map(topology.networkAcls.map(acl => [acl.id, compileAcl(acl, parse)]));
	const defaultAcls = new Map(topology.networkAcls.filter(acl => acl.isDefault).map(acl => [acl.vpcId, acls.get(acl.id)!]));

	const routeTables = new Map<string, ReturnType<typeof compileRouteTable>>();
	const gatewayTables = new Map<string, ReturnType<typeof compileRouteTable>>();
	for (const table of topology.routeTables) {
		const vpc = vpcs.get(table.vpcId);
		if (!vpc) continue;
		const compiled = compileRouteTable(table, vpc, {parse, prefixList: id => prefixLists.get(id), targetKind});
		routeTables.set(table.id, compiled);
		vpc.routeTables.push(compiled);
		if (table.main) vpc.mainTable = compiled;
		for (const gateway of table.gatewayIds) gatewayTables.set(gateway, compiled);
	}

	const subnets = new Map<string, SubnetC>();
	for (const subnet of topology.subnets) {
		const vpc = vpcs.get(subnet.vpcId);
		if (!vpc) continue;
		const compiled: SubnetC = {
			id: subnet.id,
			subnet,
			vpc,
			cidr: parse(subnet.cidr),
			table: subnet.routeTableId ? routeTables.get(subnet.routeTableId) : vpc.mainTable,
			acl: subnet.networkAclId ? acls.get(subnet.networkAclId) : defaultAcls.get(vpc.id),
		};
		subnets.set(subnet.id, compiled);
		vpc.subnets.insert(compiled.cidr, compiled);
	}

	const ifaces = new Map<string, Iface>();
	const instances = new Map<string, Iface>();
	const byPublicIp = new Map<number, Iface>();
	const add = (iface: Iface): void => {
		ifaces.set(iface.id, iface);
		for (const a of iface.addresses) if (!iface.vpc.byAddress.has(a)) iface.vpc.byAddress.set(a, iface);
		if (iface.publicIp !== undefined) byPublicIp.set(iface.publicIp, iface);
	};
	const groupsOf = (ids: readonly string[], vpc: VpcC) => {
		const found = ids.map(id => groups.get(id)).filter(g => g !== undefined);
		// An interface created without a group gets its VPC's default group.
		return ids.length === 0 && vpc.defaultSg ? [vpc.defaultSg] : found;
	};
	const instanceById = new Map(topology.instances.map(instance => [instance.id, instance]));
	const primary = new Map<string, {index: number; iface: Iface}>();
	for (const eni of topology.networkInterfaces) {
		const subnet = subnets.get(eni.subnetId);
		if (!subnet) continue;
		const instance = eni.instanceId ? instanceById.get(eni.instanceId) : undefined;
		const own = address(eni.privateIp);
		const iface: Iface = {
			id: eni.id,
			kind: 'interface',
			component: instance?.id ?? eni.id,
			componentType: instance ? 'instance' : 'network-interface',
			vpc: subnet.vpc,
			subnet,
			address: own,
			addresses: [own, ...eni.secondaryPrivateIps.map(address)],
			publicIp: eni.publicIp === undefined ? undefined : address(eni.publicIp),
			groups: groupsOf(eni.securityGroupIds, subnet.vpc),
			sourceDestCheck: eni.sourceDestCheck,
			running: !instance || instance.state === 'running',
			instance,
			ephemeral: instance?.platform === 'windows' ? WINDOWS_PORTS : LINUX_PORTS,
		};
		add(iface);
		if (instance) {
			const index = eni.deviceIndex ?? Number.MAX_SAFE_INTEGER;
			const current = primary.get(instance.id);
			if (!current || index < current.index) primary.set(instance.id, {index, iface});
		}
	}
	for (const [id, {iface}] of primary) instances.set(id, iface);

	const nats = new Map(topology.natGateways.map(nat => [nat.id, nat]));
	for (const nat of topology.natGateways) {
		const subnet = subnets.get(nat.subnetId);
		if (!subnet) continue;
		const own = address(nat.privateIp);
		const publicIp = nat.connectivity === 'public' && nat.publicIp ? address(nat.publicIp) : undefined;
		add({id: nat.id, kind: 'nat-gateway', component: nat.id, componentType: 'nat-gateway', vpc: subnet.vpc, subnet, address: own, addresses: [own], publicIp, groups: [], sourceDestCheck: false, running: true, nat, ephemeral: NAT_PORTS});
	}
	const endpoints = new Map(topology.vpcEndpoints.map(endpoint => [endpoint.id, endpoint]));
	for (const endpoint of topology.vpcEndpoints) {
		for (const eni of endpoint.networkInterfaces) {
			const subnet = subnets.get(eni.subnetId);
			if (!subnet) continue;
			const own = address(eni.privateIp);
			add({
				id: eni.id,
				kind: 'endpoint',
				component: endpoint.id,
				componentType: 'vpc-endpoint',
				vpc: subnet.vpc,
				subnet,
				address: own,
				addresses: [own],
				groups: groupsOf(endpoint.securityGroupIds, subnet.vpc),
				sourceDestCheck: true,
				running: endpoint.state === 'available',
				endpoint,
				ephemeral: ENDPOINT_PORTS,
			});
		}
	}

	const siteByAddress = new LpmIndex<SiteC>();
	const sites = new Map<string, SiteC>();
	for (const site of topology.sites) {
		const compiled: SiteC = {id: site.id, site, cidrs: site.cidrs.map(parse)};
		sites.set(site.id, compiled);
		for (const cidr of compiled.cidrs) siteByAddress.insert(cidr, compiled);
	}

	const ctx: TraceContext = {
		topology,
		resources,
		vpcs,
		vpcByAddress,
		siteByAddress,
		sites,
		subnets,
		routeTables,
		gatewayTables,
		acls,
		groups,
		ifaces,
		instances,
		byPublicIp,
		igws,
		nats,
		peerings,
		endpoints,
		prefixLists,
		targetKinds,
		extensions: new Map(),
	};
	for (const [name, compile] of extensionCompilers) ctx.extensions.set(name, compile(topology, ctx));
	return ctx;
}
