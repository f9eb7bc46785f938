// AWS's NAT gateway supports TCP, UDP and ICMP only: other IP protocols are not translated.
import {describe, expect, it} from 'vitest';
import {prepare, trace} from '../../source/engine/index.js';
import {loadTemplate} from '../../source/model/templates.js';

describe('NAT gateway protocols', () => {
	// Open ACLs, so that what decides is the NAT gateway and not the template's restrictive rules.
	const topology = structuredClone(loadTemplate('basic-public-private'));
	const allowAll = [{ruleNumber: 100, protocol: 'all' as const, cidr: '0.0.0.0/0', action: 'allow' as const}];
	for (const acl of topology.networkAcls) Object.assign(acl, {inbound: allowAll, outbound: allowAll});
	const context = prepare(topology);

	it('translates TCP, UDP and ICMP', () => {
		for (const flow of [{protocol: 'tcp' as const, port: 443}, {protocol: 'udp' as const, port: 53}, {protocol: 'icmp' as const}]) {
			const result = trace(context, {from: 'app-1', to: '8.8.8.8', ...flow});
			expect(result.forward.some(hop => hop.component === 'nat-a' && hop.action === 'translate'), JSON.stringify(flow)).toBe(true);
		}
	});

	it('drops any other protocol at the gateway', () => {
		for (const protocol of [47, 50, 107, 0]) {
			const result = trace(context, {from: 'app-1', to: '8.8.8.8', protocol});
			expect(result.reachable).toBe(false);
			expect(result.blockedAt).toEqual({component: 'nat-a', type: 'nat-gateway', code: 'PROTOCOL_RESTRICTION', direction: 'forward'});
		}
	});
});
