// The shape of a subcommand: its help is generated from the same data its parser uses, so the
// flags a command documents are exactly the flags it accepts.
import type {ArgSpec, FlagSpec, ParsedArgs} from './args.js';
import type {Io, Paint} from './io.js';

export type Context = {
	io: Io;
	paint: Paint;
	input: string[];
	flags: ParsedArgs['flags'];
};

export type Command = {
	name: string;
	/** `<name> [--template <id>]`: what follows `vpcsim <command>`. */
	usage: string;
	/** One line for the command list. */
	summary: string;
	/** A paragraph or two for `vpcsim <command> --help`. */
	description?: string;
	args: ArgSpec;
	flags: Record<string, FlagSpec>;
	examples: string[];
	run(context: Context): Promise<number> | number;
};

export function stringFlag(context: Context, name: string): string | undefined {
	const value = context.flags[name];
	return typeof value === 'string' ? value : undefined;
}
