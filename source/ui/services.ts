// What the console needs from the rest of the program, as one object. run-console.tsx builds it
// from the store, the command language and the engine; tests pass their own.
import type {ApplyResult} from '../commands/types.js';
import type {FlowSpec, TraceResult} from '../engine/types.js';
import type {Topology} from '../model/types.js';

export type Completion = {readonly text: string; readonly cursor: number; readonly candidates: readonly string[]};

export type Opened = {readonly name: string; readonly topology: Topology; readonly revision?: string};

export type TemplateInfo = {readonly id: string; readonly title: string};

export type SavedInfo = {readonly name: string; readonly title?: string};

export type ConsoleServices = {
	/** Reads and applies one palette line; pure (nothing is saved here). */
	run(line: string, topology: Topology): ApplyResult;
	complete(line: string, cursor: number, topology: Topology): Completion;
	/** Throws an Error whose message is fit to show when a ref cannot be resolved. */
	trace(topology: Topology, flow: FlowSpec): TraceResult;
	/** Saves; throws an error with `kind: 'conflict'` when the file changed on disk since `revision`. */
	save(name: string, topology: Topology, revision: string | undefined): Promise<string | undefined>;
	/** Saves regardless of what is on disk (the user chose to overwrite). */
	overwrite(name: string, topology: Topology): Promise<string | undefined>;
	/** Saves under a new name; throws when the name is taken or invalid. */
	saveAs(name: string, topology: Topology): Promise<string | undefined>;
	open(name: string): Promise<Opened>;
	/** Something that changes when the saved file changes (its time and size), to notice other writers. */
	diskStamp?(name: string): string | undefined;
	listTemplates(): readonly TemplateInfo[];
	/** The saved topologies, for the picker when there is no last one to open. */
	listSaved?(): readonly SavedInfo[];
	/** Saves the template as a new topology and returns it opened. */
	createFromTemplate(id: string): Promise<Opened>;
};

export function isConflict(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as {kind?: unknown}).kind === 'conflict';
}

export function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
