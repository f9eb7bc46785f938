// Joins the transit gateway, VPN, Direct Connect and on-premises parts to the walk: their indexes
// are compiled in prepare(), routes to a TGW or a VGW are handed to them, and sites enter AWS
// through them.
import {registerContextExtension} from './context.js';
import {compileHybrid, HYBRID} from './hybrid.js';
import {enterFromSite} from './hops/site.js';
import {tgwFromVpc} from './hops/transit-gateway.js';
import {vgwFromVpc} from './hops/vpn.js';
import {registerSiteEntry, registerTarget} from './walk.js';

registerContextExtension(HYBRID, compileHybrid);
registerTarget('transit-gateway', tgwFromVpc);
registerTarget('vpn-gateway', vgwFromVpc);
registerSiteEntry(enterFromSite);
