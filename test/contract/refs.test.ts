// What `--from` and `--to` mean (SPEC section 2): ids and names of resources, internet hosts,
// public and elastic IPs, on-premises hosts; how a destination resource is addressed; the default
// source port; and the hop that warns when a NACL admits only part of a client's ephemeral range.
import {describe, expect, it} from 'vitest';
import {Topo, publicPrivate, summary, trace} from './helpers.js';

function topo(): Topo {
	return publicPrivate()
		.sg('sg-open', 'vpc-a', [{protocol: 'all', cidr: '0.0.0.0/0'}])
		.instance('i-web', 'subnet-pub', '10.0.1.10', {publicIp: '54.1.2.3', sgs: ['sg-open'], name: 'web-server'})
		.instance('i-app', 'subnet-priv', '10.0.2.10', {sgs: ['sg-open'], name: 'app-server'})
		.add('sites', {id: 'site-dc', name: 'datacenter', cidrs: ['192.168.0.0/16']})
		.add('vpcEndpoints', {
			id: 'vpce-api', name: 'api-endpoint', vpcId: 'vpc-a', type: 'interface', serviceName: 'com.amazonaws.us-east-1.execute-api',
			networkInterfaces: [{id: 'eni-vpce-api', subnetId: 'subnet-priv', privateIp: '10.0.2.50'}], securityGroupIds: ['sg-open'],
		});
}

describe('refs: resources by id and by name', () => {
	for (const [from, to] of [
		['i-app', 'i-web'],
		['app-server', 'web-server'],
		['APP-SERVER', 'Web-Server'],
		['eni-i-app', 'eni-i-web'],
		['10.0.2.10', '10.0.1.10'],
	]) {
		it(`--from ${from} --to ${to} is the same flow from 10.0.2.10 to 10.0.1.10`, async () => {
			const result = await trace(topo(), {from, to, protocol: 'tcp', port: 443});
			expect(result.reachable, summary(result)).toBe(true);
			expect(result.packet).toEqual({protocol: 'tcp', source: '10.0.2.10', destination: '10.0.1.10', sourcePort: 49152, destinationPort: 443});
			expect(result.forward[0]?.component).toBe('i-app');
			expect(result.forward.at(-1)?.component).toBe('i-web');
		});
	}

	it('an interface endpoint, by id or name, is addressed at its network interface', async () => {
		for (const to of ['vpce-api', 'api-endpoint']) {
			const result = await trace(topo(), {from: 'i-web', to, protocol: 'tcp', port: 443});
			expect(result.reachable, summary(result)).toBe(true);
			expect(result.packet.destination).toBe('10.0.2.50');
			expect(result.forward.at(-1)?.action).toBe('deliver');
		}
	});

	it('a NAT gateway, as a destination inside the VPC, is addressed at its private IP', async () => {
		const t = topo().add('natGateways', {id: 'nat-a', name: 'the-nat', subnetId: 'subnet-pub', privateIp: '10.0.1.50', publicIp: '54.9.9.9'});
		const result = await trace(t, {from: 'i-app', to: 'the-nat', protocol: 'tcp', port: 443});
		expect(result.packet.destination).toBe('10.0.1.50');
		expect(result.reachable).toBe(false);
	});
});

describe('refs: addresses', () => {
	it('an IPv4 address outside every VPC and site is an internet host', async () => {
		const result = await trace(topo(), {from: '198.51.100.1', to: 'i-web', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		expect(result.packet.source).toBe('198.51.100.1');
		expect(result.forward[0]?.type).toBe('internet');
		expect(result.return.at(-1)?.type).toBe('internet');
		const out = await trace(topo(), {from: 'i-web', to: '198.51.100.1', protocol: 'tcp', port: 443});
		expect(out.reachable, summary(out)).toBe(true);
		expect(out.forward.at(-1)?.type).toBe('internet');
	});

	it('the elastic IP of an interface is that interface as reached from the internet', async () => {
		const byAddress = await trace(topo(), {from: '198.51.100.1', to: '54.1.2.3', protocol: 'tcp', port: 443});
		const byName = await trace(topo(), {from: '198.51.100.1', to: 'web-server', protocol: 'tcp', port: 443});
		expect(byAddress.reachable, summary(byAddress)).toBe(true);
		expect(byAddress.packet).toEqual(byName.packet);
		expect(byAddress.forward.map(hop => hop.component)).toEqual(byName.forward.map(hop => hop.component));
		expect(byAddress.forward.at(-1)).toMatchObject({component: 'i-web', action: 'deliver'});
	});

	it('an address inside a site is an on-premises host, not an internet host', async () => {
		const result = await trace(topo(), {from: '192.168.4.4', to: 'i-app', protocol: 'tcp', port: 443});
		expect(result.packet.source).toBe('192.168.4.4');
		expect(result.forward[0]?.type).not.toBe('internet');
		expect(result.forward[0]?.component).toBe('site-dc');
		// This site has no VPN or Direct Connect, so nothing reaches AWS from it.
		expect(result.reachable).toBe(false);
	});

	it('an address inside the VPC that no interface holds is not delivered', async () => {
		const result = await trace(topo(), {from: 'i-web', to: '10.0.2.99', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.packet.destination).toBe('10.0.2.99');
		expect(result.forward.some(hop => hop.action === 'deliver')).toBe(false);
	});
});

describe('refs: a destination resource is addressed as a real client would', () => {
	it('from inside AWS, by its private IP even when it has a public one', async () => {
		const result = await trace(topo(), {from: 'i-app', to: 'i-web', protocol: 'tcp', port: 443});
		expect(result.packet.destination).toBe('10.0.1.10');
		expect(result.forward.some(hop => hop.type === 'internet-gateway')).toBe(false);
	});

	it('from the internet, by its public IP', async () => {
		const result = await trace(topo(), {from: '198.51.100.1', to: 'i-web', protocol: 'tcp', port: 443});
		expect(result.packet.destination).toBe('54.1.2.3');
	});

	it('from on-premises, by its private IP', async () => {
		const result = await trace(topo(), {from: '192.168.4.4', to: 'i-web', protocol: 'tcp', port: 443});
		expect(result.packet.destination).toBe('10.0.1.10');
	});

	it('an instance without a public IP cannot be reached from the internet (a verdict, not bad input)', async () => {
		const result = await trace(topo(), {from: '198.51.100.1', to: 'app-server', protocol: 'tcp', port: 443});
		expect(result.reachable).toBe(false);
		expect(result.blockedAt).toMatchObject({direction: 'forward'});
		expect(result.forward.some(hop => hop.component === 'i-app' && hop.action === 'deliver')).toBe(false);
	});
});

describe('--source-port', () => {
	it('defaults to 49152', async () => {
		const result = await trace(topo(), {from: 'i-app', to: 'i-web', protocol: 'udp', port: 53});
		expect(result.packet.sourcePort).toBe(49152);
		expect(result.return.find(hop => hop.action === 'forward')?.detail ?? '').toContain('49152');
	});

	it('is used as given, and the reply goes back to it', async () => {
		const result = await trace(topo(), {from: 'i-app', to: 'i-web', protocol: 'tcp', port: 443, sourcePort: 33000});
		expect(result.packet.sourcePort).toBe(33000);
		expect(result.return[0]?.detail).toMatch(/:33000\b/);
	});

	it('decides whether a reply passes a NACL that admits part of the ephemeral range', async () => {
		const t = topo().acl('acl-app', 'vpc-a', ['subnet-priv'], [[100, 'all', '0.0.0.0/0', 'allow']], [[100, 'tcp', '0.0.0.0/0', 'allow', 49152, 65535]]);
		const low = await trace(t, {from: 'i-web', to: 'i-app', protocol: 'tcp', port: 443, sourcePort: 40000});
		expect(low.blockedAt).toEqual({component: 'acl-app', type: 'network-acl', code: 'SUBNET_ACL_RESTRICTION', direction: 'return'});
		const high = await trace(t, {from: 'i-web', to: 'i-app', protocol: 'tcp', port: 443});
		expect(high.reachable, summary(high)).toBe(true);
	});
});

describe('a NACL admitting only part of the client\'s ephemeral range', () => {
	function partial(platform: 'linux' | 'windows', from: number, to: number): Topo {
		const t = publicPrivate()
			.sg('sg-open', 'vpc-a', [{protocol: 'all', cidr: '0.0.0.0/0'}])
			.instance('i-client', 'subnet-pub', '10.0.1.10', {sgs: ['sg-open'], platform})
			.instance('i-server', 'subnet-priv', '10.0.2.10', {sgs: ['sg-open']});
		return t.acl('acl-server', 'vpc-a', ['subnet-priv'], [[100, 'all', '0.0.0.0/0', 'allow']], [[100, 'tcp', '0.0.0.0/0', 'allow', from, to]]);
	}

	it('a Linux client (32768-60999): the reply hop says ports 32768-49151 would be dropped', async () => {
		const result = await trace(partial('linux', 49152, 65535), {from: 'i-client', to: 'i-server', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		const hop = result.return.find(h => h.component === 'acl-server');
		expect(hop?.action).toBe('allow');
		expect(hop?.detail).toMatch(/32768-49151/);
		expect(hop?.detail).toMatch(/dropped/);
	});

	it('a Windows client (49152-65535): the reply hop says ports 60001-65535 would be dropped', async () => {
		const result = await trace(partial('windows', 1024, 60000), {from: 'i-client', to: 'i-server', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		expect(result.return.find(h => h.component === 'acl-server')?.detail).toMatch(/60001-65535/);
	});

	it('a NACL that admits the whole range adds no warning', async () => {
		const result = await trace(partial('linux', 1024, 65535), {from: 'i-client', to: 'i-server', protocol: 'tcp', port: 443});
		expect(result.return.find(h => h.component === 'acl-server')?.detail).not.toMatch(/dropped/);
	});

	it('a NAT gateway (1024-65535) as the client: its subnet\'s NACL warns about the ports it does not admit', async () => {
		const t = publicPrivate()
			.table('rtb-priv', 'vpc-a', ['subnet-priv'], [{destinationCidr: '0.0.0.0/0', target: 'nat-a'}])
			.add('natGateways', {id: 'nat-a', subnetId: 'subnet-pub', privateIp: '10.0.1.50', publicIp: '54.9.9.9'})
			.acl('acl-pub', 'vpc-a', ['subnet-pub'], [[100, 'tcp', '10.0.0.0/16', 'allow', 443], [110, 'tcp', '0.0.0.0/0', 'allow', 32768, 65535], [120, 'all', '10.0.0.0/16', 'allow']], [[100, 'all', '0.0.0.0/0', 'allow']])
			.instance('i-app', 'subnet-priv', '10.0.2.10');
		const result = await trace(t, {from: 'i-app', to: '8.8.8.8', protocol: 'tcp', port: 443});
		expect(result.reachable, summary(result)).toBe(true);
		const hop = result.return.find(h => h.component === 'acl-pub' && /inbound/.test(h.detail));
		expect(hop?.detail, summary(result)).toMatch(/1024-32767/);
	});
});
