// Cross-resource validation with AWS's rules (SPEC section 8). Each problem names the resource
// and the field and says what would be valid. Everything is indexed once (validate-context.ts) so
// a 10,000-instance topology validates in a fraction of its load time; overlap checks sort per VPC.
import type {Problem} from './parse.js';
import type {Topology} from './types.js';
import {AddressBook, checkInterfaces, checkNatGateways} from './validate-addresses.js';
import {Checker} from './validate-context.js';
import {checkDirectConnect, checkTransitGateways, checkVpn} from './validate-hybrid.js';
import {checkIdentity} from './validate-ids.js';
import {checkRouteTables} from './validate-routes.js';
import {checkFilters} from './validate-rules.js';
import {checkEndpoints, checkLoadBalancing, checkPeerings} from './validate-services.js';
import {checkVpcs} from './validate-vpc.js';

export function validateTopology(topology: Topology): Problem[] {
	const checker = new Checker(topology);
	const book = new AddressBook(checker);
	checkIdentity(checker);
	checkVpcs(checker);
	checkRouteTables(checker);
	checkFilters(checker);
	// Interfaces first: their addresses are the ones a user most often means when two collide.
	checkInterfaces(checker, book);
	checkNatGateways(checker, book);
	checkEndpoints(checker, book);
	checkLoadBalancing(checker, book);
	checkPeerings(checker);
	checkTransitGateways(checker);
	checkVpn(checker, book);
	checkDirectConnect(checker);
	return checker.problems;
}
