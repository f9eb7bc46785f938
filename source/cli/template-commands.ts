// `vpcsim templates` and `vpcsim new <name> [--template <id>]`: the starter topologies, one per
// idea of the networking guide, and saving a copy of one under a name of the user's.
import {listTemplates, loadTemplate} from '../model/templates.js';
import {NAME_RULE} from '../store/index.js';
import type {Command} from './command.js';
import {stringFlag} from './command.js';
import {CliError, writeLine, type Paint} from './io.js';
import {storeFor} from './store-access.js';
import {didYouMean} from './suggest.js';
import {countResources} from './validate-command.js';

export const DEFAULT_TEMPLATE = 'basic-public-private';

export function templateLines(paint: Paint): string[] {
	const templates = listTemplates();
	const width = Math.max(...templates.map(template => template.id.length)) + 2;
	return templates.map(template => `  ${paint.cyan(template.id.padEnd(width))}${template.title}`);
}

export const templatesCommand: Command = {
	name: 'templates',
	usage: '',
	summary: 'list the starter templates',
	description: 'Each template is a small network built around one idea, with an explanation and suggested traces.',
	args: {names: []},
	flags: {},
	examples: ['vpcsim templates', 'vpcsim new lab --template peering-non-transitive'],
	run({io, paint}) {
		for (const line of templateLines(paint)) writeLine(io.stdout, line);
		writeLine(io.stdout);
		writeLine(io.stdout, 'save one with: vpcsim new <name> --template <id>');
		return 0;
	},
};

export const newCommand: Command = {
	name: 'new',
	usage: '<name> [--template <id>]',
	summary: 'save a new topology made from a template',
	description: `The template defaults to ${DEFAULT_TEMPLATE}; "vpcsim templates" lists them. Saved names are ${NAME_RULE}.`,
	args: {names: ['name']},
	flags: {template: {type: 'string', value: '<id>', example: 'peering-non-transitive', description: `the template to start from (default ${DEFAULT_TEMPLATE})`}},
	examples: ['vpcsim new lab', 'vpcsim new hub --template transit-gateway-hub'],
	run(context) {
		const {io, paint} = context;
		const name = context.input[0]!;
		const id = stringFlag(context, 'template') ?? DEFAULT_TEMPLATE;
		const ids = listTemplates().map(template => template.id);
		if (!ids.includes(id)) throw new CliError(`new: no template "${id}"`, didYouMean(id, ids) ?? 'vpcsim templates lists them');
		const topology = {...loadTemplate(id), name};
		const store = storeFor(io);
		store.create(name, topology);
		writeLine(io.stdout, `${paint.green('saved')} ${name} from template ${id} (${countResources(topology)} resources) in ${store.fileOf(name)}`);
		writeLine(io.stdout, `open it with: vpcsim open ${name}`);
		return 0;
	},
};
