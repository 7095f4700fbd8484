// Vite plugin: the bundled sample is prebuilt at the start of every build (and dev server), so it
// can never be stale: src/lib/workspace/sample-build.ts runs the importer on data/*.csv in node
// and writes the tables as Arrow IPC streams to generated/sample/, which the app serves.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Where the prebuilt sample goes (git-ignored; the server's /sample route reads it from there). */
export const SAMPLE_OUT = 'generated/sample';

/**
 * Bundles sample-build.ts (TypeScript, no SvelteKit aliases) for node and runs it. The bundle goes
 * under node_modules/.cache so that its packages (duckdb-wasm, apache-arrow) resolve.
 * @param {string} root
 */
export async function prebuildSample(root) {
	const dir = join(root, 'node_modules', '.cache', 'wirkung');
	mkdirSync(dir, { recursive: true });
	const outfile = join(dir, `sample-build-${process.pid}.mjs`);
	await build({
		entryPoints: [join(root, 'src', 'lib', 'workspace', 'sample-build.ts')],
		bundle: true,
		platform: 'node',
		format: 'esm',
		packages: 'external',
		outfile,
		logLevel: 'warning'
	});
	const { writeSample } = await import(pathToFileURL(outfile).href);
	return writeSample(join(root, 'data'), join(root, SAMPLE_OUT));
}

/** @type {Promise<unknown> | null} */
let done = null;

/** @returns {import('vite').Plugin} */
export function prebuiltSample() {
	return {
		name: 'wirkung-prebuilt-sample',
		// Builds and the dev server; unit tests build their own (tests/unit/sample.test.ts).
		apply: (_config, env) => env.command === 'build' || !process.env.VITEST,
		// Once per process (SvelteKit's builds each start here, with a plugin of their own), alongside the
		// build; the server reads the files at run time, so the build only waits for it at the end.
		buildStart() {
			done ??= prebuildSample(process.cwd());
			done.catch(() => {});
		},
		async closeBundle() {
			await done;
		}
	};
}
