import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Engine } from '../../src/lib/engine';
import { toRows } from '../../src/lib/engine';
import { createNodeEngine } from '../../src/lib/engine/node';

const DATA = join(import.meta.dirname, '..', '..', 'data');
const WINDOWS_1252 = ['projekte.csv', 'teilnahme.csv'];

/**
 * The whole bundled sample read straight with DuckDB's read_csv (not through the app's importer):
 * the dashboards' e2e tests compare the pages with figures computed here, independently of the
 * app's metrics code. `-` is zero; other placeholders (`*`, `k.A.`) are missing.
 */
export async function dashboardSqlEngine(): Promise<Engine> {
	const engine = await createNodeEngine();
	for (const name of [
		'projekte.csv',
		'indikatoren.csv',
		'zielwerte.csv',
		'istwerte.csv',
		'veranstaltungen.csv',
		'teilnahme.csv',
		'feedback.csv'
	]) {
		const bytes = new Uint8Array(await readFile(join(DATA, name)));
		// Windows-1252 files are decoded here (TextDecoder), so read_csv sees UTF-8 only.
		const utf8 = WINDOWS_1252.includes(name)
			? new TextEncoder().encode(new TextDecoder('windows-1252').decode(bytes))
			: bytes;
		await engine.registerFile(name, utf8);
	}
	const num = (col: string) =>
		`CASE WHEN ${col} IN ('-', '–') THEN 0 ELSE TRY_CAST(replace(replace(${col}, '.', ''), ',', '.') AS DOUBLE) END`;
	const csv = (name: string) => `read_csv('${name}', delim=';', header=true, all_varchar=true)`;
	const day = (col: string) => `strptime(${col}, '%d.%m.%Y')::DATE`;
	await engine.exec(`
		CREATE TABLE prj AS SELECT "Projekt-Nr." AS project, Projektname AS name, Kommune AS municipality, Bundesland AS state
			FROM ${csv('projekte.csv')};
		CREATE TABLE ind AS SELECT "Indikator-ID" AS id, Einheit AS unit FROM ${csv('indikatoren.csv')};
		CREATE TABLE tgt AS SELECT "Indikator-ID" AS id, Ebene AS level, Bezug AS ref, Zielart AS kind, ${num('Zielwert')} AS value,
			${day('"Zeitraum von"')} AS period_start, ${day('"Zeitraum bis"')} AS period_end
			FROM ${csv('zielwerte.csv')};
		CREATE TABLE act AS SELECT "Indikator-ID" AS id, "Projekt-Nr." AS project, ${day('"Zeitraum von"')} AS period_start,
			${day('"Zeitraum bis"')} AS period_end, ${num('Istwert')} AS value, Geschlecht AS gender, Altersgruppe AS age
			FROM ${csv('istwerte.csv')};
		CREATE TABLE ses AS SELECT "Veranstaltungs-ID" AS session, Titel AS title, Art AS kind, Veranstaltung AS event
			FROM ${csv('veranstaltungen.csv')};
		CREATE TABLE tn AS SELECT "Veranstaltungs-ID" AS session, "Gruppen-ID" AS grp, Kommune AS municipality, Rolle AS role,
			TRY_CAST(Teilnehmende AS INTEGER) AS participants FROM ${csv('teilnahme.csv')};
		CREATE TABLE fb AS SELECT "Veranstaltungs-ID" AS session, "Frage-Nr." AS question, TRY_CAST(Antwort AS INTEGER) AS answer,
			TRY_CAST("Skala min" AS INTEGER) AS lo, TRY_CAST("Skala max" AS INTEGER) AS hi, "Höher ist besser" = 'ja' AS hib
			FROM ${csv('feedback.csv')};
	`);
	return engine;
}

export async function rows<T>(engine: Engine, sql: string, params: (string | number)[] = []): Promise<T[]> {
	return toRows<T>(await engine.query(sql, params));
}

/** de-DE or en-GB number text → number: "1.234,5" → 1234.5, "111,8 %" → 111.8. */
export function parseNumber(text: string, locale: 'de' | 'en' = 'de'): number {
	const cleaned = text.replace(/[\s%\u00a0\u202f]/g, '');
	return Number(locale === 'de' ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned.replace(/,/g, ''));
}
