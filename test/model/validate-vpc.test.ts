import {describe, expect, it} from 'vitest';
import {expectOnly, expectSome, problemsAfter} from './helpers.js';

describe('VPC blocks', () => {
	it('refuses a block larger than /16 or smaller than /28', () => {
		const problems = problemsAfter(doc => doc.vpcs[0]!.cidrBlocks.push('172.16.0.0/12', '192.168.0.0/29'));
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['vpcs[0].cidrBlocks[1]', 'VPC vpc-app (vpc-1): block 172.16.0.0/12 is a /12; a VPC block must be between /16 and /28'],
			['vpcs[0].cidrBlocks[2]', 'VPC vpc-app (vpc-1): block 192.168.0.0/29 is a /29; a VPC block must be between /16 and /28'],
		]);
	});

	it('refuses link-local space', () => {
		const problems = problemsAfter(doc => doc.vpcs[0]!.cidrBlocks.push('169.254.10.0/24'));
		expectOnly(problems, 'vpcs[0].cidrBlocks[1]', /block 169\.254\.10\.0\/24 is in the link-local range 169\.254\.0\.0\/16, which AWS does not allow for a VPC/);
	});

	it('refuses blocks of one VPC that overlap', () => {
		const problems = problemsAfter(doc => doc.vpcs[0]!.cidrBlocks.push('10.2.0.0/16', '10.0.128.0/20'));
		expectOnly(problems, 'vpcs[0].cidrBlocks[2]', "VPC vpc-app (vpc-1): block 10.0.128.0/20 overlaps block 10.0.0.0/16; a VPC's blocks must not overlap");
	});
});

describe('subnets', () => {
	it('refuses a size outside /16-/28', () => {
		const problems = problemsAfter(doc => (doc.subnets[1]!.cidr = '10.0.2.0/29'));
		expectOnly(problems, 'subnets[1].cidr', 'subnet web-b (subnet-2): cidr 10.0.2.0/29 is a /29; a subnet must be between /16 and /28');
	});

	it('refuses a subnet outside its VPC', () => {
		const problems = problemsAfter(doc => (doc.subnets[1]!.cidr = '10.1.0.0/24'));
		expectOnly(problems, 'subnets[1].cidr', "subnet web-b (subnet-2): cidr 10.1.0.0/24 is not inside vpc-app's blocks (10.0.0.0/16); choose a block inside them");
	});

	it('refuses a subnet that straddles two blocks of its VPC', () => {
		const problems = problemsAfter(doc => {
			doc.vpcs[0]!.cidrBlocks = ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'];
			doc.subnets[1]!.cidr = '10.0.2.0/23';
		});
		expectOnly(problems, 'subnets[1].cidr', /cidr 10\.0\.2\.0\/23 is not inside vpc-app's blocks \(10\.0\.1\.0\/24, 10\.0\.2\.0\/24, 10\.0\.3\.0\/24\)/);
	});

	it('refuses overlapping subnets of one VPC and names the other', () => {
		const problems = problemsAfter(doc => (doc.subnets[1]!.cidr = '10.0.0.0/22'));
		expectOnly(problems, 'subnets[1].cidr', 'subnet web-b (subnet-2): cidr 10.0.0.0/22 overlaps subnet web-a (subnet-1) (10.0.1.0/24); subnets of a VPC must not overlap');
	});

	it('allows the same block in two VPCs', () => {
		const problems = problemsAfter(doc => {
			doc.vpcs[1]!.cidrBlocks = ['10.0.0.0/16'];
			doc.subnets[2]!.cidr = '10.0.1.0/24';
		});
		expect(problems).toEqual([]);
	});

	it('refuses a route table or network ACL of another VPC', () => {
		const problems = problemsAfter(doc => {
			doc.subnets[0]!.routeTableId = 'rtb-2';
			doc.subnets[0]!.networkAclId = 'acl-2';
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['subnets[0].routeTableId', "subnet web-a (subnet-1): routeTableId rtb-2 belongs to vpc-db, not vpc-app; a subnet's route table must be in its own VPC"],
			['subnets[0].networkAclId', "subnet web-a (subnet-1): networkAclId acl-2 belongs to vpc-db, not vpc-app; a subnet's network ACL must be in its own VPC"],
		]);
	});
});

describe('per-VPC singletons', () => {
	it('refuses a second main route table', () => {
		const problems = problemsAfter(doc => doc.routeTables.push({id: 'rtb-3', vpcId: 'vpc-1', main: true}));
		expectOnly(problems, 'routeTables[2].main', 'route table rtb-3: vpc-app already has main route table app-main (rtb-1); a VPC has exactly one main route table');
	});

	it('needs a main route table in a VPC with subnets', () => {
		const problems = problemsAfter(doc => (doc.routeTables[1]!.main = false));
		expectOnly(problems, 'vpcs[1]', /^VPC vpc-db \(vpc-2\): has subnets but no main route table; mark one of its route tables main/);
	});

	it('does not need a main route table in an empty VPC', () => {
		expect(problemsAfter(doc => doc.vpcs.push({id: 'vpc-3', cidrBlocks: ['10.9.0.0/16']}))).toEqual([]);
	});

	it('refuses a second default network ACL or security group', () => {
		const problems = problemsAfter(doc => {
			doc.networkAcls.push({id: 'acl-3', vpcId: 'vpc-1', isDefault: true});
			doc.securityGroups.push({id: 'sg-3', vpcId: 'vpc-1', isDefault: true});
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['networkAcls[2].isDefault', 'network ACL acl-3: vpc-app already has default network ACL acl-1; a VPC has one default network ACL'],
			['securityGroups[2].isDefault', 'security group sg-3: vpc-app already has default security group app-default (sg-1); a VPC has one default security group'],
		]);
	});

	it('needs a default network ACL for a subnet without networkAclId', () => {
		const problems = problemsAfter(doc => {
			doc.networkAcls[1]!.isDefault = false;
		});
		expectOnly(problems, 'subnets[2].networkAclId', 'subnet db-a (subnet-3): has no networkAclId and vpc-db has no default network ACL; set networkAclId or mark one of its network ACLs isDefault');
		expect(problemsAfter(doc => {
			doc.networkAcls[1]!.isDefault = false;
			doc.subnets[2]!.networkAclId = 'acl-2';
		})).toEqual([]);
	});

	it('refuses a second internet gateway or attached VGW', () => {
		const problems = problemsAfter(doc => {
			doc.internetGateways.push({id: 'igw-2', vpcId: 'vpc-1'}, {id: 'igw-3'});
			doc.vpnGateways.push({id: 'vgw-1', vpcId: 'vpc-2'}, {id: 'vgw-2', vpcId: 'vpc-2'}, {id: 'vgw-3', vpcId: 'vpc-2', state: 'deleted'});
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['internetGateways[1].vpcId', 'internet gateway igw-2: vpc-app already has internet gateway igw-1; a VPC can have one internet gateway attached'],
			['vpnGateways[1].vpcId', 'virtual private gateway vgw-2: vpc-db already has virtual private gateway vgw-1; a VPC can have one virtual private gateway attached'],
		]);
	});

	it('checks gateway VPC references', () => {
		const problems = problemsAfter(doc => doc.egressOnlyInternetGateways.push({id: 'eigw-1', vpcId: 'vpc-9'}));
		expectSome(problems, 'egressOnlyInternetGateways[0].vpcId', /vpcId "vpc-9" does not exist; it must be the id of a VPC/);
	});
});
