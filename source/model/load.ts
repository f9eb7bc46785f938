// The one entry point for turning untrusted JSON into a topology: structure first, then AWS's rules.
import {parseTopology, type Problem} from './parse.js';
import type {Topology} from './types.js';
import {validateTopology} from './validate.js';

export type CheckResult = {ok: true; topology: Topology} | {ok: false; problems: Problem[]};

export function checkTopology(input: unknown): CheckResult {
	const parsed = parseTopology(input);
	if (!parsed.ok) return parsed;
	const problems = validateTopology(parsed.topology);
	return problems.length > 0 ? {ok: false, problems} : parsed;
}
