import {describe, expect, it} from 'vitest';
import {
	type Cidr,
	NetParseError,
	cidrContains,
	cidrContainsAddress,
	cidrError,
	cidrsOverlap,
	formatCidr,
	formatIpv4,
	ipv4,
	isIpv4,
	isRfc1918,
	isRfc6598,
	lastAddress,
	maskOf,
	parseCidr,
	parseIpv4,
	sizeOf,
} from '../../source/net/ipv4.js';

describe('parseIpv4', () => {
	it('reads dotted quads as unsigned integers', () => {
		expect(parseIpv4('0.0.0.0')).toBe(0);
		expect(parseIpv4('10.0.1.25')).toBe(0x0a000119);
		expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
		expect(parseIpv4('192.168.0.1')).toBe(0xc0a80001);
	});

	it.each(['', ' ', '1.2.3', '1.2.3.4.5', '1.2.3.', '.1.2.3', '01.2.3.4', '1.2.3.04', '256.0.0.0', '300.1.1.1', '1.2.3.-1', '1.2.3.a', '1e1.2.3.4', '0x1.2.3.4', ' 1.2.3.4', '1.2.3.4 ', '1. 2.3.4', '1.2.3.4/32'])(
		'refuses %j',
		text => {
			expect(parseIpv4(text)).toBeUndefined();
			expect(isIpv4(text)).toBe(false);
		},
	);

	it('round-trips through formatIpv4', () => {
		for (const text of ['0.0.0.0', '1.2.3.4', '172.31.255.254', '255.255.255.255', '128.0.0.1'])
			expect(formatIpv4(parseIpv4(text)!)).toBe(text);
	});
});

describe('ipv4', () => {
	it('trims surrounding spaces', () => {
		expect(ipv4('  10.0.0.1 ')).toBe(0x0a000001);
	});

	it('says which octet is too large', () => {
		expect(() => ipv4('300.1.1.1')).toThrow('"300.1.1.1" is not an IPv4 address: 300 is larger than 255');
	});

	it('says leading zeros are not allowed', () => {
		expect(() => ipv4('10.01.0.1')).toThrow('"01" is not a number from 0 to 255 without leading zeros');
	});

	it('asks for four numbers when there are fewer', () => {
		expect(() => ipv4('1.2.3')).toThrow('expected four numbers separated by dots');
		expect(() => ipv4('')).toThrow(NetParseError);
	});
});

describe('parseCidr', () => {
	it('parses blocks from /0 to /32', () => {
		expect(parseCidr('0.0.0.0/0')).toEqual({base: 0, prefix: 0});
		expect(parseCidr('10.0.0.0/16')).toEqual({base: 0x0a000000, prefix: 16});
		expect(parseCidr('255.255.255.255/32')).toEqual({base: 0xffffffff, prefix: 32});
		expect(parseCidr(' 192.168.0.0/24 ')).toEqual({base: 0xc0a80000, prefix: 24});
	});

	it('refuses a prefix length beyond 32 or written oddly', () => {
		expect(cidrError('10.0.0.0/33')).toBe('"10.0.0.0/33" is not a CIDR block: the prefix length must be a whole number from 0 to 32, not "33"');
		expect(cidrError('10.0.0.0/08')).toContain('not "08"');
		expect(cidrError('10.0.0.0/')).toContain('not ""');
		expect(cidrError('10.0.0.0/-1')).toContain('not "-1"');
		expect(cidrError('10.0.0.0/ 8')).toContain('not " 8"');
	});

	it('refuses a bad address', () => {
		expect(cidrError('300.1.1.1/24')).toBe('"300.1.1.1/24" is not a CIDR block: "300.1.1.1" is not an IPv4 address: 300 is larger than 255');
		expect(cidrError('1.2.3/24')).toContain('expected four numbers');
		expect(cidrError('010.0.0.0/8')).toContain('without leading zeros');
	});

	it('refuses a missing prefix and suggests one', () => {
		expect(cidrError('10.0.0.0')).toBe('"10.0.0.0" is not a CIDR block: it needs a prefix length, e.g. 10.0.0.0/24');
		expect(cidrError('')).toContain('needs a prefix length');
	});

	it('refuses host bits and suggests the network', () => {
		expect(cidrError('10.0.0.1/16')).toBe('"10.0.0.1/16" has host bits set; did you mean 10.0.0.0/16?');
		expect(cidrError('0.0.0.1/0')).toContain('did you mean 0.0.0.0/0?');
		expect(cidrError('255.255.255.255/31')).toContain('did you mean 255.255.255.254/31?');
		try {
			parseCidr('192.168.32.1/24');
			expect.unreachable();
		} catch (error) {
			expect((error as NetParseError).hint).toBe('use 192.168.32.0/24');
		}
	});

	it('clears host bits when asked', () => {
		expect(parseCidr('192.168.32.1/24', {allowHostBits: true})).toEqual({base: 0xc0a82000, prefix: 24});
		expect(parseCidr('255.255.255.255/0', {allowHostBits: true})).toEqual({base: 0, prefix: 0});
	});

	it('accepts every valid block', () => {
		expect(cidrError('0.0.0.0/0')).toBeUndefined();
		expect(cidrError('10.0.0.128/25')).toBeUndefined();
	});
});

describe('block arithmetic', () => {
	it('computes masks, sizes and last addresses at the edges', () => {
		expect(maskOf(0)).toBe(0);
		expect(maskOf(1)).toBe(0x80000000);
		expect(maskOf(24)).toBe(0xffffff00);
		expect(maskOf(32)).toBe(0xffffffff);
		expect(sizeOf(parseCidr('0.0.0.0/0'))).toBe(2 ** 32);
		expect(sizeOf(parseCidr('10.0.0.0/32'))).toBe(1);
		expect(lastAddress(parseCidr('0.0.0.0/0'))).toBe(0xffffffff);
		expect(lastAddress(parseCidr('10.0.0.0/16'))).toBe(parseIpv4('10.0.255.255'));
		expect(lastAddress(parseCidr('255.255.255.0/24'))).toBe(0xffffffff);
	});

	it('tests containment and overlap', () => {
		const vpc = parseCidr('10.0.0.0/16');
		expect(cidrContains(vpc, parseCidr('10.0.3.0/24'))).toBe(true);
		expect(cidrContains(vpc, vpc)).toBe(true);
		expect(cidrContains(parseCidr('10.0.3.0/24'), vpc)).toBe(false);
		expect(cidrContains(vpc, parseCidr('10.1.0.0/24'))).toBe(false);
		expect(cidrContains(parseCidr('0.0.0.0/0'), parseCidr('255.255.255.255/32'))).toBe(true);
		expect(cidrsOverlap(vpc, parseCidr('10.0.0.0/8'))).toBe(true);
		expect(cidrsOverlap(parseCidr('10.0.0.0/8'), vpc)).toBe(true);
		expect(cidrsOverlap(parseCidr('10.0.0.0/25'), parseCidr('10.0.0.128/25'))).toBe(false);
		expect(cidrContainsAddress(parseCidr('255.255.255.255/32'), 0xffffffff)).toBe(true);
		expect(cidrContainsAddress(parseCidr('128.0.0.0/1'), 0x7fffffff)).toBe(false);
		expect(formatCidr(parseCidr('172.16.0.0/12'))).toBe('172.16.0.0/12');
	});
});

describe('private ranges', () => {
	const at = (text: string) => parseIpv4(text)!;

	it('recognises RFC 1918 at its edges', () => {
		for (const inside of ['10.0.0.0', '10.255.255.255', '172.16.0.0', '172.31.255.255', '192.168.0.0', '192.168.255.255'])
			expect(isRfc1918(at(inside)), inside).toBe(true);
		for (const outside of ['9.255.255.255', '11.0.0.0', '172.15.255.255', '172.32.0.0', '192.167.255.255', '192.169.0.0', '0.0.0.0', '255.255.255.255'])
			expect(isRfc1918(at(outside)), outside).toBe(false);
	});

	it('recognises RFC 6598 shared space at its edges', () => {
		expect(isRfc6598(at('100.64.0.0'))).toBe(true);
		expect(isRfc6598(at('100.127.255.255'))).toBe(true);
		expect(isRfc6598(at('100.63.255.255'))).toBe(false);
		expect(isRfc6598(at('100.128.0.0'))).toBe(false);
	});
});

describe('the character scanner agrees with the plain definition', () => {
	// The grammar as first written, with split and regexes: the reference the fast scanner must match.
	const octet = /^(0|[1-9]\d{0,2})$/;
	const referenceIpv4 = (text: string): number | undefined => {
		const parts = text.split('.');
		if (parts.length !== 4) return undefined;
		let value = 0;
		for (const part of parts) {
			if (!octet.test(part) || Number(part) > 255) return undefined;
			value = value * 256 + Number(part);
		}
		return value;
	};
	const referenceCidr = (text: string): Cidr | 'host bits' | undefined => {
		const trimmed = text.trim();
		const slash = trimmed.indexOf('/');
		if (slash === -1) return undefined;
		const address = referenceIpv4(trimmed.slice(0, slash));
		const prefixText = trimmed.slice(slash + 1);
		if (address === undefined || !/^(0|[1-9]\d?)$/.test(prefixText) || Number(prefixText) > 32) return undefined;
		const prefix = Number(prefixText);
		const base = (address & maskOf(prefix)) >>> 0;
		return base === address ? {base, prefix} : 'host bits';
	};

	/** Seeded, so a failure names a case that comes back on every run. */
	function* cases(): Generator<string> {
		let state = 7;
		const next = (n: number) => {
			state = (Math.imul(state, 1103515245) + 12345) >>> 0;
			return (state >>> 8) % n;
		};
		const pieces = ['0', '1', '9', '00', '01', '10', '25', '99', '255', '256', '300', '999', '1000', '.', '..', '/', '/0', '/8', '/32', '/33', '/08', ' ', 'a', '-', '+', 'e', '\t', '٣'];
		for (const fixed of ['', '.', '/', '0.0.0.0', '0.0.0.0/0', '255.255.255.255/32', '10.0.0.1/16', '10.0.0.0/16', ' 10.0.0.0/8 ', '1.2.3.4/', '1.2.3.4//8'])
			yield fixed;
		for (let i = 0; i < 5000; i++) {
			let text = '';
			const count = 1 + next(9);
			for (let j = 0; j < count; j++) text += pieces[next(pieces.length)]!;
			yield text;
			// Mostly well-formed quads with one thing changed, where the edge cases are.
			const quad = [next(300), next(300), next(300), next(300)].join('.');
			yield quad;
			yield `${quad}/${next(40)}`;
			yield `${quad.slice(0, next(quad.length + 1))}${pieces[next(pieces.length)]}${quad.slice(next(quad.length + 1))}/${next(34)}`;
		}
	}

	it('for addresses and blocks, valid or not', () => {
		// Compared in plain code and reported together: one expect per case made this test slow.
		const wrong: string[] = [];
		for (const text of cases()) {
			if (parseIpv4(text) !== referenceIpv4(text)) wrong.push(`parseIpv4 ${JSON.stringify(text)}`);
			const expected = referenceCidr(text);
			const error = cidrError(text);
			let thrown: string | undefined;
			let parsed: Cidr | undefined;
			try {
				parsed = parseCidr(text);
			} catch (caught) {
				thrown = (caught as Error).message;
			}
			if (expected === undefined || expected === 'host bits') {
				if (error === undefined || thrown !== error) wrong.push(`refused ${JSON.stringify(text)}`);
				if (expected === 'host bits' && parseCidr(text, {allowHostBits: true}).prefix !== Number(text.trim().split('/')[1]))
					wrong.push(`allowHostBits ${JSON.stringify(text)}`);
			} else if (error !== undefined || parsed?.base !== expected.base || parsed.prefix !== expected.prefix)
				wrong.push(`accepted ${JSON.stringify(text)}`);
		}
		expect(wrong).toEqual([]);
	});
});
