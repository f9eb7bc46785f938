// Bundles the CLI into one ESM file: loading Ink as hundreds of separate modules takes about a
// second on a small machine, one bundle about a quarter of that (the console's first-frame target).
import {build} from 'esbuild';
import {chmodSync} from 'node:fs';

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
	define: {'process.env.NODE_ENV': '"production"'},
	// Ink imports the devtools bridge only when DEV is set; it is not a dependency.
	external: ['react-devtools-core'],
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __vpcsimCreateRequire} from 'node:module';const require = __vpcsimCreateRequire(import.meta.url);",
	},
});
chmodSync('dist/cli.js', 0o755);
