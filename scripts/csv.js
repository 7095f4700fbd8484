#!/usr/bin/env node
// `npm run --silent csv -- check|preview …`: the ingest CLI (src/lib/ingest/cli.ts) on the node
// engine. The TypeScript is bundled with esbuild (Vite's own) into node_modules/.cache on each run
// (~0.1 s), so the CLI always runs the code in src, with the same modules the browser uses.
import { readFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'node_modules', '.cache', 'wirkung', 'csv-cli.mjs');

async function main() {
	mkdirSync(dirname(OUT), { recursive: true });
	await build({
		stdin: {
			contents: `export { runCli } from './src/lib/ingest/cli.ts';
export { createNodeEngine } from './src/lib/engine/node.ts';`,
			resolveDir: ROOT,
			loader: 'ts'
		},
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		outfile: OUT,
		packages: 'external',
		logLevel: 'error'
	});
	const { runCli, createNodeEngine } = await import(pathToFileURL(OUT).href);
	const code = await runCli(process.argv.slice(2), {
		readFile: async (path) => new Uint8Array(await readFile(path)),
		out: (line) => process.stdout.write(`${line}\n`),
		err: (line) => process.stderr.write(`${line}\n`),
		createEngine: createNodeEngine
	});
	process.exitCode = code;
}

main().catch((error) => {
	process.stderr.write(`Interner Fehler: ${error?.stack ?? error}\n`);
	process.exitCode = 2;
});
