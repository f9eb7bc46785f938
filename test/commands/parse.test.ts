import {describe, expect, test} from 'vitest';
import {runCommand} from '../../source/commands/apply.js';
import {parseCommand} from '../../source/commands/parse.js';
import {ParseError} from '../../source/commands/syntax.js';
import {emptyTopology} from './fixture.js';

function error(line: string): ParseError {
	const result = parseCommand(line);
	if (!(result instanceof ParseError)) throw new Error(`${line} parsed: ${JSON.stringify(result)}`);
	return result;
}

describe('parseCommand', () => {
	test('positional essentials and key=value options give the same command', () => {
		const positional = parseCommand('add subnet web-a app 10.0.1.0/24 az=us-east-1a');
		const keyed = parseCommand('add subnet web-a vpc=app cidr=10.0.1.0/24 az=us-east-1a');
		expect(positional).toEqual({type: 'change', name: 'add subnet', values: {name: 'web-a', vpc: 'app', cidr: '10.0.1.0/24', az: 'us-east-1a'}});
		expect(keyed).toEqual(positional);
	});

	test('a keyed argument lets the next words fill the remaining positions', () => {
		expect(parseCommand('add route rtb=public 0.0.0.0/0 igw-main')).toEqual({
			type: 'change',
			name: 'add route',
			values: {rtb: 'public', destination: '0.0.0.0/0', target: 'igw-main'},
		});
	});

	test('values are typed: protocols, port ranges, booleans, lists', () => {
		const rule = parseCommand('add sg-rule web in 6 1024-65535 from=10.0.0.0/8');
		expect(rule).toMatchObject({values: {protocol: 'tcp', ports: {from: 1024, to: 65535}, from: '10.0.0.0/8'}});
		expect(parseCommand('set rtb public main=yes')).toMatchObject({values: {main: true}});
		expect(parseCommand('add site office 192.168.0.0/16,172.16.0.0/12')).toMatchObject({values: {cidrs: ['192.168.0.0/16', '172.16.0.0/12']}});
	});

	test('an optional argument that does not fit is skipped (NACL rule without ports)', () => {
		expect(parseCommand('add acl-rule pub in 100 allow all from=0.0.0.0/0')).toMatchObject({
			values: {acl: 'pub', direction: 'in', number: 100, action: 'allow', protocol: 'all', from: '0.0.0.0/0'},
		});
	});

	test('nouns have longer aliases', () => {
		expect(parseCommand('add security-group web vpc=app')).toMatchObject({name: 'add sg'});
		expect(parseCommand('rm route-table public')).toMatchObject({name: 'rm rtb'});
	});

	test('quotes keep blanks inside a value; # starts a comment', () => {
		expect(parseCommand('add sg web app description="web servers" # the front tier')).toMatchObject({values: {description: 'web servers'}});
	});

	test('an invalid CIDR is refused at its column', () => {
		const bad = error('add vpc app 10.0.0.0/33');
		expect(bad.column).toBe(13);
		expect(bad.message).toContain('prefix length must be a whole number from 0 to 32');
		expect(error('add vpc app 300.1.1.1/24').message).toContain('300 is larger than 255');
	});

	test('host bits are refused with the block that was meant', () => {
		const bad = error('add vpc app 10.0.0.1/16');
		expect(bad.message).toBe('"10.0.0.1/16" has host bits set; did you mean 10.0.0.0/16?');
		expect(bad.column).toBe(13);
		expect(error('add subnet a vpc=app cidr=10.0.1.1/24').column).toBe(27);
	});

	test('unknown commands, nouns and options are named', () => {
		expect(error('ad vpc x').message).toContain('unknown command "ad" (did you mean add?)');
		const noun = error('add router x');
		expect(noun.column).toBe(5);
		expect(noun.message).toContain('cannot add "router"');
		const option = error('add vpc app 10.0.0.0/16 colour=blue');
		expect(option.column).toBe(25);
		expect(option.message).toContain('add vpc has no option "colour"');
	});

	test('a missing argument names it and shows the synopsis and an example', () => {
		const missing = error('add subnet web-a vpc=app');
		expect(missing.message).toContain('add subnet needs <cidr>');
		expect(missing.message).toContain('e.g. add subnet web-a vpc=app cidr=10.0.1.0/24');
	});

	test('bad values say what would be valid', () => {
		expect(error('add sg-rule web in tcpp 443 from=0.0.0.0/0').message).toContain('"tcpp" is not a protocol');
		expect(error('add sg-rule web in tcp 70000 from=0.0.0.0/0').message).toContain('not a port');
		expect(error('add acl-rule pub in 40000 allow all from=0.0.0.0/0').message).toContain('number must be at most 32766');
		expect(error('add vpc 10.0.0.1 10.0.0.0/16').message).toContain('not a usable name');
		expect(error('add vpc app 10.0.0.0/16 extra').message).toContain('unexpected "extra"');
		expect(error('set vpc app region').message).toContain('unexpected');
		expect(error('   ').message).toContain('empty command');
		expect(error('add vpc a "10.0.0.0/16').message).toContain('unclosed');
	});

	test('trace becomes a flow intent', () => {
		expect(parseCommand('trace web-1 10.1.2.3 tcp 443 sport=40000')).toEqual({
			type: 'trace',
			flow: {from: 'web-1', to: '10.1.2.3', protocol: 'tcp', port: 443, sourcePort: 40000},
		});
		expect(parseCommand('trace client:remote 8.8.8.8')).toEqual({type: 'trace', flow: {from: 'client:remote', to: '8.8.8.8'}});
	});

	test('console commands parse to their own kinds', () => {
		expect(parseCommand('undo')).toEqual({type: 'undo'});
		expect(parseCommand('redo')).toEqual({type: 'redo'});
		expect(parseCommand('quit')).toEqual({type: 'quit'});
		expect(parseCommand('save-as lab-2')).toEqual({type: 'save-as', name: 'lab-2'});
		expect(parseCommand('open lab-1')).toEqual({type: 'open', name: 'lab-1'});
		expect(parseCommand('help add subnet')).toEqual({type: 'help', topic: 'add subnet'});
		expect(parseCommand('help')).toEqual({type: 'help'});
		expect(parseCommand('cidr 192.168.32.1/24')).toEqual({type: 'cidr', block: '192.168.32.1/24'});
		expect(parseCommand('cidr free=/24 in=app')).toEqual({type: 'cidr', block: '', free: 24, in: 'app'});
		expect(error('cidr 10.0.0.0/40').message).toContain('prefix length');
	});
});

test('an option without a value is refused', () => {
	const bad = parseCommand('add subnet a vpc=app cidr= az=x');
	expect(bad).toBeInstanceOf(ParseError);
	expect((bad as ParseError).message).toBe('cidr= needs a value, e.g. cidr=10.0.1.0/24');
	expect((bad as ParseError).column).toBe(27);
});

test('runCommand reports where a line went wrong', () => {
	expect(runCommand(emptyTopology(), 'add vpc app 10.0.0.1/16')).toEqual({
		ok: false,
		error: 'column 13: "10.0.0.1/16" has host bits set; did you mean 10.0.0.0/16?',
		column: 13,
	});
});
