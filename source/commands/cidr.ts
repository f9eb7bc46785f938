// `cidr <block>`: the networking guide's explanation of a block, set against the open topology.
import {indexResources, label, resolveRef} from '../model/resources.js';
import type {Topology} from '../model/types.js';
import {cidrsOverlap, formatCidr, parseCidr} from '../net/ipv4.js';
import {describeCidr, freeBlocks} from '../net/sets.js';
import {CommandError} from './draft.js';

type CidrRequest = {readonly block: string; readonly free?: number; readonly in?: string};

function overlapping(topology: Topology, block: string): string[] {
	const cidr = parseCidr(block);
	const hits: string[] = [];
	const test = (kind: string, resource: {id: string; name?: string}, blocks: readonly string[]) => {
		const hit = blocks.filter(text => cidrsOverlap(cidr, parseCidr(text)));
		if (hit.length > 0) hits.push(`${kind} ${label(resource)} ${hit.join(', ')}`);
	};
	for (const vpc of topology.vpcs) test('VPC', vpc, vpc.cidrBlocks);
	for (const subnet of topology.subnets) test('subnet', subnet, [subnet.cidr]);
	for (const site of topology.sites) test('site', site, site.cidrs);
	return hits;
}

function freeText(topology: Topology, request: CidrRequest): string[] {
	if (request.free === undefined) return [];
	if (!request.in) throw new CommandError('free= needs in=<vpc>: the VPC to look for free blocks in');
	const found = resolveRef(indexResources(topology), request.in, ['vpc']);
	if (!found.ok) throw new CommandError(found.error);
	const vpc = topology.vpcs.find(item => item.id === found.entry.resource.id)!;
	// Aligned blocks either nest or miss, so the intersection with each VPC block is the smaller one.
	const asked = request.block ? parseCidr(describeCidr(request.block).cidr) : undefined;
	const inside = vpc.cidrBlocks.flatMap(own => {
		if (!asked) return [own];
		const block = parseCidr(own);
		if (!cidrsOverlap(block, asked)) return [];
		return [block.prefix >= asked.prefix ? own : formatCidr(asked)];
	});
	const used = topology.subnets.filter(subnet => subnet.vpcId === vpc.id).map(subnet => subnet.cidr);
	const blocks = freeBlocks(inside, used, request.free);
	return [
		blocks.length > 0
			? `free /${request.free} blocks in ${label(vpc)}: ${blocks.join(', ')}`
			: `no free /${request.free} block left in ${label(vpc)} (${vpc.cidrBlocks.join(', ')})`,
	];
}

export function explainCidr(topology: Topology, request: CidrRequest): string {
	if (!request.block) {
		if (request.free === undefined) throw new CommandError('cidr needs a block, e.g. cidr 10.0.0.0/16, or free=/24 in=<vpc>');
		return freeText(topology, request).join('\n');
	}
	const facts = describeCidr(request.block);
	const lines = [
		`${facts.typed ? `${facts.typed} is in ` : ''}${facts.cidr}: ${facts.first} - ${facts.last}, ${facts.size.toLocaleString('en-US')} addresses, netmask ${facts.netmask}`,
	];
	if (facts.reserved)
		lines.push(
			`as a subnet: ${facts.usable!.toLocaleString('en-US')} usable (${facts.firstUsable} - ${facts.lastUsable}); AWS reserves ${facts.reserved.map(item => `${item.address} (${item.role})`).join(', ')}`,
		);
	else lines.push(`not a valid VPC or subnet size (AWS allows /16 to /28)`);
	const hits = overlapping(topology, facts.cidr);
	lines.push(hits.length > 0 ? `overlaps ${hits.join('; ')}` : 'overlaps nothing in this topology');
	lines.push(...freeText(topology, request));
	return lines.join('\n');
}
