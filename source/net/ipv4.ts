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

/** Parses dotted-quad IPv4 (no leading zeros, no shorthand). Returns undefined when invalid. */
export function parseIpv4(text: string): number | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	let value = 0;
	for (const part of parts) {
		if (!octetPattern.test(part)) return undefined;
		const octet = Number(part);
		if (octet > 255) return undefined;
		value = value * 256 + octet;
	}
	return value;
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
	const slash = trimmed.indexOf('/');
	if (slash === -1) throw new NetParseError(`"${trimmed}" is not a CIDR block: it needs a prefix length, e.g. ${trimmed}/24`);
	const addressText = trimmed.slice(0, slash);
	const prefixText = trimmed.slice(slash + 1);
	const address = parseIpv4(addressText);
	if (address === undefined) throw new NetParseError(`"${trimmed}" is not a CIDR block: ${describeBadAddress(addressText)}`);
	if (!/^(0|[1-9]\d?)$/.test(prefixText) || Number(prefixText) > 32)
		throw new NetParseError(`"${trimmed}" is not a CIDR block: the prefix length must be a whole number from 0 to 32, not "${prefixText}"`);
	const prefix = Number(prefixText);
	const base = (address & maskOf(prefix)) >>> 0;
	if (base !== address && !options.allowHostBits) {
		const meant = formatCidr({base, prefix});
		throw new NetParseError(`"${trimmed}" has host bits set; did you mean ${meant}?`, `use ${meant}`);
	}
	return {base, prefix};
}

/** Returns the parse error message, or undefined when `text` is a valid CIDR block. */
export function cidrError(text: string): string | undefined {
	try {
		parseCidr(text);
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
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
