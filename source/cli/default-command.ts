// `vpcsim` with no arguments.
import type {Io, Paint} from './io.js';
import {writeLine} from './io.js';
import {formatList} from './store-commands.js';
import {storeFor} from './store-access.js';

export async function runDefault(io: Io, paint: Paint): Promise<number> {
	const store = storeFor(io);
	const saved = store.list();
	writeLine(io.stdout, paint.bold('Saved topologies'));
	if (saved.length === 0) writeLine(io.stdout, '  none yet: vpcsim new <name> [--template <id>]');
	else for (const line of formatList(saved, store.getLastUsed(), paint)) writeLine(io.stdout, line);
	return 0;
}
