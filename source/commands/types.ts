// What a palette line becomes once read, and how each command is described: one description
// drives parsing, help, completion and the change itself.
import type {FlowSpec} from '../engine/types.js';
import type {Topology} from '../model/types.js';
import type {Draft} from './draft.js';
import type {ArgSpec, PortRange, ProtocolValue, Value} from './syntax.js';

/** A change to the topology: the command's name (`add vpc`) and its checked argument values. */
export type ChangeCommand = {readonly type: 'change'; readonly name: string; readonly values: Readonly<Record<string, Value>>};

export type Command =
	| ChangeCommand
	| {readonly type: 'trace'; readonly flow: FlowSpec}
	| {readonly type: 'cidr'; readonly block: string; readonly free?: number; readonly in?: string}
	| {readonly type: 'help'; readonly topic?: string}
	| {readonly type: 'undo'}
	| {readonly type: 'redo'}
	| {readonly type: 'quit'}
	| {readonly type: 'save-as'; readonly name: string}
	| {readonly type: 'open'; readonly name: string};

/** What the console or the CLI carries out for a command that does not change the topology. */
export type Intent =
	| {readonly kind: 'trace'; readonly flow: FlowSpec}
	| {readonly kind: 'undo'}
	| {readonly kind: 'redo'}
	| {readonly kind: 'quit'}
	| {readonly kind: 'save-as'; readonly name: string}
	| {readonly kind: 'open'; readonly name: string};

export type ApplyResult =
	| {readonly ok: true; readonly topology: Topology; readonly message: string; readonly intent?: Intent; readonly changed: boolean}
	/** `column` (1-based) when the line could not be read, so the palette can point at it. */
	| {readonly ok: false; readonly error: string; readonly column?: number};

/** Typed access to a command's values; the parser has already checked each against its kind. */
export class Args {
	constructor(readonly values: Readonly<Record<string, Value>>) {}

	has(key: string): boolean {
		return this.values[key] !== undefined;
	}

	str(key: string): string {
		const value = this.values[key];
		if (typeof value !== 'string') throw new Error(`missing ${key}`);
		return value;
	}

	opt(key: string): string | undefined {
		const value = this.values[key];
		return typeof value === 'string' ? value : undefined;
	}

	num(key: string): number | undefined {
		const value = this.values[key];
		return typeof value === 'number' ? value : undefined;
	}

	bool(key: string): boolean | undefined {
		const value = this.values[key];
		return typeof value === 'boolean' ? value : undefined;
	}

	list(key: string): readonly string[] | undefined {
		const value = this.values[key];
		if (value === undefined) return undefined;
		return Array.isArray(value) ? (value as string[]) : [String(value)];
	}

	ports(key: string): PortRange | undefined {
		const value = this.values[key];
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as PortRange) : undefined;
	}

	protocol(key: string): ProtocolValue {
		return this.values[key] as ProtocolValue;
	}
}

export type CommandDef = {
	/** One or two words: `add vpc`, `rename`, `trace`. */
	readonly name: string;
	readonly summary: string;
	/** A paragraph: what it does in AWS terms, and its defaults. */
	readonly help: string;
	readonly example: string;
	/** Positional arguments, in order; each may also be given as `name=value`. */
	readonly args: readonly ArgSpec[];
	/** `key=value` options. */
	readonly options?: readonly ArgSpec[];
	/** Changes the draft and says what it did. */
	readonly run?: (draft: Draft, args: Args) => string;
	/** For commands that do not change the topology: the command they stand for. */
	readonly intent?: (args: Args) => Command;
};
