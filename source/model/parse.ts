// Structural parsing of a topology document: unknown JSON in, a typed topology or readable
// problems out. Semantic rules (references, overlaps, AWS limits) are checked by validate.ts.
import {z} from 'zod';
import {topologySchema} from './schema.js';
import type {Topology} from './types.js';

export type Problem = {
	/** JSON path, e.g. `subnets[2].cidr`. */
	readonly path: string;
	/** The resource the problem is in, when there is one. */
	readonly resourceId?: string;
	readonly message: string;
};

export type ParseResult = {ok: true; topology: Topology} | {ok: false; problems: Problem[]};

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
	let text = '';
	for (const part of path) {
		if (typeof part === 'number') text += `[${part}]`;
		else text += text ? `.${String(part)}` : String(part);
	}
	return text || '(document)';
}

function resourceIdAt(input: unknown, path: ReadonlyArray<PropertyKey>): string | undefined {
	if (path.length < 2 || typeof path[1] !== 'number') return undefined;
	const list = (input as Record<string, unknown> | undefined)?.[path[0] as string];
	const item = Array.isArray(list) ? (list[path[1]] as {id?: unknown} | undefined) : undefined;
	return typeof item?.id === 'string' ? item.id : undefined;
}

/** The value a path points at in the raw input (zod 4 does not keep it on its issues). */
function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
	let value = input;
	for (const part of path) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<PropertyKey, unknown>)[part];
	}
	return value;
}

function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)}`;
	if (typeof value === 'object') return 'an object';
	return `the ${typeof value} ${String(value)}`;
}

const typeNames: Record<string, string> = {string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'an object'};

/** Zod's issues in the words the rest of vpcsim uses: what is wrong, and what would be valid. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
	switch (issue.code) {
		case 'unrecognized_keys':
			return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(k => `"${k}"`).join(', ')}`;
		case 'invalid_value':
			return `must be one of ${issue.values.map(v => JSON.stringify(v)).join(', ')}`;
		case 'invalid_type': {
			const value = valueAt(input, issue.path);
			const expected = typeNames[issue.expected] ?? issue.expected;
			return value === undefined ? `is required (${expected})` : `must be ${expected}, not ${describeValue(value)}`;
		}
		case 'too_small':
		case 'too_big': {
			const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
			const side = issue.code === 'too_small' ? 'at least' : 'at most';
			if (issue.origin === 'array') return bound === 1 && side === 'at least' ? 'needs at least one item' : `needs ${side} ${bound} items`;
			if (issue.origin === 'string') return bound === 1 && side === 'at least' ? 'must not be empty' : `must be ${side} ${bound} characters long`;
			return `must be ${side} ${bound}`;
		}
		case 'invalid_union':
			return `must be ${describeUnion(issue)}, not ${describeValue(valueAt(input, issue.path))}`;
		default:
			return issue.message;
	}
}

/** A union's choices, e.g. the protocol: `"all", "tcp", "udp", "icmp" or a number`. */
function describeUnion(issue: z.core.$ZodIssue & {code: 'invalid_union'}): string {
	const choices = issue.errors.flatMap(branch =>
		branch.map(inner => (inner.code === 'invalid_value' ? inner.values.map(v => JSON.stringify(v)).join(', ') : inner.code === 'invalid_type' ? (typeNames[inner.expected] ?? inner.expected) : 'another form')),
	);
	return [...new Set(choices)].join(' or ');
}

/**
 * The schema with zod's ahead-of-time compiled fast path: a valid document is checked by generated
 * code (about twice as fast on a large topology), and an invalid one falls back to the regular
 * parser, so the problems are the schema's own. Compiling costs a fresh process 70-110 ms, more
 * than the regular parser takes for a template, so it is done for the first large document only.
 */
let compiledSchema: typeof topologySchema | undefined;
/** Resources in a document from which compiling pays for itself on the first parse. */
export const compileThreshold = 2000;

function schemaFor(input: Record<string, unknown>): typeof topologySchema {
	if (compiledSchema) return compiledSchema;
	let resources = 0;
	for (const key in input) {
		const value = input[key];
		if (Array.isArray(value)) resources += value.length;
	}
	return resources >= compileThreshold ? (compiledSchema = z.compile(topologySchema)) : topologySchema;
}

export function parseTopology(input: unknown): ParseResult {
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		return {ok: false, problems: [{path: '(document)', message: 'a topology must be a JSON object'}]};
	const version = (input as {schemaVersion?: unknown}).schemaVersion;
	if (version === undefined)
		return {ok: false, problems: [{path: 'schemaVersion', message: 'is required (the document format version, e.g. 1)'}]};
	const result = schemaFor(input as Record<string, unknown>).safeParse(input);
	if (result.success) return {ok: true, topology: result.data};
	return {
		ok: false,
		problems: result.error.issues.map(issue => ({
			path: formatPath(issue.path),
			resourceId: resourceIdAt(input, issue.path),
			message: describeIssue(issue, input),
		})),
	};
}

/**
 * One line per problem: `subnets[2].cidr (subnet-web-a): "10.0.0.1/24" has host bits set; ...`. The
 * resource id is added only when the message does not already name it (the rules' messages do).
 */
export function formatProblem(problem: Problem): string {
	const named = problem.resourceId !== undefined && !problem.message.includes(problem.resourceId);
	const where = named ? `${problem.path} (${problem.resourceId})` : problem.path;
	return `${where}: ${problem.message}`;
}
