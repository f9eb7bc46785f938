// The console's services over the real program: the saved-topology store (or a topology file
// named on the command line), the command language, the trace engine and the templates.
import fs from 'node:fs';
import {complete, runCommand} from '../commands/index.js';
import {prepare, trace, type TraceContext} from '../engine/index.js';
import {listTemplates, loadTemplate} from '../model/templates.js';
import type {Topology} from '../model/types.js';
import {readTopologyDocument, writeTopologyDocument} from '../store/document.js';
import {topologyNameOfFile} from '../store/locate.js';
import {openStore, type TopologyStore} from '../store/store.js';
import {applyCompletion} from './completion.js';
import type {ConsoleServices, Opened} from './services.js';

/** Prepared engine contexts, one per topology object: preparing indexes the whole topology. */
const contexts = new WeakMap<Topology, TraceContext>();
function contextOf(topology: Topology): TraceContext {
	let context = contexts.get(topology);
	if (!context) {
		context = prepare(topology);
		contexts.set(topology, context);
	}
	return context;
}

export type ServiceOptions = {
	/** The saved topologies: an open store, or where to open one (see storePaths). */
	readonly store?: TopologyStore;
	readonly home?: string;
	/** A topology file opened by path: saves go back to that file, not to the store. */
	readonly file?: string;
};

export function createServices({store: given, home, file}: ServiceOptions): ConsoleServices {
	const store = given ?? openStore({home});
	const fileName = file ? topologyNameOfFile(file) : undefined;
	const isFile = (name: string) => file !== undefined && name === fileName;
	const remember = (name: string) => {
		try {
			store.setLastUsed(name);
		} catch {
			// Remembering the last topology is a convenience; failing to must not stop the console.
		}
	};
	return {
		run: (line, topology) => runCommand(topology, line),
		complete: (line, cursor, topology) => applyCompletion(line, cursor, complete(line, cursor, topology)),
		trace: (topology, flow) => trace(contextOf(topology), flow),
		// Every topology the console saves was opened checked or made by a palette change, which
		// checks AWS's rules before it is accepted: the save checks only the structure again.
		async save(name, topology, revision) {
			const mode = revision === undefined ? {force: true as const} : {expectedRevision: revision};
			if (isFile(name)) return writeTopologyDocument(file!, topology, mode, {checked: store.checked, rulesChecked: true});
			return store.save(name, topology, mode, {rulesChecked: true}).revision;
		},
		async overwrite(name, topology) {
			if (isFile(name)) return writeTopologyDocument(file!, topology, {force: true}, {checked: store.checked, rulesChecked: true});
			return store.save(name, topology, {force: true}, {rulesChecked: true}).revision;
		},
		async saveAs(name, topology) {
			// The store writes the new name into the document.
			const {revision} = store.create(name, topology);
			remember(name);
			return revision;
		},
		async open(name): Promise<Opened> {
			if (isFile(name)) {
				const loaded = readTopologyDocument(file!, {quarantine: false, checked: store.checked});
				return {name, topology: loaded.topology, revision: loaded.revision};
			}
			const loaded = store.load(name);
			remember(name);
			return {name, topology: loaded.topology, revision: loaded.revision};
		},
		diskStamp(name) {
			try {
				const stat = fs.statSync(isFile(name) ? file! : store.fileOf(name));
				return `${stat.mtimeMs}:${stat.size}`;
			} catch {
				return undefined;
			}
		},
		listTemplates: () => listTemplates().map(template => ({id: template.id, title: template.title})),
		// Read only: a file that cannot be opened is moved aside when it is chosen, with the reason.
		listSaved: () => store.list().map(saved => ({name: saved.name, title: saved.title})),
		async createFromTemplate(id) {
			const topology = loadTemplate(id);
			let name = id;
			for (let n = 2; store.exists(name); n++) name = `${id}-${n}`;
			const {revision} = store.create(name, {...topology, name});
			remember(name);
			return {name, topology: {...topology, name}, revision};
		},
	};
}
