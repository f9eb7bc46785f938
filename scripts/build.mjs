// Bundles the CLI for Node: dist/cli.js plus chunks it loads on demand. Loading Ink as hundreds of
// separate modules takes about a second on a small machine; bundled, the console's first frame
// needs only the chunks for Ink and the console screen, and the rest (the schema, the store, the
// engine, the command language, the importer) loads after that frame is on screen.
import {build} from 'esbuild';
import {createHash} from 'node:crypto';
import {chmodSync, existsSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const textWidth = fileURLToPath(new URL('../source/ui/text-width.ts', import.meta.url));

// The fingerprint of the code that checks a topology, as source/model/version.ts computes it.
function checkFingerprint() {
	const root = fileURLToPath(new URL('../source', import.meta.url));
	const hash = createHash('sha256');
	const files = ['model', 'net'].flatMap(folder => readdirSync(`${root}/${folder}`).filter(name => name.endsWith('.ts')).map(name => `${folder}/${name}`)).sort();
	for (const file of files) hash.update(`${file}\0`).update(readFileSync(`${root}/${file}`)).update('\0');
	return hash.digest('hex').slice(0, 16);
}

// Ink loads its devtools bridge only when DEV=true, and react-devtools-core is not a dependency.
// Empty stand-ins keep the bundle self-contained and keep the bridge's WebSocket client out of it.
const devtoolsStub = {
	name: 'devtools-stub',
	setup(builder) {
		builder.onResolve({filter: /^react-devtools-core$|^\.\/devtools(-window-polyfill)?\.js$/}, args =>
			/[/\\]node_modules[/\\]ink[/\\]/.test(args.importer) ? {path: args.path, namespace: 'stub'} : undefined,
		);
		builder.onLoad({filter: /.*/, namespace: 'stub'}, () => ({
			contents: 'export default {initialize() {}, connectToDevTools() {}};',
			loader: 'js',
		}));
	},
};

// Ink's string-width, behind the console's fast path for narrow text (source/ui/text-width.ts).
// Only the copy Ink itself uses (the one text-width.test.ts checks): wrap-ansi keeps an older
// string-width of its own, which counts some arrows and shapes as two columns.
const fastStringWidth = {
	name: 'fast-string-width',
	setup(builder) {
		let inks;
		builder.onResolve({filter: /^string-width$/}, async args => {
			if (args.pluginData?.real) return undefined;
			inks ??= await builder.resolve('string-width', {kind: 'import-statement', resolveDir: fileURLToPath(new URL('../node_modules/ink', import.meta.url)), pluginData: {real: true}});
			const real = await builder.resolve('string-width', {kind: args.kind, resolveDir: args.resolveDir, pluginData: {real: true}});
			if (real.errors.length > 0) return {errors: real.errors};
			return real.path === inks.path ? {path: real.path, namespace: 'fast-string-width'} : {path: real.path};
		});
		builder.onLoad({filter: /.*/, namespace: 'fast-string-width'}, args => ({
			contents: `import full from ${JSON.stringify(args.path)};\nimport {withNarrowFastPath} from ${JSON.stringify(textWidth)};\nexport default withNarrowFastPath(full);\n`,
			loader: 'js',
			resolveDir: process.cwd(),
		}));
	},
};

const result = await build({
	entryPoints: {cli: 'source/cli.tsx'},
	outdir: 'dist',
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	splitting: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	minifyWhitespace: true,
	minifySyntax: true,
	legalComments: 'none',
	logLevel: 'warning',
	define: {
		'process.env.NODE_ENV': '"production"',
		// The version is inlined: the installed bundle has no package.json beside it to read.
		__VPCSIM_VERSION__: JSON.stringify(version),
		__VPCSIM_CHECK_FINGERPRINT__: JSON.stringify(checkFingerprint()),
		// Yoga's WebAssembly loader asks `typeof fetch` before taking its synchronous path; in Node
		// that one question loads the whole fetch implementation (~50 ms at start). Nothing in
		// vpcsim fetches.
		fetch: 'undefined',
	},
	plugins: [devtoolsStub, fastStringWidth],
	metafile: true,
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __vpcsimCreateRequire} from 'node:module';const require = __vpcsimCreateRequire(import.meta.url);",
	},
});
chmodSync('dist/cli.js', 0o755);
// Chunks of earlier builds go once the new ones are in place: a vpcsim running meanwhile keeps
// finding the files it loads.
const written = new Set(Object.keys(result.metafile.outputs).map(file => path.resolve(file)));
for (const name of existsSync('dist/chunks') ? readdirSync('dist/chunks') : []) {
	const file = path.resolve('dist/chunks', name);
	if (!written.has(file)) rmSync(file, {force: true});
}
