// The generated flows through the real engine: none may throw, and on the paths that need no
// transit gateway, VPN or Direct Connect the outcome must be the one the generator built for.
import {describe, expect, it} from 'vitest';
import {generateFlows, generateLarge} from '../../bench/generate.js';
import {describeOutcome} from '../../bench/trace-bench.js';
import {prepare, trace} from '../../source/engine/index.js';
import {checkTopology} from '../../source/model/load.js';

describe('generated flows through the engine', () => {
	const checked = checkTopology(JSON.parse(JSON.stringify(generateLarge({seed: 4, scale: 0.05}))));
	if (!checked.ok) throw new Error(checked.problems[0]?.message);
	const context = prepare(checked.topology);
	const flows = generateFlows(checked.topology, 400, 4);

	it('traces every flow without throwing', () => {
		for (const flow of flows) expect(() => trace(context, flow), `${flow.from} -> ${flow.to}`).not.toThrow();
	});

	it('agrees with the generator on intra-VPC, peering and internet flows', () => {
		const local = flows.filter(f => !f.via.some(v => v === 'tgw' || v === 'vpn' || v === 'dx'));
		expect(local.length).toBeGreaterThan(100);
		const wrong = local.flatMap(flow => {
			const result = trace(context, flow);
			return result.reachable === (flow.expect === 'reachable') ? [] : [describeOutcome(flow, result)];
		});
		expect(wrong).toEqual([]);
	});
});
