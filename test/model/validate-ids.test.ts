import {describe, expect, it} from 'vitest';
import {baseDoc, expectOnly, problemsAfter} from './helpers.js';
import {parseTopology} from '../../source/model/parse.js';
import {validateTopology} from '../../source/model/validate.js';

describe('the base test topology', () => {
	it('is valid', () => {
		const parsed = parseTopology(baseDoc());
		expect(parsed.ok && validateTopology(parsed.topology)).toEqual([]);
	});
});

describe('identity', () => {
	it('refuses an id used twice, across collections', () => {
		const problems = problemsAfter(doc => doc.prefixLists.push({id: 'subnet-2', cidrs: ['1.2.3.0/24']}));
		const problem = expectOnly(problems, 'prefixLists[0].id', 'prefix list subnet-2: id "subnet-2" is already used by subnet web-b (subnet-2); ids must be unique across the topology');
		expect(problem.resourceId).toBe('subnet-2');
	});

	it('refuses a nested id that repeats a resource id or another nested id', () => {
		const problems = problemsAfter(doc => {
			doc.vpcEndpoints.push({
				id: 'vpce-1',
				vpcId: 'vpc-1',
				type: 'interface',
				serviceName: 'com.amazonaws.us-east-1.sqs',
				networkInterfaces: [
					{id: 'eni-1', subnetId: 'subnet-1', privateIp: '10.0.1.20'},
					{id: 'eni-x', subnetId: 'subnet-2', privateIp: '10.0.2.20'},
				],
			});
			doc.clientVpnEndpoints.push({id: 'cvpn-1', vpcId: 'vpc-1', clientCidr: '172.16.0.0/22', targetNetworks: [{id: 'eni-x', subnetId: 'subnet-1', privateIp: '10.0.1.30'}]});
		});
		expect(problems.map(p => [p.path, p.message])).toEqual([
			['vpcEndpoints[0].networkInterfaces[0].id', 'VPC endpoint vpce-1: id "eni-1" is already used by network interface eni-1; ids must be unique across the topology'],
			['clientVpnEndpoints[0].targetNetworks[0].id', 'client VPN endpoint cvpn-1: id "eni-x" is already used by an interface of VPC endpoint vpce-1; ids must be unique across the topology'],
		]);
	});

	it('refuses a duplicate name, ignoring case', () => {
		const problems = problemsAfter(doc => (doc.routeTables[1]!.name = 'WEB-A'));
		expectOnly(problems, 'routeTables[1].name', 'route table WEB-A (rtb-2): duplicate name "WEB-A": subnet web-a (subnet-1) already has it (names are unique across the topology, ignoring case); choose another name');
	});

	it('refuses a name that is another resource id', () => {
		const problems = problemsAfter(doc => (doc.instances[0]!.name = 'eni-1'));
		expectOnly(problems, 'instances[0].name', /^instance eni-1 \(i-1\): name "eni-1" is the id of network interface eni-1/);
	});
});

describe('suggested traces', () => {
	const trace = (from: string, to: string) => ({from, to, expect: 'reachable' as const, why: 'test'});

	it('accepts addresses, ids, names and client:<endpoint>', () => {
		const problems = problemsAfter(doc => {
			doc.clientVpnEndpoints.push({id: 'cvpn-1', name: 'laptops', vpcId: 'vpc-1', clientCidr: '172.16.0.0/22'});
			doc.suggestedTraces.push(trace('web-1', '8.8.8.8'), trace('client:laptops', 'eni-1'), trace('client:cvpn-1', 'WEB-1'));
		});
		expect(problems).toEqual([]);
	});

	it('refuses an end that resolves to nothing', () => {
		const problems = problemsAfter(doc => doc.suggestedTraces.push(trace('web-9', '8.8.8.8')));
		expectOnly(problems, 'suggestedTraces[0].from', 'suggested trace 1: from "web-9": no resource "web-9" in this topology; use an IPv4 address, a resource id or name, or client:<client VPN endpoint>');
	});

	it('refuses client: naming something other than a client VPN endpoint', () => {
		const problems = problemsAfter(doc => doc.suggestedTraces.push(trace('8.8.8.8', 'client:web-1')));
		expectOnly(problems, 'suggestedTraces[0].to', 'suggested trace 1: to "client:web-1" names instance web-1 (i-1), not a client VPN endpoint; write client:<client VPN endpoint id or name>');
		const missing = problemsAfter(doc => doc.suggestedTraces.push(trace('client:cvpn-9', '8.8.8.8')));
		expectOnly(missing, 'suggestedTraces[0].from', 'suggested trace 1: from "client:cvpn-9": no resource "cvpn-9" in this topology; write client:<client VPN endpoint id or name>');
	});
});

describe('references', () => {
	it('says when a reference names nothing', () => {
		const problems = problemsAfter(doc => (doc.subnets[1]!.routeTableId = 'rtb-9'));
		expectOnly(problems, 'subnets[1].routeTableId', 'subnet web-b (subnet-2): routeTableId "rtb-9" does not exist; it must be the id of a route table');
	});

	it('says when a reference is of the wrong kind', () => {
		const problems = problemsAfter(doc => (doc.subnets[1]!.networkAclId = 'sg-1'));
		expectOnly(problems, 'subnets[1].networkAclId', 'subnet web-b (subnet-2): networkAclId "sg-1" is a security group, not a network ACL');
	});

	it('points a name used as a reference to the id', () => {
		const problems = problemsAfter(doc => (doc.subnets[1]!.vpcId = 'vpc-app'));
		expectOnly(problems, 'subnets[1].vpcId', 'subnet web-b (subnet-2): vpcId "vpc-app" is a name; references use ids, here vpc-1');
	});

	it('checks listener target groups, instance targets and security group rule references', () => {
		const problems = problemsAfter(doc => {
			doc.targetGroups.push({id: 'tg-1', protocol: 'TCP', port: 80, vpcId: 'vpc-1', targets: [{target: 'i-9'}]});
			doc.loadBalancers.push({id: 'nlb-1', vpcId: 'vpc-1', nodes: [{subnetId: 'subnet-1', privateIp: '10.0.1.50'}], listeners: [{protocol: 'TCP', port: 80, targetGroupId: 'tg-2'}]});
			doc.securityGroups[0]!.ingress = [{protocol: 'tcp', groupId: 'sg-9'}, {protocol: 'tcp', prefixListId: 'pl-9'}];
		});
		expect(problems.map(p => p.path)).toEqual([
			'securityGroups[0].ingress[0].groupId',
			'securityGroups[0].ingress[1].prefixListId',
			'loadBalancers[0].listeners[0].targetGroupId',
			'targetGroups[0].targets[0].target',
		]);
		expect(problems[3]!.message).toBe('target group tg-1: targets[0].target "i-9" does not exist; it must be the id of an instance');
	});
});
