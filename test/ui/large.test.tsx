import {act} from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {indexResources} from '../../source/model/resources.js';
import {topologySchema} from '../../source/model/schema.js';
import type {Topology} from '../../source/model/types.js';
import {ConsoleScreen} from '../../source/ui/ConsoleScreen.js';
import {rulesFor} from '../../source/ui/rules-view.js';
import {routesFor} from '../../source/ui/selection.js';
import type {ConsoleServices} from '../../source/ui/services.js';
import {buildTree, flattenTree, initialExpanded} from '../../source/ui/tree.js';
import {keys, press, tick, type, waitFor} from './helpers.js';

/** 200 VPCs, 2,000 subnets, 10,000 instances: the size the console must stay quick with. */
function largeTopology(): Topology {
	const input = {schemaVersion: 1, name: 'large', vpcs: [] as unknown[], subnets: [] as unknown[], routeTables: [] as unknown[], securityGroups: [] as unknown[], networkAcls: [] as unknown[], instances: [] as unknown[], networkInterfaces: [] as unknown[]};
	for (let v = 0; v < 200; v++) {
		const vpc = `vpc-${v}`;
		input.vpcs.push({id: vpc, cidrBlocks: [`10.${v}.0.0/16`]});
		input.routeTables.push({id: `rtb-${v}`, vpcId: vpc, main: true, routes: [{destinationCidr: '0.0.0.0/0', target: `igw-${v}`}]});
		input.securityGroups.push({id: `sg-${v}`, vpcId: vpc, ingress: [{protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0'}]});
		input.networkAcls.push({id: `acl-${v}`, vpcId: vpc, isDefault: true, inbound: [{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}]});
		for (let s = 0; s < 10; s++) {
			const subnet = `subnet-${v}-${s}`;
			input.subnets.push({id: subnet, vpcId: vpc, cidr: `10.${v}.${s}.0/24`, availabilityZone: 'us-east-1a'});
			for (let i = 0; i < 5; i++) {
				const id = `i-${v}-${s}-${i}`;
				input.instances.push({id});
				input.networkInterfaces.push({id: `eni-${v}-${s}-${i}`, subnetId: subnet, privateIp: `10.${v}.${s}.${10 + i}`, instanceId: id, deviceIndex: 0, securityGroupIds: [`sg-${v}`]});
			}
		}
	}
	return topologySchema.parse(input);
}

const timed = <T,>(work: () => T): [T, number] => {
	const start = performance.now();
	const result = work();
	return [result, performance.now() - start];
};

describe('a 10,000-instance topology', () => {
	const topology = largeTopology();

	it('builds the tree once and derives each key press cheaply', () => {
		const [roots, build] = timed(() => buildTree(topology));
		const index = indexResources(topology);
		const expanded = initialExpanded(roots);
		const [rows, flatten] = timed(() => flattenTree(roots, expanded));
		expect(rows).toHaveLength(200);
		const [, select] = timed(() => {
			routesFor(topology, index, 'i-199-9-4');
			rulesFor(topology, index, 'i-199-9-4');
		});
		// Generous bounds: shared CI machines are slow; these guard against quadratic work.
		expect(build).toBeLessThan(3000);
		expect(flatten).toBeLessThan(100);
		expect(select).toBeLessThan(100);
		const all = new Set<string>();
		const walk = (nodes: typeof roots) => nodes.forEach(node => (all.add(node.key), walk(node.children)));
		walk(roots);
		expect(flattenTree(roots, all)).toHaveLength(200 + 2000 + 10_000 + 200 * 3);
	});

	it('answers Routes and Rules for a selection without walking every interface again', () => {
		let reads = 0;
		const counted = new Proxy(topology.networkInterfaces, {
			get(target, property, receiver) {
				if (typeof property === 'string' && /^\d+$/.test(property)) reads++;
				return Reflect.get(target, property, receiver);
			},
		});
		const watched: Topology = {...topology, networkInterfaces: counted};
		const index = indexResources(watched);
		reads = 0;
		// A held key moving through 200 instances: each asks for its routes and its rules.
		for (let v = 0; v < 200; v++) {
			const id = `i-${v}-3-2`;
			expect(routesFor(watched, index, id).tables[0]?.heading).toContain(`for subnet-${v}-3`);
			expect(rulesFor(watched, index, id).sections.map(section => section.id)).toEqual([`sg-${v}:ingress`, `sg-${v}:egress`, `acl-${v}:inbound`, `acl-${v}:outbound`]);
		}
		// One pass to build the lookups, not three per selection.
		expect(reads).toBeLessThanOrEqual(topology.networkInterfaces.length);
	});

	it('renders only the rows on screen', async () => {
		const services = {} as ConsoleServices;
		let app!: ReturnType<typeof render>;
		await act(async () => {
			app = render(<ConsoleScreen opened={{name: 'large', topology}} services={services} columns={100} rows={24} onQuit={() => {}} onOpen={() => {}} />);
			await tick();
		});
		const frame = () => app.lastFrame() ?? '';
		expect(frame().split('\n').length).toBeLessThanOrEqual(23);
		await press(app.stdin, 'G');
		expect(frame()).toContain('VPC vpc-199');
		expect(frame()).toContain('200/200');
		await press(app.stdin, keys.enter);
		await press(app.stdin, 'G');
		expect(frame()).toContain('sg-199');
		expect(frame().split('\n').length).toBeLessThanOrEqual(23);
		await act(async () => app.unmount());
	});

	it('takes a held key\'s backlog as one move and one frame', async () => {
		const services = {} as ConsoleServices;
		let app!: ReturnType<typeof render>;
		await act(async () => {
			app = render(<ConsoleScreen opened={{name: 'large', topology}} services={services} columns={100} rows={24} onQuit={() => {}} onOpen={() => {}} />);
			await tick();
		});
		const frame = () => app.lastFrame() ?? '';
		await press(app.stdin, '/');
		await type(app.stdin, 'subnet-1');
		await press(app.stdin, keys.enter);
		expect(frame()).toMatch(/1\/\d{3}/);
		// Thirty presses of j read at once, as a terminal delivers them after a slow frame.
		const drawn = app.frames.length;
		await press(app.stdin, 'j'.repeat(30));
		await waitFor(() => frame().includes('31/'), 'the cursor on row 31');
		expect(app.frames.length - drawn).toBeLessThanOrEqual(3);
		// Another key after the backlog is its own press, and a burst of different keys is still
		// taken one key at a time.
		await press(app.stdin, 'jk');
		await waitFor(() => frame().includes('31/'), 'j then k');
		await press(app.stdin, 'kkkjj');
		await waitFor(() => frame().includes('30/'), 'three up and two down');
		await act(async () => app.unmount());
	});
});
