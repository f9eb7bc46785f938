// The trace engine: prepare a topology once, then trace flows through it.
// More kinds of hop join without touching the walk: a module compiles its indexes with
// registerContextExtension(), takes packets routed to its target kind with registerTarget(), and
// brings on-premises traffic in with registerSiteEntry(); it is imported here so it registers.
export {prepare, registerContextExtension, type ContextExtension} from './context.js';
import './hops/client-vpn.js';
import './hops/privatelink.js';
export {trace} from './trace.js';
import './hybrid-register.js';
export {TraceInputError} from './errors.js';
export {checkFlow, parseFlowArgs, parseFlowLine, parseProtocol, parsePort, DEFAULT_SOURCE_PORT} from './flow.js';
export {codes, codeMeaning, type Code} from './codes.js';
export {registerTarget, registerSiteEntry, registerInterface, type SiteEntry, type InterfaceHandler} from './walk.js';
export type {Step, TargetHandler, Walk} from './walk-state.js';
export {chooseRoute} from './hops/route-table.js';
export type {TraceContext} from './compiled.js';
export type * from './types.js';
