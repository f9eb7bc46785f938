// `vpcsim validate <file.json>`: the same checks a topology gets when it is loaded, reported in
// full (every problem, one a line) so a hand-written or generated file can be fixed in one pass.
import {checkTopology} from '../model/load.js';
import {formatProblem} from '../model/parse.js';
import {collectionKeys} from '../model/resources.js';
import type {Topology} from '../model/types.js';
import {isFileArg, upgradeDocument} from '../store/index.js';
import type {Command} from './command.js';
import {CliError, writeLine} from './io.js';
import {readJsonFile} from './read-json.js';
import {storeFor} from './store-access.js';

export function countResources(topology: Topology): number {
	let count = 0;
	for (const key of collectionKeys) count += topology[key].length;
	return count;
}

export const validateCommand: Command = {
	name: 'validate',
	usage: '<file.json>',
	summary: 'check a topology file against the schema and AWS\'s rules',
	description:
		'Prints "ok" and the number of resources, or one line per problem naming the JSON path and the resource (exit status 2).',
	args: {names: ['file.json']},
	flags: {},
	examples: ['vpcsim validate lab.json'],
	run({io, paint, input}) {
		const file = input[0]!;
		// Upgraded first, as loading does: a file from an older vpcsim is valid if it upgrades.
		let document: unknown;
		try {
			document = readJsonFile(io.cwd, file);
		} catch (error) {
			// "vpcsim validate lab" for a saved topology is an easy slip: show the way to check it.
			if (error instanceof CliError && !isFileArg(file) && storeFor(io).exists(file))
				throw new CliError(error.message, `${file} is a saved topology: vpcsim export ${file} > ${file}.json && vpcsim validate ${file}.json`);
			throw error;
		}
		const upgraded = upgradeDocument(document);
		if (!upgraded.ok) throw new CliError(`${file}: ${upgraded.message}`);
		const result = checkTopology(upgraded.document);
		if (!result.ok) {
			for (const problem of result.problems) writeLine(io.stderr, `${file}: ${formatProblem(problem)}`);
			return 2;
		}
		const count = countResources(result.topology);
		writeLine(io.stdout, `${paint.green('ok')}: ${file} (${count} resource${count === 1 ? '' : 's'})`);
		return 0;
	},
};
