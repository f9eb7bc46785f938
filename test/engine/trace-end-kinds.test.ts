// The kinds of resource the palette and the trace picker offer as the ends of a trace are exactly
// the kinds the engine takes: every resource of every template is tried at each end.
import {describe, expect, it} from 'vitest';
import {prepare, trace} from '../../source/engine/index.js';
import {indexResources, traceDestinationKinds, traceSourceKinds} from '../../source/model/resources.js';
import {loadTemplate, TEMPLATE_ORDER} from '../../source/model/templates.js';

const refusedAsSource = /does not start connections/;
const refusedAsDestination = /has no address of its own/;

function failure(run: () => unknown): string | undefined {
	try {
		run();
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
}

describe('trace end kinds', () => {
	for (const id of TEMPLATE_ORDER) {
		it(`agree with the engine for every resource of ${id}`, () => {
			const topology = loadTemplate(id);
			const context = prepare(topology);
			const someInstance = topology.instances[0]!.id;
			const wrong: string[] = [];
			for (const [ref, entry] of indexResources(topology).byId) {
				const asSource = failure(() => trace(context, {from: ref, to: '203.0.113.10', protocol: 'tcp', port: 443}));
				const asDestination = failure(() => trace(context, {from: someInstance, to: ref, protocol: 'tcp', port: 443}));
				const offeredFrom = traceSourceKinds.includes(entry.kind);
				const offeredTo = traceDestinationKinds.includes(entry.kind);
				if (offeredFrom === refusedAsSource.test(asSource ?? '')) wrong.push(`${ref} (${entry.kind}) as source: ${asSource ?? 'taken'}`);
				if (offeredTo === refusedAsDestination.test(asDestination ?? '')) wrong.push(`${ref} (${entry.kind}) as destination: ${asDestination ?? 'taken'}`);
			}
			expect(wrong).toEqual([]);
		});
	}
});
