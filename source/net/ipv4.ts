// Strict IPv4 and CIDR parsing. cidr-tools accepts `/33` and wraps `300.1.1.1`, so everything a
// user types or loads goes through here first; addresses are unsigned 32-bit integers from then on.

export type Cidr = {
	/** Network address as an unsigned 32-bit integer. */
	readonly base: number;
	/** Prefix length, 0-32. */
	readonly prefix: number;
};

export class NetParseError extends Error {
	constructor(
		message: string,
		readonly hint?: string,
	) {
		super(message);
		this.name = 'NetParseError';
	}
}

const octetPattern = /^(0|[1-9]\d{0,2})$/;

/**
 * Reads a dotted quad from text[start, end) one character code at a time: a document holds tens
 * of thousands of addresses, and splitting each into strings made parsing most of a load's time.
 * Returns the address, or -1 when it is not exactly four octets 0-255 without leading zeros.
 */
function scanIpv4(text: string, start: number, end: number): number {
	let value = 0;
	let octet = 0;
	let digits = 0;
	let dots = 0;
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c === 46) {
			if (digits === 0 || dots === 3) return -1;
			value = value * 256 + octet;
			dots++;
			octet = 0;
			digits = 0;
		} else if (c >= 48 && c <= 57) {
			// A second digit after a lone 0 is a leading zero.
			if (digits === 3 || (digits > 0 && octet === 0)) return -1;
			octet = octet * 10 + (c - 48);
			if (octet > 255) return -1;
			digits++;
		} else return -1;
	}
	if (digits === 0 || dots !== 3) return -1;
	return value * 256 + octet;
}

/** Parses dotted-quad IPv4 (no leading zeros, no shorthand). Returns undefined when invalid. */
export function parseIpv4(text: string): number | undefined {
	const value = scanIpv4(text, 0, text.length);
	return value === -1 ? undefined : value;
}

/** Like parseIpv4 but throws a NetParseError saying what is wrong. */
export function ipv4(text: string): number {
	const value = parseIpv4(text.trim());
	if (value === undefined) throw new NetParseError(describeBadAddress(text.trim()));
	return value;
}

function describeBadAddress(text: string): string {
	const parts = text.split('.');
	if (parts.length !== 4) return `"${text}" is not an IPv4 address (expected four numbers separated by dots, e.g. 10.0.1.25)`;
	const bad = parts.find(part => !octetPattern.test(part) || Number(part) > 255);
	if (bad !== undefined && /^\d+$/.test(bad) && Number(bad) > 255)
		return `"${text}" is not an IPv4 address: ${bad} is larger than 255`;
	return `"${text}" is not an IPv4 address: "${bad ?? ''}" is not a number from 0 to 255 without leading zeros`;
}

export function formatIpv4(value: number): string {
	return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** Netmask of a prefix length as an unsigned integer (/0 is 0, /32 is 0xFFFFFFFF). */
export function maskOf(prefix: number): number {
	return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function sizeOf(cidr: Cidr): number {
	return 2 ** (32 - cidr.prefix);
}

export function lastAddress(cidr: Cidr): number {
	return (cidr.base + sizeOf(cidr) - 1) >>> 0;
}

export function cidrContainsAddress(cidr: Cidr, address: number): boolean {
	return ((address & maskOf(cidr.prefix)) >>> 0) === cidr.base;
}

/** True when `inner` lies wholly inside `outer` (equal blocks count). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
	return inner.prefix >= outer.prefix && cidrContainsAddress(outer, inner.base);
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
	return a.prefix <= b.prefix ? cidrContainsAddress(a, b.base) : cidrContainsAddress(b, a.base);
}

export function formatCidr(cidr: Cidr): string {
	return `${formatIpv4(cidr.base)}/${cidr.prefix}`;
}

export type ParseCidrOptions = {
	/** Accept host bits and clear them (the way `cidr 192.168.32.1/24` explains a block). */
	allowHostBits?: boolean;
};

/**
 * Parses `a.b.c.d/n`. Refuses host bits unless asked, and says which block was meant:
 * `10.0.0.1/16` -> "host bits are set; did you mean 10.0.0.0/16?".
 */
export function parseCidr(text: string, options: ParseCidrOptions = {}): Cidr {
	const trimmed = text.trim();
	const scanned = scanCidr(trimmed);
	if (scanned !== -1) {
		const prefix = scanned % 64;
		const address = (scanned - prefix) / 64;
		const base = (address & maskOf(prefix)) >>> 0;
		if (base === address || options.allowHostBits) return {base, prefix};
	}
	const error = describeBadCidr(trimmed);
	throw new NetParseError(error.message, error.hint);
}

/**
 * A well-formed `a.b.c.d/n` as address * 64 + prefix length (one number, so the valid path
 * allocates nothing), or -1. Host bits are not judged here.
 */
function scanCidr(text: string): number {
	const slash = text.indexOf('/');
	if (slash === -1) return -1;
	const address = scanIpv4(text, 0, slash);
	if (address === -1) return -1;
	const length = text.length - slash - 1;
	const first = length > 0 ? text.charCodeAt(slash + 1) - 48 : -1;
	const second = length > 1 ? text.charCodeAt(slash + 2) - 48 : -1;
	let prefix: number;
	if (length === 1 && first >= 0 && first <= 9) prefix = first;
	else if (length === 2 && first >= 1 && first <= 9 && second >= 0 && second <= 9) prefix = first * 10 + second;
	else return -1;
	return prefix > 32 ? -1 : address * 64 + prefix;
}

/** Why a trimmed text is not a CIDR block without host bits: the slow path, only for bad input. */
function describeBadCidr(trimmed: string): {message: string; hint?: string} {
	const slash = trimmed.indexOf('/');
	if (slash === -1) return {message: `"${trimmed}" is not a CIDR block: it needs a prefix length, e.g. ${trimmed}/24`};
	const addressText = trimmed.slice(0, slash);
	const prefixText = trimmed.slice(slash + 1);
	const address = parseIpv4(addressText);
	if (address === undefined) return {message: `"${trimmed}" is not a CIDR block: ${describeBadAddress(addressText)}`};
	if (!/^(0|[1-9]\d?)$/.test(prefixText) || Number(prefixText) > 32)
		return {message: `"${trimmed}" is not a CIDR block: the prefix length must be a whole number from 0 to 32, not "${prefixText}"`};
	const prefix = Number(prefixText);
	const meant = formatCidr({base: (address & maskOf(prefix)) >>> 0, prefix});
	return {message: `"${trimmed}" has host bits set; did you mean ${meant}?`, hint: `use ${meant}`};
}

/** Returns the parse error message, or undefined when `text` is a valid CIDR block. */
export function cidrError(text: string): string | undefined {
	// The schema asks this of every block in a document: answer a valid one without allocating.
	const trimmed = text.trim();
	const scanned = scanCidr(trimmed);
	if (scanned !== -1) {
		const prefix = scanned % 64;
		const address = (scanned - prefix) / 64;
		if (((address & maskOf(prefix)) >>> 0) === address) return undefined;
	}
	return describeBadCidr(trimmed).message;
}

export function isIpv4(text: string): boolean {
	return parseIpv4(text) !== undefined;
}

/** RFC 1918 private space: 10/8, 172.16/12, 192.168/16. */
export function isRfc1918(address: number): boolean {
	return address >>> 24 === 10 || address >>> 20 === 0xac1 || address >>> 16 === 0xc0a8;
}

/** RFC 6598 shared address space 100.64.0.0/10. */
export function isRfc6598(address: number): boolean {
	return address >>> 22 === 0x191;
}
