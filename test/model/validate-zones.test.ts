// A subnet lives in one availability zone of its VPC's region (us-east-1a, or a local zone such as
// us-west-2-lax-1a); a zone of another region is refused with the region it should be in.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {checkTopology} from '../../source/model/load.js';

const template = JSON.parse(readFileSync(new URL('../../templates/basic-public-private.json', import.meta.url), 'utf8'));

function withZone(zone: string, region = 'us-east-1') {
	const document = structuredClone(template);
	document.vpcs[0].region = region;
	for (const subnet of document.subnets) subnet.availabilityZone = zone;
	return checkTopology(document);
}

describe('availability zones', () => {
	it('accepts zones of the VPC region, local zones included', () => {
		expect(withZone('us-east-1b').ok).toBe(true);
		expect(withZone('us-west-2-lax-1a', 'us-west-2').ok).toBe(true);
	});

	it('refuses a zone of another region, saying which region it should be in', () => {
		const result = withZone('eu-west-1a');
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.problems[0]!.message).toBe("subnet public-a (subnet-public-a): availabilityZone eu-west-1a is not in main's region us-east-1; choose a zone such as us-east-1a");
		expect(withZone('us-east-10a').ok).toBe(false);
	});
});
