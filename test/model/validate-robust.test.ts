// Whatever references a document holds, validation reports problems and never throws: the palette
// runs it on every command, on half-edited topologies.
import {describe, expect, it} from 'vitest';
import {parseTopology} from '../../source/model/parse.js';
import {validateTopology} from '../../source/model/validate.js';
import {type Doc, baseDoc} from './helpers.js';

/** The base document with one of nearly every resource, all valid together. */
function richDoc(): Doc {
	const doc = baseDoc();
	doc.prefixLists.push({id: 'pl-s3', ownership: 'aws-managed', cidrs: ['52.216.0.0/15']});
	doc.natGateways.push({id: 'nat-1', subnetId: 'subnet-1', privateIp: '10.0.1.20', publicIp: '54.0.0.1'});
	doc.routeTables.push({id: 'rtb-3', vpcId: 'vpc-1', routes: [{destinationCidr: '0.0.0.0/0', target: 'nat-1'}, {destinationPrefixListId: 'pl-s3', target: 'vpce-1'}, {destinationCidr: '10.1.0.0/16', target: 'pcx-1'}, {destinationCidr: '192.168.0.0/16', target: 'tgw-1'}]});
	doc.subnets[1]!.routeTableId = 'rtb-3';
	doc.peeringConnections.push({id: 'pcx-1', requesterVpcId: 'vpc-1', accepterVpcId: 'vpc-2'});
	doc.vpcEndpoints.push(
		{id: 'vpce-1', vpcId: 'vpc-1', type: 'gateway', serviceName: 'com.amazonaws.us-east-1.s3', routeTableIds: ['rtb-3'], prefixListId: 'pl-s3'},
		{id: 'vpce-2', vpcId: 'vpc-2', type: 'interface', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-1', networkInterfaces: [{id: 'vpce-2-eni', subnetId: 'subnet-3', privateIp: '10.1.1.40'}], securityGroupIds: ['sg-2']},
	);
	doc.targetGroups.push({id: 'tg-1', protocol: 'TCP', port: 80, vpcId: 'vpc-1', targets: [{target: 'i-1'}]});
	doc.loadBalancers.push({id: 'nlb-1', vpcId: 'vpc-1', nodes: [{subnetId: 'subnet-2', privateIp: '10.0.2.50'}], listeners: [{protocol: 'TCP', port: 80, targetGroupId: 'tg-1'}]});
	doc.endpointServices.push({id: 'vpce-svc-1', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-1', loadBalancerIds: ['nlb-1']});
	doc.transitGateways.push({id: 'tgw-1'});
	doc.transitGatewayRouteTables.push({id: 'tgw-rtb-1', transitGatewayId: 'tgw-1', propagations: ['tgw-attach-1'], routes: [{destinationCidr: '192.168.0.0/16', attachmentId: 'tgw-attach-2'}]});
	doc.transitGatewayAttachments.push(
		{id: 'tgw-attach-1', transitGatewayId: 'tgw-1', type: 'vpc', resourceId: 'vpc-1', subnetIds: ['subnet-1'], associatedRouteTableId: 'tgw-rtb-1'},
		{id: 'tgw-attach-2', transitGatewayId: 'tgw-1', type: 'vpn', resourceId: 'vpn-1', associatedRouteTableId: 'tgw-rtb-1'},
	);
	doc.sites.push({id: 'site-1', cidrs: ['192.168.0.0/16']});
	doc.customerGateways.push({id: 'cgw-1', ipAddress: '203.0.113.1', siteId: 'site-1'});
	doc.vpnGateways.push({id: 'vgw-1', vpcId: 'vpc-2'});
	doc.vpnConnections.push({id: 'vpn-1', customerGatewayId: 'cgw-1', transitGatewayId: 'tgw-1'}, {id: 'vpn-2', customerGatewayId: 'cgw-1', vpnGatewayId: 'vgw-1'});
	doc.clientVpnEndpoints.push({id: 'cvpn-1', vpcId: 'vpc-1', clientCidr: '172.16.0.0/22', targetNetworks: [{id: 'cvpn-assoc-1', subnetId: 'subnet-1', privateIp: '10.0.1.60'}], routes: [{destinationCidr: '0.0.0.0/0', targetSubnetId: 'subnet-1'}]});
	doc.dxConnections.push({id: 'dxcon-1', siteId: 'site-1'});
	doc.dxGateways.push({id: 'dxgw-1', associations: [{gatewayId: 'vgw-1'}]});
	doc.virtualInterfaces.push({id: 'vif-1', type: 'private', connectionId: 'dxcon-1', dxGatewayId: 'dxgw-1'});
	doc.suggestedTraces.push({from: 'web-1', to: '8.8.8.8', expect: 'reachable', why: 'egress'});
	return doc;
}

function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const refKey = /(Id|Ids|^target|^targets|^propagations|^from|^to)$/;

/** Every string slot of the document that holds a reference: [holder, key]. */
function referenceSlots(value: unknown, slots: Array<[Record<string, unknown> | unknown[], string | number]> = [], key = ''): typeof slots {
	if (Array.isArray(value)) value.forEach((item, i) => (typeof item === 'string' && refKey.test(key) ? slots.push([value, i]) : referenceSlots(item, slots, key)));
	else if (value && typeof value === 'object')
		for (const [k, item] of Object.entries(value)) {
			if (typeof item === 'string' && refKey.test(k) && k !== 'id') slots.push([value as Record<string, unknown>, k]);
			else referenceSlots(item, slots, k);
		}
	return slots;
}

describe('validation of broken references', () => {
	it('finds nothing wrong in the rich document', () => {
		const parsed = parseTopology(richDoc());
		expect(parsed.ok && validateTopology(parsed.topology)).toEqual([]);
	});

	it('never throws and always reports a dangling reference', () => {
		const random = prng(42);
		const ids = JSON.stringify(richDoc()).match(/"id":"[^"]+"/g)!.map(text => text.slice(6, -1));
		for (let round = 0; round < 300; round++) {
			const doc = richDoc();
			const slots = referenceSlots(doc);
			expect(slots.length).toBeGreaterThan(50);
			let dangling = false;
			for (let change = 0; change < 1 + Math.floor(random() * 4); change++) {
				const [holder, key] = slots[Math.floor(random() * slots.length)]!;
				const missing = random() < 0.3;
				(holder as Record<string | number, unknown>)[key] = missing ? `gone-${round}` : ids[Math.floor(random() * ids.length)];
				dangling ||= missing;
			}
			const parsed = parseTopology(doc);
			expect(parsed.ok).toBe(true);
			if (!parsed.ok) continue;
			const problems = validateTopology(parsed.topology);
			if (dangling) expect(problems.length, JSON.stringify(doc)).toBeGreaterThan(0);
			for (const problem of problems) expect(problem.message).toMatch(/\S/);
		}
	});
});
