// How a trace reads: explanations are sentences that stand after another sentence, the client VPN
// denial says what its block is, and the internet's hops do not say "internet" twice.
import {describe, expect, it} from 'vitest';
import {formatTrace} from '../../source/cli/format-trace.js';
import {sentence} from '../../source/engine/walk-state.js';
import type {ClientVpnEndpoint} from '../../source/model/types.js';
import {TopologyBuilder, anywhere, tcp} from './builder.js';

/** VPC a (10.0/16) with an internet gateway: i-web (10.0.1.10, public 54.1.2.3) in a public subnet; i-app in a private one. */
function network() {
	return new TopologyBuilder()
		.vpc('vpc-a', '10.0.0.0/16', {igw: 'igw-a'})
		.routeTable('rtb-public', 'vpc-a', [{destinationCidr: '0.0.0.0/0', target: 'igw-a'}])
		.subnet('subnet-public', 'vpc-a', '10.0.1.0/24', {routeTableId: 'rtb-public'})
		.subnet('subnet-private', 'vpc-a', '10.0.2.0/24')
		.sg('sg-web', 'vpc-a', [tcp(443, '0.0.0.0/0')], [anywhere])
		.instance('i-web', 'subnet-public', '10.0.1.10', {publicIp: '54.1.2.3', groups: ['sg-web']})
		.instance('i-app', 'subnet-private', '10.0.2.10');
}

describe('sentence', () => {
	it('capitalises a plain first word and ends with a full stop, once', () => {
		expect(sentence('no route matches 10.50.1.10')).toBe('No route matches 10.50.1.10.');
		expect(sentence('egress: nothing allows it')).toBe('Egress: nothing allows it.');
		expect(sentence('no route matches 10.50.1.10.')).toBe('No route matches 10.50.1.10.');
	});

	it('keeps the case of an id, an address, a block, or a word that names a resource', () => {
		expect(sentence('pcx-a-b is pending-acceptance, not active')).toBe('pcx-a-b is pending-acceptance, not active.');
		expect(sentence('10.0.0.0/16 -> local')).toBe('10.0.0.0/16 -> local.');
		expect(sentence('link is deleted, not active', word => word === 'link')).toBe('link is deleted, not active.');
	});
});

describe('explanations', () => {
	it('are sentences of their own, while the hop keeps its detail as it reads after the component', () => {
		const result = network().trace({from: 'i-app', to: '8.8.8.8', port: 443});
		const hop = result.forward.at(-1)!;
		expect(hop).toMatchObject({component: 'rtb-main-a', action: 'drop', detail: 'no route matches 8.8.8.8', code: 'NO_ROUTE_TO_DESTINATION'});
		expect(result.explanations).toEqual([{code: 'NO_ROUTE_TO_DESTINATION', component: 'rtb-main-a', message: 'No route matches 8.8.8.8.'}]);
	});

	it('keep the case of a resource id that starts one', () => {
		const b = network().vpc('vpc-b', '10.1.0.0/16').peering('link', 'vpc-a', 'vpc-b', 'pending-acceptance');
		b.routes('rtb-main-a', {destinationCidr: '10.1.0.0/16', target: 'link'});
		const result = b.trace({from: 'i-app', to: '10.1.0.10', port: 443});
		expect(result.blockedAt).toMatchObject({component: 'link', code: 'BAD_STATE'});
		expect(result.explanations[0]!.message).toBe('link is pending-acceptance, not active.');
	});
});

describe('a client VPN endpoint that authorizes nothing for the destination', () => {
	function endpoint(rules: ClientVpnEndpoint['authorizationRules']) {
		const b = network();
		b.doc.clientVpnEndpoints.push({
			id: 'cvpn-1',
			vpcId: 'vpc-a',
			clientCidr: '10.250.0.0/22',
			securityGroupIds: ['sg-web'],
			targetNetworks: [{id: 'cvpn-assoc-1', subnetId: 'subnet-public', privateIp: '10.0.1.25'}],
			authorizationRules: rules,
			routes: [{destinationCidr: '0.0.0.0/0', targetSubnetId: 'subnet-public'}],
		} as ClientVpnEndpoint);
		return b.trace({from: 'client:cvpn-1', to: '8.8.8.8', port: 443});
	}

	it('says whose rules they are and that the blocks in brackets are what they authorize', () => {
		const result = endpoint([{destinationCidr: '10.0.0.0/16', accessAll: true}]);
		expect(result.forward.at(-1)).toMatchObject({
			component: 'cvpn-1',
			code: 'CLIENT_VPN_AUTHORIZATION_RESTRICTION',
			detail: 'no authorization rule of cvpn-1 covers 8.8.8.8 (its rules authorize only 10.0.0.0/16), and a route without authorization gives no access',
		});
	});

	it('says so when the endpoint has no rule at all', () => {
		const result = endpoint([]);
		expect(result.forward.at(-1)!.detail).toBe('no authorization rule of cvpn-1 covers 8.8.8.8 (it has none), and a route without authorization gives no access');
	});
});

describe('the internet', () => {
	it('is a host by its address in the hop detail, so a printed trace does not read "internet internet"', () => {
		const result = network().trace({from: '203.0.113.10', to: 'i-web', port: 443});
		expect(result.reachable).toBe(true);
		expect(result.forward[0]).toMatchObject({component: 'internet', type: 'internet', action: 'forward'});
		expect(result.forward[0]!.detail).toMatch(/^host 203\.0\.113\.10 sends tcp /);
		expect(network().trace({from: 'i-web', to: '8.8.8.8', port: 443}).return[0]).toMatchObject({component: 'internet', detail: expect.stringMatching(/^host 8\.8\.8\.8 replies tcp /)});
		expect(result.return.at(-1)).toMatchObject({component: 'internet', action: 'deliver', detail: 'delivered to host 203.0.113.10'});
		const text = formatTrace(result);
		expect(text).not.toMatch(/internet\s+internet/);
		expect(text).toMatch(/^ {2}forward {3}internet +host 203\.0\.113\.10 sends tcp/m);
	});
});
