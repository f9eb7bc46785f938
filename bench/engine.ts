// The trace engine as the benchmark sees it. It is imported at run time, not at load time, so the
// benchmark still runs (and says so) while the engine is incomplete or fails to load.
import type {FlowSpec, TraceResult} from '../source/engine/types.js';
import type {Topology} from '../source/model/types.js';

export type Engine = {
	prepare(topology: Topology): unknown;
	trace(context: unknown, flow: FlowSpec): TraceResult;
};

export type EngineLoad = {ok: true; engine: Engine} | {ok: false; reason: string};

export async function loadEngine(): Promise<EngineLoad> {
	let module: Record<string, unknown>;
	try {
		module = (await import('../source/engine/index.js')) as Record<string, unknown>;
	} catch (error) {
		const code = (error as {code?: string}).code;
		const missing = code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes('engine');
		return {ok: false, reason: missing ? 'source/engine/index.ts does not exist yet' : `source/engine/index.ts failed to load: ${(error as Error).message.split('\n')[0]}`};
	}
	const {prepare, trace} = module;
	if (typeof prepare !== 'function' || typeof trace !== 'function')
		return {ok: false, reason: `source/engine/index.ts does not export ${typeof prepare !== 'function' ? 'prepare' : 'trace'}() yet`};
	return {ok: true, engine: {prepare: prepare as Engine['prepare'], trace: trace as Engine['trace']}};
}
