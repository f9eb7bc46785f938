// VPCs, subnets, route tables, internet and NAT gateways, prefix lists and peering.
import {formatCidr, parseCidr} from '../../net/ipv4.js';
import type {Route} from '../../model/types.js';
import {type ImportContext, type Located, regionOfZone} from './context.js';
import {ImportError, type Rec} from './reader.js';

/** The region of a record: the one its zones name, else its folder, else the snapshot's usual one. */
export function regionOf(context: ImportContext, located: Located, zone?: string): string {
	// The zone names in the data are AWS's own; a folder name is only how the files were laid out.
	return regionOfZone(zone) ?? located.region ?? inferredRegion(context);
}

let inferred: {context: ImportContext; region: string} | undefined;
function inferredRegion(context: ImportContext): string {
	if (inferred?.context === context) return inferred.region;
	const counts = new Map<string, number>();
	for (const {rec} of context.get('Subnets')) {
		const region = regionOfZone(rec.optStr('AvailabilityZone'));
		if (region) counts.set(region, (counts.get(region) ?? 0) + 1);
	}
	const region = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'us-east-1';
	inferred = {context, region};
	return region;
}

/** AWS normalises blocks, but hand-edited snapshots may not: clear host bits rather than refuse. */
export function cidrOf(rec: Rec, key: string): string {
	return blockAt(rec, key, rec.str(key));
}

/** A block from a snapshot; a malformed one stops the import at its file and JSON path. */
export function blockAt(rec: Rec, key: string, text: string): string {
	try {
		return formatCidr(parseCidr(text, {allowHostBits: true}));
	} catch (error) {
		throw rec.fail(key, (error as Error).message);
	}
}

export function mapVpcs(context: ImportContext): void {
	for (const located of context.get('Vpcs')) {
		const {rec} = located;
		const id = rec.str('VpcId');
		if (!context.claim(id)) continue;
		const associated = rec
			.list('CidrBlockAssociationSet')
			.filter(block => ['associated', undefined].includes(block.obj('CidrBlockState')?.optStr('State')))
			.map(block => cidrOf(block, 'CidrBlock'));
		const primary = cidrOf(rec, 'CidrBlock');
		const blocks = [primary, ...associated.filter(block => block !== primary)];
		const zone = context.get('Subnets').find(s => s.rec.optStr('VpcId') === id)?.rec.optStr('AvailabilityZone');
		context.out.vpcs.push({
			...context.identity(rec, id),
			cidrBlocks: blocks,
			region: regionOf(context, located, zone),
			accountId: rec.optStr('OwnerId') ?? located.account,
			isDefault: rec.optBool('IsDefault') ?? false,
		});
	}
}

export function mapSubnets(context: ImportContext): void {
	for (const {rec} of context.get('Subnets')) {
		const id = rec.str('SubnetId');
		if (!context.claim(id)) continue;
		context.out.subnets.push({
			...context.identity(rec, id),
			vpcId: rec.str('VpcId'),
			cidr: cidrOf(rec, 'CidrBlock'),
			availabilityZone: rec.str('AvailabilityZone'),
		});
	}
}

const targetFields = [
	'GatewayId', 'NatGatewayId', 'TransitGatewayId', 'VpcPeeringConnectionId', 'NetworkInterfaceId', 'InstanceId',
	'EgressOnlyInternetGatewayId', 'LocalGatewayId', 'CarrierGatewayId', 'CoreNetworkArn', 'VpcEndpointId',
] as const;

const originOf: Record<string, Route['origin']> = {
	CreateRouteTable: 'local',
	CreateRoute: 'static',
	EnableVgwRoutePropagation: 'propagated',
};

export function mapRouteTables(context: ImportContext): void {
	const subnetsById = new Map(context.out.subnets.map(subnet => [subnet.id, subnet]));
	for (const {rec} of context.get('RouteTables')) {
		const id = rec.str('RouteTableId');
		if (!context.claim(id)) continue;
		let main = false;
		const gatewayIds: string[] = [];
		for (const association of rec.list('Associations')) {
			const state = association.obj('AssociationState')?.optStr('State');
			if (state && state !== 'associated') continue;
			if (association.optBool('Main')) main = true;
			const subnetId = association.optStr('SubnetId');
			const subnet = subnetId ? subnetsById.get(subnetId) : undefined;
			if (subnet) subnet.routeTableId = id;
			const gatewayId = association.optStr('GatewayId');
			if (gatewayId) gatewayIds.push(gatewayId);
		}
		const routes: Route[] = [];
		let ipv6 = 0;
		for (const route of rec.list('Routes')) {
			if (route.has('DestinationIpv6CidrBlock') && !route.has('DestinationCidrBlock')) {
				ipv6++;
				continue;
			}
			const field = targetFields.find(key => route.has(key));
			const target = field ? route.str(field) : undefined;
			const destination = route.has('DestinationCidrBlock') ? cidrOf(route, 'DestinationCidrBlock') : undefined;
			const prefixList = route.optStr('DestinationPrefixListId');
			if (!target || (!destination && !prefixList)) {
				context.note(id, `a route in ${route.path} has no destination or target vpcsim models; left out`, 'Routes');
				continue;
			}
			const origin = originOf[route.optStr('Origin') ?? 'CreateRoute'] ?? 'static';
			// Local routes are implied by the VPC's blocks; the model adds one per block.
			if (target === 'local') continue;
			if (field === 'LocalGatewayId' || field === 'CarrierGatewayId' || field === 'CoreNetworkArn') {
				context.note(id, `route ${destination ?? prefixList} -> ${target}: ${field.replace(/Id|Arn/, '')} targets are not modelled; left out`, 'Routes');
				continue;
			}
			// An instance target is reached through its primary interface; AWS lists both, prefer the interface.
			const chosen = field === 'InstanceId' && route.optStr('NetworkInterfaceId') ? route.str('NetworkInterfaceId') : target;
			routes.push({
				...(destination ? {destinationCidr: destination} : {destinationPrefixListId: prefixList}),
				target: chosen,
				origin,
				state: route.optStr('State') === 'blackhole' ? 'blackhole' : 'active',
			});
		}
		if (ipv6 > 0) context.note(id, `${ipv6} IPv6 route${ipv6 > 1 ? 's' : ''} left out (vpcsim models IPv4)`, 'Routes');
		context.out.routeTables.push({
			...context.identity(rec, id),
			vpcId: rec.str('VpcId'),
			main,
			routes,
			propagatingVgwIds: rec.list('PropagatingVgws').map(vgw => vgw.str('GatewayId')),
			gatewayIds,
		});
	}
}

export function mapGateways(context: ImportContext): void {
	for (const {rec} of context.get('InternetGateways')) {
		const id = rec.str('InternetGatewayId');
		if (!context.claim(id)) continue;
		const attachment = rec.list('Attachments').find(a => ['available', 'attached'].includes(a.optStr('State') ?? 'available'));
		context.out.internetGateways.push({id, name: context.uniqueName(rec.nameTag(), id), tags: rec.tags(), vpcId: attachment?.optStr('VpcId')});
	}
	for (const {rec} of context.get('EgressOnlyInternetGateways')) {
		const id = rec.str('EgressOnlyInternetGatewayId');
		const vpcId = rec.list('Attachments')[0]?.optStr('VpcId');
		if (!vpcId) {
			context.leave(id, 'egress-only internet gateway not attached to a VPC');
			continue;
		}
		if (!context.claim(id)) continue;
		context.out.egressOnlyInternetGateways.push({id, name: context.uniqueName(rec.nameTag(), id), tags: rec.tags(), vpcId});
	}
	for (const {rec} of context.get('NatGateways')) {
		const id = rec.str('NatGatewayId');
		const state = rec.optStr('State') ?? 'available';
		if (state === 'deleted' || state === 'deleting' || state === 'failed') {
			context.leave(id, `NAT gateway is ${state}`);
			continue;
		}
		const address = rec.list('NatGatewayAddresses').find(a => a.optBool('IsPrimary') !== false) ?? rec.list('NatGatewayAddresses')[0];
		const privateIp = address?.optStr('PrivateIp');
		if (!privateIp) {
			context.leave(id, 'NAT gateway has no private address in the snapshot');
			continue;
		}
		if (!context.claim(id)) continue;
		const connectivity = rec.optStr('ConnectivityType') === 'private' ? 'private' : 'public';
		const publicIp = connectivity === 'public' ? address?.optStr('PublicIp') : undefined;
		context.out.natGateways.push({
			...context.identity(rec, id),
			subnetId: rec.str('SubnetId'),
			connectivity: connectivity === 'public' && !publicIp ? 'private' : connectivity,
			privateIp,
			publicIp,
			state: state as 'available' | 'pending',
		});
		if (connectivity === 'public' && !publicIp) context.note(id, 'public NAT gateway without an elastic IP in the snapshot; imported as private', 'NatGatewayAddresses');
	}
}

export function mapPrefixLists(context: ImportContext): void {
	// describe-prefix-lists (AWS service lists, with Cidrs) and describe-managed-prefix-lists both
	// print `PrefixLists`; the managed shape has an OwnerId and no Cidrs.
	const managedShape = (rec: Rec) => !rec.has('Cidrs') && (rec.has('OwnerId') || rec.has('AddressFamily') || rec.has('Entries'));
	for (const {rec, region} of context.get('PrefixLists')) {
		if (managedShape(rec)) continue;
		const id = rec.str('PrefixListId');
		if (!context.claim(id)) continue;
		const serviceName = rec.optStr('PrefixListName');
		context.out.prefixLists.push({
			id,
			name: context.uniqueName(serviceName, id),
			ownership: 'aws-managed',
			serviceName,
			region: region ?? serviceName?.split('.')[2],
			cidrs: rec.strings('Cidrs').map((cidr, index) => blockAt(rec, `Cidrs[${index}]`, cidr)),
		});
	}
	// describe-managed-prefix-lists has no entries; get-managed-prefix-list-entries, wrapped by the
	// collection script as a ManagedPrefixLists record with `Entries`, adds them: merge by id.
	const managed = new Map<string, {rec: Rec; entries: string[]; hasEntries: boolean}>();
	const managedRecords = [...context.get('ManagedPrefixLists'), ...context.get('PrefixLists').filter(({rec}) => managedShape(rec))];
	for (const {rec} of managedRecords) {
		const id = rec.str('PrefixListId');
		const known = managed.get(id) ?? {rec, entries: [], hasEntries: false};
		if (rec.has('PrefixListName') && !known.rec.has('PrefixListName')) known.rec = rec;
		if (rec.has('Entries')) {
			known.hasEntries = true;
			known.entries.push(...rec.list('Entries').map(entry => cidrOf(entry, 'Cidr')));
		}
		managed.set(id, known);
	}
	for (const [id, {rec, entries, hasEntries}] of managed) {
		if (rec.optStr('AddressFamily') === 'IPv6') {
			context.leave(id, 'IPv6 prefix list');
			continue;
		}
		// An AWS-managed list also listed by describe-prefix-lists already came in with its CIDRs.
		if (!context.claim(id)) continue;
		if (!hasEntries) context.note(id, 'no Entries (get-managed-prefix-list-entries) in the snapshot; the list is empty', 'Entries');
		const owner = rec.optStr('OwnerId');
		context.out.prefixLists.push({
			id,
			name: context.uniqueName(rec.optStr('PrefixListName'), id),
			ownership: owner === 'AWS' ? 'aws-managed' : 'customer-managed',
			serviceName: owner === 'AWS' ? rec.optStr('PrefixListName') : undefined,
			cidrs: [...new Set(entries)],
		});
	}
}

export function mapPeering(context: ImportContext): void {
	for (const located of context.get('VpcPeeringConnections')) {
		const {rec} = located;
		const id = rec.str('VpcPeeringConnectionId');
		const status = rec.obj('Status')?.optStr('Code') ?? 'active';
		if (status !== 'active') {
			context.leave(id, `peering connection is ${status}`);
			continue;
		}
		if (!context.claim(id)) continue;
		const requester = rec.obj('RequesterVpcInfo');
		const accepter = rec.obj('AccepterVpcInfo');
		if (!requester || !accepter) throw new ImportError(rec.file, rec.path, 'a peering connection needs RequesterVpcInfo and AccepterVpcInfo');
		for (const side of [requester, accepter]) addOutsideVpc(context, side, id, located);
		context.out.peeringConnections.push({
			...context.identity(rec, id),
			requesterVpcId: requester.str('VpcId'),
			accepterVpcId: accepter.str('VpcId'),
			status: 'active',
		});
	}
}

/** A peer VPC in another account or region is known only by its blocks: add it without subnets. */
function addOutsideVpc(context: ImportContext, side: Rec, peeringId: string, located: Located): void {
	const vpcId = side.str('VpcId');
	if (context.has(vpcId)) return;
	const blocks = side.list('CidrBlockSet').map(block => cidrOf(block, 'CidrBlock'));
	if (blocks.length === 0 && side.has('CidrBlock')) blocks.push(cidrOf(side, 'CidrBlock'));
	if (blocks.length === 0) return;
	context.claim(vpcId);
	context.out.vpcs.push({id: vpcId, cidrBlocks: blocks, region: side.optStr('Region') ?? located.region ?? 'us-east-1', accountId: side.optStr('OwnerId'), isDefault: false});
	context.note(vpcId, `peer of ${peeringId} outside the snapshot; added with its blocks and no subnets`);
}
