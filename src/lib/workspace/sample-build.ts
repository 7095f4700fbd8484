import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { createNodeEngine } from '../engine/node';
import { loadSample } from '../ingest/sample';
import { takeSnapshot, type Snapshot } from './snapshot';

/**
 * The bundled sample as a snapshot (snapshot.ts): the sample CSVs of `dataDir` run through the
 * importer on duckdb-wasm's node build, the resulting tables as Arrow IPC streams. Node only: the
 * build (scripts/sample-plugin.js) writes it for the app, and the server makes one of another
 * folder (WIRKUNG_SAMPLE_DIR) on demand. The browser loads it without the importer.
 */
export async function buildSample(
	dataDir: string
): Promise<{ snapshot: Snapshot; streams: Map<string, Uint8Array> }> {
	const engine = await createNodeEngine();
	try {
		const reports = await loadSample(
			engine,
			async (name) => new Uint8Array(readFileSync(join(dataDir, name)))
		);
		const failed = reports.find((r) => !r.ok);
		if (failed) throw new Error(`${failed.file}: ${failed.error}`);
		// Named by content, so a file can be cached for good; the manifest says which belong together.
		const snapshot = await takeSnapshot(engine, (spec, i) => `pending-${i}`);
		const streams = new Map<string, Uint8Array>();
		for (const unit of snapshot.snapshot.units) {
			const bytes = snapshot.streams.get(unit.data)!;
			unit.data = `${createHash('sha256').update(bytes).digest('hex').slice(0, 20)}.arrow`;
			streams.set(unit.data, bytes);
		}
		return { snapshot: snapshot.snapshot, streams };
	} finally {
		await engine.close();
	}
}

/**
 * Writes the sample snapshot of `dataDir` into `outDir` (emptied first): manifest.json and one
 * file per unit, each with a brotli-compressed sibling (`.br`) for browsers that take it.
 */
export async function writeSample(dataDir: string, outDir: string): Promise<Snapshot> {
	const { snapshot, streams } = await buildSample(dataDir);
	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });
	for (const [name, bytes] of streams) {
		writeFileSync(join(outDir, name), bytes);
		writeFileSync(
			join(outDir, `${name}.br`),
			brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
		);
	}
	writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(snapshot, null, '\t') + '\n');
	return snapshot;
}
