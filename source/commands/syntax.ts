// The palette's words: tokens with their columns, and the value kinds an argument may take. Values
// are checked here, before any topology is looked at, so a typo is reported at its column.
import {NetParseError, formatCidr, isIpv4, parseCidr} from '../net/ipv4.js';
import {type ResourceKind, indexResources, resolveRef} from '../model/resources.js';
import type {Topology} from '../model/types.js';

/** A command that cannot be read; `column` is 1-based, pointing at the offending word. */
export class ParseError extends Error {
	readonly type = 'parse-error';
	constructor(
		message: string,
		readonly column: number,
	) {
		super(message);
		this.name = 'ParseError';
	}
}

export type Token = {readonly text: string; readonly start: number};

/** Splits on blanks; quotes keep blanks inside a word (descriptions); `#` starts a comment. */
export function tokenize(line: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < line.length) {
		if (/\s/.test(line[i]!)) {
			i++;
			continue;
		}
		if (line[i] === '#') break;
		const start = i;
		let text = '';
		while (i < line.length && !/\s/.test(line[i]!)) {
			const quote = line[i];
			if (quote === '"' || quote === "'") {
				const close = line.indexOf(quote, i + 1);
				if (close === -1) throw new ParseError(`unclosed ${quote} quote`, i + 1);
				text += line.slice(i + 1, close);
				i = close + 1;
			} else {
				text += line[i];
				i++;
			}
		}
		tokens.push({text, start});
	}
	return tokens;
}

export type PortRange = {readonly from: number; readonly to: number};
export type ProtocolValue = 'all' | 'tcp' | 'udp' | 'icmp' | number;
export type Value = string | number | boolean | readonly string[] | PortRange;

export type ValueKind =
	| 'name'
	| 'ref'
	| 'refs'
	| 'cidr'
	| 'cidrs'
	| 'ip'
	| 'int'
	| 'ports'
	| 'protocol'
	| 'bool'
	| 'enum'
	| 'text'
	/** A CIDR block, or a prefix list by id or name. */
	| 'destination'
	/** A CIDR block, or a security group or prefix list by id or name. */
	| 'peer'
	/** A block that may have host bits set (explained, not stored). */
	| 'block'
	/** A prefix length: 24 or /24. */
	| 'prefix';

export type ArgSpec = {
	readonly name: string;
	readonly kind: ValueKind;
	readonly optional?: boolean;
	/** For refs: the kinds of resource accepted (completion offers these). */
	readonly refKinds?: readonly ResourceKind[];
	/** For enums: the words accepted. For refs: extra words accepted as they are (`local`). */
	readonly values?: readonly string[];
	readonly min?: number;
	readonly max?: number;
	/**
	 * Completion's own offers for this argument, from what is already on the line (the routes of
	 * the table named before, for `rm route`). Resources of refKinds are offered anyway.
	 */
	readonly suggest?: (topology: Topology, given: Readonly<Record<string, string>>) => readonly string[];
	/** Takes the rest of the line as one value (help's topic). */
	readonly rest?: boolean;
	/** Shown in synopses: `<cidr>` by default. */
	readonly placeholder?: string;
};

// Names may hold blanks (imported Name tags often do; quote them), but not the characters the
// palette itself uses: `,` separates lists, `=` options, `#` comments.
const namePattern = /^[^\s,=#"'](?:[^,=#"']{0,253}[^\s,=#"'])?$/;
const refPattern = namePattern;

function parseInteger(text: string, spec: ArgSpec): number {
	if (!/^-?\d+$/.test(text)) throw new Error(`${spec.name} must be a whole number, not "${text}"`);
	const value = Number(text);
	if (spec.min !== undefined && value < spec.min) throw new Error(`${spec.name} must be at least ${spec.min}, not ${value}`);
	if (spec.max !== undefined && value > spec.max) throw new Error(`${spec.name} must be at most ${spec.max}, not ${value}`);
	return value;
}

function parsePort(text: string): number {
	if (!/^\d+$/.test(text) || Number(text) > 65535) throw new Error(`"${text}" is not a port (0-65535)`);
	return Number(text);
}

function cidrText(text: string): string {
	try {
		return formatCidr(parseCidr(text));
	} catch (error) {
		if (error instanceof NetParseError) throw new Error(error.message);
		throw error;
	}
}

const looksLikeAddress = /^\d+(\.\d*)*(\/.*)?$/;

/** Converts the text of one argument to its value, or throws an Error whose message says why. */
export function parseValue(spec: ArgSpec, text: string): Value {
	switch (spec.kind) {
		case 'name':
			if (!namePattern.test(text) || isIpv4(text))
				throw new Error(`"${text}" is not a usable name: a name is not an address and has no , = # or quotes (e.g. web-a)`);
			return text;
		case 'ref':
			if (spec.values?.includes(text)) return text;
			if (!refPattern.test(text)) throw new Error(`"${text}" is not a resource id or name`);
			return text;
		case 'refs':
			return text.split(',').map(part => {
				if (!refPattern.test(part)) throw new Error(`"${part}" is not a resource id or name`);
				return part;
			});
		case 'cidr':
			return cidrText(text);
		case 'cidrs':
			return text.split(',').map(cidrText);
		case 'destination':
		case 'peer':
			if (looksLikeAddress.test(text)) return cidrText(text);
			if (!refPattern.test(text)) throw new Error(`"${text}" is neither a CIDR block nor a resource id or name`);
			return text;
		case 'ip':
			if (spec.values?.includes(text)) return text;
			if (!isIpv4(text)) throw new Error(`"${text}" is not an IPv4 address (e.g. 10.0.1.25)`);
			return text;
		case 'int':
			return parseInteger(text, spec);
		case 'ports': {
			if (text === 'all' || text === 'any') return {from: 0, to: 65535};
			const [low, high, extra] = text.split('-');
			if (extra !== undefined || low === undefined) throw new Error(`"${text}" is not a port or range (e.g. 443 or 1024-65535)`);
			const from = parsePort(low);
			const to = high === undefined ? from : parsePort(high);
			if (to < from) throw new Error(`the port range ${text} ends before it starts`);
			return {from, to};
		}
		case 'protocol': {
			const word = text.toLowerCase();
			if (word === 'all' || word === '-1' || word === 'any') return 'all';
			if (word === 'tcp' || word === '6') return 'tcp';
			if (word === 'udp' || word === '17') return 'udp';
			if (word === 'icmp' || word === '1') return 'icmp';
			if (/^\d+$/.test(word) && Number(word) <= 255) return Number(word);
			throw new Error(`"${text}" is not a protocol: use tcp, udp, icmp, all or a number from 0 to 255`);
		}
		case 'bool': {
			const word = text.toLowerCase();
			if (['true', 'yes', 'on'].includes(word)) return true;
			if (['false', 'no', 'off'].includes(word)) return false;
			throw new Error(`${spec.name} must be true or false, not "${text}"`);
		}
		case 'enum':
			if (!spec.values?.includes(text)) throw new Error(`${spec.name} must be one of ${spec.values?.join(', ')}, not "${text}"`);
			return text;
		case 'text':
			return text;
		case 'block':
			try {
				parseCidr(text, {allowHostBits: true});
			} catch (error) {
				throw new Error((error as Error).message);
			}
			return text;
		case 'prefix': {
			const digits = text.startsWith('/') ? text.slice(1) : text;
			if (!/^\d+$/.test(digits) || Number(digits) > 32) throw new Error(`${spec.name} must be a prefix length such as /24, not "${text}"`);
			return Number(digits);
		}
	}
}

/**
 * An enum whose words, joined by `|`, are longer than this is written `<name>` in a synopsis and its
 * words are listed in the command's help: a synopsis then breaks between words when wrapped.
 */
const longEnum = 40;

/** The words of an enum too long to write out in a synopsis, or undefined. */
export function longEnumValues(spec: ArgSpec): readonly string[] | undefined {
	if (spec.placeholder || spec.kind !== 'enum' || !spec.values) return undefined;
	return spec.values.join('|').length > longEnum ? spec.values : undefined;
}

/** How an argument is written in a synopsis. */
export function placeholder(spec: ArgSpec): string {
	if (spec.placeholder) return spec.placeholder;
	if (spec.kind === 'enum' && spec.values && !longEnumValues(spec)) return spec.values.join('|');
	return `<${spec.name}>`;
}

/** The resource a ref already typed on the line names, for completion's suggestions. */
export function lookupGiven<T>(topology: Topology, ref: string | undefined, kind: ResourceKind): T | undefined {
	if (!ref) return undefined;
	const found = resolveRef(indexResources(topology), ref, [kind]);
	return found.ok ? (found.entry.resource as T) : undefined;
}
