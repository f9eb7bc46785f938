// `vpcsim export <name|file> [--format json|mermaid|dot]`: the saved document as JSON (to keep,
// share or edit), or a diagram of it for Markdown (Mermaid) or Graphviz.
import type {Command} from './command.js';
import {stringFlag} from './command.js';
import {buildGraph} from './graph.js';
import {renderDot, renderMermaid} from './render-graph.js';
import {loadTopologyArg} from './store-access.js';

const formats = ['json', 'mermaid', 'dot'] as const;

export const exportCommand: Command = {
	name: 'export',
	usage: '<name|file> [--format json|mermaid|dot]',
	summary: 'print a topology as JSON, or as a Mermaid or Graphviz diagram',
	description: [
		'json (the default) is the document as saved, with every default filled in: it loads back with "vpcsim open file.json".',
		'mermaid and dot draw each VPC as a box holding its subnets, NAT gateways, endpoints and load balancers;',
		'internet, egress-only, virtual private and transit gateways, customer gateways, Direct Connect and',
		'on-premises sites around them; solid lines for attachments, peering, TGW attachments, VPN and DX links',
		'(dashed when not up); dotted arrows for each subnet\'s routes to a gateway, NAT, endpoint or peer VPC,',
		'and for PrivateLink from a consumer endpoint to the provider\'s load balancer.',
	].join('\n'),
	args: {names: ['name|file']},
	flags: {format: {type: 'string', value: '<format>', choices: formats, description: 'json (default), mermaid or dot'}},
	examples: ['vpcsim export lab > lab.json', 'vpcsim export lab --format mermaid > lab.mmd', 'vpcsim export lab.json --format dot | dot -Tsvg > lab.svg'],
	run(context) {
		const {topology} = loadTopologyArg(context.io, context.input[0]!);
		const format = stringFlag(context, 'format') ?? 'json';
		if (format === 'json') context.io.stdout.write(`${JSON.stringify(topology, null, 2)}\n`);
		else if (format === 'mermaid') context.io.stdout.write(renderMermaid(buildGraph(topology)));
		else context.io.stdout.write(renderDot(buildGraph(topology)));
		return 0;
	},
};
