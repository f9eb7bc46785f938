import {describe, expect, test} from 'vitest';
import {build, refuse} from './fixture.js';

const base = ['add vpc app 10.0.0.0/16', 'add subnet web-a app 10.0.1.0/24', 'add sg web vpc=app', 'add sg db vpc=app', 'add pl office 192.0.2.0/24'];

describe('security groups', () => {
	test('a new group has no inbound rules and allows all out', () => {
		const sg = build(base).securityGroups.find(group => group.name === 'web')!;
		expect(sg).toMatchObject({isDefault: false, ingress: [], egress: [{protocol: 'all', cidr: '0.0.0.0/0'}]});
	});

	test('rules take a CIDR, a group or a prefix list as peer', () => {
		const topology = build([
			...base,
			'add sg-rule web in tcp 443 from=0.0.0.0/0 description=https',
			'add sg-rule db in tcp 5432 from=web',
			'add sg-rule web in udp 1000-2000 from=office',
			'add sg-rule web in icmp 8 from=10.0.0.0/8 code=0',
			'add sg-rule web in all from=10.0.0.0/16',
		]);
		const web = topology.securityGroups.find(group => group.name === 'web')!;
		const db = topology.securityGroups.find(group => group.name === 'db')!;
		expect(web.ingress).toEqual([
			{protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', description: 'https'},
			{protocol: 'udp', fromPort: 1000, toPort: 2000, prefixListId: topology.prefixLists[0]!.id},
			{protocol: 'icmp', icmpType: 8, icmpCode: 0, cidr: '10.0.0.0/8'},
			{protocol: 'all', cidr: '10.0.0.0/16'},
		]);
		expect(db.ingress).toEqual([{protocol: 'tcp', fromPort: 5432, toPort: 5432, groupId: web.id}]);
	});

	test('the peer keyword follows the direction', () => {
		const topology = build(base);
		expect(refuse(topology, 'add sg-rule web in tcp 443 to=0.0.0.0/0')).toContain('names its source with from=');
		expect(refuse(topology, 'add sg-rule web out tcp 443')).toContain('give the destination: to=');
		expect(refuse(topology, 'add sg-rule web in tcp 443 from=web-a')).toContain('"web-a" is a subnet, not a security group or a prefix list');
		expect(refuse(topology, 'add sg-rule web in all 80 from=0.0.0.0/0')).toContain('ports apply to tcp and udp only');
	});

	test('duplicate rules are refused; rm takes the same words as add', () => {
		let topology = build([...base, 'add sg-rule web in tcp 443 from=0.0.0.0/0']);
		expect(refuse(topology, 'add sg-rule web in tcp 443 from=0.0.0.0/0')).toContain('already has the rule inbound tcp 443 from 0.0.0.0/0');
		topology = build(['rm sg-rule web in tcp 443 from=0.0.0.0/0', 'rm sg-rule web out all to=0.0.0.0/0'], topology);
		const web = topology.securityGroups.find(group => group.name === 'web')!;
		expect([web.ingress, web.egress]).toEqual([[], []]);
		expect(refuse(topology, 'rm sg-rule web in tcp 443 from=0.0.0.0/0')).toContain('has no rule inbound tcp 443');
	});

	test('a group in use, or a default group, cannot be removed', () => {
		const topology = build([...base, 'add sg-rule db in tcp 5432 from=web', 'add instance web-1 web-a sg=web']);
		expect(refuse(topology, 'rm sg web')).toMatch(/cannot remove web \(sg-[0-9a-f]+\): db, web-1-eth0 still use it/);
		expect(refuse(topology, 'rm sg app-default-sg')).toContain("default security group; it goes only with the VPC");
	});
});

describe('network ACLs', () => {
	test('a new ACL denies all; rules are kept in number order', () => {
		const topology = build([
			...base,
			'add acl pub vpc=app',
			'add acl-rule pub in 200 allow all from=0.0.0.0/0',
			'add acl-rule pub in 100 deny tcp 22 from=203.0.113.0/24',
			'add acl-rule pub out 100 allow tcp 1024-65535 to=0.0.0.0/0',
		]);
		const acl = topology.networkAcls.find(item => item.name === 'pub')!;
		expect(acl.inbound).toEqual([
			{ruleNumber: 100, protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '203.0.113.0/24', action: 'deny'},
			{ruleNumber: 200, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'},
		]);
		expect(acl.outbound).toEqual([{ruleNumber: 100, protocol: 'tcp', fromPort: 1024, toPort: 65535, cidr: '0.0.0.0/0', action: 'allow'}]);
	});

	test('numbers are unique per direction; replace and rm work by number', () => {
		let topology = build([...base, 'add acl pub vpc=app', 'add acl-rule pub in 100 allow tcp 443 from=0.0.0.0/0']);
		expect(refuse(topology, 'add acl-rule pub in 100 deny all from=0.0.0.0/0')).toContain('already has inbound rule 100');
		topology = build(['replace acl-rule pub in 100 deny tcp 443 from=0.0.0.0/0'], topology);
		expect(topology.networkAcls.find(item => item.name === 'pub')!.inbound[0]!.action).toBe('deny');
		topology = build(['rm acl-rule pub in 100'], topology);
		expect(topology.networkAcls.find(item => item.name === 'pub')!.inbound).toEqual([]);
		expect(refuse(topology, 'rm acl-rule pub in 100')).toContain('has no inbound rule 100');
		expect(refuse(topology, 'replace acl-rule pub out 5 allow all to=0.0.0.0/0')).toContain('no outbound rule 5 to replace');
	});

	test('an associated or default ACL cannot be removed', () => {
		const topology = build([...base, 'add acl pub vpc=app', 'set subnet web-a acl=pub']);
		expect(refuse(topology, 'rm acl pub')).toContain('web-a still uses it');
		expect(refuse(topology, 'rm acl app-default-acl')).toContain('default network ACL');
	});
});
