// The starter templates: one JSON topology per idea of the networking guide, shipped in the
// package's `templates/` folder. The folder is found at run time by walking up from this module to
// the package root, which works from the sources (vitest, tsx) and from the bundled dist/cli.js.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {checkTopology} from './load.js';
import {formatProblem} from './parse.js';
import type {Topology} from './types.js';

const PACKAGE_NAME = 'vpcsim';

/** The order in which templates are listed: from the first VPC to hybrid networks. */
export const TEMPLATE_ORDER: readonly string[] = [
	'basic-public-private',
	'nacl-ephemeral-ports',
	'peering-non-transitive',
	'gateway-endpoint-s3',
	'privatelink-service',
	'site-to-site-vpn',
	'client-vpn',
	'direct-connect',
	'transit-gateway-hub',
];

export type TemplateSummary = {
	readonly id: string;
	readonly title: string;
	/** The first sentence of the template's description. */
	readonly summary: string;
};

/** A template that is missing, unknown or not a valid topology; the message is fit to show as is. */
export class TemplateError extends Error {
	override readonly name = 'TemplateError';
}

let override: string | undefined;
let found: string | undefined;

/** Points the loader at another templates folder (tests); `undefined` restores the default. */
export function setTemplatesDir(dir: string | undefined): void {
	override = dir === undefined ? undefined : path.resolve(dir);
}

/** Walks up from `start` to the folder whose package.json is vpcsim's, and returns its templates folder. */
export function findTemplatesDir(start: string = path.dirname(fileURLToPath(import.meta.url))): string {
	let dir = path.resolve(start);
	for (;;) {
		const manifest = path.join(dir, 'package.json');
		if (existsSync(manifest) && readPackageName(manifest) === PACKAGE_NAME) {
			const templates = path.join(dir, 'templates');
			if (existsSync(templates)) return templates;
			throw new TemplateError(`the vpcsim package at ${dir} has no templates folder`);
		}
		const parent = path.dirname(dir);
		if (parent === dir) throw new TemplateError(`cannot find the vpcsim package (and its templates folder) above ${start}`);
		dir = parent;
	}
}

function readPackageName(manifest: string): string | undefined {
	try {
		const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as {name?: unknown};
		return typeof parsed.name === 'string' ? parsed.name : undefined;
	} catch {
		return undefined;
	}
}

/** The templates folder in use: the override, else the package's own (looked up once). */
export function templatesDir(): string {
	if (override !== undefined) return override;
	found ??= findTemplatesDir();
	return found;
}

function byListingOrder(a: string, b: string): number {
	const rank = (id: string) => {
		const index = TEMPLATE_ORDER.indexOf(id);
		return index === -1 ? TEMPLATE_ORDER.length : index;
	};
	return rank(a) - rank(b) || a.localeCompare(b);
}

/** The ids of the templates present, in listing order. */
export function templateIds(): string[] {
	const dir = templatesDir();
	let files: string[];
	try {
		files = readdirSync(dir);
	} catch (error) {
		throw new TemplateError(`cannot read the templates folder ${dir}: ${(error as Error).message}`);
	}
	return files
		.filter(file => file.endsWith('.json'))
		.map(file => file.slice(0, -'.json'.length))
		.sort(byListingOrder);
}

/** The text up to and including the first full stop that ends a sentence. */
export function firstSentence(text: string): string {
	const match = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim());
	return (match ? match[0] : text).trim();
}

function templateFile(id: string): string {
	return path.join(templatesDir(), `${id}.json`);
}

/** The template document as stored (defaults not applied), after checking that the id exists. */
export function readTemplateDocument(id: string): unknown {
	const ids = templateIds();
	if (!ids.includes(id)) {
		const close = ids.filter(known => known.includes(id) || id.includes(known));
		const hint = close.length > 0 ? ` (did you mean ${close.join(' or ')}?)` : '';
		throw new TemplateError(`unknown template "${id}"${hint}; the templates are: ${ids.join(', ')}`);
	}
	const file = templateFile(id);
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new TemplateError(`cannot read template ${id} (${file}): ${(error as Error).message}`);
	}
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw new TemplateError(`template ${id} (${file}) is not valid JSON: ${(error as Error).message}`);
	}
}

/** Every template present, with its title and the first sentence of its description. */
export function listTemplates(): TemplateSummary[] {
	return templateIds().map(id => {
		const document = readTemplateDocument(id) as {title?: unknown; description?: unknown};
		const title = typeof document.title === 'string' ? document.title : id;
		const description = typeof document.description === 'string' ? document.description : '';
		return {id, title, summary: firstSentence(description)};
	});
}

/** The template as a validated topology; an unknown id or an invalid file throws a TemplateError. */
export function loadTemplate(id: string): Topology {
	const result = checkTopology(readTemplateDocument(id));
	if (!result.ok) {
		const shown = result.problems.slice(0, 5).map(formatProblem);
		const more = result.problems.length > shown.length ? `; and ${result.problems.length - shown.length} more` : '';
		throw new TemplateError(`template ${id} (${templateFile(id)}) is not a valid topology: ${shown.join('; ')}${more}`);
	}
	return result.topology;
}
