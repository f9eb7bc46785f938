import {describe, expect, test} from 'vitest';
import {applyCommand, runCommand} from '../../source/commands/apply.js';
import {parseCommand} from '../../source/commands/parse.js';
import type {Command} from '../../source/commands/types.js';
import {build, emptyTopology, refuse} from './fixture.js';

const base = ['add vpc app 10.0.0.0/16 region=us-east-1', 'add subnet web-a vpc=app cidr=10.0.1.0/24 az=us-east-1a'];

describe('VPCs', () => {
	test('add vpc creates the VPC with its main route table, default NACL and default security group', () => {
		const topology = build(['add vpc app 10.0.0.0/16 region=eu-west-1 account=111122223333']);
		const [vpc] = topology.vpcs;
		expect(vpc).toMatchObject({name: 'app', cidrBlocks: ['10.0.0.0/16'], region: 'eu-west-1', accountId: '111122223333'});
		expect(vpc!.id).toMatch(/^vpc-[0-9a-f]{8}$/);
		expect(topology.routeTables).toEqual([
			{id: expect.stringMatching(/^rtb-/), name: 'app-main', vpcId: vpc!.id, main: true, routes: [], propagatingVgwIds: [], gatewayIds: []},
		]);
		const acl = topology.networkAcls[0]!;
		expect(acl).toMatchObject({name: 'app-default-acl', isDefault: true});
		expect(acl.inbound).toEqual([{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}]);
		const sg = topology.securityGroups[0]!;
		expect(sg).toMatchObject({name: 'app-default-sg', isDefault: true, egress: [{protocol: 'all', cidr: '0.0.0.0/0'}]});
		expect(sg.ingress).toEqual([{protocol: 'all', groupId: sg.id}]);
	});

	test('ids are deterministic: the same commands give the same ids', () => {
		const a = build([...base, 'add vpc other 10.1.0.0/16']);
		const b = build([...base, 'add vpc other 10.1.0.0/16']);
		expect(a).toEqual(b);
		const ids = [a.vpcs, a.subnets, a.routeTables, a.securityGroups, a.networkAcls].flat().map(item => item.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	test('secondary blocks are added and removed; the primary stays', () => {
		let topology = build([...base, 'add vpc-cidr app 10.1.0.0/16']);
		expect(topology.vpcs[0]!.cidrBlocks).toEqual(['10.0.0.0/16', '10.1.0.0/16']);
		expect(refuse(topology, 'rm vpc-cidr app 10.0.0.0/16')).toContain('is the primary block');
		expect(refuse(topology, 'add vpc-cidr app 10.1.0.0/16')).toContain('already has the block');
		topology = build(['rm vpc-cidr app 10.1.0.0/16'], topology);
		expect(topology.vpcs[0]!.cidrBlocks).toEqual(['10.0.0.0/16']);
	});

	test('a VPC block outside /16-/28 is refused', () => {
		expect(refuse(emptyTopology(), 'add vpc big 10.0.0.0/8')).toMatch(/\/8.*between \/16 and \/28/);
		expect(refuse(emptyTopology(), 'add vpc tiny 10.0.0.0/29')).toMatch(/between \/16 and \/28/);
	});

	test('a duplicate name is refused', () => {
		const topology = build(base);
		expect(refuse(topology, 'add vpc app 10.1.0.0/16')).toBe('the name "app" is already used by vpc app (' + topology.vpcs[0]!.id + ')');
		expect(refuse(topology, 'add subnet WEB-A app 10.0.2.0/24')).toContain('already used by subnet web-a');
	});

	test('the names of the VPC\'s default resources must be free too', () => {
		const topology = build([...base, 'add rtb x-main app']);
		expect(refuse(topology, 'add vpc x 10.1.0.0/16')).toMatch(/^the name "x-main" is already used by route-table x-main/);
	});

	test('a reference to a missing resource is refused', () => {
		expect(refuse(build(base), 'add subnet web-b vpc=nope cidr=10.0.2.0/24')).toBe('no VPC "nope" in this topology');
		expect(refuse(build(base), 'add subnet web-b vpc=web-a cidr=10.0.2.0/24')).toBe('"web-a" is a subnet, not a VPC');
	});

	test('removing a VPC others use names them; an empty VPC goes with its defaults', () => {
		const topology = build([...base, 'add sg web vpc=app']);
		expect(refuse(topology, 'rm vpc app')).toBe(`cannot remove app (${topology.vpcs[0]!.id}): web-a, web still use it`);
		const empty = build(['add vpc app 10.0.0.0/16']);
		const result = runCommand(empty, 'rm vpc app');
		expect(result.ok && result.topology.vpcs).toEqual([]);
		expect(result.ok && [result.topology.routeTables, result.topology.networkAcls, result.topology.securityGroups]).toEqual([[], [], []]);
	});
});

test('a long list of users is cut short', () => {
	const lines = ['add vpc app 10.0.0.0/16'];
	for (let i = 1; i <= 9; i++) lines.push(`add subnet s${i} app 10.0.${i}.0/24`);
	const topology = build(lines);
	expect(refuse(topology, 'rm vpc app')).toBe(`cannot remove app (${topology.vpcs[0]!.id}): s1, s2, s3, s4, s5, s6 and 3 more still use it`);
});

describe('subnets', () => {
	test('a subnet defaults to the region\'s first zone and the VPC\'s main table and default ACL', () => {
		const topology = build(['add vpc app 10.0.0.0/16 region=eu-west-1', 'add subnet web-a app 10.0.1.0/24']);
		expect(topology.subnets[0]).toEqual({id: expect.stringMatching(/^subnet-/), name: 'web-a', vpcId: topology.vpcs[0]!.id, cidr: '10.0.1.0/24', availabilityZone: 'eu-west-1a'});
	});

	test('a subnet outside its VPC or overlapping another is refused', () => {
		const topology = build(base);
		expect(refuse(topology, 'add subnet x app 10.2.0.0/24')).toContain('is not inside');
		expect(refuse(topology, 'add subnet x app 10.0.1.128/25')).toContain('overlaps subnet web-a');
	});

	test('associations with a route table and a NACL, and back to the defaults', () => {
		let topology = build([...base, 'add rtb public app', 'add acl web app', 'set subnet web-a rtb=public acl=web']);
		expect(topology.subnets[0]).toMatchObject({routeTableId: topology.routeTables[1]!.id, networkAclId: topology.networkAcls[1]!.id});
		topology = build(['set subnet web-a rtb=main acl=default'], topology);
		expect(topology.subnets[0]!.routeTableId).toBeUndefined();
		expect(topology.subnets[0]!.networkAclId).toBeUndefined();
	});

	test('a route table of another VPC cannot be associated', () => {
		const topology = build([...base, 'add vpc other 10.1.0.0/16']);
		expect(refuse(topology, 'set subnet web-a rtb=other-main')).toContain('belongs to another VPC');
	});

	test('set with nothing to change is refused', () => {
		expect(refuse(build(base), 'set subnet web-a')).toContain('nothing to change');
	});
});

describe('purity', () => {
	test('applying a command never mutates its input, and unchanged collections are shared', () => {
		const topology = build([...base, 'add sg web vpc=app', 'add instance web-1 web-a sg=web']);
		const snapshot = structuredClone(topology);
		const lines = ['add subnet web-b app 10.0.2.0/24', 'add sg-rule web in tcp 443 from=0.0.0.0/0', 'set instance web-1 public-ip=auto', 'rm instance web-1', 'rename web-a public-a'];
		for (const line of lines) {
			const result = applyCommand(topology, parseCommand(line) as Command);
			expect(result.ok, line).toBe(true);
			expect(topology).toEqual(snapshot);
			if (result.ok) expect(result.topology).not.toBe(topology);
		}
		const added = runCommand(topology, 'add subnet web-b app 10.0.2.0/24');
		expect(added.ok && added.topology.securityGroups).toBe(topology.securityGroups);
	});

	test('a refused command returns no topology and leaves the input deep-equal', () => {
		const topology = build(base);
		const snapshot = structuredClone(topology);
		const result = runCommand(topology, 'add subnet x app 10.0.1.0/25');
		expect(result.ok).toBe(false);
		expect(topology).toEqual(snapshot);
	});
});

describe('rename', () => {
	test('renames by id or name; ids and references stay', () => {
		const topology = build([...base, 'rename web-a public-a']);
		expect(topology.subnets[0]!.name).toBe('public-a');
		const byId = build([`rename ${topology.vpcs[0]!.id} main-vpc`], topology);
		expect(byId.vpcs[0]!.name).toBe('main-vpc');
		expect(byId.subnets[0]!.vpcId).toBe(topology.vpcs[0]!.id);
		expect(refuse(topology, 'rename public-a app')).toContain('already used by vpc app');
	});
});
