// Addresses: every private address inside its subnet, not one of the five AWS keeps, unique in its
// VPC; public addresses public and unique. Also network interfaces, instances and NAT gateways,
// whose rules are mostly about their addresses.
import {cidrContainsAddress, formatCidr, formatIpv4, isRfc1918, lastAddress} from '../net/ipv4.js';
import {type ReservedRole, awsReservedRole} from '../net/sets.js';
import {type Checker, type Subject, forEach, short} from './validate-context.js';
import {label} from './resources.js';
import type {Subnet} from './types.js';

const reservedPhrase: Record<ReservedRole, string> = {
	'network address': 'as the network address',
	'VPC router': 'for the VPC router',
	'DNS server': 'for the DNS server',
	'future use': 'for future use',
	'broadcast address': 'as the broadcast address',
};

/**
 * What holds an address: a resource, or a part of one (`interface x of VPC endpoint y`). Kept as
 * data and described only when a second holder needs to be told about it.
 */
export type Holder = {readonly kind: string; readonly resource: {id: string; name?: string}; readonly part?: string};

function describe(holder: Holder): string {
	return `${holder.part ? `${holder.part} of ` : ''}${holder.kind} ${label(holder.resource)}`;
}

/** Who holds each address, so a second holder is told about the first. */
export class AddressBook {
	private readonly privateByVpc = new Map<string, Map<number, Holder>>();
	private readonly publicIps = new Map<number, Holder>();

	constructor(private readonly checker: Checker) {}

	/** A private address of `holder` in `subnet`: inside it, not reserved, unique in the VPC. */
	private(subject: Subject, field: string, subnet: Subnet, ip: string, holder: Holder, what = field): void {
		const {checker} = this;
		const cidr = checker.subnetCidr.get(subnet.id);
		const address = checker.address(ip);
		if (!cidr || address === undefined) return;
		const range = () => `${formatIpv4(cidr.base + 4)} to ${formatIpv4(lastAddress(cidr) - 1)}`;
		if (!cidrContainsAddress(cidr, address)) {
			checker.report(subject, field, `${what} ${ip} is not inside subnet ${short(subnet)} (${formatCidr(cidr)}); choose an address from ${range()}`);
			return;
		}
		const role = awsReservedRole(cidr, address);
		if (role) {
			checker.report(subject, field, `${what} ${ip} is reserved by AWS ${reservedPhrase[role]} of subnet ${short(subnet)}; choose an address from ${range()}`);
			return;
		}
		let taken = this.privateByVpc.get(subnet.vpcId);
		if (!taken) this.privateByVpc.set(subnet.vpcId, (taken = new Map()));
		const other = taken.get(address);
		if (other !== undefined)
			checker.report(subject, field, `${what} ${ip} is already used by ${describe(other)} in ${checker.vpcName(subnet.vpcId)}; private addresses are unique within a VPC`);
		else taken.set(address, holder);
	}

	/** A public or elastic IP: not private space, and held once in the whole topology. */
	public(subject: Subject, field: string, ip: string, holder: Holder): void {
		const {checker} = this;
		const address = checker.address(ip);
		if (address === undefined) return;
		if (isRfc1918(address)) {
			checker.report(subject, field, `${field} ${ip} is a private (RFC 1918) address; a public IP must be a public address`);
			return;
		}
		const other = this.publicIps.get(address);
		if (other !== undefined) checker.report(subject, field, `${field} ${ip} is already used by ${describe(other)}; a public IP belongs to one resource`);
		else this.publicIps.set(address, holder);
	}
}

/** Checks `securityGroupIds` against the VPC of the resource that carries them. */
export function checkGroupsInVpc(checker: Checker, subject: Subject, groupIds: readonly string[], vpcId: string | undefined): void {
	groupIds.forEach((id, i) => {
		const field = `securityGroupIds[${i}]`;
		const group = checker.ref(subject, field, id, 'security-group');
		if (group && vpcId !== undefined && group.vpcId !== vpcId)
			checker.report(subject, field, `security group ${label(group)} belongs to ${checker.vpcName(group.vpcId)}, not ${checker.vpcName(vpcId)}; security groups must be in the same VPC`);
	});
}

export function checkInterfaces(checker: Checker, book: AddressBook): void {
	const byInstance = new Map<string, Map<number, Subject>>();
	forEach(checker, 'networkInterfaces', (eni, subject) => {
		const holder: Holder = {kind: 'network interface', resource: eni};
		const subnet = checker.ref(subject, 'subnetId', eni.subnetId, 'subnet');
		if (subnet) {
			book.private(subject, 'privateIp', subnet, eni.privateIp, holder);
			eni.secondaryPrivateIps.forEach((ip, i) => book.private(subject, `secondaryPrivateIps[${i}]`, subnet, ip, holder, 'secondary IP'));
		}
		if (eni.publicIp !== undefined) book.public(subject, 'publicIp', eni.publicIp, holder);
		checkGroupsInVpc(checker, subject, eni.securityGroupIds, subnet?.vpcId);
		if (eni.instanceId === undefined) {
			if (eni.deviceIndex !== undefined) checker.report(subject, 'deviceIndex', `has deviceIndex ${eni.deviceIndex} but no instanceId; set the instance it is attached to, or leave deviceIndex out`);
			return;
		}
		const instance = checker.ref(subject, 'instanceId', eni.instanceId, 'instance');
		if (!instance) return;
		if (eni.deviceIndex === undefined) {
			checker.report(subject, 'deviceIndex', `is attached to instance ${short(instance)} but has no deviceIndex; 0 is the primary interface, 1 and up are secondary`);
			return;
		}
		let indexes = byInstance.get(instance.id);
		if (!indexes) byInstance.set(instance.id, (indexes = new Map()));
		const other = indexes.get(eni.deviceIndex);
		if (other) checker.report(subject, 'deviceIndex', `deviceIndex ${eni.deviceIndex} is already used on instance ${short(instance)} by ${label(other.resource)}; device indexes are unique per instance`);
		else indexes.set(eni.deviceIndex, subject);
	});
	forEach(checker, 'instances', (instance, subject) => {
		if (instance.state === 'terminated') return;
		if (!byInstance.get(instance.id)?.has(0))
			checker.report(subject, '', `has no primary network interface; attach a network interface with instanceId ${instance.id} and deviceIndex 0`);
	});
}

export function checkNatGateways(checker: Checker, book: AddressBook): void {
	forEach(checker, 'natGateways', (nat, subject) => {
		const subnet = checker.ref(subject, 'subnetId', nat.subnetId, 'subnet');
		const gone = nat.state === 'deleted' || nat.state === 'failed';
		const holder: Holder = {kind: 'NAT gateway', resource: nat};
		if (subnet && !gone) book.private(subject, 'privateIp', subnet, nat.privateIp, holder);
		// A deleted gateway has released its elastic IP; imports keep it for the blackhole routes.
		if (nat.connectivity === 'public' && nat.publicIp === undefined && !gone)
			checker.report(subject, 'publicIp', 'is public but has no publicIp; a public NAT gateway needs an elastic IP (or make it private)');
		if (nat.connectivity === 'private' && nat.publicIp !== undefined)
			checker.report(subject, 'publicIp', `is private but has publicIp ${nat.publicIp}; a private NAT gateway has no elastic IP (remove it or make the gateway public)`);
		else if (nat.publicIp !== undefined && !gone) book.public(subject, 'publicIp', nat.publicIp, holder);
	});
}
