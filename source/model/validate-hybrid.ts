// Transit gateways, site-to-site and client VPN, Direct Connect: the resources that join VPCs to
// each other and to on-premises sites.
import {type Cidr, cidrsOverlap, formatCidr} from '../net/ipv4.js';
import {type AddressBook, checkGroupsInVpc} from './validate-addresses.js';
import {type Checker, type Subject, forEach, short} from './validate-context.js';
import {checkZonalSubnets} from './validate-services.js';
import {findOverlaps} from './validate-vpc.js';
import {label} from './resources.js';

/** The attachment if it exists and belongs to `tgwId`, else reports why not. */
function attachmentOf(checker: Checker, subject: Subject, field: string, id: string, tgwId: string): void {
	const attachment = checker.ref(subject, field, id, 'transit-gateway-attachment');
	if (attachment && attachment.transitGatewayId !== tgwId)
		checker.report(subject, field, `attachment ${label(attachment)} belongs to ${attachment.transitGatewayId}, not ${tgwId}; use an attachment of the same transit gateway`);
}

export function checkTransitGateways(checker: Checker): void {
	forEach(checker, 'transitGatewayAttachments', (attachment, subject) => {
		const tgw = checker.ref(subject, 'transitGatewayId', attachment.transitGatewayId, 'transit-gateway');
		switch (attachment.type) {
			case 'vpc': {
				const vpc = checker.ref(subject, 'resourceId', attachment.resourceId, 'vpc');
				if (attachment.subnetIds.length === 0)
					checker.report(subject, 'subnetIds', 'is a VPC attachment without subnets; give at least one subnet (one per availability zone the VPC uses)');
				if (vpc) {
					const fields = attachment.subnetIds.map((_, i) => `subnetIds[${i}]`);
					checkZonalSubnets(checker, subject, fields, attachment.subnetIds, vpc.id, 'a VPC attachment');
				}
				break;
			}
			case 'vpn': {
				const vpn = checker.ref(subject, 'resourceId', attachment.resourceId, 'vpn-connection');
				if (vpn && vpn.transitGatewayId !== attachment.transitGatewayId)
					checker.report(subject, 'resourceId', `resourceId ${vpn.id} is a VPN connection to ${vpn.transitGatewayId ?? vpn.vpnGatewayId ?? 'nothing'}, not to ${attachment.transitGatewayId}; set the connection's transitGatewayId`);
				break;
			}
			case 'direct-connect-gateway':
				checker.ref(subject, 'resourceId', attachment.resourceId, 'dx-gateway');
				break;
			case 'peering': {
				const peer = checker.ref(subject, 'resourceId', attachment.resourceId, 'transit-gateway');
				if (peer && peer.id === attachment.transitGatewayId)
					checker.report(subject, 'resourceId', `resourceId ${peer.id} is this attachment's own transit gateway; a peering attachment connects to another transit gateway`);
				break;
			}
			case 'connect':
				checker.ref(subject, 'resourceId', attachment.resourceId, 'transit-gateway-attachment');
				break;
		}
		if (attachment.associatedRouteTableId !== undefined) {
			const table = checker.ref(subject, 'associatedRouteTableId', attachment.associatedRouteTableId, 'transit-gateway-route-table');
			if (table && tgw && table.transitGatewayId !== tgw.id)
				checker.report(subject, 'associatedRouteTableId', `associatedRouteTableId ${table.id} is a route table of ${table.transitGatewayId}, not ${tgw.id}; associate a route table of the same transit gateway`);
		}
	});
	forEach(checker, 'transitGatewayRouteTables', (table, subject) => {
		const tgw = checker.ref(subject, 'transitGatewayId', table.transitGatewayId, 'transit-gateway');
		table.propagations.forEach((id, i) => tgw && attachmentOf(checker, subject, `propagations[${i}]`, id, tgw.id));
		table.routes.forEach((route, i) => {
			const field = `routes[${i}]`;
			const what = `route ${route.destinationCidr ?? route.destinationPrefixListId ?? '(no destination)'} -> ${route.attachmentId ?? (route.state === 'blackhole' ? 'blackhole' : '(no attachment)')}`;
			if ((route.destinationCidr === undefined) === (route.destinationPrefixListId === undefined))
				checker.report(subject, field, `${what} needs exactly one of destinationCidr and destinationPrefixListId`);
			if (route.destinationPrefixListId !== undefined) checker.ref(subject, `${field}.destinationPrefixListId`, route.destinationPrefixListId, 'prefix-list');
			if (route.state === 'blackhole') {
				if (route.attachmentId !== undefined)
					checker.report(subject, `${field}.attachmentId`, `${what} is a blackhole route with attachmentId ${route.attachmentId}; a blackhole route drops traffic and has no attachment`);
			} else if (route.attachmentId === undefined)
				checker.report(subject, `${field}.attachmentId`, `${what} is active but has no attachmentId; give the attachment it sends to, or make it a blackhole route`);
			else if (tgw) attachmentOf(checker, subject, `${field}.attachmentId`, route.attachmentId, tgw.id);
		});
	});
}

export function checkVpn(checker: Checker, book: AddressBook): void {
	forEach(checker, 'customerGateways', (gateway, subject) => {
		if (gateway.siteId !== undefined) checker.ref(subject, 'siteId', gateway.siteId, 'site');
	});
	forEach(checker, 'vpnConnections', (vpn, subject) => {
		checker.ref(subject, 'customerGatewayId', vpn.customerGatewayId, 'customer-gateway');
		if ((vpn.vpnGatewayId === undefined) === (vpn.transitGatewayId === undefined))
			checker.report(subject, 'vpnGatewayId', 'needs exactly one of vpnGatewayId and transitGatewayId; a VPN connection ends on a virtual private gateway or a transit gateway');
		if (vpn.vpnGatewayId !== undefined) checker.ref(subject, 'vpnGatewayId', vpn.vpnGatewayId, 'vpn-gateway');
		if (vpn.transitGatewayId !== undefined) checker.ref(subject, 'transitGatewayId', vpn.transitGatewayId, 'transit-gateway');
		if (vpn.transportDxGatewayId !== undefined) checker.ref(subject, 'transportDxGatewayId', vpn.transportDxGatewayId, 'dx-gateway');
		if (vpn.tunnels.length > 2) checker.report(subject, 'tunnels', `has ${vpn.tunnels.length} tunnels; a VPN connection has at most 2`);
	});
	forEach(checker, 'clientVpnEndpoints', (endpoint, subject) => {
		const vpc = checker.ref(subject, 'vpcId', endpoint.vpcId, 'vpc');
		const clientCidr = checker.cidr(endpoint.clientCidr);
		if (!clientCidr) return;
		if (clientCidr.prefix < 12 || clientCidr.prefix > 22)
			checker.report(subject, 'clientCidr', `clientCidr ${endpoint.clientCidr} is a /${clientCidr.prefix}; a client CIDR must be between /22 and /12`);
		checkGroupsInVpc(checker, subject, endpoint.securityGroupIds, vpc?.id);
		if (!vpc) return;
		const block = (checker.vpcBlocks.get(vpc.id) ?? []).find(b => cidrsOverlap(b, clientCidr));
		if (block)
			checker.report(subject, 'clientCidr', `clientCidr ${endpoint.clientCidr} overlaps ${short(vpc)}'s block ${formatCidr(block)}; the client CIDR must not overlap the VPC`);
		const fields = endpoint.targetNetworks.map((_, i) => `targetNetworks[${i}].subnetId`);
		const subnets = checkZonalSubnets(checker, subject, fields, endpoint.targetNetworks.map(network => network.subnetId), vpc.id, 'a client VPN endpoint');
		endpoint.targetNetworks.forEach((network, i) => {
			const subnet = subnets[i];
			if (subnet) book.private(subject, `targetNetworks[${i}].privateIp`, subnet, network.privateIp, {kind: 'client VPN endpoint', resource: endpoint, part: `target network ${network.id}`});
		});
		const associated = new Set(endpoint.targetNetworks.map(network => network.subnetId));
		endpoint.routes.forEach((route, i) => {
			if (route.targetSubnetId === 'local' || associated.has(route.targetSubnetId)) return;
			const field = `routes[${i}].targetSubnetId`;
			const choices = [...associated, 'local'].join(', ');
			checker.report(subject, field, `route ${route.destinationCidr} -> ${route.targetSubnetId}: ${route.targetSubnetId} is not a subnet associated with this endpoint; use one of ${choices}`);
		});
	});
}

export function checkDirectConnect(checker: Checker): void {
	forEach(checker, 'dxConnections', (connection, subject) => {
		if (connection.siteId !== undefined) checker.ref(subject, 'siteId', connection.siteId, 'site');
	});
	const privateVifGateways = new Set<string>();
	forEach(checker, 'virtualInterfaces', (vif, subject) => {
		checker.ref(subject, 'connectionId', vif.connectionId, 'dx-connection');
		if (vif.vpnGatewayId !== undefined) checker.ref(subject, 'vpnGatewayId', vif.vpnGatewayId, 'vpn-gateway');
		if (vif.dxGatewayId !== undefined) checker.ref(subject, 'dxGatewayId', vif.dxGatewayId, 'dx-gateway');
		if (vif.type === 'private') {
			if ((vif.vpnGatewayId === undefined) === (vif.dxGatewayId === undefined))
				checker.report(subject, 'vpnGatewayId', 'is a private virtual interface; it needs exactly one of vpnGatewayId and dxGatewayId');
			if (vif.dxGatewayId !== undefined && vif.state !== 'deleted') privateVifGateways.add(vif.dxGatewayId);
		} else if (vif.type === 'transit') {
			if (vif.dxGatewayId === undefined) checker.report(subject, 'dxGatewayId', 'is a transit virtual interface; it needs a dxGatewayId (a Direct Connect gateway associated with a transit gateway)');
			if (vif.vpnGatewayId !== undefined) checker.report(subject, 'vpnGatewayId', 'is a transit virtual interface; it ends on a Direct Connect gateway, not a virtual private gateway');
		} else if (vif.vpnGatewayId !== undefined || vif.dxGatewayId !== undefined)
			checker.report(subject, vif.vpnGatewayId !== undefined ? 'vpnGatewayId' : 'dxGatewayId', 'is a public virtual interface; it reaches AWS public prefixes and ends on no gateway');
	});
	forEach(checker, 'dxGateways', (gateway, subject) => {
		const vpcBlocks: Array<{cidr: Cidr; item: {vpcId: string; field: string}}> = [];
		let hasVgw = privateVifGateways.has(gateway.id);
		const tgwFields: string[] = [];
		gateway.associations.forEach((association, i) => {
			const field = `associations[${i}].gatewayId`;
			const entry = checker.refAny(subject, field, association.gatewayId, ['vpn-gateway', 'transit-gateway']);
			if (!entry || association.state === 'disassociated') return;
			if (entry.kind === 'transit-gateway') {
				tgwFields.push(field);
				return;
			}
			hasVgw = true;
			const vpcId = (entry.resource as {vpcId?: string}).vpcId;
			if (vpcId === undefined) return;
			for (const cidr of checker.vpcBlocks.get(vpcId) ?? []) vpcBlocks.push({cidr, item: {vpcId, field}});
		});
		findOverlaps(vpcBlocks, (later, laterCidr, earlier, earlierCidr) => {
			if (later.vpcId === earlier.vpcId) return;
			checker.report(subject, later.field, `${checker.vpcName(later.vpcId)} ${formatCidr(laterCidr)} overlaps ${checker.vpcName(earlier.vpcId)} ${formatCidr(earlierCidr)}; VPCs associated with one Direct Connect gateway must not overlap`);
		});
		if (hasVgw)
			for (const field of tgwFields)
				checker.report(subject, field, 'has a virtual private gateway association or a private virtual interface, so it cannot also be associated with a transit gateway');
	});
}
