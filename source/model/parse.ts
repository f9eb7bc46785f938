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

function describeIssue(issue: z.core.$ZodIssue): string {
	if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(k => `"${k}"`).join(', ')}`;
	if (issue.code === 'invalid_value') return `must be one of ${issue.values.map(v => JSON.stringify(v)).join(', ')}`;
	if (issue.code === 'invalid_type' && issue.input === undefined) return `is required (${issue.expected})`;
	return issue.message;
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
			message: describeIssue(issue),
		})),
	};
}

/** One line per problem: `subnets[2] (subnet-web-a).cidr: "10.0.0.1/24" has host bits set; ...`. */
export function formatProblem(problem: Problem): string {
	const where = problem.resourceId ? `${problem.path} (${problem.resourceId})` : problem.path;
	return `${where}: ${problem.message}`;
}
