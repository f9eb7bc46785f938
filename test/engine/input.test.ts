// Bad input is refused with one line saying what is wrong; flows typed in the palette or a batch
// file are parsed to the same flow.
import {describe, expect, it} from 'vitest';
import {TraceInputError, parseFlowArgs, parseFlowLine, prepare, trace} from '../../source/engine/index.js';
import {TopologyBuilder} from './builder.js';

const ctx = prepare(
	new TopologyBuilder()
		.vpc('vpc-a', '10.0.0.0/16', {igw: 'igw-a'})
		.subnet('subnet-1', 'vpc-a', '10.0.1.0/24')
		.instance('i-a', 'subnet-1', '10.0.1.10')
		.instance('i-b', 'subnet-1', '10.0.1.20')
		.build(),
);

function refusal(flow: Parameters<typeof trace>[1]): string {
	try {
		trace(ctx, flow);
	} catch (error) {
		expect(error).toBeInstanceOf(TraceInputError);
		const message = (error as Error).message;
		expect(message).not.toContain('\n');
		return message;
	}
	throw new Error('expected a TraceInputError');
}

describe('refused input', () => {
	it.each([
		[{from: 'i-nope', to: 'i-b', port: 22}, /i-nope/],
		[{from: 'i-a', to: '10.0.1.256', port: 22}, /larger than 255/],
		[{from: '10.0.1', to: 'i-b', port: 22}, /not an IPv4 address/],
		[{from: 'i-a', to: 'i-b', port: 70000}, /0 to 65535/],
		[{from: 'i-a', to: 'i-b', port: -1}, /0 to 65535/],
		[{from: 'i-a', to: 'i-b', port: 22, sourcePort: 65536}, /source port/],
		[{from: 'i-a', to: 'i-b', protocol: 'sctp' as never, port: 22}, /unknown protocol "sctp"/],
		[{from: 'i-a', to: 'i-b', protocol: 'constructor' as never, port: 22}, /unknown protocol/],
		[{from: 'i-a', to: 'i-b'}, /needs a destination port/],
		[{from: 'i-a', to: 'vpc-a', port: 22}, /^destination \(to\): "vpc-a" is a vpc, which has no address/],
		[{from: 'i-nope', to: 'i-b', port: 22}, /^source \(from\): no resource "i-nope"/],
		[{from: '10.0.1.99', to: 'i-b', port: 22}, /no network interface holds 10.0.1.99/],
		[{from: '8.8.8.8', to: '1.1.1.1', port: 22}, /both internet hosts/],
		[{from: 'client:cvpn-1', to: 'i-b', port: 22}, /client VPN/],
	])('%j', (flow, pattern) => {
		expect(refusal(flow)).toMatch(pattern);
	});

	it('accepts protocols by number and by name in any case', () => {
		expect(trace(ctx, {from: 'i-a', to: 'i-b', protocol: 6, port: 22}).packet.protocol).toBe('tcp');
		expect(trace(ctx, {from: 'i-a', to: 'i-b', protocol: 'UDP' as never, port: 53}).packet.protocol).toBe('udp');
		expect(trace(ctx, {from: 'i-a', to: 'i-b', protocol: 50}).packet).toEqual({protocol: 50, source: '10.0.1.10', destination: '10.0.1.20'});
	});

	it('uses source port 49152 unless told otherwise', () => {
		expect(trace(ctx, {from: 'i-a', to: 'i-b', port: 22}).packet.sourcePort).toBe(49152);
		expect(trace(ctx, {from: 'i-a', to: 'i-b', port: 22, sourcePort: 33000}).packet.sourcePort).toBe(33000);
	});
});

describe('flows as typed', () => {
	it('palette words: <from> <to> [protocol] [port], or a port alone meaning tcp', () => {
		expect(parseFlowArgs(['web-1', '10.1.2.3', 'tcp', '443'])).toEqual({from: 'web-1', to: '10.1.2.3', protocol: 'tcp', port: 443});
		expect(parseFlowArgs(['web-1', 'db-1', '5432'])).toEqual({from: 'web-1', to: 'db-1', protocol: 'tcp', port: 5432});
		expect(parseFlowArgs(['web-1', 'db-1', 'icmp'])).toEqual({from: 'web-1', to: 'db-1', protocol: 'icmp'});
		expect(() => parseFlowArgs(['web-1'])).toThrow(/usage/);
		expect(() => parseFlowArgs(['a', 'b', 'tcp', '99999'])).toThrow(TraceInputError);
	});

	it('batch lines: a JSON object with known fields', () => {
		expect(parseFlowLine('{"from": "i-a", "to": "i-b", "protocol": "udp", "port": 53, "sourcePort": 40000}')).toEqual({from: 'i-a', to: 'i-b', protocol: 'udp', port: 53, sourcePort: 40000});
		expect(() => parseFlowLine('{"from": "i-a"')).toThrow(/not a JSON object/);
		expect(() => parseFlowLine('[1]')).toThrow(/JSON object/);
		expect(() => parseFlowLine('{"from": "i-a", "to": "i-b", "dport": 1}')).toThrow(/unknown field "dport"/);
		expect(() => parseFlowLine('{"from": 7, "to": "i-b"}')).toThrow(/"from" must be a string/);
	});
});
