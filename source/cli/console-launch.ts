// `vpcsim` and `vpcsim open <name|file>`: the console's launch. It decides what to open and checks
// that it is there with the light parts of the store (paths and names, no schema, no conf), then
// hands over to the console, which draws its first frame before loading anything else.
import path from 'node:path';
import {isFileArg, locateTopology, storePaths} from '../store/locate.js';
import {canRunConsole, homeFrom, type Io} from './io.js';

export async function launchConsole(io: Io, arg?: string): Promise<number> {
	if (!canRunConsole(io)) {
		const {withoutTerminal} = await import('./open-command.js');
		return withoutTerminal(io, arg);
	}
	const paths = storePaths(homeFrom(io));
	// The name is checked before the screen changes, so a typo reads the same in a terminal or a pipe.
	const source = arg === undefined ? undefined : locateTopology(isFileArg(arg) ? path.resolve(io.cwd, arg) : arg, paths);
	const {runConsole} = await import('../ui/run-console.js');
	return runConsole({home: paths.home, ...(source?.kind === 'file' ? {file: source.file} : {topologyName: source?.name})});
}
