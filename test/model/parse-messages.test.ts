// Structural problems in the words the rest of vpcsim uses: what is wrong, where, what is valid.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {checkTopology} from '../../source/model/load.js';
import {formatProblem} from '../../source/model/parse.js';

const template = JSON.parse(readFileSync(new URL('../../templates/basic-public-private.json', import.meta.url), 'utf8'));

function problems(mutate: (document: any) => void): string[] {
	const document = structuredClone(template);
	mutate(document);
	const result = checkTopology(document);
	if (result.ok) throw new Error('expected problems');
	return result.problems.map(formatProblem);
}

describe('structural problem messages', () => {
	it('says a field of the wrong type is wrong, not missing, and what it holds', () => {
		expect(problems(d => (d.subnets[0].cidr = 12))).toEqual(['subnets[0].cidr (subnet-public-a): must be text, not the number 12']);
	});

	it('says a missing field is required', () => {
		expect(problems(d => delete d.subnets[0].availabilityZone)).toEqual(['subnets[0].availabilityZone (subnet-public-a): is required (text)']);
	});

	it('says how many items a list needs, in plain words', () => {
		expect(problems(d => (d.vpcs[0].cidrBlocks = []))).toEqual(['vpcs[0].cidrBlocks (vpc-main): needs at least one item']);
	});

	it('lists the choices of a union', () => {
		expect(problems(d => (d.securityGroups[0].ingress[0].protocol = 'sctp'))).toEqual([
			'securityGroups[0].ingress[0].protocol (sg-web): must be "all", "tcp", "udp", "icmp" or a number, not the text "sctp"',
		]);
	});

	it('gives the bound of a number and reports an empty name once', () => {
		expect(problems(d => (d.securityGroups[0].ingress[0].fromPort = 70000))).toEqual(['securityGroups[0].ingress[0].fromPort (sg-web): must be at most 65535']);
		expect(problems(d => (d.subnets[0].name = ''))).toEqual(['subnets[0].name (subnet-public-a): must not be empty']);
	});

	it('names the resource once when the rule\'s message already does', () => {
		const [first] = problems(d => (d.subnets[0].cidr = '10.9.0.0/24'));
		expect(first).toBe("subnets[0].cidr: subnet public-a (subnet-public-a): cidr 10.9.0.0/24 is not inside main's blocks (10.0.0.0/16); choose a block inside them");
	});
});
