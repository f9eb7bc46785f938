// Every suggested trace of the starter templates this engine covers must come out as the template
// says: verdict, and for refusals the blocking component, code and direction.
import {describe, expect, it} from 'vitest';
import {loadTemplate} from '../../source/model/templates.js';
import {prepare, trace} from '../../source/engine/index.js';

const inScope = ['basic-public-private', 'nacl-ephemeral-ports', 'peering-non-transitive', 'gateway-endpoint-s3', 'site-to-site-vpn', 'direct-connect', 'transit-gateway-hub', 'client-vpn', 'privatelink-service'];

describe.each(inScope)('template %s', id => {
	const topology = loadTemplate(id);
	const ctx = prepare(topology);
	it.each(topology.suggestedTraces.map(t => [`${t.from} -> ${t.to} ${String(t.protocol)} ${t.port ?? ''}`, t] as const))('%s', (_name, suggested) => {
		const result = trace(ctx, {from: suggested.from, to: suggested.to, protocol: suggested.protocol, port: suggested.port});
		const summary = {reachable: result.reachable, blockedAt: result.blockedAt?.component, code: result.blockedAt?.code, direction: result.blockedAt?.direction};
		expect(summary, suggested.why).toEqual({
			reachable: suggested.expect === 'reachable',
			blockedAt: suggested.blockedAt,
			code: suggested.code,
			direction: suggested.direction,
		});
	});
});
