import {describe, expect, it} from 'vitest';
import {parseCidr, parseIpv4} from '../../source/net/ipv4.js';
import {awsReservedRole, describeCidr, excludeCidrs, freeBlocks, mergeCidrs, overlaps} from '../../source/net/sets.js';

describe('mergeCidrs', () => {
	it('joins adjacent halves and drops covered blocks, in address order', () => {
		expect(mergeCidrs(['10.0.1.0/24', '10.0.0.128/25', '10.0.0.0/25', '10.0.1.7/32'])).toEqual(['10.0.0.0/23']);
		expect(mergeCidrs(['192.168.0.0/24', '10.0.0.0/8'])).toEqual(['10.0.0.0/8', '192.168.0.0/24']);
		expect(mergeCidrs([])).toEqual([]);
	});

	it('refuses what cidr-tools would silently accept', () => {
		expect(() => mergeCidrs(['10.0.0.0/33'])).toThrow('the prefix length must be a whole number from 0 to 32');
		expect(() => mergeCidrs(['300.1.1.1/24'])).toThrow('300 is larger than 255');
		expect(() => mergeCidrs(['10.0.0.1/16'])).toThrow('did you mean 10.0.0.0/16?');
	});
});

describe('excludeCidrs', () => {
	it('returns what is left of the base', () => {
		expect(excludeCidrs(['10.0.0.0/22'], ['10.0.1.0/24'])).toEqual(['10.0.0.0/24', '10.0.2.0/23']);
		expect(excludeCidrs(['10.0.0.0/24'], ['10.0.0.0/16'])).toEqual([]);
		expect(excludeCidrs(['10.0.0.0/24'], [])).toEqual(['10.0.0.0/24']);
		expect(excludeCidrs(['0.0.0.0/0'], ['128.0.0.0/1'])).toEqual(['0.0.0.0/1']);
	});

	it('validates both sides', () => {
		expect(() => excludeCidrs(['10.0.0.0/16'], ['1.2.3/24'])).toThrow('expected four numbers');
	});
});

describe('overlaps', () => {
	it('compares single blocks and lists', () => {
		expect(overlaps('10.0.0.0/16', '10.0.255.0/24')).toBe(true);
		expect(overlaps('10.0.0.0/16', '10.1.0.0/16')).toBe(false);
		expect(overlaps(['10.1.0.0/16', '172.16.0.0/12'], ['172.31.0.0/16'])).toBe(true);
		expect(overlaps([], ['0.0.0.0/0'])).toBe(false);
		expect(() => overlaps('10.0.0.0/16', '10.0.0.0/40')).toThrow(/not "40"/);
	});
});

describe('freeBlocks', () => {
	it('suggests the lowest free blocks of the asked size', () => {
		expect(freeBlocks(['10.0.0.0/16'], ['10.0.0.0/24', '10.0.2.0/24'], 24, 3)).toEqual(['10.0.1.0/24', '10.0.3.0/24', '10.0.4.0/24']);
	});

	it('skips free space too small for the size and looks in every block of the VPC', () => {
		expect(freeBlocks(['10.0.0.0/24', '10.1.0.0/24'], ['10.0.0.0/25', '10.0.0.192/26'], 25)).toEqual(['10.1.0.0/25', '10.1.0.128/25']);
	});

	it('returns nothing when the size is larger than the container or all is used', () => {
		expect(freeBlocks(['10.0.0.0/24'], [], 16)).toEqual([]);
		expect(freeBlocks(['10.0.0.0/24'], ['10.0.0.0/24'], 28)).toEqual([]);
	});

	it('does not expand a huge network', () => {
		const started = performance.now();
		expect(freeBlocks(['0.0.0.0/0'], ['0.0.0.0/32'], 32, 2)).toEqual(['0.0.0.1/32', '0.0.0.2/32']);
		expect(freeBlocks(['10.0.0.0/8'], [], 28)).toHaveLength(8);
		expect(performance.now() - started).toBeLessThan(500);
	});

	it('refuses a prefix outside 0-32', () => {
		expect(() => freeBlocks(['10.0.0.0/16'], [], 33)).toThrow('prefix length from 0 to 32, not 33');
	});
});

describe('describeCidr', () => {
	it('explains a subnet-sized block with host bits as its network', () => {
		expect(describeCidr('192.168.32.1/24')).toEqual({
			cidr: '192.168.32.0/24',
			typed: '192.168.32.1/24',
			prefix: 24,
			network: '192.168.32.0',
			first: '192.168.32.0',
			last: '192.168.32.255',
			size: 256,
			netmask: '255.255.255.0',
			subnetSized: true,
			reserved: [
				{address: '192.168.32.0', role: 'network address'},
				{address: '192.168.32.1', role: 'VPC router'},
				{address: '192.168.32.2', role: 'DNS server'},
				{address: '192.168.32.3', role: 'future use'},
				{address: '192.168.32.255', role: 'broadcast address'},
			],
			usable: 251,
			firstUsable: '192.168.32.4',
			lastUsable: '192.168.32.254',
		});
	});

	it('gives the smallest AWS subnet 11 usable addresses', () => {
		const facts = describeCidr('10.0.0.16/28');
		expect(facts.typed).toBeUndefined();
		expect(facts.usable).toBe(11);
		expect(facts.netmask).toBe('255.255.255.240');
		expect(facts.reserved?.at(-1)).toEqual({address: '10.0.0.31', role: 'broadcast address'});
	});

	it('leaves out reserved addresses for blocks no subnet can have', () => {
		const all = describeCidr('0.0.0.0/0');
		expect(all).toMatchObject({cidr: '0.0.0.0/0', size: 2 ** 32, netmask: '0.0.0.0', last: '255.255.255.255', subnetSized: false});
		expect(all.reserved).toBeUndefined();
		expect(describeCidr('10.0.0.0/8').usable).toBeUndefined();
		expect(describeCidr('10.0.0.7/32')).toMatchObject({size: 1, netmask: '255.255.255.255', subnetSized: false});
	});

	it('still refuses what is not a block', () => {
		expect(() => describeCidr('10.0.0.0/33')).toThrow('not "33"');
		expect(() => describeCidr('10.0.0.0')).toThrow('needs a prefix length');
	});
});

describe('awsReservedRole', () => {
	it('names each of the five reserved addresses', () => {
		const subnet = parseCidr('10.0.1.0/24');
		const role = (text: string) => awsReservedRole(subnet, parseIpv4(text)!);
		expect(role('10.0.1.0')).toBe('network address');
		expect(role('10.0.1.1')).toBe('VPC router');
		expect(role('10.0.1.2')).toBe('DNS server');
		expect(role('10.0.1.3')).toBe('future use');
		expect(role('10.0.1.4')).toBeUndefined();
		expect(role('10.0.1.254')).toBeUndefined();
		expect(role('10.0.1.255')).toBe('broadcast address');
	});
});
