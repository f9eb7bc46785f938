// Bundles the CLI into one ESM file: loading Ink as hundreds of separate modules takes about a
// second on a small machine, one bundle about a quarter of that (the console's first-frame target).
import {build} from 'esbuild';
import {chmodSync, readFileSync} from 'node:fs';

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Ink loads its devtools bridge only when DEV=true, and react-devtools-core is not a dependency.
// Marked external, esbuild hoists it to a static import at the top of the bundle, which then
// fails to start at all; an empty stand-in keeps the bundle self-contained.
const devtoolsStub = {
	name: 'react-devtools-core-stub',
	setup(builder) {
		builder.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		builder.onLoad({filter: /.*/, namespace: 'stub'}, () => ({
			contents: 'export default {initialize() {}, connectToDevTools() {}};',
			loader: 'js',
		}));
	},
};

await build({
	entryPoints: ['source/cli.tsx'],
	outfile: 'dist/cli.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	minifyWhitespace: true,
	minifySyntax: true,
	legalComments: 'none',
	logLevel: 'warning',
	// The version is inlined: the installed bundle has no package.json beside it to read.
	define: {'process.env.NODE_ENV': '"production"', __VPCSIM_VERSION__: JSON.stringify(version)},
	plugins: [devtoolsStub],
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __vpcsimCreateRequire} from 'node:module';const require = __vpcsimCreateRequire(import.meta.url);",
	},
});
chmodSync('dist/cli.js', 0o755);
