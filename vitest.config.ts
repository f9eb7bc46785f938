import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		setupFiles: ['test/setup.ts'],
		// Spawned tests run dist/cli.js: build it from the current source before any test.
		globalSetup: ['test/global-setup.ts'],
		testTimeout: 20_000,
		hookTimeout: 30_000,
		// Two cores: keep the worker count small so the suite stays predictable.
		maxWorkers: 2,
	},
});
