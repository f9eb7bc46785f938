// Every palette command, found by name; verbs and nouns for lookup, completion and help.
import {clientVpnCommands} from './client-vpn.js';
import {computeCommands} from './compute.js';
import {connectCommands} from './connect.js';
import {consoleCommands} from './console.js';
import {directConnectCommands} from './direct-connect.js';
import {hybridCommands} from './hybrid.js';
import {routingCommands} from './routing.js';
import {securityCommands} from './security.js';
import {transitCommands} from './transit.js';
import type {CommandDef} from './types.js';
import {vpcCommands} from './vpc.js';

export const commandDefs: readonly CommandDef[] = [
	...vpcCommands,
	...routingCommands,
	...securityCommands,
	...computeCommands,
	...connectCommands,
	...transitCommands,
	...hybridCommands,
	...clientVpnCommands(),
	...directConnectCommands,
	...consoleCommands,
];

const byName = new Map(commandDefs.map(def => [def.name, def]));

export function findCommand(name: string): CommandDef | undefined {
	return byName.get(name);
}

/** Verb to the nouns it takes, in the order commands are listed. */
export const verbs = new Map<string, Set<string>>();
for (const def of commandDefs) {
	const [verb, noun] = def.name.split(' ');
	if (noun === undefined) continue;
	if (!verbs.has(verb!)) verbs.set(verb!, new Set());
	verbs.get(verb!)!.add(noun);
}

/** Longer spellings people type, mapped to the palette's short nouns. */
export const nounAliases = new Map<string, string>([
	['route-table', 'rtb'],
	['internet-gateway', 'igw'],
	['egress-only-internet-gateway', 'eigw'],
	['nat-gateway', 'nat'],
	['security-group', 'sg'],
	['network-acl', 'acl'],
	['nacl', 'acl'],
	['nacl-rule', 'acl-rule'],
	['network-interface', 'eni'],
	['peering', 'pcx'],
	['peering-connection', 'pcx'],
	['prefix-list', 'pl'],
	['endpoint', 'vpce'],
	['vpc-endpoint', 'vpce'],
	['load-balancer', 'lb'],
	['target-group', 'tg'],
	['endpoint-service', 'vpce-service'],
	['transit-gateway', 'tgw'],
	['vpn-gateway', 'vgw'],
	['customer-gateway', 'cgw'],
	['vpn-connection', 'vpn'],
	['client-vpn', 'cvpn'],
	['client-vpn-endpoint', 'cvpn'],
	['dx-connection', 'dx'],
	['dx-gateway', 'dxgw'],
	['virtual-interface', 'vif'],
]);
