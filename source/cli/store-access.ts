// How commands reach saved topologies and topology files: the store in VPCSIM_HOME as main() was
// given it, and file arguments taken relative to main()'s working folder, not the process's.
import path from 'node:path';
import {isFileArg, openStore, openTopology, type LoadedTopology, type TopologySource, type TopologyStore} from '../store/index.js';
import {homeFrom, type Io} from './io.js';

export function storeFor(io: Io): TopologyStore {
	return openStore({home: homeFrom(io)});
}

/** `<name|file.json>`: a saved name, or a file (a path separator or a .json ending). */
export function loadTopologyArg(io: Io, arg: string): LoadedTopology & {source: TopologySource} {
	const store = storeFor(io);
	return openTopology(isFileArg(arg) ? path.resolve(io.cwd, arg) : arg, store);
}
