import type { Engine } from '../engine';
import { ensureSchema, importCsv, type ImportReport } from './load';

/** The bundled sample files (data/), in load order. */
export const SAMPLE_FILES = [
	'projekte.csv',
	'indikatoren.csv',
	'zielwerte.csv',
	'istwerte.csv',
	'veranstaltungen.csv',
	'chatgruppen.csv',
	'teilnahme.csv',
	'feedback.csv'
] as const;

/**
 * Loads the bundled sample data through the same importer an analyst's files go through.
 * `readFile` fetches one file's bytes (HTTP in the browser, the file system in tests).
 */
export async function loadSample(
	engine: Engine,
	readFile: (name: string) => Promise<Uint8Array>
): Promise<ImportReport[]> {
	await ensureSchema(engine);
	const files = await Promise.all(SAMPLE_FILES.map(async (name) => ({ name, bytes: await readFile(name) })));
	const reports: ImportReport[] = [];
	for (const { name, bytes } of files) reports.push(await importCsv(engine, { file: name, bytes }));
	return reports;
}
