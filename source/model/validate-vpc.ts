// VPCs and subnets: block sizes, containment and overlap, and the per-VPC singletons (main route
// table, default network ACL, default security group, one internet gateway, one attached VGW).
import {type Cidr, cidrContains, cidrsOverlap, formatCidr, lastAddress, parseCidr} from '../net/ipv4.js';
import {maxAwsPrefix, minAwsPrefix} from '../net/sets.js';
import {type Checker, type Subject, forEach, listCidrs, short} from './validate-context.js';
import {label} from './resources.js';

const linkLocal = parseCidr('169.254.0.0/16');

/** Sorted by start address, a block overlaps an earlier one when it starts before the furthest end seen: O(n log n). */
export function findOverlaps<T>(items: ReadonlyArray<{cidr: Cidr; item: T}>, onOverlap: (later: T, laterCidr: Cidr, earlier: T, earlierCidr: Cidr) => void): void {
	const sorted = [...items].sort((a, b) => a.cidr.base - b.cidr.base || a.cidr.prefix - b.cidr.prefix);
	let reach: {cidr: Cidr; item: T} | undefined;
	for (const current of sorted) {
		if (reach && current.cidr.base <= lastAddress(reach.cidr)) onOverlap(current.item, current.cidr, reach.item, reach.cidr);
		if (!reach || lastAddress(current.cidr) > lastAddress(reach.cidr)) reach = current;
	}
}

export function checkVpcs(checker: Checker): void {
	forEach(checker, 'vpcs', (vpc, subject) => {
		const blocks: Array<{cidr: Cidr; item: number}> = [];
		vpc.cidrBlocks.forEach((text, i) => {
			const field = `cidrBlocks[${i}]`;
			const cidr = checker.cidr(text);
			if (!cidr) return;
			if (cidr.prefix < minAwsPrefix || cidr.prefix > maxAwsPrefix)
				checker.report(subject, field, `block ${text} is a /${cidr.prefix}; a VPC block must be between /16 and /28`);
			if (cidrsOverlap(cidr, linkLocal))
				checker.report(subject, field, `block ${text} is in the link-local range 169.254.0.0/16, which AWS does not allow for a VPC; choose a private block such as 10.0.0.0/16`);
			blocks.push({cidr, item: i});
		});
		findOverlaps(blocks, (a, aCidr, b, bCidr) => {
			// Blame the block written later: it is the one just added.
			const [later, laterCidr, earlierCidr] = a > b ? [a, aCidr, bCidr] : [b, bCidr, aCidr];
			checker.report(subject, `cidrBlocks[${later}]`, `block ${formatCidr(laterCidr)} overlaps block ${formatCidr(earlierCidr)}; a VPC's blocks must not overlap`);
		});
	});
	checkSubnets(checker);
	checkSingletons(checker);
}

function zoneInRegion(zone: string, region: string): boolean {
	return zone.startsWith(region) && /^(?:[a-z]|-[a-z0-9-]+)$/.test(zone.slice(region.length));
}

function checkSubnets(checker: Checker): void {
	const bySubnetVpc = new Map<string, Array<{cidr: Cidr; item: Subject}>>();
	forEach(checker, 'subnets', (subnet, subject) => {
		const vpc = checker.ref(subject, 'vpcId', subnet.vpcId, 'vpc');
		const cidr = checker.cidr(subnet.cidr);
		if (cidr && (cidr.prefix < minAwsPrefix || cidr.prefix > maxAwsPrefix))
			checker.report(subject, 'cidr', `cidr ${subnet.cidr} is a /${cidr.prefix}; a subnet must be between /16 and /28`);
		// A zone is named after its region (us-east-1a, or a local zone such as us-west-2-lax-1a).
		if (vpc && !zoneInRegion(subnet.availabilityZone, vpc.region))
			checker.report(subject, 'availabilityZone', `availabilityZone ${subnet.availabilityZone} is not in ${short(vpc)}'s region ${vpc.region}; choose a zone such as ${vpc.region}a`);
		if (vpc && cidr) {
			const blocks = checker.vpcBlocks.get(vpc.id) ?? [];
			if (!blocks.some(block => cidrContains(block, cidr)))
				checker.report(subject, 'cidr', `cidr ${subnet.cidr} is not inside ${short(vpc)}'s blocks (${listCidrs(blocks)}); choose a block inside them`);
			const list = bySubnetVpc.get(vpc.id);
			if (list) list.push({cidr, item: subject});
			else bySubnetVpc.set(vpc.id, [{cidr, item: subject}]);
		}
		if (subnet.routeTableId !== undefined) {
			const table = checker.ref(subject, 'routeTableId', subnet.routeTableId, 'route-table');
			if (table && vpc && table.vpcId !== subnet.vpcId)
				checker.report(subject, 'routeTableId', `routeTableId ${table.id} belongs to ${checker.vpcName(table.vpcId)}, not ${short(vpc)}; a subnet's route table must be in its own VPC`);
		}
		if (subnet.networkAclId !== undefined) {
			const acl = checker.ref(subject, 'networkAclId', subnet.networkAclId, 'network-acl');
			if (acl && vpc && acl.vpcId !== subnet.vpcId)
				checker.report(subject, 'networkAclId', `networkAclId ${acl.id} belongs to ${checker.vpcName(acl.vpcId)}, not ${short(vpc)}; a subnet's network ACL must be in its own VPC`);
		}
	});
	for (const items of bySubnetVpc.values())
		findOverlaps(items, (a, aCidr, b, bCidr) => {
			const [later, laterCidr, earlier, earlierCidr] = a.index > b.index ? [a, aCidr, b, bCidr] : [b, bCidr, a, aCidr];
			checker.report(later, 'cidr', `cidr ${formatCidr(laterCidr)} overlaps subnet ${label(earlier.resource)} (${formatCidr(earlierCidr)}); subnets of a VPC must not overlap`);
		});
}

/** Reports every resource after the first that claims a per-VPC role. */
function onePerVpc(checker: Checker, vpcOf: Map<string, Subject>, vpcId: string, subject: Subject, field: string, role: string, rule: string): void {
	const first = vpcOf.get(vpcId);
	if (!first) vpcOf.set(vpcId, subject);
	else checker.report(subject, field, `${checker.vpcName(vpcId)} already has ${role} ${label(first.resource)}; ${rule}`);
}

function checkSingletons(checker: Checker): void {
	const mainTable = new Map<string, Subject>();
	forEach(checker, 'routeTables', (table, subject) => {
		if (table.main) onePerVpc(checker, mainTable, table.vpcId, subject, 'main', 'main route table', 'a VPC has exactly one main route table');
	});
	const defaultAcl = new Map<string, Subject>();
	forEach(checker, 'networkAcls', (acl, subject) => {
		checker.ref(subject, 'vpcId', acl.vpcId, 'vpc');
		if (acl.isDefault) onePerVpc(checker, defaultAcl, acl.vpcId, subject, 'isDefault', 'default network ACL', 'a VPC has one default network ACL');
	});
	const defaultGroup = new Map<string, Subject>();
	forEach(checker, 'securityGroups', (group, subject) => {
		if (group.isDefault) onePerVpc(checker, defaultGroup, group.vpcId, subject, 'isDefault', 'default security group', 'a VPC has one default security group');
	});
	forEach(checker, 'vpcs', (vpc, subject) => {
		if (checker.subnetsByVpc.has(vpc.id) && !mainTable.has(vpc.id))
			checker.report(subject, '', `has subnets but no main route table; mark one of its route tables main (subnets without a routeTableId use it)`);
	});
	forEach(checker, 'subnets', (subnet, subject) => {
		if (subnet.networkAclId === undefined && checker.get(subnet.vpcId, 'vpc') && !defaultAcl.has(subnet.vpcId))
			checker.report(subject, 'networkAclId', `has no networkAclId and ${checker.vpcName(subnet.vpcId)} has no default network ACL; set networkAclId or mark one of its network ACLs isDefault`);
	});
	const igwOf = new Map<string, Subject>();
	forEach(checker, 'internetGateways', (igw, subject) => {
		if (igw.vpcId === undefined) return;
		if (!checker.ref(subject, 'vpcId', igw.vpcId, 'vpc')) return;
		onePerVpc(checker, igwOf, igw.vpcId, subject, 'vpcId', 'internet gateway', 'a VPC can have one internet gateway attached');
	});
	forEach(checker, 'egressOnlyInternetGateways', (eigw, subject) => {
		checker.ref(subject, 'vpcId', eigw.vpcId, 'vpc');
	});
	const vgwOf = new Map<string, Subject>();
	forEach(checker, 'vpnGateways', (vgw, subject) => {
		if (vgw.vpcId === undefined || vgw.state === 'deleted') return;
		if (!checker.ref(subject, 'vpcId', vgw.vpcId, 'vpc')) return;
		onePerVpc(checker, vgwOf, vgw.vpcId, subject, 'vpcId', 'virtual private gateway', 'a VPC can have one virtual private gateway attached');
	});
}
