// Text renderings of the topology graph: Mermaid (renders in GitHub Markdown) and Graphviz DOT
// (`dot -Tsvg`). Ids are rewritten to what each language accepts; labels keep the AWS ids.
import type {Graph, GraphEdge, GraphNode, NodeShape} from './graph.js';

function mermaidIds(graph: Graph): (id: string) => string {
	const ids = new Map<string, string>();
	const used = new Set<string>();
	return (id: string) => {
		let safe = ids.get(id);
		if (safe) return safe;
		// A prefix keeps ids clear of Mermaid keywords such as `end` and `graph`.
		const base = `n_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
		safe = base;
		for (let n = 2; used.has(safe); n++) safe = `${base}_${n}`;
		ids.set(id, safe);
		used.add(safe);
		return safe;
	};
}

// Labels are HTML (lines join with <br/>): a name holding < or > would be read as a tag and vanish.
const mermaidEscape = (line: string) => line.replaceAll('"', '#quot;').replaceAll('<', '#lt;').replaceAll('>', '#gt;');
const mermaidText = (lines: string[]) => `"${lines.map(mermaidEscape).join('<br/>')}"`;

const mermaidShape: Record<NodeShape, [string, string]> = {box: ['[', ']'], round: ['(', ')'], cloud: ['((', '))'], hexagon: ['{{', '}}']};

function mermaidEdge(edge: GraphEdge, id: (id: string) => string): string {
	const arrow = edge.kind === 'route' ? '-.->' : edge.inactive ? '-.-' : '---';
	const label = edge.label ? `|${mermaidText([edge.label])}|` : '';
	return `\t${id(edge.from)} ${arrow}${label} ${id(edge.to)}`;
}

export function renderMermaid(graph: Graph): string {
	const id = mermaidIds(graph);
	const node = (n: GraphNode, indent: string) => {
		const [open, close] = mermaidShape[n.shape];
		return `${indent}${id(n.id)}${open}${mermaidText(n.label)}${close}`;
	};
	const lines = [`%% ${graph.title.replaceAll('\n', ' ')}`, 'flowchart LR'];
	for (const n of graph.nodes) lines.push(node(n, '\t'));
	for (const cluster of graph.clusters) {
		lines.push(`\tsubgraph ${id(cluster.id)}[${mermaidText(cluster.label)}]`);
		for (const n of cluster.nodes) lines.push(node(n, '\t\t'));
		lines.push('\tend');
	}
	for (const edge of graph.edges) lines.push(mermaidEdge(edge, id));
	return `${lines.join('\n')}\n`;
}

const dotString = (text: string) => `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
const dotLabel = (lines: string[]) => `"${lines.map(line => line.replaceAll('\\', '\\\\').replaceAll('"', '\\"')).join('\\n')}"`;
const dotShape: Record<NodeShape, string> = {box: 'box', round: 'box, style=rounded', cloud: 'ellipse', hexagon: 'hexagon'};

export function renderDot(graph: Graph): string {
	const clusterIds = new Set(graph.clusters.map(cluster => cluster.id));
	// Graphviz draws edges between nodes only: an edge to a VPC goes to an invisible point inside
	// its cluster and is clipped at the cluster's border (compound=true, lhead/ltail).
	const anchor = (id: string) => (clusterIds.has(id) ? `${id}#vpc` : id);
	const lines = [
		`digraph ${dotString(graph.title)} {`,
		`\tgraph [rankdir=LR, compound=true, fontname="Helvetica", label=${dotString(graph.title)}, labelloc=t];`,
		'\tnode [fontname="Helvetica", fontsize=10];',
		'\tedge [fontname="Helvetica", fontsize=9];',
	];
	const node = (n: GraphNode, indent: string) => `${indent}${dotString(n.id)} [shape=${dotShape[n.shape]}, label=${dotLabel(n.label)}];`;
	for (const n of graph.nodes) lines.push(node(n, '\t'));
	for (const cluster of graph.clusters) {
		lines.push(`\tsubgraph ${dotString(`cluster_${cluster.id}`)} {`);
		lines.push(`\t\tlabel=${dotLabel(cluster.label)}; style=rounded;`);
		lines.push(`\t\t${dotString(anchor(cluster.id))} [shape=point, style=invis];`);
		for (const n of cluster.nodes) lines.push(node(n, '\t\t'));
		lines.push('\t}');
	}
	for (const edge of graph.edges) {
		const attributes: string[] = [];
		if (edge.label) attributes.push(`label=${dotString(edge.label)}`);
		if (edge.kind === 'link') attributes.push('dir=none');
		if (edge.kind === 'route' || edge.inactive) attributes.push(`style=${edge.kind === 'route' && !edge.inactive ? 'dotted' : 'dashed'}`);
		if (clusterIds.has(edge.from)) attributes.push(`ltail=${dotString(`cluster_${edge.from}`)}`);
		if (clusterIds.has(edge.to)) attributes.push(`lhead=${dotString(`cluster_${edge.to}`)}`);
		lines.push(`\t${dotString(anchor(edge.from))} -> ${dotString(anchor(edge.to))} [${attributes.join(', ')}];`);
	}
	lines.push('}');
	return `${lines.join('\n')}\n`;
}
