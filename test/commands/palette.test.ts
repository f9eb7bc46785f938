import {describe, expect, test} from 'vitest';
import {applyCommand, runCommand} from '../../source/commands/apply.js';
import {complete} from '../../source/commands/complete.js';
import {commandSpecs, helpText} from '../../source/commands/help.js';
import {parseCommand} from '../../source/commands/parse.js';
import {runScript} from '../../source/commands/script.js';
import {ParseError} from '../../source/commands/syntax.js';
import {wrapText} from '../../source/ui/layout.js';
import {build, emptyTopology} from './fixture.js';

const base = ['add vpc app 10.0.0.0/16', 'add subnet web-a app 10.0.1.0/24', 'add subnet web-b app 10.0.2.0/24', 'add sg web vpc=app', 'add rtb public app'];

describe('help', () => {
	test('every command has a synopsis, a summary, help and an example that parses', () => {
		expect(commandSpecs.length).toBeGreaterThan(100);
		for (const spec of commandSpecs) {
			expect(spec.synopsis.startsWith(spec.name), spec.name).toBe(true);
			expect(spec.summary.length, spec.name).toBeGreaterThan(5);
			expect(spec.help.length, spec.name).toBeGreaterThan(20);
			const example = parseCommand(spec.example);
			expect(example instanceof ParseError ? `${spec.example}: ${example.message}` : spec.name).toBe(spec.name);
			expect(helpText(spec.name), spec.name).toContain(`example: ${spec.example}`);
		}
	});

	test('help lists every command; help <command> explains one', () => {
		const list = helpText();
		for (const spec of commandSpecs) expect(list).toContain(spec.name);
		const one = runCommand(emptyTopology(), 'help add subnet');
		expect(one.ok && one.message.split('\n')[0]).toBe('add subnet <name> <vpc> <cidr> [az=<az>] [rtb=<rtb>] [acl=<acl>]');
		expect(runCommand(emptyTopology(), 'help add security-group').ok).toBe(true);
		const group = runCommand(emptyTopology(), 'help vpc');
		expect(group.ok && group.message).toContain('add vpc <name> <cidr>');
		expect(runCommand(emptyTopology(), 'help frobnicate')).toEqual({ok: false, error: 'no command "frobnicate"; type help for the list'});
	});

	test('help wraps between words in the palette at the narrowest console: a long list of states is spelled out in the help', () => {
		// The console is at least 80 columns; the palette's answer is wrapped 4 inside that.
		const width = 76;
		const topics = [undefined, 'add', 'set', 'rm', ...commandSpecs.map(spec => spec.name)];
		for (const topic of topics) {
			const text = helpText(topic);
			const words = new Set(text.split(/\s+/));
			for (const line of wrapText(text, width)) for (const word of line.split(/\s+/).filter(Boolean)) expect(words.has(word), `help ${topic ?? ''}: ${word}`).toBe(true);
		}
		const pcx = helpText('set pcx').split('\n');
		expect(pcx[0]).toBe('set pcx <pcx> [status=<status>]');
		expect(pcx).toContain('<status> is one of pending-acceptance, active, rejected, expired, failed, deleted or provisioning.');
		expect(helpText('add sg-rule').split('\n')[0]).toContain(' in|out ');
	});
});

describe('completion', () => {
	const topology = build(base);

	test('command words and nouns', () => {
		expect(complete('ad', 2, topology)).toEqual({replaceFrom: 0, suggestions: ['add']});
		expect(complete('tr', 2, topology).suggestions).toEqual(['trace']);
		expect(complete('add s', 5, topology)).toEqual({replaceFrom: 4, suggestions: ['sg', 'sg-rule', 'site', 'subnet']});
	});

	test('resource names of the kind the argument takes', () => {
		expect(complete('add subnet x vpc=', 17, topology)).toEqual({replaceFrom: 17, suggestions: ['app']});
		expect(complete('add route ', 10, topology).suggestions.filter(word => !word.endsWith('='))).toEqual(['app-main', 'public']);
		expect(complete('set subnet w', 12, topology).suggestions).toEqual(['web-a', 'web-b']);
		expect(complete('add instance i web-a sg=app-default-sg,w', 40, topology)).toEqual({replaceFrom: 39, suggestions: ['web']});
	});

	test('keywords and option keys', () => {
		expect(complete('add sg-rule web ', 16, topology).suggestions.slice(0, 2)).toEqual(['in', 'out']);
		expect(complete('set subnet web-a ', 17, topology).suggestions).toEqual(['acl=', 'az=', 'rtb=']);
		expect(complete('set rtb public main=', 20, topology).suggestions).toEqual(['false', 'true']);
		expect(complete('add route public 0.0.0.0/0 l', 28, topology).suggestions).toEqual(['local']);
	});

	test('the cursor may be in the middle of the line', () => {
		expect(complete('set subnet w rtb=public', 12, topology)).toEqual({replaceFrom: 11, suggestions: ['web-a', 'web-b']});
	});
});

describe('cidr', () => {
	test('explains a block with host bits, its reserved addresses and overlaps', () => {
		const result = runCommand(build(base), 'cidr 10.0.1.77/24');
		expect(result.ok).toBe(true);
		const text = result.ok ? result.message : '';
		expect(text).toContain('10.0.1.77/24 is in 10.0.1.0/24: 10.0.1.0 - 10.0.1.255, 256 addresses');
		expect(text).toContain('10.0.1.1 (VPC router)');
		expect(text).toContain('10.0.1.255 (broadcast address)');
		expect(text).toMatch(/overlaps VPC app \(vpc-[0-9a-f]+\) 10.0.0.0\/16; subnet web-a/);
	});

	test('suggests free subnet blocks inside a VPC', () => {
		const result = runCommand(build(base), 'cidr free=/24 in=app');
		expect(result.ok && result.message).toMatch(/^free \/24 blocks in app \(vpc-[0-9a-f]+\): 10.0.0.0\/24, 10.0.3.0\/24, 10.0.4.0\/24/);
		expect(runCommand(build(base), 'cidr free=/24')).toEqual({ok: false, error: 'free= needs in=<vpc>: the VPC to look for free blocks in'});
	});
});

describe('intents', () => {
	test('trace and console commands return intents and leave the topology as it is', () => {
		const topology = build(base);
		const trace = applyCommand(topology, parseCommand('trace web-1 8.8.8.8 udp 53') as never);
		expect(trace).toMatchObject({ok: true, changed: false, intent: {kind: 'trace', flow: {from: 'web-1', to: '8.8.8.8', protocol: 'udp', port: 53}}});
		expect(trace.ok && trace.topology).toBe(topology);
		expect(runCommand(topology, 'undo')).toMatchObject({intent: {kind: 'undo'}});
		expect(runCommand(topology, 'save-as lab-2')).toMatchObject({intent: {kind: 'save-as', name: 'lab-2'}});
	});
});

describe('runScript', () => {
	test('applies every line, skipping comments and blank lines', () => {
		const result = runScript('# a small VPC\nadd vpc app 10.0.0.0/16\n\n  # subnets\nadd subnet web-a app 10.0.1.0/24 # public\ncidr 10.0.1.0/24\n', emptyTopology());
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.applied).toBe(2);
			expect(result.topology.subnets.map(subnet => subnet.name)).toEqual(['web-a']);
		}
	});

	test('stops at the first error naming its line, and returns no topology', () => {
		const start = emptyTopology();
		const snapshot = structuredClone(start);
		const result = runScript('add vpc app 10.0.0.0/16\n# comment\nadd subnet a app 10.0.1.0/24\n\nadd subnet b app 10.0.1.0/25\nadd subnet c app 10.0.3.0/24', start);
		expect(result).toMatchObject({ok: false, line: 5});
		expect(!result.ok && result.error).toMatch(/^line 5: .*overlaps subnet a/);
		expect(start).toEqual(snapshot);
		expect(runScript('add vpc app 10.0.0.0/16\nadd vpc b 10.1.0.1/16', start)).toMatchObject({ok: false, error: 'line 2: column 11: "10.1.0.1/16" has host bits set; did you mean 10.1.0.0/16?'});
	});

	test('console-only commands are refused in scripts', () => {
		expect(runScript('undo', emptyTopology())).toEqual({ok: false, line: 1, error: 'line 1: undo works only in the console'});
	});
});

describe('names with blanks', () => {
	test('quoted names are created, referenced and completed', () => {
		const topology = build(['add vpc "Main VPC" 10.0.0.0/16', 'add subnet web-a "main vpc" 10.0.1.0/24']);
		expect(topology.subnets[0]!.vpcId).toBe(topology.vpcs[0]!.id);
		expect(complete('add subnet x vpc=Ma', 19, topology).suggestions).toEqual(['"Main VPC"']);
		expect(parseCommand('add vpc a,b 10.0.0.0/16')).toBeInstanceOf(ParseError);
	});

	test('help completes command names', () => {
		expect(complete('help add sub', 12, emptyTopology()).suggestions).toEqual(['subnet']);
		expect(complete('help tr', 7, emptyTopology()).suggestions).toEqual(['trace']);
	});
});

describe('topologies that already have problems', () => {
	test('a change is refused only for a problem it introduced', () => {
		const start = build(['add vpc app 10.0.0.0/16', 'add subnet web-a app 10.0.1.0/24']);
		// A loaded document may break a rule already (here: a subnet outside its VPC).
		const broken: typeof start = {...start, subnets: [{...start.subnets[0]!, cidr: '10.9.1.0/24'}]};
		const result = runCommand(broken, 'add sg web vpc=app');
		expect(result.ok).toBe(true);
		expect(runCommand(broken, 'add subnet web-b app 10.0.1.0/24').ok).toBe(true);
		expect(runCommand(broken, 'add subnet web-c app 10.8.1.0/24')).toMatchObject({ok: false, error: expect.stringContaining('10.8.1.0/24')});
	});
});

test('trace ends are completed from instances, interfaces, endpoints and gateways', () => {
	const topology = build(['add vpc app 10.0.0.0/16', 'add subnet web-a app 10.0.1.0/24', 'add instance web-1 web-a', 'add igw main vpc=app']);
	expect(complete('trace w', 7, topology).suggestions).toEqual(['web-1', 'web-1-eth0']);
	expect(complete('trace web-1 m', 13, topology).suggestions).toEqual(['main']);
});

test('a trace offers at each end only what a trace takes there: no load balancer or transit gateway, NAT gateways only as destinations', () => {
	const topology = build([
		'add vpc app 10.0.0.0/16',
		'add subnet n-a app 10.0.1.0/24',
		'add instance n-web n-a',
		'add nat n-nat subnet=n-a public',
		'add lb n-lb vpc=app subnet=n-a',
		'add tgw n-hub',
	]);
	expect(complete('trace n-', 8, topology).suggestions).toEqual(['n-web', 'n-web-eth0']);
	expect(complete('trace n-web n-', 14, topology).suggestions).toEqual(['n-nat', 'n-web', 'n-web-eth0']);
});

test('a client of a client VPN endpoint is completed as client:<endpoint id or name> at either end of a trace', () => {
	const topology = build([
		'add vpc app 10.0.0.0/16',
		'add subnet app-a app 10.0.1.0/24',
		'add instance web-1 app-a',
		'add cvpn remote app 10.250.0.0/22',
		'add cvpn "Field staff" app 10.252.0.0/22',
	]);
	const [remote, field] = topology.clientVpnEndpoints.map(endpoint => endpoint.id);
	const clients = [`client:${remote}`, `client:${field}`, 'client:remote', '"client:Field staff"'].sort();
	expect(complete('trace client:', 13, topology)).toEqual({replaceFrom: 6, suggestions: clients});
	expect(complete('trace cl', 8, topology).suggestions).toEqual(clients);
	expect(complete('trace web-1 client:r', 20, topology)).toEqual({replaceFrom: 12, suggestions: ['client:remote']});
	expect(complete('trace "client:F', 15, topology).suggestions).toEqual(['"client:Field staff"']);
	// The endpoint's bare name is not offered: a trace refuses it.
	expect(complete('trace rem', 9, topology).suggestions).toEqual([]);
	// A quoted offer reads back as the name it quotes.
	expect(runCommand(topology, 'trace "client:Field staff" web-1 tcp 443')).toMatchObject({ok: true, intent: {kind: 'trace', flow: {from: 'client:Field staff'}}});
});

test('an argument written key=value is offered what it is offered in its place', () => {
	const topology = build([
		'add vpc app 10.0.0.0/16',
		'add subnet app-a app 10.0.1.0/24',
		'add instance web-1 app-a',
		'add cvpn remote app 10.250.0.0/22',
		'add igw main vpc=app',
		'add rtb public app',
		'add route public 0.0.0.0/0 main',
		'add route public 10.9.0.0/16 main',
	]);
	const remote = topology.clientVpnEndpoints[0]!.id;
	expect(complete('trace from=client:', 18, topology)).toEqual({replaceFrom: 11, suggestions: [`client:${remote}`, 'client:remote']});
	expect(complete('trace web-1 to=cl', 17, topology).suggestions).toEqual([`client:${remote}`, 'client:remote']);
	expect(complete('rm route public destination=1', 29, topology).suggestions).toEqual(['10.9.0.0/16']);
});

test('a trace end offers no client: forms when the topology has no client VPN endpoint', () => {
	const topology = build(['add vpc app 10.0.0.0/16', 'add subnet app-a app 10.0.1.0/24', 'add instance web-1 app-a']);
	expect(complete('trace client:', 13, topology).suggestions).toEqual([]);
	expect(complete('trace ', 6, topology).suggestions.filter(word => word.includes('client:'))).toEqual([]);
});

test('free blocks stay inside the VPC whatever block is asked about', () => {
	const topology = build(['add vpc app 10.0.0.0/16', 'add subnet a app 10.0.0.0/24']);
	const wide = runCommand(topology, 'cidr 10.0.0.0/8 free=/16 in=app');
	expect(wide.ok && wide.message.split('\n').at(-1)).toMatch(/^no free \/16 block left in app/);
	const narrow = runCommand(topology, 'cidr 10.0.4.0/22 free=/24 in=app');
	expect(narrow.ok && narrow.message.split('\n').at(-1)).toMatch(/: 10.0.4.0\/24, 10.0.5.0\/24, 10.0.6.0\/24, 10.0.7.0\/24$/);
});

test('removals complete what is there to remove', () => {
	const topology = build([
		'add vpc app 10.0.0.0/16',
		'add vpc-cidr app 10.1.0.0/16',
		'add igw main vpc=app',
		'add rtb public app',
		'add route public 0.0.0.0/0 main',
		'add route public 10.9.0.0/16 main',
		'add acl pub app',
		'add acl-rule pub in 100 allow all from=0.0.0.0/0',
		'add acl-rule pub out 200 allow all to=0.0.0.0/0',
	]);
	expect(complete('rm route public ', 16, topology).suggestions.slice(0, 2)).toEqual(['0.0.0.0/0', '10.9.0.0/16']);
	expect(complete('replace route rtb=public 0', 26, topology).suggestions).toEqual(['0.0.0.0/0']);
	expect(complete('rm acl-rule pub out ', 20, topology).suggestions).toEqual(['200', 'number=']);
	expect(complete('rm vpc-cidr app ', 16, topology).suggestions).toEqual(['10.1.0.0/16', 'cidr=']);
});

test('ref arguments complete resource ids as well as names; an empty word lists each resource once', () => {
	const topology = build([...base, 'add instance web-1 web-a', 'add instance web-2 web-b']);
	const [group, web] = topology.securityGroups.map(item => item.id) as [string, string];
	const instances = topology.instances.map(item => item.id).sort();
	const tables = topology.routeTables.map(item => item.id).sort();
	expect(complete(`add sg-rule ${web.slice(0, 4)}`, 12 + 4, topology).suggestions).toEqual(
		[group, web].filter(id => id.startsWith(web.slice(0, 4))).sort(),
	);
	expect(complete(`add sg-rule ${web}`, 12 + web.length, topology)).toEqual({replaceFrom: 12, suggestions: [web]});
	expect(complete('trace i-', 8, topology)).toEqual({replaceFrom: 6, suggestions: instances});
	expect(complete('trace web-1 i-', 14, topology).suggestions).toEqual(instances);
	expect(complete('rm instance i-', 14, topology)).toEqual({replaceFrom: 12, suggestions: instances});
	expect(complete('add route rtb-', 14, topology).suggestions).toEqual(tables);
	expect(complete('add subnet x vpc=vpc-', 21, topology)).toEqual({replaceFrom: 17, suggestions: [topology.vpcs[0]!.id]});
	expect(complete('add instance i web-a sg=web,sg-', 31, topology)).toEqual({replaceFrom: 28, suggestions: [group, web].sort()});
	// Nothing typed yet, or less than an id's kind part: names only, as before.
	expect(complete('add subnet x v', 14, topology).suggestions).toEqual(['vpc=']);
	expect(complete('add route r', 11, topology).suggestions).toEqual(['rtb=']);
	expect(complete('add route ', 10, topology).suggestions.filter(word => !word.endsWith('='))).toEqual(['app-main', 'public']);
	expect(complete('rm instance ', 12, topology).suggestions.filter(word => !word.endsWith('='))).toEqual(['web-1', 'web-2']);
	// A resource without a name is offered by its id, once.
	const unnamed = build(['add vpc app 10.0.0.0/16']);
	const vpc = {...unnamed.vpcs[0]!};
	delete (vpc as {name?: string}).name;
	const bare = {...unnamed, vpcs: [vpc]};
	expect(complete('add subnet x vpc=', 17, bare).suggestions).toEqual([vpc.id]);
	expect(complete('add subnet x vpc=vpc-', 21, bare).suggestions).toEqual([vpc.id]);
});
