// `vpcsim import aws <dir> (--out <file.json> | --name <saved-name>)`: a snapshot of describe-*
// JSON becomes a topology; the summary says what came in, what was skipped and what was left out.
import {existsSync} from 'node:fs';
import {resolve} from 'node:path';
import {importAwsSnapshot, type ImportResult} from '../importers/aws/index.js';
import {isFileArg, nameError, saveTopologyFile} from '../store/index.js';
import type {Command} from './command.js';
import {CliError, writeLine, type Output, type Paint} from './io.js';
import {storeFor} from './store-access.js';

export const importCommand: Command = {
	name: 'import',
	usage: 'aws <dir> (--out <file.json> | --name <saved-name>)',
	summary: 'import a snapshot of `aws ec2 describe-*` JSON',
	description:
		'Reads <dir>/aws_configs/ or <dir> itself: JSON files directly, <region>/ folders, or accounts/<account>/<region>/ folders, ' +
		'each recognised by its top-level key. Prints how many resources of each kind came in, the files skipped and why, and ' +
		'anything that could not be mapped. Nothing is written unless the whole snapshot imports. Pre-shared keys are never read.',
	args: {names: ['source', 'dir']},
	flags: {
		out: {type: 'string', value: '<file.json>', example: 'prod.json', description: 'write the topology to this file (refuses to overwrite one)'},
		name: {type: 'string', value: '<saved-name>', example: 'prod', description: 'save it as a topology of this name'},
		verbose: {type: 'boolean', description: 'list every resource left out or changed, not only the counts'},
	},
	examples: ['vpcsim import aws ./snapshot --name prod', 'vpcsim import aws ./snapshot --out prod.json'],
	run({io, paint, input, flags}) {
		const [source, dir] = input as [string, string];
		if (source !== 'aws') throw new CliError(`unknown import source "${source}"`, 'vpcsim imports `aws` snapshots: vpcsim import aws <dir> --name <saved-name>');
		const out = typeof flags['out'] === 'string' ? flags['out'] : undefined;
		const name = typeof flags['name'] === 'string' ? flags['name'] : undefined;
		if (!out === !name) throw new CliError('give exactly one of --out <file.json> and --name <saved-name>');
		// The same store, relative to the same folder, as every other command; the name is checked
		// before the snapshot is read, so a typo does not cost a whole import.
		const store = storeFor(io);
		const badName = name === undefined ? undefined : nameError(name);
		if (badName) throw new CliError(badName);
		if (name && store.exists(name)) throw new CliError(`a saved topology named ${name} already exists`, `choose another --name, or remove it first: vpcsim rm ${name}`);
		// Every other command would take a bare word for a saved name and never find this file.
		if (out && !isFileArg(out))
			throw new CliError(`--out ${out}: a topology file must end in .json (or be given with a path)`, `--out ${out}.json, or --name ${out} to save it as a topology`);
		const outFile = out ? resolve(io.cwd, out) : undefined;
		if (outFile && existsSync(outFile)) throw new CliError(`${out} already exists; vpcsim never overwrites a file on import`, 'choose another --out');
		let result: ImportResult;
		try {
			result = importAwsSnapshot(resolve(io.cwd, dir), {name: name ?? undefined});
		} catch (error) {
			throw new CliError((error as Error).message);
		}
		if (name) store.create(name, result.topology);
		else if (outFile) saveTopologyFile(outFile, result.topology, {force: true}, {checked: store.checked});
		printSummary(io.stdout, paint, result, flags['verbose'] === true);
		writeLine(io.stdout, name ? `saved as ${name}: vpcsim open ${name}` : `written to ${out}`);
		return 0;
	},
};

function printSummary(stdout: Output, paint: Paint, result: ImportResult, verbose: boolean): void {
	const total = result.counts.reduce((sum, entry) => sum + entry.count, 0);
	writeLine(stdout, `${paint.green('imported')} ${total} resources:`);
	for (const {kind, count} of result.counts) writeLine(stdout, `  ${String(count).padStart(6)}  ${kind}`);
	if (result.skippedFiles.length > 0) {
		writeLine(stdout, `skipped ${result.skippedFiles.length} file${result.skippedFiles.length > 1 ? 's' : ''}:`);
		for (const file of result.skippedFiles) writeLine(stdout, `  ${file.file}: ${file.reason}`);
	}
	const section = (title: string, notes: ImportResult['unmapped']) => {
		if (notes.length === 0) return;
		writeLine(stdout, `${title} (${notes.length}):`);
		const shown = verbose ? notes : notes.slice(0, 20);
		for (const note of shown) writeLine(stdout, `  ${note.resourceId}${note.field ? ` ${note.field}` : ''}: ${note.reason}`);
		if (shown.length < notes.length) writeLine(stdout, `  … ${notes.length - shown.length} more (--verbose lists them all)`);
	};
	section('left out', result.leftOut);
	section('not fully mapped', result.unmapped);
}
