import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { prebuiltSample } from './scripts/sample-plugin.js';

export default defineConfig({
	plugins: [prebuiltSample(), sveltekit()],
	worker: { format: 'es' },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/security/**/*.unit.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		// Loading a fixture into a fresh engine (beforeAll) takes seconds on a busy shared machine.
		hookTimeout: 60_000
	}
});
