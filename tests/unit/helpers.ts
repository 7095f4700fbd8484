import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Engine } from '../../src/lib/engine';
import { createNodeEngine } from '../../src/lib/engine/node';
import { ensureSchema, importCsv, type ImportReport } from '../../src/lib/ingest';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** A fresh node engine with the canonical schema and the given fixture files imported. */
export async function engineWith(
	dir: string,
	files: string[]
): Promise<{ engine: Engine; reports: ImportReport[] }> {
	const engine = await createNodeEngine();
	await ensureSchema(engine);
	const reports: ImportReport[] = [];
	for (const file of files) {
		const bytes = await readFile(join(dir, file));
		reports.push(await importCsv(engine, { file, bytes }));
	}
	return { engine, reports };
}
