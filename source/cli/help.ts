// Help text for `vpcsim --help` and `vpcsim <command> --help`, generated from the command table.
import {flagLabel} from './args.js';
import type {Command} from './command.js';
import type {Paint} from './io.js';

const MAX_LEFT = 34;
/** Descriptions are written as paragraphs; wrapped here so every help reads in one width. */
const WIDTH = 100;

/** Breaks at blanks only; a word longer than the width gets a line of its own, whole. */
export function wrap(text: string, width: number): string[] {
	const out: string[] = [];
	let line = '';
	for (const word of text.split(' ').filter(Boolean)) {
		if (line && line.length + 1 + word.length > width) {
			out.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	out.push(line);
	return out;
}

/**
 * The paragraphs of a description. Its lines may be broken anywhere in the source: a line that ends
 * a sentence (`.`, `:`, `?` or `!`, maybe before a closing quote or bracket) ends a paragraph, and
 * any other line runs on into the next, so each paragraph is wrapped as a whole.
 */
export function paragraphs(text: string): string[] {
	const out: string[] = [];
	let open = false;
	for (const line of text.split('\n').map(item => item.trim())) {
		if (!line) {
			open = false;
			continue;
		}
		if (open) out[out.length - 1] += ` ${line}`;
		else out.push(line);
		open = !/[.:?!]["')\]]*$/.test(line);
	}
	return out;
}

/** Two columns; a left cell too long for the column gets a line of its own (as `import` does). */
function columns(rows: Array<[string, string]>, indent = '  '): string[] {
	const width = Math.min(Math.max(...rows.map(([left]) => left.length)), MAX_LEFT) + 2;
	return rows.flatMap(([left, right]) => {
		if (!right) return [`${indent}${left}`];
		if (left.length > MAX_LEFT) return [`${indent}${left}`, `${indent}${' '.repeat(width)}${right}`];
		return [`${indent}${left.padEnd(width)}${right}`];
	});
}

export function mainHelp(commands: readonly Command[], version: string, paint: Paint): string {
	const lines = [
		`${paint.bold('vpcsim')} ${version}: trace a packet through an AWS network, hop by hop, offline.`,
		'',
		paint.bold('Usage'),
		...columns([
			['vpcsim', 'open the console on the last topology used'],
			['vpcsim <command> [options]', ''],
		]),
		'',
		paint.bold('Commands'),
		...columns(commands.map(command => [`${command.name} ${command.usage}`.trim(), command.summary])),
		'',
		paint.bold('Options'),
		...columns([
			['--help, -h', 'show this help; after a command, that command\'s help'],
			['--version, -v', 'print the version'],
		]),
		'',
		paint.bold('Environment'),
		...columns([
			['VPCSIM_HOME', 'the folder where topologies are saved'],
			['NO_COLOR', 'no colour in the output'],
			['VPCSIM_DEBUG=1', 'show the stack trace of an unexpected error'],
		]),
		'',
		'Exit status: 0 ok; 1 trace found the destination unreachable; 2 bad input; 70 a bug in vpcsim.',
		`Run "vpcsim <command> --help" for a command's options and examples.`,
	];
	return `${lines.join('\n')}\n`;
}

export function commandHelp(command: Command, paint: Paint): string {
	const lines = [`${paint.bold('Usage')}: vpcsim ${command.name} ${command.usage}`.trimEnd(), '', command.summary];
	if (command.description) lines.push('', ...paragraphs(command.description).flatMap(paragraph => wrap(paragraph, WIDTH)));
	const flags = Object.entries(command.flags).map(([name, spec]): [string, string] => {
		const left = `${flagLabel(name)}${spec.shortFlag ? `, -${spec.shortFlag}` : ''}${spec.value ? ` ${spec.value}` : ''}`;
		return [left, spec.description];
	});
	flags.push(['--help, -h', 'show this help']);
	lines.push('', paint.bold('Options'), ...columns(flags));
	if (command.examples.length > 0) lines.push('', paint.bold('Examples'), ...command.examples.map(example => `  $ ${example}`));
	return `${lines.join('\n')}\n`;
}
