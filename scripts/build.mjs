// Bundles the CLI into one ESM file: loading Ink as hundreds of separate modules takes about a
// second on a small machine, one bundle about a quarter of that (the console's first-frame target).
import {build} from 'esbuild';
import {chmodSync, readFileSync} from 'node:fs';

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

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
	// Ink imports the devtools bridge only when DEV is set; it is not a dependency.
	external: ['react-devtools-core'],
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __vpcsimCreateRequire} from 'node:module';const require = __vpcsimCreateRequire(import.meta.url);",
	},
});
chmodSync('dist/cli.js', 0o755);
