// How a trace reads: explanations are sentences that stand after another sentence.
import {describe, expect, it} from 'vitest';
import {sentence} from '../../source/engine/walk-state.js';
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
