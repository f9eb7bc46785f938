import {describe, expect, test} from 'vitest';
import {runCommand} from '../../source/commands/apply.js';
import {build, refuse} from './fixture.js';

const base = [
	'add vpc app 10.0.0.0/16',
	'add subnet public-a app 10.0.1.0/24',
	'add subnet private-a app 10.0.2.0/24',
	'add rtb public vpc=app',
	'add igw main vpc=app',
	'set subnet public-a rtb=public',
];

const tableNamed = (topology: ReturnType<typeof build>, name: string) => topology.routeTables.find(rtb => rtb.name === name)!;

describe('routes', () => {
	test('add, replace and remove routes by CIDR', () => {
		let topology = build([...base, 'add route public 0.0.0.0/0 main']);
		const igw = topology.internetGateways[0]!;
		expect(tableNamed(topology, 'public').routes).toEqual([{destinationCidr: '0.0.0.0/0', target: igw.id, origin: 'static', state: 'active'}]);
		expect(refuse(topology, 'add route public 0.0.0.0/0 main')).toContain('already has a route to 0.0.0.0/0');
		topology = build(['add nat nat-a public-a', 'replace route public 0.0.0.0/0 nat-a'], topology);
		expect(tableNamed(topology, 'public').routes[0]!.target).toBe(topology.natGateways[0]!.id);
		expect(refuse(topology, 'replace route public 10.9.0.0/16 main')).toContain('no route to 10.9.0.0/16 to replace');
		topology = build(['rm route public 0.0.0.0/0'], topology);
		expect(tableNamed(topology, 'public').routes).toEqual([]);
		expect(refuse(topology, 'rm route public 0.0.0.0/0')).toContain('has no route to 0.0.0.0/0');
	});

	test('prefix-list destinations, blackhole and propagated routes', () => {
		const topology = build([
			...base,
			'add pl office 192.0.2.0/24',
			'add route public office main',
			'add route public 10.9.0.0/16 main state=blackhole origin=propagated',
		]);
		const routes = tableNamed(topology, 'public').routes;
		expect(routes[0]).toMatchObject({destinationPrefixListId: topology.prefixLists[0]!.id, target: topology.internetGateways[0]!.id});
		expect(routes[0]!.destinationCidr).toBeUndefined();
		expect(routes[1]).toMatchObject({state: 'blackhole', origin: 'propagated'});
	});

	test('every target kind is accepted by name; other kinds are refused', () => {
		const topology = build([
			...base,
			'add vpc b 10.1.0.0/16',
			'add pcx a-b app b',
			'add tgw hub',
			'add tgw-attachment app-att hub vpc app subnet=private-a',
			'add vgw vgw-1 vpc=app',
			'add eigw out vpc=app',
			'add instance box private-a source-dest-check=false',
			'add route public 10.1.0.0/16 a-b',
			'add route public 10.2.0.0/16 hub',
			'add route public 192.168.0.0/16 vgw-1',
			'add route public 10.3.0.0/16 box',
			'add route public 10.4.0.0/16 box-eth0',
		]);
		expect(tableNamed(topology, 'public').routes.map(route => route.target.split('-')[0])).toEqual(['pcx', 'tgw', 'vgw', 'i', 'eni']);
		// An egress-only gateway carries IPv6 only, and every route here is IPv4.
		expect(refuse(topology, 'add route public 10.5.0.0/16 out')).toContain('IPv6 traffic only');
		expect(refuse(topology, 'add route public 10.6.0.0/16 private-a')).toContain('"private-a" is a subnet, not one of the kinds it takes (internet gateway, egress-only internet gateway, NAT gateway,');
	});

	test('the main route table moves; the main table cannot be removed', () => {
		const topology = build([...base, 'set rtb public main=true']);
		expect(tableNamed(topology, 'public').main).toBe(true);
		expect(tableNamed(topology, 'app-main').main).toBe(false);
		expect(refuse(topology, 'rm rtb public')).toContain("main route table: make another table main first");
		expect(refuse(topology, 'set rtb public main=false')).toContain('always has a main route table');
		const unchanged = build(['set rtb app-main main=false'], topology);
		expect(unchanged.routeTables.filter(rtb => rtb.main).map(rtb => rtb.name)).toEqual(['public']);
	});

	test('a custom table is removable only when no subnet uses it', () => {
		const topology = build(base);
		expect(refuse(topology, 'rm rtb public')).toBe(`cannot remove public (${tableNamed(topology, 'public').id}): public-a still uses it`);
		const freed = build(['set subnet public-a rtb=main', 'rm rtb public'], topology);
		expect(freed.routeTables.map(rtb => rtb.name)).toEqual(['app-main']);
	});

	test('VGW route propagation is switched on and off', () => {
		let topology = build([...base, 'add vgw vgw-1 vpc=app', 'add vgw-propagation app-main vgw-1']);
		expect(tableNamed(topology, 'app-main').propagatingVgwIds).toEqual([topology.vpnGateways[0]!.id]);
		expect(refuse(topology, 'add vgw-propagation app-main vgw-1')).toContain('already gets routes');
		topology = build(['rm vgw-propagation app-main vgw-1'], topology);
		expect(tableNamed(topology, 'app-main').propagatingVgwIds).toEqual([]);
	});
});

describe('internet and NAT gateways', () => {
	test('detaching an internet gateway turns its routes into blackholes; attaching revives them', () => {
		let topology = build([...base, 'add route public 0.0.0.0/0 main', 'detach igw main']);
		expect(topology.internetGateways[0]!.vpcId).toBeUndefined();
		expect(tableNamed(topology, 'public').routes[0]!.state).toBe('blackhole');
		topology = build(['attach igw main app'], topology);
		expect(tableNamed(topology, 'public').routes[0]!.state).toBe('active');
		expect(refuse(topology, 'rm igw main')).toContain('detach igw main first');
	});

	test('one internet gateway per VPC', () => {
		const topology = build([...base, 'add igw second']);
		expect(refuse(topology, 'attach igw second app')).toContain('already has internet gateway main');
	});

	test('removing a gateway that routes still use names the route table', () => {
		const topology = build([...base, 'add nat nat-a public-a', 'add route app-main 0.0.0.0/0 nat-a']);
		expect(refuse(topology, 'rm nat nat-a')).toBe(`cannot remove nat-a (${topology.natGateways[0]!.id}): app-main still uses it`);
	});

	test('a public NAT gateway gets the first free address and an elastic IP; a private one none', () => {
		const topology = build([...base, 'add nat nat-a public-a', 'add nat nat-b private-a private', 'add nat nat-c public-a eip=198.51.100.50 ip=10.0.1.99']);
		const [a, b, c] = topology.natGateways;
		expect(a).toMatchObject({connectivity: 'public', privateIp: '10.0.1.4', publicIp: '203.0.113.10', state: 'available'});
		expect(b).toMatchObject({connectivity: 'private', privateIp: '10.0.2.4'});
		expect(b!.publicIp).toBeUndefined();
		expect(c).toMatchObject({privateIp: '10.0.1.99', publicIp: '198.51.100.50'});
		expect(refuse(topology, 'add nat nat-d private-a private eip=198.51.100.51')).toContain('private NAT gateway has no elastic IP');
		expect(refuse(topology, 'add nat nat-d public-a ip=10.0.1.2')).toContain('one of the five addresses AWS reserves');
	});

	test('set nat changes its state', () => {
		const result = runCommand(build([...base, 'add nat nat-a public-a']), 'set nat nat-a state=deleted');
		expect(result.ok && result.topology.natGateways[0]!.state).toBe('deleted');
	});
});

describe('gateway route tables', () => {
	test('a route table is edge-associated with an internet gateway, once', () => {
		let topology = build([...base, 'add rtb ingress app', 'add edge-association ingress main']);
		expect(tableNamed(topology, 'ingress').gatewayIds).toEqual([topology.internetGateways[0]!.id]);
		expect(refuse(topology, 'add edge-association public main')).toContain('already associated with route table ingress');
		topology = build(['rm edge-association ingress main'], topology);
		expect(tableNamed(topology, 'ingress').gatewayIds).toEqual([]);
	});
});
