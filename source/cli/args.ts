// Subcommand argument parsing on top of meow. meow exits the process on unknown flags, missing
// values and --help; main() must return a status instead (it runs in-process in tests), so meow
// only parses here and every check that could exit is done by this module, with a hint.
import meow from 'meow';
import {CliError} from './io.js';
import {didYouMean} from './suggest.js';

export type FlagSpec = {
	type: 'string' | 'boolean';
	description: string;
	/** How the value is shown in help, e.g. `<id>`. */
	value?: string;
	choices?: readonly string[];
	shortFlag?: string;
	/** A value to show in the hint when the flag is given without one. */
	example?: string;
};

export type ArgSpec = {
	/** Names of the positional arguments, in order; `?` at the end marks an optional one. */
	names: readonly string[];
};

export type ParsedArgs = {
	input: string[];
	flags: Record<string, string | boolean | undefined>;
	help: boolean;
};

const kebab = (name: string) => name.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

export function flagLabel(name: string): string {
	return `--${kebab(name)}`;
}

function originalSpelling(key: string, argv: readonly string[]): string {
	const forms = [`--${kebab(key)}`, `--${key}`, `-${key}`];
	for (const token of argv) {
		const bare = token.split('=')[0]!;
		if (forms.includes(bare)) return bare;
		if (bare.startsWith('--no-') && forms.includes(`--${bare.slice(5)}`)) return bare;
	}
	return key.length === 1 ? `-${key}` : `--${kebab(key)}`;
}

export function parseArgs(command: string, argv: readonly string[], flags: Record<string, FlagSpec>, args: ArgSpec): ParsedArgs {
	const meowFlags: Record<string, {type: 'string' | 'boolean'; shortFlag?: string}> = {help: {type: 'boolean', shortFlag: 'h'}};
	for (const [name, spec] of Object.entries(flags)) meowFlags[name] = {type: spec.type, shortFlag: spec.shortFlag};
	let result;
	try {
		result = meow({
			importMeta: import.meta,
			pkg: {name: 'vpcsim'},
			argv: [...argv],
			flags: meowFlags,
			autoHelp: false,
			autoVersion: false,
			description: false,
			help: false,
			booleanDefault: undefined,
		});
	} catch (error) {
		// meow throws for a flag given twice; its message names the flag.
		const text = error instanceof Error ? error.message : String(error);
		throw new CliError(`${command}: ${text.replace(/^The flag /, 'flag ').replace(/\.$/, '')}`, `run "vpcsim ${command} --help" for usage`);
	}
	const parsed = result.flags as Record<string, unknown>;
	const known = new Set(Object.keys(meowFlags));
	for (const key of Object.keys(parsed)) {
		if (known.has(key)) continue;
		const typed = originalSpelling(key, argv);
		const hint = didYouMean(kebab(key), [...known].map(kebab), c => `--${c}`) ?? `run "vpcsim ${command} --help" for its flags`;
		throw new CliError(`${command}: unknown flag ${typed}`, hint);
	}
	const help = parsed.help === true;
	const values: ParsedArgs['flags'] = {};
	for (const [name, spec] of Object.entries(flags)) {
		const value = parsed[name];
		if (value === undefined) continue;
		if (spec.type === 'string') {
			if (typeof value !== 'string' || value === '') {
				// `e.g. --template <id>` would only repeat the placeholder: show a real value or the help.
				const example = spec.example ?? spec.choices?.[0];
				const hint = example ? `e.g. ${flagLabel(name)} ${example}` : `run "vpcsim ${command} --help" for usage`;
				throw new CliError(`${command}: ${flagLabel(name)} needs a value${spec.value ? ` (${spec.value})` : ''}`, hint);
			}
			if (spec.choices && !spec.choices.includes(value))
				throw new CliError(`${command}: ${flagLabel(name)} must be one of ${spec.choices.join(', ')}, not "${value}"`, didYouMean(value, spec.choices));
		}
		values[name] = value as string | boolean;
	}
	const input = result.input.map(String);
	if (!help) checkPositionals(command, input, args);
	return {input, flags: values, help};
}

function checkPositionals(command: string, input: readonly string[], args: ArgSpec): void {
	const required = args.names.filter(name => !name.endsWith('?'));
	const usage = `run "vpcsim ${command} --help" for usage`;
	if (input.length < required.length) {
		const missing = required.slice(input.length).map(name => `<${name}>`).join(' ');
		throw new CliError(`${command}: missing ${missing}`, usage);
	}
	if (input.length > args.names.length) {
		const extra = input.slice(args.names.length).map(value => `"${value}"`).join(', ');
		throw new CliError(`${command}: unexpected argument${input.length - args.names.length > 1 ? 's' : ''} ${extra}`, usage);
	}
}
