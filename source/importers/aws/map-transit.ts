// Transit gateways: attachments (with their subnets per AZ), route tables, associations,
// propagations, and static/propagated routes from Batfish's wrappers or raw search output.
import type {TgwAttachment, TgwRoute} from '../../model/types.js';
import type {ImportContext} from './context.js';
import {cidrOf, regionOf} from './map-network.js';
import type {OwnedInterface} from './map-compute.js';
import type {Rec} from './reader.js';

const attachmentTypes: Record<string, TgwAttachment['type']> = {
	vpc: 'vpc', vpn: 'vpn', 'direct-connect-gateway': 'direct-connect-gateway', peering: 'peering', connect: 'connect',
};
const goneStates = new Set(['deleting', 'deleted', 'failed', 'failing', 'rejected', 'rejecting']);

/** `<attachment id> <tgw id>` to the id the peer side of a peering attachment was imported as. */
const peerSidesOf = new WeakMap<ImportContext, Map<string, string>>();

export function mapTransitGateways(context: ImportContext, interfaces: Map<string, OwnedInterface>): void {
	const peerSides = new Map<string, string>();
	peerSidesOf.set(context, peerSides);
	for (const located of context.get('TransitGateways')) {
		const {rec} = located;
		const id = rec.str('TransitGatewayId');
		const state = rec.optStr('State') ?? 'available';
		if (goneStates.has(state)) {
			context.leave(id, `transit gateway is ${state}`);
			continue;
		}
		if (!context.claim(id)) continue;
		context.out.transitGateways.push({
			...context.identity(rec, id),
			region: located.region ?? rec.optStr('TransitGatewayArn')?.split(':')[3] ?? regionOf(context, located),
			accountId: rec.optStr('OwnerId') ?? located.account,
			asn: rec.obj('Options')?.optNum('AmazonSideAsn'),
			state: state as 'available',
		});
	}
	const vpcAttachments = new Map(context.get('TransitGatewayVpcAttachments').map(({rec}) => [rec.str('TransitGatewayAttachmentId'), rec]));
	const seen = new Set<string>();
	const seenOn = new Set<string>();
	const records: Rec[] = [...context.get('TransitGatewayAttachments').map(({rec}) => rec), ...vpcAttachments.values()];
	for (const rec of records) {
		const awsId = rec.str('TransitGatewayAttachmentId');
		const tgwId = rec.str('TransitGatewayId');
		// A peering attachment has one id that both transit gateways show, each side with its own
		// association: the side seen second becomes an attachment of its own, `<id>:<its tgw>`.
		const sideId = seen.has(awsId) && rec.optStr('ResourceType') === 'peering' && !seenOn.has(`${awsId} ${tgwId}`) ? `${awsId}:${tgwId}` : undefined;
		const id = sideId ?? awsId;
		if (seen.has(awsId) && !sideId) continue;
		seen.add(awsId);
		seenOn.add(`${awsId} ${tgwId}`);
		if (sideId) peerSides.set(`${awsId} ${tgwId}`, sideId);
		const state = rec.optStr('State') ?? 'available';
		if (goneStates.has(state)) {
			context.leave(id, `transit gateway attachment is ${state}`);
			continue;
		}
		const detail = vpcAttachments.get(id);
		const type = attachmentTypes[rec.optStr('ResourceType') ?? (detail ? 'vpc' : '')];
		if (!type) {
			context.leave(id, `attachment type ${rec.optStr('ResourceType') ?? 'unknown'} is not modelled`);
			continue;
		}
		const resourceId = rec.optStr('ResourceId') ?? detail?.optStr('VpcId');
		if (!resourceId) {
			context.leave(id, 'attachment without a resource id');
			continue;
		}
		let subnetIds = detail?.strings('SubnetIds') ?? [];
		if (type === 'vpc' && subnetIds.length === 0) {
			// Without describe-transit-gateway-vpc-attachments, the attachment's interfaces name its subnets.
			subnetIds = [...interfaces.values()].filter(eni => eni.description.endsWith(id)).map(eni => eni.subnetId);
			if (subnetIds.length === 0) {
				context.leave(id, 'VPC attachment whose subnets are unknown (add TransitGatewayVpcAttachments)');
				continue;
			}
		}
		if (!context.claim(id)) continue;
		if (sideId) context.note(sideId, `the ${tgwId} side of peering attachment ${awsId}, with its own association`);
		const association = rec.obj('Association');
		context.out.transitGatewayAttachments.push({
			id,
			name: context.uniqueName(sideId ? sideName(rec.nameTag(), tgwId) : (rec.nameTag() ?? detail?.nameTag()), id),
			tags: rec.tags(),
			transitGatewayId: rec.str('TransitGatewayId'),
			type,
			resourceId,
			subnetIds,
			associatedRouteTableId: association?.optStr('State') === 'associated' ? association.optStr('TransitGatewayRouteTableId') : undefined,
			state: state as 'available',
			applianceMode: detail?.obj('Options')?.optStr('ApplianceModeSupport') === 'enable',
		});
	}
}

/** The peer side of a peering attachment shares the Name tag: say which side it is. */
function sideName(name: string | undefined, tgwId: string): string | undefined {
	return name ? `${name} (${tgwId} side)` : undefined;
}

export function mapTgwRouteTables(context: ImportContext): void {
	const propagations = new Map<string, string[]>();
	for (const {rec} of context.get('TransitGatewayPropagations')) {
		const tableId = rec.str('TransitGatewayRouteTableId');
		const enabled = rec
			.list('TransitGatewayRouteTablePropagations')
			.filter(p => (p.optStr('State') ?? 'enabled') === 'enabled')
			.map(p => p.str('TransitGatewayAttachmentId'));
		propagations.set(tableId, [...(propagations.get(tableId) ?? []), ...enabled]);
	}
	const routes = new Map<string, TgwRoute[]>();
	const addRoutes = (tableId: string, list: Rec[]) => {
		const existing = routes.get(tableId) ?? [];
		for (const route of list) {
			const mapped = tgwRouteOf(route);
			if (mapped) existing.push(mapped);
		}
		routes.set(tableId, existing);
	};
	for (const {rec} of context.get('TransitGatewayStaticRoutes')) addRoutes(rec.str('TransitGatewayRouteTableId'), rec.list('Routes'));
	for (const {rec, fileName} of context.get('Routes')) {
		// Raw search-transit-gateway-routes output does not name its table; the file name must.
		const tableId = fileName.match(/tgw-rtb-[0-9a-z]+/)?.[0];
		if (!tableId) {
			context.note(fileName, 'transit gateway routes whose route table is unknown: name the file after the table (tgw-rtb-....json)');
			continue;
		}
		addRoutes(tableId, rec.list('Routes'));
	}
	for (const {rec} of context.get('TransitGatewayRouteTables')) {
		const id = rec.str('TransitGatewayRouteTableId');
		const state = rec.optStr('State') ?? 'available';
		if (goneStates.has(state)) {
			context.leave(id, `transit gateway route table is ${state}`);
			continue;
		}
		if (!context.claim(id)) continue;
		const transitGatewayId = rec.str('TransitGatewayId');
		// This table's routes and propagations name a peering attachment by its AWS id: on the peer
		// side that is the attachment imported as `<id>:<tgw>`.
		const sides = peerSidesOf.get(context);
		const local = (attachmentId: string | undefined) => (attachmentId && sides?.get(`${attachmentId} ${transitGatewayId}`)) || attachmentId;
		context.out.transitGatewayRouteTables.push({
			...context.identity(rec, id),
			transitGatewayId,
			propagations: [...new Set((propagations.get(id) ?? []).map(attachment => local(attachment)!))],
			routes: dedupeRoutes(routes.get(id) ?? []).map(route => ({...route, attachmentId: local(route.attachmentId)})),
		});
	}
}

function tgwRouteOf(route: Rec): TgwRoute | undefined {
	const destinationCidr = route.has('DestinationCidrBlock') ? cidrOf(route, 'DestinationCidrBlock') : undefined;
	const destinationPrefixListId = route.optStr('PrefixListId');
	if (!destinationCidr && !destinationPrefixListId) return undefined;
	if (destinationCidr?.includes(':')) return undefined;
	const state = route.optStr('State') === 'blackhole' ? 'blackhole' : 'active';
	const attachmentId = route.list('TransitGatewayAttachments')[0]?.optStr('TransitGatewayAttachmentId');
	return {
		...(destinationCidr ? {destinationCidr} : {destinationPrefixListId}),
		attachmentId: state === 'blackhole' ? undefined : attachmentId,
		type: route.optStr('Type') === 'propagated' ? 'propagated' : 'static',
		state,
	};
}

/** The wrapper and the raw search output may both list a route. */
function dedupeRoutes(routes: TgwRoute[]): TgwRoute[] {
	const seen = new Set<string>();
	return routes.filter(route => {
		const key = `${route.destinationCidr ?? route.destinationPrefixListId}|${route.type}|${route.attachmentId ?? ''}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
