import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Engine } from '../../src/lib/engine';
import { toRows } from '../../src/lib/engine';
import { createNodeEngine } from '../../src/lib/engine/node';

const DATA = join(import.meta.dirname, '..', '..', 'data');

/**
 * The bundled sample read straight with DuckDB's read_csv (not through the app's importer), so the
 * e2e checks compare the page with figures computed independently of the app's code.
 */
export async function sampleEngine(): Promise<Engine> {
	const engine = await createNodeEngine();
	for (const name of ['indikatoren.csv', 'zielwerte.csv', 'istwerte.csv']) {
		await engine.registerFile(name, new Uint8Array(await readFile(join(DATA, name))));
	}
	const num = (col: string) => `TRY_CAST(replace(replace(${col}, '.', ''), ',', '.') AS DOUBLE)`;
	await engine.exec(`
		CREATE TABLE ind AS SELECT "Indikator-ID" AS id, Einheit AS unit FROM read_csv('indikatoren.csv', delim=';', header=true, all_varchar=true);
		CREATE TABLE tgt AS SELECT "Indikator-ID" AS id, Ebene AS level, Zielart AS kind, ${num('Zielwert')} AS value
			FROM read_csv('zielwerte.csv', delim=';', header=true, all_varchar=true);
		CREATE TABLE act AS SELECT "Indikator-ID" AS id, "Projekt-Nr." AS project, ${num('Istwert')} AS value
			FROM read_csv('istwerte.csv', delim=';', header=true, all_varchar=true)
			WHERE Geschlecht IS NULL AND Altersgruppe IS NULL;
	`);
	return engine;
}

/** Attainment in percent (one decimal) per indicator id, for indicators with a programme target. */
export async function expectedAttainment(engine: Engine): Promise<Map<string, number>> {
	const rows = toRows<{ id: string; pct: number }>(
		await engine.query(`
		WITH per_project AS (
			SELECT act.id, project, CASE WHEN ind.unit = '%' THEN avg(value) ELSE sum(value) END AS v
			FROM act JOIN ind USING (id) GROUP BY act.id, project, ind.unit
		),
		actual AS (
			SELECT per_project.id, CASE WHEN any_value(ind.unit) = '%' THEN avg(v) ELSE sum(v) END AS v
			FROM per_project JOIN ind USING (id) GROUP BY per_project.id
		)
		SELECT actual.id, round(100 * actual.v / tgt.value, 1) AS pct
		FROM actual JOIN tgt ON tgt.id = actual.id AND tgt.level = 'Programm' AND tgt.kind = 'Zielwert'`)
	);
	return new Map(rows.map((r) => [r.id, r.pct]));
}
