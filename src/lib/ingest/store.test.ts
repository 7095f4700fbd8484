import { describe, expect, test } from 'vitest';
import { createNodeEngine } from '../engine/node';
import { toRows } from '../engine/rows';
import { importCsv, ensureSchema } from './load';
import { rowsTable } from './schema';
import { clearSources, dropFiles, loadedFiles, replaceSourcesSql, tableRowCounts, viewSql } from './store';

const csv = (text: string) => new TextEncoder().encode(text);
const ACTUALS = 'Indikator-ID;Projekt-Nr.;Zeitraum von;Zeitraum bis;Istwert;Bemerkung\n';

async function engine() {
	const e = await createNodeEngine();
	await ensureSchema(e);
	return e;
}

const actuals = async (e: Awaited<ReturnType<typeof engine>>) =>
	toRows<{ project_id: string; value: number; _extra: string; _source_file: string; _source_line: number }>(
		await e.query(
			'SELECT project_id, value, _extra, _source_file, _source_line FROM actuals ORDER BY _source_file, _source_line'
		)
	);

describe('viewSql', () => {
	test.each([
		{ selects: [], parts: 1 },
		{ selects: ['SELECT 1'], parts: 2 },
		{ selects: ['SELECT 1', 'SELECT 2'], parts: 3 }
	])('the snapshot rows and $selects.length file source(s)', ({ selects, parts }) => {
		const sql = viewSql('actuals', selects);
		expect(sql.startsWith('CREATE OR REPLACE VIEW "actuals" AS SELECT')).toBe(true);
		expect(sql.split(' UNION ALL ')).toHaveLength(parts);
		expect(sql).toContain(`FROM "${rowsTable('actuals')}"`);
	});
});

describe('replaceSourcesSql', () => {
	const listed = [
		{ file: 'a.csv', relation: '_src_1', select_sql: 'SELECT 1' },
		{ file: "b'.csv", relation: '_src_2', select_sql: 'SELECT 2' }
	];
	const added = { file: "b'.csv", sources: [{ relation: '_src_3', select: 'SELECT 3' }] };
	test.each([
		{
			name: 'a new file is added after the listed ones',
			replaced: [],
			added,
			has: ["INSERT INTO _sources VALUES ('actuals', 'b''.csv', '_src_3', 'SELECT 3')"],
			hasNot: ['DROP TABLE', 'DELETE'],
			selects: ['SELECT 1', 'SELECT 2', 'SELECT 3']
		},
		{
			name: 'a file imported again replaces its source table',
			replaced: ["b'.csv"],
			added,
			has: [
				'DROP TABLE IF EXISTS "_src_2"',
				"DELETE FROM _sources WHERE canonical = 'actuals' AND file IN ('b''.csv')",
				`DELETE FROM "actuals__rows" WHERE _source_file IN ('b''.csv')`
			],
			hasNot: ['"_src_1"'],
			selects: ['SELECT 1', 'SELECT 3']
		},
		{
			name: 'a file without rows left only removes',
			replaced: ['a.csv', 'c.csv'],
			added: null,
			has: ['DROP TABLE IF EXISTS "_src_1"', "file IN ('a.csv', 'c.csv')"],
			hasNot: ['INSERT', '"_src_2"'],
			selects: ['SELECT 2']
		}
	])('$name', ({ replaced, added, has, hasNot, selects }) => {
		const sql = replaceSourcesSql('actuals', listed, replaced, added);
		for (const part of has) expect(sql).toContain(part);
		for (const part of hasNot) expect(sql).not.toContain(part);
		expect(sql.endsWith(viewSql('actuals', selects))).toBe(true);
	});
});

describe('canonical tables as views over their files', () => {
	test('each file is a source; the view adds file name, line and extra columns', async () => {
		const e = await engine();
		await importCsv(e, {
			file: 'a.csv',
			bytes: csv(`${ACTUALS}CO01;P1;01.01.2020;31.03.2020;5,5;geprüft\n`)
		});
		await importCsv(e, { file: 'b.csv', bytes: csv(`${ACTUALS}CO01;P2;01.01.2020;31.03.2020;7;\n`) });
		expect(await actuals(e)).toEqual([
			{
				project_id: 'P1',
				value: 5.5,
				_extra: '{"Bemerkung":"geprüft"}',
				_source_file: 'a.csv',
				_source_line: 2
			},
			{ project_id: 'P2', value: 7, _extra: '{}', _source_file: 'b.csv', _source_line: 2 }
		]);
		expect(await loadedFiles(e)).toEqual(['a.csv', 'b.csv']);
	});

	test('importing a file again replaces its rows and drops its old table', async () => {
		const e = await engine();
		await importCsv(e, { file: 'a.csv', bytes: csv(`${ACTUALS}CO01;P1;01.01.2020;31.03.2020;1;\n`) });
		const before = toRows<{ n: number }>(
			await e.query(
				"SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '\\_src\\_%' ESCAPE '\\'"
			)
		);
		await importCsv(e, { file: 'a.csv', bytes: csv(`${ACTUALS}CO01;P9;01.01.2020;31.03.2020;2;\n`) });
		expect((await actuals(e)).map((r) => r.project_id)).toEqual(['P9']);
		const after = toRows<{ n: number }>(
			await e.query(
				"SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '\\_src\\_%' ESCAPE '\\'"
			)
		);
		expect(after[0]!.n).toBe(before[0]!.n);
	});

	test('snapshot rows of a file are replaced by a new import of it, and cleared with the rest', async () => {
		const e = await engine();
		await e.exec(
			`INSERT INTO ${rowsTable('actuals')} (indicator_id, project_id, value, _source_file, _source_line) VALUES ('CO01', 'old', 1, 'a.csv', 2), ('CO01', 'kept', 1, 'c.csv', 2)`
		);
		await importCsv(e, { file: 'a.csv', bytes: csv(`${ACTUALS}CO01;new;01.01.2020;31.03.2020;3;\n`) });
		expect((await actuals(e)).map((r) => r.project_id)).toEqual(['new', 'kept']);
		expect(await loadedFiles(e)).toEqual(['a.csv', 'c.csv']);
		await clearSources(e);
		expect(await actuals(e)).toEqual([]);
		expect(await loadedFiles(e)).toEqual([]);
	});

	test('a file whose every row is rejected adds no source, and keeps its rejects', async () => {
		const e = await engine();
		const report = await importCsv(e, {
			file: 'bad.csv',
			bytes: csv(`${ACTUALS}CO01;P1;01.01.2020;31.03.2020;zwölf;\n`)
		});
		expect([report.rowsLoaded, report.rowsRejected]).toEqual([0, 1]);
		expect(await loadedFiles(e)).toEqual([]);
		expect(toRows(await e.query('SELECT line FROM rejects'))).toEqual([{ line: 2 }]);
	});

	test('dropFiles takes every row of the named files out of every table (leaving the sample)', async () => {
		const e = await engine();
		await importCsv(e, { file: 'projekte.csv', bytes: csv('Projekt-Nr.;Projektname\nP1;Eins\n') });
		await importCsv(e, {
			file: 'istwerte.csv',
			bytes: csv(`${ACTUALS}CO01;P1;01.01.2020;31.03.2020;zwölf;\n`)
		});
		await importCsv(e, { file: 'own.csv', bytes: csv(`${ACTUALS}CO01;P7;01.01.2020;31.03.2020;4;\n`) });
		await e.exec(
			`INSERT INTO ${rowsTable('projects')} (project_id, name, _source_file, _source_line) VALUES ('P2', 'Zwei', 'projekte.csv', 3)`
		);
		expect(await tableRowCounts(e)).toMatchObject({ projects: 2, actuals: 1, feedback: 0 });
		expect(await loadedFiles(e)).toEqual(['own.csv', 'projekte.csv']);
		await dropFiles(e, ['projekte.csv', 'istwerte.csv']);
		expect(await loadedFiles(e)).toEqual(['own.csv']);
		expect(await tableRowCounts(e)).toMatchObject({ projects: 0, actuals: 1, indicators: 0 });
		expect(toRows(await e.query('SELECT count(*)::INTEGER AS n FROM rejects'))).toEqual([{ n: 0 }]);
	});

	test('dropFiles keeps the rows of a file just imported under a name the dropped ones share', async () => {
		const e = await engine();
		await importCsv(e, { file: 'projekte.csv', bytes: csv('Projekt-Nr.;Projektname\nP1;Eins\n') });
		await importCsv(e, { file: 'projekte.csv', bytes: csv(`${ACTUALS}CO01;P7;01.01.2020;31.03.2020;4;\n`) });
		await dropFiles(e, ['projekte.csv'], { table: 'actuals', file: 'projekte.csv' });
		expect(await tableRowCounts(e)).toMatchObject({ projects: 0, actuals: 1 });
	});
});
