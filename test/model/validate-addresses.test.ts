import {describe, expect, it} from 'vitest';
import {expectOnly, problemsAfter} from './helpers.js';

describe('security group rules', () => {
	it('needs exactly one peer', () => {
		const problems = problemsAfter(doc => {
			doc.securityGroups[0]!.ingress = [{protocol: 'tcp', fromPort: 22, toPort: 22}, {protocol: 'tcp', cidr: '10.0.0.0/8', groupId: 'sg-1'}];
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['securityGroups[0].ingress[0]', 'security group app-default (sg-1): ingress rule tcp 22 has no peer; a rule names exactly one of cidr, groupId and prefixListId'],
			['securityGroups[0].ingress[1]', 'security group app-default (sg-1): ingress rule tcp from 10.0.0.0/8 has 2 peers; a rule names exactly one of cidr, groupId and prefixListId'],
		]);
	});

	it('allows ports only for tcp and udp, in order', () => {
		const problems = problemsAfter(doc => {
			doc.securityGroups[0]!.egress = [
				{protocol: 'all', cidr: '0.0.0.0/0', fromPort: 80, toPort: 80},
				{protocol: 'tcp', cidr: '0.0.0.0/0', fromPort: 443, toPort: 80},
				{protocol: 17, cidr: '0.0.0.0/0', fromPort: 53},
				{protocol: 6, cidr: '0.0.0.0/0', fromPort: 1024, toPort: 65535},
			];
		});
		expect(problems.map(p => p.message.replace('security group app-default (sg-1): ', ''))).toEqual([
			'egress rule all 80 to 0.0.0.0/0 has ports but protocol all has none; ports apply only to tcp and udp (leave them out for all)',
			'egress rule tcp 443-80 to 0.0.0.0/0: fromPort 443 is above toPort 80; fromPort must be at most toPort',
			'egress rule 17 53- to 0.0.0.0/0 gives only fromPort; give both fromPort and toPort, or neither for every port',
		]);
	});

	it('allows ICMP type and code only for icmp', () => {
		const problems = problemsAfter(doc => {
			doc.securityGroups[0]!.ingress = [
				{protocol: 'icmp', cidr: '0.0.0.0/0', icmpType: 3, icmpCode: 4},
				{protocol: 'udp', cidr: '0.0.0.0/0', icmpType: 8},
			];
		});
		expectOnly(problems, 'securityGroups[0].ingress[1]', 'security group app-default (sg-1): ingress rule udp from 0.0.0.0/0 has icmpType/icmpCode but protocol udp is not icmp; leave them out');
	});
});

describe('network ACL rules', () => {
	it('needs unique rule numbers per direction', () => {
		const problems = problemsAfter(doc => {
			doc.networkAcls[0]!.inbound = [
				{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'},
				{ruleNumber: 100, protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0', action: 'deny'},
			];
			doc.networkAcls[0]!.outbound = [{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}];
		});
		expectOnly(problems, 'networkAcls[0].inbound[1].ruleNumber', 'network ACL acl-1: inbound rule 100 appears more than once; rule numbers are unique per direction');
	});

	it('allows ports only for tcp and udp, in order', () => {
		const problems = problemsAfter(doc => {
			doc.networkAcls[0]!.outbound = [
				{ruleNumber: 100, protocol: 'icmp', fromPort: 0, toPort: 0, cidr: '0.0.0.0/0', action: 'allow'},
				{ruleNumber: 110, protocol: 'udp', fromPort: 2000, toPort: 1000, cidr: '0.0.0.0/0', action: 'allow'},
			];
		});
		expect(problems.map(p => p.path)).toEqual(['networkAcls[0].outbound[0]', 'networkAcls[0].outbound[1]']);
		expect(problems[0]!.message).toBe('network ACL acl-1: outbound rule 100 has ports but protocol icmp has none; ports apply only to tcp and udp (leave them out for icmp)');
	});
});

describe('private addresses', () => {
	it('must lie inside the subnet', () => {
		const problems = problemsAfter(doc => (doc.networkInterfaces[0]!.privateIp = '10.0.2.10'));
		expectOnly(problems, 'networkInterfaces[0].privateIp', 'network interface eni-1: privateIp 10.0.2.10 is not inside subnet web-a (10.0.1.0/24); choose an address from 10.0.1.4 to 10.0.1.254');
	});

	it.each([
		['10.0.1.0', 'as the network address'],
		['10.0.1.1', 'for the VPC router'],
		['10.0.1.2', 'for the DNS server'],
		['10.0.1.3', 'for future use'],
		['10.0.1.255', 'as the broadcast address'],
	])('refuses the reserved %s', (ip, role) => {
		const problems = problemsAfter(doc => (doc.networkInterfaces[0]!.secondaryPrivateIps = [ip]));
		expectOnly(problems, 'networkInterfaces[0].secondaryPrivateIps[0]', `network interface eni-1: secondary IP ${ip} is reserved by AWS ${role} of subnet web-a; choose an address from 10.0.1.4 to 10.0.1.254`);
	});

	it('must be unique within the VPC, whatever holds them', () => {
		const problems = problemsAfter(doc => {
			doc.natGateways.push({id: 'nat-1', subnetId: 'subnet-1', privateIp: '10.0.1.10', publicIp: '54.0.0.1'});
			doc.loadBalancers.push({id: 'nlb-1', vpcId: 'vpc-1', nodes: [{subnetId: 'subnet-1', privateIp: '10.0.1.10'}]});
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['natGateways[0].privateIp', 'NAT gateway nat-1: privateIp 10.0.1.10 is already used by network interface eni-1 in vpc-app; private addresses are unique within a VPC'],
			['loadBalancers[0].nodes[0].privateIp', 'load balancer nlb-1: nodes[0].privateIp 10.0.1.10 is already used by network interface eni-1 in vpc-app; private addresses are unique within a VPC'],
		]);
	});

	it('may repeat in another VPC', () => {
		const problems = problemsAfter(doc => {
			doc.vpcs[1]!.cidrBlocks = ['10.0.0.0/16'];
			doc.subnets[2]!.cidr = '10.0.1.0/24';
			doc.networkInterfaces.push({id: 'eni-2', subnetId: 'subnet-3', privateIp: '10.0.1.10'});
		});
		expect(problems).toEqual([]);
	});
});

describe('public addresses', () => {
	it('must be public and unique', () => {
		const problems = problemsAfter(doc => {
			doc.networkInterfaces[0]!.publicIp = '54.0.0.1';
			doc.networkInterfaces.push({id: 'eni-2', subnetId: 'subnet-2', privateIp: '10.0.2.10', publicIp: '172.16.0.5'});
			doc.natGateways.push({id: 'nat-1', subnetId: 'subnet-2', privateIp: '10.0.2.20', publicIp: '54.0.0.1'});
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['networkInterfaces[1].publicIp', 'network interface eni-2: publicIp 172.16.0.5 is a private (RFC 1918) address; a public IP must be a public address'],
			['natGateways[0].publicIp', 'NAT gateway nat-1: publicIp 54.0.0.1 is already used by network interface eni-1; a public IP belongs to one resource'],
		]);
	});
});

describe('network interfaces and instances', () => {
	it('needs security groups of the interface VPC', () => {
		const problems = problemsAfter(doc => (doc.networkInterfaces[0]!.securityGroupIds = ['sg-1', 'sg-2']));
		expectOnly(problems, 'networkInterfaces[0].securityGroupIds[1]', 'network interface eni-1: security group db-default (sg-2) belongs to vpc-db, not vpc-app; security groups must be in the same VPC');
	});

	it('needs a primary interface on every instance', () => {
		const problems = problemsAfter(doc => (doc.networkInterfaces[0]!.deviceIndex = 1));
		expectOnly(problems, 'instances[0]', 'instance web-1 (i-1): has no primary network interface; attach a network interface with instanceId i-1 and deviceIndex 0');
	});

	it('does not need one on a terminated instance', () => {
		expect(problemsAfter(doc => doc.instances.push({id: 'i-2', state: 'terminated'}))).toEqual([]);
	});

	it('needs unique device indexes per instance', () => {
		const problems = problemsAfter(doc => doc.networkInterfaces.push({id: 'eni-2', subnetId: 'subnet-2', privateIp: '10.0.2.10', instanceId: 'i-1', deviceIndex: 0}));
		expectOnly(problems, 'networkInterfaces[1].deviceIndex', 'network interface eni-2: deviceIndex 0 is already used on instance web-1 by eni-1; device indexes are unique per instance');
	});

	it('needs a device index with an instance and an instance with a device index', () => {
		const problems = problemsAfter(doc => {
			doc.networkInterfaces.push({id: 'eni-2', subnetId: 'subnet-2', privateIp: '10.0.2.10', instanceId: 'i-1'});
			doc.networkInterfaces.push({id: 'eni-3', subnetId: 'subnet-2', privateIp: '10.0.2.11', deviceIndex: 1});
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['networkInterfaces[1].deviceIndex', 'network interface eni-2: is attached to instance web-1 but has no deviceIndex; 0 is the primary interface, 1 and up are secondary'],
			['networkInterfaces[2].deviceIndex', 'network interface eni-3: has deviceIndex 1 but no instanceId; set the instance it is attached to, or leave deviceIndex out'],
		]);
	});
});

describe('NAT gateways', () => {
	it('needs an elastic IP when public and none when private', () => {
		const problems = problemsAfter(doc => {
			doc.natGateways.push({id: 'nat-1', subnetId: 'subnet-1', privateIp: '10.0.1.20'});
			doc.natGateways.push({id: 'nat-2', subnetId: 'subnet-2', connectivity: 'private', privateIp: '10.0.2.20', publicIp: '54.0.0.9'});
			doc.natGateways.push({id: 'nat-3', subnetId: 'subnet-2', privateIp: '10.0.2.20', state: 'deleted'});
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['natGateways[0].publicIp', 'NAT gateway nat-1: is public but has no publicIp; a public NAT gateway needs an elastic IP (or make it private)'],
			['natGateways[1].publicIp', 'NAT gateway nat-2: is private but has publicIp 54.0.0.9; a private NAT gateway has no elastic IP (remove it or make the gateway public)'],
		]);
	});
});
