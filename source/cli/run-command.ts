// `vpcsim run <script> --topology <name|file>`: palette commands from a file, all or nothing.
// The topology is written back only when every line applied, and only if nobody changed it on
// disk meanwhile (the store's revision check).
import {readFileSync} from 'node:fs';
import {runScript} from '../commands/index.js';
import {ConflictError, saveTopologyFile} from '../store/index.js';
import type {Command} from './command.js';
import {stringFlag} from './command.js';
import {CliError, writeLine} from './io.js';
import {resolvePath} from './read-json.js';
import {loadTopologyArg, storeFor} from './store-access.js';

function readScript(cwd: string, file: string): string {
	try {
		return readFileSync(resolvePath(cwd, file), 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new CliError(`run: ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code ?? String(error)})`}`);
	}
}

/** `line 7: column 3: why` as compilers say it, `7:3: why`, after the file name. */
function locate(error: string): string {
	return error.replace(/^line (\d+): (?:column (\d+): )?/, (_, line: string, column?: string) => (column ? `${line}:${column}: ` : `${line}: `));
}

export const runCommand: Command = {
	name: 'run',
	usage: '<script> --topology <name|file> [--dry-run]',
	summary: 'apply palette commands from a file, one a line',
	description: [
		'Blank lines and lines starting with # are skipped. The first line that fails stops the run and is',
		'named (file, line, column); nothing is saved unless every line applied. The console-only commands',
		'(undo, redo, open, save-as, trace, quit) are refused. "vpcsim open <name>" and then ":help" list the commands.',
	].join('\n'),
	args: {names: ['script']},
	flags: {
		topology: {type: 'string', value: '<name|file>', shortFlag: 't', example: 'lab', description: 'the saved topology or topology file to change (required)'},
		dryRun: {type: 'boolean', description: 'apply and check every line, but save nothing'},
	},
	examples: ['vpcsim run add-peering.vpcsim --topology lab', 'vpcsim run changes.txt --topology ./prod.json --dry-run'],
	run(context) {
		const {io} = context;
		const script = context.input[0]!;
		const topologyArg = stringFlag(context, 'topology');
		if (!topologyArg) throw new CliError('run: --topology <name|file> is required', 'vpcsim list shows the saved topologies');
		const text = readScript(io.cwd, script);
		const loaded = loadTopologyArg(io, topologyArg);
		const result = runScript(text, loaded.topology);
		if (!result.ok) throw new CliError(`${script}:${locate(result.error)}`, `nothing was saved; ${topologyArg} is unchanged`);
		// Printed only once saved: a run that ends refused must not look as if it had applied.
		const report = () => {
			for (const message of result.messages) if (message) writeLine(io.stdout, message);
		};
		const changes = `${result.applied} change${result.applied === 1 ? '' : 's'}`;
		if (context.flags.dryRun === true || result.applied === 0) {
			report();
			writeLine(io.stdout, `${changes} checked; nothing saved${context.flags.dryRun === true ? ' (--dry-run)' : ''}`);
			return 0;
		}
		const mode = {expectedRevision: loaded.revision};
		try {
			const store = storeFor(io);
			// runScript checked AWS's rules after every line: the save checks only the structure again.
			if (loaded.source.kind === 'saved') store.save(loaded.source.name, result.topology, mode, {rulesChecked: true});
			else saveTopologyFile(loaded.source.file, result.topology, mode, {checked: store.checked, rulesChecked: true});
		} catch (error) {
			// The console's answer (reload, overwrite, save as) is no choice here: say what run did.
			if (!(error instanceof ConflictError)) throw error;
			const what = error.currentRevision === undefined ? 'was removed' : 'changed on disk';
			throw new CliError(`run: ${topologyArg} ${what} while ${script} ran; nothing was saved`, `run ${script} again on the topology as it is now`);
		}
		report();
		writeLine(io.stdout, `${changes} applied and saved to ${loaded.source.kind === 'saved' ? loaded.source.name : topologyArg}`);
		return 0;
	},
};
