import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { toRows, type Engine } from '../engine';
import { createNodeEngine } from '../engine/node';
import { ensureSchema, importCsv } from '../ingest';
import { restoreTables, snapshotTables } from './legacy';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'ingest');

const dump = async (engine: Engine, table: string) =>
	toRows(
		await engine.query(
			`SELECT * EXCLUDE (period_start, period_end), strftime(period_start, '%x') AS s, strftime(period_end, '%x') AS e FROM ${table} ORDER BY ALL`
		)
	);

test('a snapshot restores every table to the same rows, types and rejects', async () => {
	const source = await createNodeEngine();
	await ensureSchema(source);
	for (const file of ['bad-values.csv', 'extra-columns.csv', 'placeholders.csv', 'quoted-multiline.csv'])
		expect(
			(await importCsv(source, { file, bytes: new Uint8Array(readFileSync(join(FIXTURES, file))) })).ok
		).toBe(true);
	const tables = await snapshotTables(source, `${mkdtempSync(join(tmpdir(), 'wirkung-snapshot-'))}/`);

	const target = await createNodeEngine();
	await ensureSchema(target);
	await restoreTables(target, tables);
	expect(await dump(target, 'actuals')).toEqual(await dump(source, 'actuals'));
	const all = (e: Engine, t: string) => e.query(`SELECT * FROM ${t} ORDER BY ALL`).then((r) => toRows(r));
	expect(await all(target, 'feedback')).toEqual(await all(source, 'feedback'));
	expect(await all(target, 'rejects')).toEqual(await all(source, 'rejects'));
	expect((await all(target, 'rejects')).length).toBe(5);
});
