// Black-box helpers: build small topology documents, write them to a temporary folder and run
// `vpcsim` in-process through main() with a fake terminal, the way a user's shell would.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, expect} from 'vitest';
import {main, type Io} from '../../source/cli/main.js';
import {checkContract} from './contract.js';

export type Run = {status: number; stdout: string; stderr: string};

export type Packet = {protocol: string | number; source: string; destination: string; sourcePort?: number; destinationPort?: number};

export type Hop = {
	component: string;
	type: string;
	action: 'allow' | 'deny' | 'forward' | 'translate' | 'deliver' | 'drop';
	detail: string;
	code?: string;
	packet?: Packet;
	[key: string]: unknown;
};

export type Blocked = {component: string; type: string; code: string; direction: 'forward' | 'return'};

export type Result = {
	reachable: boolean;
	packet: Packet;
	forward: Hop[];
	return: Hop[];
	blockedAt: Blocked | null;
	explanations: Array<{code: string; component: string; message: string}>;
	error?: unknown;
};

const folders: string[] = [];

afterEach(() => {
	for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true});
});

export function tempFolder(): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'vpcsim-contract-'));
	folders.push(folder);
	return folder;
}

/** Runs `vpcsim <argv>` in-process with a private VPCSIM_HOME and working folder. */
export async function run(argv: string[], cwd = tempFolder()): Promise<Run> {
	let stdout = '';
	let stderr = '';
	const home = path.join(cwd, '.home');
	mkdirSync(home, {recursive: true});
	const io: Io = {
		stdout: {write: (text: string) => (stdout += text)},
		stderr: {write: (text: string) => (stderr += text)},
		env: {VPCSIM_HOME: home, NO_COLOR: '1'},
		cwd,
		isTTY: false,
	};
	const status = await main(argv, io);
	return {status, stdout, stderr};
}

type Doc = Record<string, unknown> & {schemaVersion: 1; name: string};
type Item = Record<string, unknown> & {id: string};

const allowAll = [{ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow'}];

/**
 * A topology document under construction. Every VPC gets what AWS creates with it: a main route
 * table, a default network ACL that allows everything both ways, and a default security group
 * (inbound from itself, outbound everywhere).
 */
export class Topo {
	readonly doc: Doc = {schemaVersion: 1, name: 'contract'};

	list(collection: string): Item[] {
		const existing = this.doc[collection] as Item[] | undefined;
		if (existing) return existing;
		const created: Item[] = [];
		this.doc[collection] = created;
		return created;
	}

	add(collection: string, item: Item): this {
		this.list(collection).push(item);
		return this;
	}

	get(collection: string, id: string): Item {
		const item = this.list(collection).find(entry => entry.id === id);
		if (!item) throw new Error(`no ${collection} ${id} in the test topology`);
		return item;
	}

	vpc(id: string, cidr: string | string[], extra: Record<string, unknown> = {}): this {
		this.add('vpcs', {id, cidrBlocks: Array.isArray(cidr) ? cidr : [cidr], ...extra});
		this.add('routeTables', {id: `rtb-${id}`, vpcId: id, main: true, routes: []});
		this.add('networkAcls', {id: `acl-${id}`, vpcId: id, isDefault: true, inbound: allowAll, outbound: allowAll});
		this.add('securityGroups', {
			id: `sg-${id}-default`,
			vpcId: id,
			isDefault: true,
			ingress: [{protocol: 'all', groupId: `sg-${id}-default`}],
			egress: [{protocol: 'all', cidr: '0.0.0.0/0'}],
		});
		return this;
	}

	subnet(id: string, vpcId: string, cidr: string, extra: Record<string, unknown> = {}): this {
		return this.add('subnets', {id, vpcId, cidr, availabilityZone: 'us-east-1a', ...extra});
	}

	/** A route table associated with the given subnets. */
	table(id: string, vpcId: string, subnets: string[], routes: Array<Record<string, unknown>> = [], extra: Record<string, unknown> = {}): this {
		this.add('routeTables', {id, vpcId, routes, ...extra});
		for (const subnet of subnets) this.get('subnets', subnet).routeTableId = id;
		return this;
	}

	route(tableId: string, destinationCidr: string, target: string, extra: Record<string, unknown> = {}): this {
		(this.get('routeTables', tableId).routes as unknown[]).push({destinationCidr, target, ...extra});
		return this;
	}

	sg(id: string, vpcId: string, ingress: Array<Record<string, unknown>>, egress: Array<Record<string, unknown>> = [{protocol: 'all', cidr: '0.0.0.0/0'}]): this {
		return this.add('securityGroups', {id, vpcId, ingress, egress});
	}

	/** A network ACL associated with the given subnets; rules as `[number, protocol, cidr, action, from?, to?]`. */
	acl(id: string, vpcId: string, subnets: string[], inbound: AclRule[], outbound: AclRule[]): this {
		this.add('networkAcls', {id, vpcId, inbound: inbound.map(aclRule), outbound: outbound.map(aclRule)});
		for (const subnet of subnets) this.get('subnets', subnet).networkAclId = id;
		return this;
	}

	/** An instance `id` with its primary interface `eni-<id>`. */
	instance(id: string, subnetId: string, privateIp: string, extra: {publicIp?: string; sgs?: string[]; sourceDestCheck?: boolean; name?: string; platform?: 'linux' | 'windows'} = {}): this {
		this.add('instances', {id, ...(extra.name ? {name: extra.name} : {}), ...(extra.platform ? {platform: extra.platform} : {})});
		return this.add('networkInterfaces', {
			id: `eni-${id}`,
			subnetId,
			privateIp,
			...(extra.publicIp ? {publicIp: extra.publicIp, publicIpKind: 'elastic'} : {}),
			securityGroupIds: extra.sgs ?? [],
			...(extra.sourceDestCheck === undefined ? {} : {sourceDestCheck: extra.sourceDestCheck}),
			instanceId: id,
			deviceIndex: 0,
		});
	}

	igw(id: string, vpcId: string): this {
		return this.add('internetGateways', {id, vpcId});
	}

	/** Writes the document into a fresh folder; returns the folder and the file's path. */
	write(): {cwd: string; file: string} {
		const cwd = tempFolder();
		const file = path.join(cwd, 'topology.json');
		writeFileSync(file, JSON.stringify(this.doc, null, '\t'));
		return {cwd, file};
	}
}

export type AclRule = [number, string | number, string, 'allow' | 'deny', number?, number?];

function aclRule([ruleNumber, protocol, cidr, action, fromPort, toPort]: AclRule): Record<string, unknown> {
	return {ruleNumber, protocol, cidr, action, ...(fromPort === undefined ? {} : {fromPort, toPort: toPort ?? fromPort})};
}

export type Flow = {from: string; to: string; protocol?: string; port?: number; sourcePort?: number};

function flowArgs(flow: Flow): string[] {
	const argv = ['--from', flow.from, '--to', flow.to];
	if (flow.protocol !== undefined) argv.push('--protocol', flow.protocol);
	if (flow.port !== undefined) argv.push('--port', String(flow.port));
	if (flow.sourcePort !== undefined) argv.push('--source-port', String(flow.sourcePort));
	return argv;
}

/** `vpcsim trace --json` on the topology; checks the exit status and the whole result contract. */
export async function trace(topo: Topo, flow: Flow): Promise<Result> {
	const {cwd, file} = topo.write();
	const {status, stdout, stderr} = await run(['trace', '--topology', file, ...flowArgs(flow), '--json'], cwd);
	expect(stderr, `stderr of ${JSON.stringify(flow)}`).toBe('');
	const result = JSON.parse(stdout) as Result;
	if (process.env.CONTRACT_DUMP) console.log(`${expect.getState().currentTestName}\n${JSON.stringify(flow)}\n${summary(result)}\n${JSON.stringify(result.explanations)}`);
	expect(status, `exit status of ${JSON.stringify(flow)}`).toBe(result.reachable ? 0 : 1);
	checkContract(result);
	return result;
}

/** `vpcsim trace` expected to be refused as bad input. */
export async function traceRefused(topo: Topo, flow: Flow): Promise<Run> {
	const {cwd, file} = topo.write();
	return run(['trace', '--topology', file, ...flowArgs(flow), '--json'], cwd);
}

/** The route-table hop of a direction that decided where the packet went next. */
export function routeHops(hops: Hop[]): Hop[] {
	return hops.filter(hop => hop.type === 'route-table');
}

/** The hop after the first one of the given component. */
export function hopAfter(hops: Hop[], component: string): Hop | undefined {
	const index = hops.findIndex(hop => hop.component === component);
	return index < 0 ? undefined : hops[index + 1];
}

/** A one-line summary for failure messages. */
export function summary(result: Result): string {
	const line = (hop: Hop) => `${hop.action} ${hop.type} ${hop.component}${hop.code ? ` [${hop.code}]` : ''}: ${hop.detail}`;
	return [...result.forward.map(line), '--', ...result.return.map(line), `blockedAt=${JSON.stringify(result.blockedAt)}`].join('\n');
}

/**
 * A VPC 10.0.0.0/16 with a public subnet 10.0.1.0/24 (route 0/0 -> igw) and a private subnet
 * 10.0.2.0/24 (main table, local only): the shape most facts start from.
 */
export function publicPrivate(): Topo {
	return new Topo()
		.vpc('vpc-a', '10.0.0.0/16')
		.subnet('subnet-pub', 'vpc-a', '10.0.1.0/24')
		.subnet('subnet-priv', 'vpc-a', '10.0.2.0/24')
		.igw('igw-a', 'vpc-a')
		.table('rtb-pub', 'vpc-a', ['subnet-pub'], [{destinationCidr: '0.0.0.0/0', target: 'igw-a'}]);
}
