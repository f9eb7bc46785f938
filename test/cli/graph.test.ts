// The diagrams of `vpcsim export --format mermaid|dot`: what they show, and that every edge joins
// things the diagram declares.
import {describe, expect, it} from 'vitest';
import {buildGraph} from '../../source/cli/graph.js';
import {renderDot, renderMermaid} from '../../source/cli/render-graph.js';
import {TEMPLATE_ORDER, loadTemplate} from '../../source/model/templates.js';
import {sandbox} from './helpers.js';

function edgesOf(id: string) {
	return buildGraph(loadTemplate(id)).edges.map(edge => `${edge.from} ${edge.kind === 'route' ? '->' : '--'} ${edge.to}${edge.label ? ` [${edge.label}]` : ''}`);
}

describe('the topology graph', () => {
	it('puts subnets, NAT gateways and endpoints inside their VPC, gateways outside', () => {
		const graph = buildGraph(loadTemplate('basic-public-private'));
		expect(graph.clusters.map(cluster => cluster.id)).toEqual(['vpc-main']);
		expect(graph.clusters[0]!.nodes.map(node => node.id)).toEqual(['subnet-public-a', 'subnet-private-a', 'nat-a']);
		expect(graph.nodes.map(node => node.id)).toEqual(['internet', 'igw-main']);
	});

	it('shows which subnets are public: each subnet\'s routes to a gateway', () => {
		expect(edgesOf('basic-public-private')).toEqual([
			'igw-main -- vpc-main [attached]',
			'internet -- igw-main',
			'subnet-public-a -> igw-main [0.0.0.0/0]',
			'subnet-private-a -> nat-a [0.0.0.0/0]',
		]);
	});

	it('draws peering between VPCs and routes over it to the peer VPC', () => {
		const edges = edgesOf('peering-non-transitive');
		expect(edges.filter(edge => edge.includes(' -- '))).toHaveLength(2);
		expect(edges.some(edge => /^vpc-a -- vpc-b \[peering .*pcx-a-b/.test(edge))).toBe(true);
		expect(edges.some(edge => /^subnet-a-1 -> vpc-b \[.* via pcx-a-b\]/.test(edge))).toBe(true);
	});

	it('draws transit gateway attachments, VPN and Direct Connect links', () => {
		const hub = edgesOf('transit-gateway-hub');
		expect(hub.filter(edge => / attachment /.test(edge)).length).toBeGreaterThanOrEqual(3);
		expect(hub.some(edge => / -- tgw-\S+ \[VPN /.test(edge) || /VPN vpn-/.test(edge))).toBe(true);
		const dx = edgesOf('direct-connect');
		expect(dx.some(edge => /\[private VIF /.test(edge) || /\[transit VIF /.test(edge))).toBe(true);
	});

	it('draws PrivateLink from the consumer endpoint to the provider load balancer', () => {
		expect(edgesOf('privatelink-service').some(edge => /^vpce-\S+ -> \S+ \[PrivateLink\]$/.test(edge))).toBe(true);
	});

	it('renders every template as Mermaid whose edges join declared ids', () => {
		for (const id of TEMPLATE_ORDER) {
			const text = renderMermaid(buildGraph(loadTemplate(id)));
			expect(text.split('\n')[1], id).toBe('flowchart LR');
			const declared = new Set([...text.matchAll(/^\s*(?:subgraph )?(n_\w+)[[({]/gm)].map(match => match[1]));
			for (const match of text.matchAll(/^\t(n_\w+) (?:---|-\.-|-\.->)(?:\|"[^"]*"\|)? (n_\w+)$/gm)) {
				expect(declared.has(match[1]), `${id}: ${match[0]}`).toBe(true);
				expect(declared.has(match[2]), `${id}: ${match[0]}`).toBe(true);
			}
			expect(text.match(/^\tsubgraph /gm)?.length).toBe(text.match(/^\tend$/gm)?.length);
		}
	});

	it('renders every template as DOT with one cluster per VPC and edges between declared nodes', () => {
		for (const id of TEMPLATE_ORDER) {
			const topology = loadTemplate(id);
			const text = renderDot(buildGraph(topology));
			expect(text.startsWith('digraph "'), id).toBe(true);
			expect(text.trimEnd().endsWith('}')).toBe(true);
			expect(text.match(/subgraph "cluster_/g)?.length ?? 0).toBe(topology.vpcs.length);
			const declared = new Set([...text.matchAll(/^\t+("(?:[^"\\]|\\.)*") \[shape=/gm)].map(match => match[1]));
			for (const match of text.matchAll(/^\t("(?:[^"\\]|\\.)*") -> ("(?:[^"\\]|\\.)*") \[/gm)) {
				expect(declared.has(match[1]), `${id}: ${match[0]}`).toBe(true);
				expect(declared.has(match[2]), `${id}: ${match[0]}`).toBe(true);
			}
			expect(text.split('{').length).toBe(text.split('}').length);
		}
	});

	it('is what `vpcsim export --format` prints', async () => {
		const box = sandbox();
		await box.run(['new', 'lab']);
		const mermaid = await box.run(['export', 'lab', '--format', 'mermaid']);
		expect(mermaid.status).toBe(0);
		expect(mermaid.stdout).toBe(renderMermaid(buildGraph({...loadTemplate('basic-public-private'), name: 'lab'})));
		const dot = await box.run(['export', 'lab', '--format', 'dot']);
		expect(dot.stdout).toContain('"subnet-public-a" -> "igw-main" [label="0.0.0.0/0", style=dotted];');
	});
});

describe('names that the diagram languages would misread', () => {
	const odd = () => {
		const topology = loadTemplate('basic-public-private');
		return {...topology, vpcs: topology.vpcs.map(vpc => ({...vpc, name: 'core <prod> "a"'}))};
	};

	it('keeps < and > in a Mermaid label as text, since labels are HTML', () => {
		const text = renderMermaid(buildGraph(odd()));
		expect(text).toContain('VPC core #lt;prod#gt; #quot;a#quot; (vpc-main)');
		expect(text).not.toContain('<prod>');
	});

	it('escapes quotes in a dot label', () => {
		expect(renderDot(buildGraph(odd()))).toContain('label="VPC core <prod> \\"a\\" (vpc-main)');
	});
});
