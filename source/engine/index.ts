// The trace engine: prepare a topology once, then trace flows through it.
export {prepare} from './context.js';
export {trace} from './trace.js';
export {TraceInputError} from './errors.js';
export {checkFlow, parseFlowArgs, parseFlowLine, parseProtocol, parsePort, DEFAULT_SOURCE_PORT} from './flow.js';
export {codes, codeMeaning, type Code} from './codes.js';
export {registerTarget, registerSiteEntry} from './walk.js';
export {chooseRoute} from './hops/route-table.js';
export type {TraceContext} from './compiled.js';
export type * from './types.js';
