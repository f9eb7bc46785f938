// Identity rules: ids unique across every collection (nested ids included), names unique without
// regard to case, and suggested traces whose ends resolve. Ids and names share one namespace so
// that a reference typed in the palette means one thing.
import {isIpv4} from '../net/ipv4.js';
import {type Checker, forEach} from './validate-context.js';
import {collectionKeys, kindName, label, resolveRef} from './resources.js';

type Owner = {readonly description: string};

export function checkIdentity(checker: Checker): void {
	const {index, topology} = checker;
	const nested = new Map<string, Owner>();
	for (const collection of collectionKeys) {
		forEach(checker, collection, (resource, subject) => {
			const first = index.byId.get(resource.id);
			if (first && first.resource !== resource)
				checker.report(subject, 'id', `id "${resource.id}" is already used by ${kindName(first.kind)} ${label(first.resource)}; ids must be unique across the topology`);
			if (resource.name === undefined) return;
			const named = index.byName.get(resource.name.toLowerCase());
			const earlier = named?.[0];
			if (earlier && earlier.resource !== resource)
				checker.report(subject, 'name', `duplicate name "${resource.name}": ${kindName(earlier.kind)} ${label(earlier.resource)} already has it (names are unique across the topology, ignoring case); choose another name`);
			const sameAsId = index.byId.get(resource.name);
			if (sameAsId && sameAsId.resource !== resource)
				checker.report(subject, 'name', `name "${resource.name}" is the id of ${kindName(sameAsId.kind)} ${label(sameAsId.resource)}; a name must not look like another resource's id`);
		});
	}
	const claimNested = (subjectIndex: number, collection: 'vpcEndpoints' | 'clientVpnEndpoints', field: string, id: string, description: string) => {
		const resource = topology[collection][subjectIndex]!;
		const subject = {collection, index: subjectIndex, resource};
		const top = index.byId.get(id);
		const other = top ? {description: `${kindName(top.kind)} ${label(top.resource)}`} : nested.get(id);
		if (other) checker.report(subject, field, `id "${id}" is already used by ${other.description}; ids must be unique across the topology`);
		else nested.set(id, {description});
	};
	topology.vpcEndpoints.forEach((endpoint, i) =>
		endpoint.networkInterfaces.forEach((eni, j) =>
			claimNested(i, 'vpcEndpoints', `networkInterfaces[${j}].id`, eni.id, `an interface of VPC endpoint ${label(endpoint)}`),
		),
	);
	topology.clientVpnEndpoints.forEach((endpoint, i) =>
		endpoint.targetNetworks.forEach((network, j) =>
			claimNested(i, 'clientVpnEndpoints', `targetNetworks[${j}].id`, network.id, `a target network of client VPN endpoint ${label(endpoint)}`),
		),
	);
	checkTraces(checker);
}

function checkTraces(checker: Checker): void {
	const {index, topology} = checker;
	topology.suggestedTraces.forEach((trace, i) => {
		for (const end of ['from', 'to'] as const) {
			const value = trace[end].trim();
			const path = `suggestedTraces[${i}].${end}`;
			const say = (message: string) => checker.problems.push({path, message: `suggested trace ${i + 1}: ${end} ${message}`});
			if (isIpv4(value)) continue;
			if (value.startsWith('client:')) {
				const ref = value.slice('client:'.length);
				const found = resolveRef(index, ref);
				if (!found.ok) say(`"${value}": ${found.error}; write client:<client VPN endpoint id or name>`);
				else if (found.entry.kind !== 'client-vpn-endpoint')
					say(`"${value}" names ${kindName(found.entry.kind)} ${label(found.entry.resource)}, not a client VPN endpoint; write client:<client VPN endpoint id or name>`);
				continue;
			}
			const found = resolveRef(index, value);
			if (!found.ok)
				say(`"${value}": ${found.error}; use an IPv4 address, a resource id or name, or client:<client VPN endpoint>`);
		}
	});
}
