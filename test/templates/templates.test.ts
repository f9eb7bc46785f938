import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {type Cidr, cidrContainsAddress, cidrsOverlap, isIpv4, lastAddress, parseCidr, parseIpv4} from '../../source/net/ipv4.js';
import {checkTopology} from '../../source/model/load.js';
import {formatProblem} from '../../source/model/parse.js';
import {type ResourceKind, indexResources, resolveRef} from '../../source/model/resources.js';
import {
	TEMPLATE_ORDER,
	TemplateError,
	findTemplatesDir,
	firstSentence,
	listTemplates,
	loadTemplate,
	readTemplateDocument,
	setTemplatesDir,
	templateIds,
} from '../../source/model/templates.js';
import type {Topology} from '../../source/model/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const expectedIds = [
	'basic-public-private',
	'nacl-ephemeral-ports',
	'peering-non-transitive',
	'gateway-endpoint-s3',
	'privatelink-service',
	'site-to-site-vpn',
	'client-vpn',
	'direct-connect',
	'transit-gateway-hub',
];

/** What a trace may start from or go to when given as a resource. */
const endpointKinds: readonly ResourceKind[] = ['instance', 'network-interface', 'vpc-endpoint', 'internet-gateway', 'nat-gateway', 'transit-gateway', 'vpn-gateway'];

afterEach(() => setTemplatesDir(undefined));

describe('the template set', () => {
	it('has exactly the nine templates, listed in teaching order', () => {
		expect(templateIds()).toEqual(expectedIds);
		expect(TEMPLATE_ORDER).toEqual(expectedIds);
		expect(listTemplates().map(template => template.id)).toEqual(expectedIds);
	});

	it('finds the templates folder from the sources and from the bundle folder', () => {
		expect(findTemplatesDir()).toBe(path.join(root, 'templates'));
		expect(findTemplatesDir(path.join(root, 'dist'))).toBe(path.join(root, 'templates'));
		expect(findTemplatesDir(path.join(root, 'source', 'model'))).toBe(path.join(root, 'templates'));
	});

	it('gives each template a title short enough for one line and a one-sentence summary', () => {
		for (const template of listTemplates()) {
			expect(template.title.length, template.id).toBeGreaterThan(10);
			expect(template.title.length, template.id).toBeLessThanOrEqual(54);
			expect(template.summary, template.id).toMatch(/^[A-Z].*\.$/);
			expect(template.summary.length, template.id).toBeLessThanOrEqual(140);
		}
	});

	it('refuses an unknown id with the list of valid ones', () => {
		expect(() => loadTemplate('no-such-template')).toThrow(TemplateError);
		expect(() => loadTemplate('no-such-template')).toThrow(/unknown template "no-such-template".*basic-public-private, .*transit-gateway-hub/);
		expect(() => loadTemplate('vpn')).toThrow(/did you mean site-to-site-vpn or client-vpn\?/);
		expect(() => loadTemplate('../package')).toThrow(/unknown template/);
	});
});

describe('firstSentence', () => {
	it('stops at the first full stop that ends a sentence, not at one inside an address', () => {
		expect(firstSentence('Routes 10.0.0.0/16 locally. Then more.')).toBe('Routes 10.0.0.0/16 locally.');
		expect(firstSentence('No full stop at all')).toBe('No full stop at all');
	});
});

describe('the templates folder override', () => {
	it('lists and loads templates from another folder, and reports an invalid one', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'vpcsim-templates-'));
		try {
			writeFileSync(path.join(dir, 'tiny.json'), JSON.stringify({schemaVersion: 1, name: 'tiny', title: 'Tiny', description: 'Nothing here. Really.'}));
			writeFileSync(path.join(dir, 'broken.json'), JSON.stringify({schemaVersion: 1, name: 'broken', vpcs: [{id: 'vpc-1', cidrBlocks: ['10.0.0.0/33']}]}));
			writeFileSync(path.join(dir, 'garbled.json'), '{"schemaVersion": 1,');
			setTemplatesDir(dir);
			expect(templateIds()).toEqual(['broken', 'garbled', 'tiny']);
			expect(loadTemplate('tiny').name).toBe('tiny');
			expect(() => loadTemplate('broken')).toThrow(/template broken .* is not a valid topology: vpcs\[0\]\.cidrBlocks\[0\] \(vpc-1\): "10\.0\.0\.0\/33"/);
			expect(() => readTemplateDocument('garbled')).toThrow(/template garbled .* is not valid JSON/);
		} finally {
			setTemplatesDir(undefined);
			rmSync(dir, {recursive: true, force: true});
		}
		expect(templateIds()).toEqual(expectedIds);
	});
});

function parsedCidr(text: string): Cidr {
	return parseCidr(text);
}

function expectAddressInSubnet(topology: Topology, where: string, subnetId: string, ip: string): void {
	const subnet = topology.subnets.find(s => s.id === subnetId);
	expect(subnet, `${where}: subnet ${subnetId}`).toBeDefined();
	const cidr = parsedCidr(subnet!.cidr);
	const address = parseIpv4(ip)!;
	expect(cidrContainsAddress(cidr, address), `${where}: ${ip} inside ${subnet!.cidr}`).toBe(true);
	const offset = address - cidr.base;
	expect(offset >= 4 && address !== lastAddress(cidr), `${where}: ${ip} is one of the 5 addresses AWS reserves in ${subnet!.cidr}`).toBe(true);
}

describe.each(expectedIds)('template %s', id => {
	const raw = JSON.parse(readFileSync(path.join(root, 'templates', `${id}.json`), 'utf8')) as Record<string, unknown>;

	it('is a valid topology named after its id', () => {
		const result = checkTopology(raw);
		if (!result.ok) expect.fail(result.problems.map(formatProblem).join('\n'));
		expect(raw.schemaVersion).toBe(1);
		expect(raw.name).toBe(id);
		const topology = loadTemplate(id);
		expect(topology.name).toBe(id);
		expect(topology.title).toBeTruthy();
		expect(topology.description!.length).toBeGreaterThan(300);
		expect(topology.description).not.toMatch(/\n/);
	});

	it('has 3 to 6 suggested traces whose refs resolve and whose expectations are complete', () => {
		const topology = loadTemplate(id);
		const index = indexResources(topology);
		const traces = topology.suggestedTraces;
		expect(traces.length).toBeGreaterThanOrEqual(3);
		expect(traces.length).toBeLessThanOrEqual(6);
		expect(traces.some(trace => trace.expect === 'reachable'), 'at least one reachable trace').toBe(true);
		expect(traces.some(trace => trace.expect === 'unreachable'), 'at least one unreachable trace').toBe(true);
		const vpcBlocks = topology.vpcs.flatMap(vpc => vpc.cidrBlocks.map(parsedCidr));
		const siteBlocks = topology.sites.flatMap(site => site.cidrs.map(parsedCidr));
		const seen = new Set<string>();
		for (const trace of traces) {
			const label = `${trace.from} -> ${trace.to} ${trace.protocol}${trace.port === undefined ? '' : `/${trace.port}`}`;
			expect(seen.has(label), `${label} is suggested twice`).toBe(false);
			seen.add(label);
			for (const ref of [trace.from, trace.to]) {
				if (ref.startsWith('client:')) {
					expect(ref, `${label}: only a source can be a VPN client`).toBe(trace.from);
					const endpoint = resolveRef(index, ref.slice('client:'.length), ['client-vpn-endpoint']);
					expect(endpoint.ok, `${label}: ${ref}`).toBe(true);
				} else if (isIpv4(ref)) {
					// An address is an internet host (outside every VPC and site) or an on-premises host.
					const address = parseIpv4(ref)!;
					const inVpc = vpcBlocks.some(block => cidrContainsAddress(block, address));
					const inSite = siteBlocks.some(block => cidrContainsAddress(block, address));
					expect(inVpc, `${label}: ${ref} is inside a VPC; name the resource instead`).toBe(false);
					if (!inSite) expect(topology.networkInterfaces.some(eni => eni.publicIp === ref), `${label}: ${ref} is a public IP of the topology`).toBe(false);
				} else {
					const resolved = resolveRef(index, ref, endpointKinds);
					if (!resolved.ok) expect.fail(`${label}: ${resolved.error}`);
				}
			}
			if (trace.port !== undefined) expect(['tcp', 'udp'], `${label}: a port needs tcp or udp`).toContain(trace.protocol);
			expect(trace.why.length, `${label}: why`).toBeGreaterThan(30);
			expect(trace.why, `${label}: why is one sentence`).toMatch(/^[A-Za-z0-9].*[.]$/);
			if (trace.expect === 'reachable') {
				expect(trace.blockedAt, `${label}: a reachable trace has no blockedAt`).toBeUndefined();
				expect(trace.code, `${label}: a reachable trace has no code`).toBeUndefined();
				expect(trace.direction, `${label}: a reachable trace has no direction`).toBeUndefined();
			} else {
				expect(trace.blockedAt, `${label}: blockedAt`).toBeTruthy();
				expect(index.byId.has(trace.blockedAt!), `${label}: blockedAt ${trace.blockedAt} is a component id`).toBe(true);
				expect(trace.code, `${label}: code`).toMatch(/^[A-Z][A-Z0-9_]+$/);
				expect(trace.direction, `${label}: direction`).toMatch(/^(forward|return)$/);
			}
		}
	});

	it('places every address inside its subnet, off the five reserved ones, and gives each VPC its defaults', () => {
		const topology = loadTemplate(id);
		for (const eni of topology.networkInterfaces) expectAddressInSubnet(topology, eni.id, eni.subnetId, eni.privateIp);
		for (const nat of topology.natGateways) expectAddressInSubnet(topology, nat.id, nat.subnetId, nat.privateIp);
		for (const endpoint of topology.vpcEndpoints)
			for (const eni of endpoint.networkInterfaces) expectAddressInSubnet(topology, eni.id, eni.subnetId, eni.privateIp);
		for (const lb of topology.loadBalancers) for (const node of lb.nodes) expectAddressInSubnet(topology, lb.id, node.subnetId, node.privateIp);
		for (const cvpn of topology.clientVpnEndpoints)
			for (const network of cvpn.targetNetworks) expectAddressInSubnet(topology, network.id, network.subnetId, network.privateIp);
		for (const vpc of topology.vpcs) {
			expect(topology.networkAcls.filter(acl => acl.vpcId === vpc.id && acl.isDefault), `${vpc.id}: one default network ACL`).toHaveLength(1);
			expect(topology.routeTables.filter(table => table.vpcId === vpc.id && table.main), `${vpc.id}: one main route table`).toHaveLength(1);
			const subnets = topology.subnets.filter(subnet => subnet.vpcId === vpc.id).map(subnet => parsedCidr(subnet.cidr));
			for (let i = 0; i < subnets.length; i++)
				for (let j = i + 1; j < subnets.length; j++) expect(cidrsOverlap(subnets[i]!, subnets[j]!), `${vpc.id}: subnets overlap`).toBe(false);
		}
		for (const instance of topology.instances)
			expect(topology.networkInterfaces.filter(eni => eni.instanceId === instance.id && eni.deviceIndex === 0), `${instance.id}: primary interface`).toHaveLength(1);
	});

	it('keeps names unique and distinct from ids', () => {
		const topology = loadTemplate(id);
		const index = indexResources(topology);
		for (const [name, entries] of index.byName) {
			expect(entries, `name ${name}`).toHaveLength(1);
			const sameAsId = index.byId.get(entries[0]!.resource.name!);
			if (sameAsId) expect(sameAsId.resource, `name ${name} is another resource's id`).toBe(entries[0]!.resource);
		}
	});
});
