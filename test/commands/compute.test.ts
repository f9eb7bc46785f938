import {describe, expect, test} from 'vitest';
import {build, refuse} from './fixture.js';

const base = ['add vpc app 10.0.0.0/16', 'add subnet web-a app 10.0.1.0/24', 'add sg web vpc=app'];

describe('instances', () => {
	test('an instance gets a primary interface with the first free non-reserved address and the default group', () => {
		const topology = build([...base, 'add instance web-1 web-a', 'add instance web-2 web-a']);
		const [first, second] = topology.instances;
		expect(first).toMatchObject({name: 'web-1', state: 'running', platform: 'linux'});
		expect(first!.id).toMatch(/^i-[0-9a-f]{8}$/);
		const defaultSg = topology.securityGroups.find(sg => sg.isDefault)!;
		expect(topology.networkInterfaces[0]).toEqual({
			id: expect.stringMatching(/^eni-/),
			name: 'web-1-eth0',
			subnetId: topology.subnets[0]!.id,
			privateIp: '10.0.1.4',
			secondaryPrivateIps: [],
			securityGroupIds: [defaultSg.id],
			sourceDestCheck: true,
			instanceId: first!.id,
			deviceIndex: 0,
		});
		expect(topology.networkInterfaces[1]).toMatchObject({privateIp: '10.0.1.5', instanceId: second!.id});
	});

	test('address, groups, public IP, source/dest check and platform are options', () => {
		const topology = build([
			...base,
			'add instance web-1 web-a ip=10.0.1.20 sg=web public-ip=auto platform=windows',
			'add instance fw web-a eip=198.51.100.9 source-dest-check=false',
		]);
		expect(topology.instances[0]!.platform).toBe('windows');
		const [web, fw] = topology.networkInterfaces;
		expect(web).toMatchObject({privateIp: '10.0.1.20', publicIp: '203.0.113.10', publicIpKind: 'auto', securityGroupIds: [topology.securityGroups[1]!.id]});
		expect(fw).toMatchObject({privateIp: '10.0.1.4', publicIp: '198.51.100.9', publicIpKind: 'elastic', sourceDestCheck: false});
	});

	test('a reserved, used or outside address is refused', () => {
		const topology = build([...base, 'add instance web-1 web-a']);
		expect(refuse(topology, 'add instance x web-a ip=10.0.1.3')).toBe(
			'10.0.1.3 is one of the five addresses AWS reserves in 10.0.1.0/24; the first usable one is 10.0.1.4',
		);
		expect(refuse(topology, 'add instance x web-a ip=10.0.1.255')).toContain('reserves');
		expect(refuse(topology, 'add instance x web-a ip=10.0.1.4')).toContain('already in use');
		expect(refuse(topology, 'add instance x web-a ip=10.0.2.4')).toContain('is not inside subnet web-a');
	});

	test('a full subnet has no address left', () => {
		const lines = ['add vpc app 10.0.0.0/16', 'add subnet tiny app 10.0.0.0/28'];
		for (let i = 0; i < 11; i++) lines.push(`add instance box-${i} tiny`);
		const topology = build(lines);
		expect(topology.networkInterfaces.at(-1)!.privateIp).toBe('10.0.0.14');
		expect(refuse(topology, 'add instance one-more tiny')).toContain('has no free address left');
	});

	test('set instance changes the instance and its primary interface', () => {
		const topology = build([...base, 'add instance web-1 web-a', 'set instance web-1 state=stopped sg=web public-ip=auto source-dest-check=false']);
		expect(topology.instances[0]!.state).toBe('stopped');
		expect(topology.networkInterfaces[0]).toMatchObject({securityGroupIds: [topology.securityGroups[1]!.id], publicIp: '203.0.113.10', sourceDestCheck: false});
		const cleared = build(['set instance web-1 public-ip=none'], topology);
		expect(cleared.networkInterfaces[0]!.publicIp).toBeUndefined();
	});

	test('removing an instance removes its primary interface and detaches the others', () => {
		const topology = build([...base, 'add instance web-1 web-a', 'add eni extra web-a', 'attach eni extra web-1', 'rm instance web-1']);
		expect(topology.instances).toEqual([]);
		expect(topology.networkInterfaces).toHaveLength(1);
		expect(topology.networkInterfaces[0]).toMatchObject({name: 'extra'});
		expect(topology.networkInterfaces[0]!.instanceId).toBeUndefined();
	});

	test('an instance registered in a target group is still in use', () => {
		const topology = build([...base, 'add instance web-1 web-a', 'add tg svc TCP 80 vpc=app', 'add target svc web-1']);
		expect(refuse(topology, 'rm instance web-1')).toMatch(/^cannot remove web-1 \(i-[0-9a-f]+\): svc still uses it$/);
	});
});

describe('network interfaces', () => {
	test('attach and detach; the primary interface stays', () => {
		let topology = build([...base, 'add instance fw web-a', 'add eni outside web-a ip=10.0.1.50 source-dest-check=false secondary=10.0.1.51']);
		expect(topology.networkInterfaces[1]).toMatchObject({privateIp: '10.0.1.50', secondaryPrivateIps: ['10.0.1.51'], sourceDestCheck: false});
		topology = build(['attach eni outside fw device=2'], topology);
		expect(topology.networkInterfaces[1]).toMatchObject({instanceId: topology.instances[0]!.id, deviceIndex: 2});
		expect(refuse(topology, 'attach eni outside fw')).toContain('already attached');
		expect(refuse(topology, 'detach eni fw-eth0')).toContain('primary interface');
		expect(refuse(topology, 'rm eni fw-eth0')).toContain('goes with the instance');
		topology = build(['detach eni outside', 'rm eni outside'], topology);
		expect(topology.networkInterfaces).toHaveLength(1);
	});

	test('the next free address skips secondary addresses', () => {
		const topology = build([...base, 'add eni a web-a secondary=10.0.1.5', 'add eni b web-a']);
		expect(topology.networkInterfaces.map(eni => eni.privateIp)).toEqual(['10.0.1.4', '10.0.1.6']);
	});
});
