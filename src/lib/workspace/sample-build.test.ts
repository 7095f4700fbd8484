import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { toRows, type Engine } from '../engine';
import { createNodeEngine } from '../engine/node';
import { ensureSchema, importCsv, loadedFiles, loadSample } from '../ingest';
import { TABLES } from '../model';
import { buildSample } from './sample-build';
import { restoreSnapshot } from './snapshot';

const DATA = join(import.meta.dirname, '..', '..', '..', 'data');
const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'ingest');

/** Every canonical table and the rejects, rows in a fixed order: what the dashboards can see. */
async function dumpAll(engine: Engine): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const name of [...TABLES.map((t) => t.name), 'rejects'])
		out[name] = toRows(await engine.query(`SELECT * FROM ${name} ORDER BY ALL`));
	return out;
}

let imported: Engine;
let prebuilt: Engine;

beforeAll(async () => {
	imported = await createNodeEngine();
	const reports = await loadSample(
		imported,
		async (name) => new Uint8Array(await readFile(join(DATA, name)))
	);
	expect(reports.every((r) => r.ok)).toBe(true);
	const { snapshot, streams } = await buildSample(DATA);
	prebuilt = await createNodeEngine();
	await ensureSchema(prebuilt);
	await restoreSnapshot(prebuilt, snapshot, async (unit) => streams.get(unit.data)!);
}, 180_000);

test('the prebuilt sample holds exactly what the importer makes of the sample CSVs', async () => {
	const expected = await dumpAll(imported);
	expect(expected['actuals']!.length).toBeGreaterThan(60_000);
	expect(await dumpAll(prebuilt)).toEqual(expected);
	expect(await loadedFiles(prebuilt)).toEqual(await loadedFiles(imported));
	// Column types of every view and of each file's table (named by a process-wide counter).
	const types = async (e: Engine) => {
		const columns = toRows<{ t: string; c: string; type: string }>(
			await e.query(
				'SELECT table_name AS t, column_name AS c, data_type AS type FROM information_schema.columns ORDER BY table_name, ordinal_position'
			)
		);
		const sources = toRows<{ relation: string }>(
			await e.query('SELECT relation FROM _sources ORDER BY rowid')
		);
		const of = (t: string) => columns.filter((c) => c.t === t).map((c) => `${c.c} ${c.type}`);
		return [...TABLES.map((t) => of(t.name)), ...sources.map((s) => of(s.relation))];
	};
	expect(await types(prebuilt)).toEqual(await types(imported));
});

test('an import after the prebuilt sample gets tables of its own and replaces only its file', async () => {
	const before = await dumpAll(prebuilt);
	const bytes = new Uint8Array(await readFile(join(FIXTURES, 'extra-columns.csv')));
	const report = await importCsv(prebuilt, { file: 'extra-columns.csv', bytes });
	expect(report.ok).toBe(true);
	const after = await dumpAll(prebuilt);
	const table = report.table!;
	expect(after[table]!.length).toBe(before[table]!.length + report.rowsLoaded);
	for (const name of Object.keys(before)) if (name !== table) expect(after[name]).toEqual(before[name]);
});
