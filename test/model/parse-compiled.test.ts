// parseTopology runs large documents through zod's compiled fast path. The schema stays the source
// of truth: these tests hold the compiled parser to the regular one, output and problems alike.
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {z} from 'zod';
import {compileThreshold, formatPath, parseTopology} from '../../source/model/parse.js';
import {topologySchema} from '../../source/model/schema.js';
import {baseDoc} from './helpers.js';

const templatesDir = join(import.meta.dirname, '../../templates');
const templates = readdirSync(templatesDir)
	.filter(file => file.endsWith('.json'))
	.map(file => [file, JSON.parse(readFileSync(join(templatesDir, file), 'utf8')) as Record<string, unknown>] as const);

/** Key order included: the parsed topology is what a save writes back. */
const text = (value: unknown) => JSON.stringify(value, (_key, inner: unknown) => (inner === undefined ? '(undefined)' : inner));

const compiled = z.compile(topologySchema);

/** The base document with enough instances (and their interfaces) for parseTopology to compile. */
function largeDoc(): ReturnType<typeof baseDoc> {
	const doc = baseDoc();
	const [instance] = doc.instances;
	const [eni] = doc.networkInterfaces;
	for (let i = 0; i < compileThreshold / 2; i++) {
		doc.instances.push({...instance!, id: `i-many-${i}`, name: `many-${i}`});
		doc.networkInterfaces.push({...eni!, id: `eni-many-${i}`, instanceId: `i-many-${i}`, privateIp: `10.0.1.${10 + (i % 200)}`});
	}
	return doc;
}

describe('the compiled schema', () => {
	it('compiles whole: no part of the schema falls back to the regular parser', () => {
		expect(() => z.compile(topologySchema, {strict: true})).not.toThrow();
	});

	it.each(templates)('gives %s exactly what the regular parser gives', (_file, document) => {
		const regular = topologySchema.safeParse(document);
		const fast = compiled.safeParse(document);
		expect(regular.success && fast.success).toBe(true);
		if (regular.success && fast.success) expect(text(fast.data)).toBe(text(regular.data));
	});

	it('is what parseTopology uses for a large document, with the same result', () => {
		const doc = largeDoc();
		const regular = topologySchema.safeParse(doc);
		const parsed = parseTopology(doc);
		expect(regular.success && parsed.ok).toBe(true);
		if (regular.success && parsed.ok) expect(text(parsed.topology)).toBe(text(regular.data));
	});

	it('keeps an optional field written as undefined the way the regular parser does', () => {
		const doc = baseDoc() as Record<string, unknown> & ReturnType<typeof baseDoc>;
		doc.subnets[0] = {...doc.subnets[0]!, routeTableId: undefined, name: undefined};
		const regular = topologySchema.safeParse(doc);
		const fast = compiled.safeParse(doc);
		expect(regular.success && fast.success).toBe(true);
		if (regular.success && fast.success) expect(text(fast.data)).toBe(text(regular.data));
	});

	it('says what is wrong with a block or an address, in the words of the address parser', () => {
		const doc = baseDoc();
		doc.vpcs[0]!.cidrBlocks = ['10.0.0.1/16'];
		doc.subnets[2]!.cidr = '10.1.1.0/33';
		doc.networkInterfaces[0]!.privateIp = '10.0.1.300';
		const parsed = parseTopology(doc);
		expect(parsed.ok ? [] : parsed.problems).toEqual([
			{path: 'vpcs[0].cidrBlocks[0]', resourceId: 'vpc-1', message: '"10.0.0.1/16" has host bits set; did you mean 10.0.0.0/16?'},
			{path: 'subnets[2].cidr', resourceId: 'subnet-3', message: '"10.1.1.0/33" is not a CIDR block: the prefix length must be a whole number from 0 to 32, not "33"'},
			{path: 'networkInterfaces[0].privateIp', resourceId: doc.networkInterfaces[0]!.id, message: '"10.0.1.300" is not an IPv4 address'},
		]);
	});

	const breakages: Array<[string, (doc: ReturnType<typeof baseDoc>) => void]> = [
		['a block with host bits', doc => (doc.vpcs[0]!.cidrBlocks = ['10.0.0.1/16'])],
		['a bad address', doc => (doc.networkInterfaces[0]!.privateIp = '10.0.1.300')],
		['an unknown field', doc => Object.assign(doc.subnets[1]!, {colour: 'red'})],
		['a missing field', doc => delete (doc.subnets[0] as {availabilityZone?: string}).availabilityZone],
		['a wrong type', doc => Object.assign(doc.routeTables[0]!, {main: 'yes'})],
		['a value outside an enum', doc => Object.assign(doc.instances[0]!, {state: 'sleeping'})],
		['a bad id', doc => (doc.internetGateways[0]!.id = ' igw')],
		['a number out of range', doc => (doc.networkAcls[0]!.inbound = [{ruleNumber: 40000, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}])],
		['several at once', doc => {
			doc.vpcs[1]!.cidrBlocks = ['10.1.0.0/33'];
			doc.subnets[2]!.cidr = 'ten';
			Object.assign(doc.securityGroups[0]!, {ingress: [{protocol: 'tcp', fromPort: 70000}]});
		}],
	];

	it.each(breakages)('reports %s as the regular parser does', (_what, breakIt) => {
		const doc = largeDoc();
		breakIt(doc);
		const regular = topologySchema.safeParse(doc);
		const parsed = parseTopology(doc);
		expect(regular.success).toBe(false);
		expect(parsed.ok).toBe(false);
		if (regular.success || parsed.ok) return;
		expect(parsed.problems.map(problem => problem.path)).toEqual(regular.error.issues.map(issue => formatPath(issue.path)));
		const custom = regular.error.issues.flatMap((issue, i) => (issue.code === 'custom' ? [[i, issue.message] as const] : []));
		for (const [i, message] of custom) expect(parsed.problems[i]!.message).toBe(message);
	});
});
