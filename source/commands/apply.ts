// Carrying out a command as a pure change: the topology given is never touched; the result is
// checked with AWS's rules and refused if the change introduced a problem.
import {type Problem, formatProblem} from '../model/parse.js';
import type {Topology} from '../model/types.js';
import {validateTopology} from '../model/validate.js';
import {explainCidr} from './cidr.js';
import {CommandError, Draft} from './draft.js';
import {helpText} from './help.js';
import {parseCommand} from './parse.js';
import {findCommand} from './registry.js';
import {ParseError} from './syntax.js';
import {type ApplyResult, Args, type Command, type Intent} from './types.js';

const knownProblems = new WeakMap<Topology, Set<string>>();

// Positions shift when resources or entries are added or removed, so problems are compared by
// resource and message with list positions left out.
const problemKey = (problem: Problem) => `${problem.resourceId ?? ''}\u0000${problem.message.replace(/\[\d+\]/g, '[]')}`;

function problemsOf(topology: Topology): Set<string> {
	let known = knownProblems.get(topology);
	if (!known) {
		known = new Set(validateTopology(topology).map(problemKey));
		knownProblems.set(topology, known);
	}
	return known;
}

function describeProblem(problem: Problem): string {
	return problem.resourceId && !problem.message.includes(problem.resourceId) ? formatProblem(problem) : problem.message;
}

export function applyCommand(topology: Topology, command: Command): ApplyResult {
	const unchanged = (message: string, intent?: Intent): ApplyResult => ({
		ok: true,
		topology,
		message,
		changed: false,
		...(intent ? {intent} : {}),
	});
	try {
		switch (command.type) {
			case 'trace':
				return unchanged(`tracing ${command.flow.from} -> ${command.flow.to}`, {kind: 'trace', flow: command.flow});
			case 'cidr':
				return unchanged(explainCidr(topology, command));
			case 'help':
				return unchanged(helpText(command.topic));
			case 'undo':
			case 'redo':
			case 'quit':
				return unchanged(command.type, {kind: command.type});
			case 'save-as':
			case 'open':
				return unchanged(`${command.type} ${command.name}`, {kind: command.type, name: command.name});
			case 'change':
				break;
		}
		const def = findCommand(command.name);
		if (!def?.run) return {ok: false, error: `unknown command "${command.name}"`};
		const before = problemsOf(topology);
		const draft = new Draft(topology);
		const message = def.run(draft, new Args(command.values));
		const after = validateTopology(draft.topology);
		const introduced = after.find(problem => !before.has(problemKey(problem)));
		if (introduced) return {ok: false, error: describeProblem(introduced)};
		knownProblems.set(draft.topology, new Set(after.map(problemKey)));
		return {ok: true, topology: draft.topology, message, changed: true};
	} catch (error) {
		if (error instanceof CommandError || error instanceof ParseError) return {ok: false, error: error.message};
		// A command must never take the console down; an unexpected failure is reported like a refusal.
		return {ok: false, error: `internal error: ${(error as Error).message}`};
	}
}

/** Parses and applies one line: what the palette does on Enter. */
export function runCommand(topology: Topology, line: string): ApplyResult {
	const command = parseCommand(line);
	if (command instanceof ParseError) return {ok: false, error: `column ${command.column}: ${command.message}`, column: command.column};
	return applyCommand(topology, command);
}
