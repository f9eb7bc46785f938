// The shape of `vpcsim trace --json` (SPEC section 3), checked on flows of every outcome: other
// programs read these keys, so each result is held to the whole contract, not to one field.
import {describe, expect, it} from 'vitest';
import {checkContract, codesMissingFromReadme} from './contract.js';
import {Topo, publicPrivate, summary, trace} from './helpers.js';

function web(): Topo {
	return publicPrivate()
		.acl('acl-web', 'vpc-a', ['subnet-pub'], [[100, 'tcp', '0.0.0.0/0', 'allow', 443], [110, 'tcp', '0.0.0.0/0', 'allow', 22]], [[100, 'tcp', '0.0.0.0/0', 'allow', 1024, 65535], [110, 'tcp', '0.0.0.0/0', 'allow', 443]])
		.sg('sg-web', 'vpc-a', [{protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0'}])
		.instance('i-web', 'subnet-pub', '10.0.1.10', {publicIp: '54.1.2.3', sgs: ['sg-web'], name: 'web'})
		.instance('i-app', 'subnet-priv', '10.0.2.10', {sgs: ['sg-vpc-a-default']});
}

describe('trace --json: the result object', () => {
	it('a reachable flow: blockedAt null, both directions delivered, the packet as sent', async () => {
		const result = await trace(web(), {from: '198.51.100.1', to: 'web', protocol: 'tcp', port: 443});
		checkContract(result);
		expect(result.reachable).toBe(true);
		expect(result.packet).toEqual({protocol: 'tcp', source: '198.51.100.1', destination: '54.1.2.3', sourcePort: 49152, destinationPort: 443});
		expect(result.explanations).toEqual([]);
	});

	it('the internet gateway\'s hop carries the rewritten packet both ways', async () => {
		const result = await trace(web(), {from: '198.51.100.1', to: 'web', protocol: 'tcp', port: 443});
		expect(result.forward.find(hop => hop.type === 'internet-gateway')).toMatchObject({action: 'translate', packet: {destination: '10.0.1.10', destinationPort: 443}});
		expect(result.return.find(hop => hop.type === 'internet-gateway')).toMatchObject({action: 'translate', packet: {source: '54.1.2.3', sourcePort: 443, destinationPort: 49152}});
		// Hops that do not rewrite the header carry no packet.
		for (const hop of [...result.forward, ...result.return]) if (hop.action !== 'translate') expect(hop.packet, `${hop.component}`).toBeUndefined();
	});

	it('a flow stopped on the way in: blockedAt direction forward and no reply hops past it', async () => {
		const result = await trace(web(), {from: '198.51.100.1', to: 'web', protocol: 'tcp', port: 22});
		checkContract(result);
		expect(result.blockedAt).toEqual({component: 'sg-web', type: 'security-group', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
		expect(result.return.some(hop => hop.action === 'deliver')).toBe(false);
	});

	it('a flow whose request arrives but whose reply is dropped is not reachable (direction return)', async () => {
		const topo = web();
		topo.get('networkAcls', 'acl-web').outbound = [{ruleNumber: 100, protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', action: 'allow'}];
		const result = await trace(topo, {from: '198.51.100.1', to: 'web', protocol: 'tcp', port: 443});
		checkContract(result);
		expect(result.reachable).toBe(false);
		expect(result.forward.at(-1)).toMatchObject({component: 'i-web', action: 'deliver'});
		expect(result.blockedAt).toMatchObject({component: 'acl-web', direction: 'return'});
	});

	it('a NACL hop names the rule that decided, in the detail sentence', async () => {
		const result = await trace(web(), {from: '198.51.100.1', to: 'web', protocol: 'tcp', port: 443});
		expect(result.forward.find(hop => hop.component === 'acl-web')?.detail).toMatch(/rule 100 allows tcp 443 from 0\.0\.0\.0\/0/);
		expect(result.return.find(hop => hop.component === 'acl-web')?.detail).toMatch(/rule 100 allows tcp 1024-65535 to 0\.0\.0\.0\/0/);
	});

	it('a route hop names the route, e.g. "0.0.0.0/0 -> igw-a"', async () => {
		const result = await trace(web(), {from: '198.51.100.1', to: 'web', protocol: 'tcp', port: 443});
		expect(result.return.find(hop => hop.type === 'route-table')?.detail).toMatch(/0\.0\.0\.0\/0 -> igw-a/);
	});

	it('ICMP has no ports; protocol all and numbers are accepted and echoed', async () => {
		const topo = web();
		topo.get('securityGroups', 'sg-web').ingress = [{protocol: 'all', cidr: '0.0.0.0/0'}];
		topo.get('networkAcls', 'acl-web').inbound = [{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}];
		topo.get('networkAcls', 'acl-web').outbound = [{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}];
		const icmp = await trace(topo, {from: '198.51.100.1', to: 'web', protocol: 'icmp'});
		checkContract(icmp);
		expect(icmp.reachable, summary(icmp)).toBe(true);
		expect(icmp.packet).toEqual({protocol: 'icmp', source: '198.51.100.1', destination: '54.1.2.3'});
		const gre = await trace(topo, {from: '198.51.100.1', to: 'web', protocol: '47'});
		checkContract(gre);
		expect([47, '47']).toContain(gre.packet.protocol);
		expect(gre.reachable, summary(gre)).toBe(true);
	});

	it('every blocked outcome of a mixed set of flows honours the contract', async () => {
		const topo = web().instance('i-priv', 'subnet-priv', '10.0.2.20', {sgs: ['sg-web']});
		topo.route('rtb-vpc-a', '0.0.0.0/0', 'nat-gone', {state: 'blackhole'});
		const flows = [
			{from: 'i-app', to: '8.8.8.8', protocol: 'tcp', port: 443},
			{from: '198.51.100.1', to: 'i-app', protocol: 'tcp', port: 443},
			{from: 'i-web', to: 'i-app', protocol: 'udp', port: 53},
			{from: 'i-app', to: 'i-web', protocol: 'tcp', port: 22},
			{from: 'i-app', to: 'i-priv', protocol: 'tcp', port: 80},
			{from: 'i-web', to: '10.0.2.99', protocol: 'tcp', port: 80},
		];
		const codes = new Set<string>();
		for (const flow of flows) {
			const result = await trace(topo, flow);
			checkContract(result);
			expect(result.reachable).toBe(false);
			codes.add(result.blockedAt!.code);
			// Every code is listed in the README with its meaning.
			expect(codesMissingFromReadme(result)).toEqual([]);
		}
		expect(codes.size).toBeGreaterThanOrEqual(4);
	});
});
