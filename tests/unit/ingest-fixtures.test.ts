import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { toRows, type Engine } from '../../src/lib/engine';
import { createNodeEngine } from '../../src/lib/engine/node';
import {
	ensureSchema,
	importCsv,
	prepareCsv,
	TRAILING_COLUMN,
	type ImportReport
} from '../../src/lib/ingest';
import { FIXTURES } from './helpers';

const DIR = join(FIXTURES, 'ingest');

async function importFixture(
	file: string,
	options: { sizeLimit?: number } = {}
): Promise<{ engine: Engine; report: ImportReport }> {
	const engine = await createNodeEngine();
	await ensureSchema(engine);
	const bytes = new Uint8Array(readFileSync(join(DIR, file)));
	return { engine, report: await importCsv(engine, { file, bytes, ...options }) };
}

/** Files that load: what was detected and how the rows reconcile. */
const LOADED: {
	file: string;
	encoding: string;
	delimiter: string;
	lineEnding: string;
	table: string;
	rows: [rowsIn: number, loaded: number, rejected: number, blank: number];
	rejects?: [line: number, column: string, reason: string][];
	lines?: number[];
	/** Lines skipped before and after the table, with their reasons. */
	skipped?: [line: number, reason: string][];
	/** Warnings, each matched by one pattern, in order. */
	warnings?: RegExp[];
	/** Column names as the report lists them. */
	columns?: string[];
}[] = [
	{
		file: 'cp1252-semicolon.csv',
		encoding: 'windows-1252',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [3, 3, 0, 0],
		lines: [2, 3, 4]
	},
	{
		file: 'utf8-bom.csv',
		encoding: 'utf-8-bom',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [3, 3, 0, 0]
	},
	{
		file: 'utf8-plain-lf.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'LF',
		table: 'actuals',
		rows: [3, 3, 0, 0]
	},
	{
		file: 'utf16le-bom.csv',
		encoding: 'utf-16le',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [3, 3, 0, 0]
	},
	{
		file: 'utf16be-bom.csv',
		encoding: 'utf-16be',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [3, 3, 0, 0]
	},
	{
		file: 'cr-only.csv',
		encoding: 'windows-1252',
		delimiter: ';',
		lineEnding: 'CR',
		table: 'actuals',
		rows: [3, 3, 0, 0],
		lines: [2, 3, 4]
	},
	{
		file: 'sep-line-comma.csv',
		encoding: 'utf-8',
		delimiter: ',',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [2, 2, 0, 0],
		lines: [3, 4],
		skipped: [[1, 'sep']]
	},
	// The empty header is named (a warning), and as the one column left it is offered as the project number.
	{
		file: 'empty-header.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [1, 1, 0, 0],
		warnings: [/^Zeile 1: Spalte 2 hat keine Überschrift; sie heißt hier „Spalte 2“\.$/],
		columns: ['Indikator-ID', 'Spalte 2', 'Zeitraum von', 'Zeitraum bis', 'Istwert']
	},
	{
		file: 'tab-delimited.csv',
		encoding: 'utf-8',
		delimiter: '\t',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [3, 3, 0, 0]
	},
	{
		file: 'pipe-delimited.csv',
		encoding: 'utf-8',
		delimiter: '|',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [3, 3, 0, 0]
	},
	{
		file: 'leading-blank-and-sep.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [2, 1, 1, 0],
		rejects: [[5, 'Istwert', '„x5“ ist keine Zahl']],
		lines: [4],
		skipped: [
			[1, 'blank'],
			[2, 'sep']
		]
	},
	{
		file: 'quoted-multiline.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'feedback',
		rows: [4, 3, 1, 0],
		rejects: [[5, 'Antwort', '„zwei“ ist keine Zahl']],
		lines: [2, 4, 8]
	},
	{
		file: 'blank-lines.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [3, 2, 1, 5],
		rejects: [[6, 'Istwert', '„abc“ ist keine Zahl']],
		lines: [3, 8]
	},
	{
		file: 'trailing-delimiter.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [2, 2, 0, 0]
	},
	{
		file: 'trailing-delimiter-rows-only.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [3, 3, 0, 0],
		lines: [2, 3, 4],
		warnings: [/^Jede Datenzeile endet mit einem Trennzeichen/]
	},
	{
		file: 'preamble-title-stand.csv',
		encoding: 'windows-1252',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [3, 3, 0, 0],
		lines: [6, 7, 8],
		skipped: [
			[1, 'preamble'],
			[2, 'preamble'],
			[3, 'preamble'],
			[4, 'blank']
		]
	},
	{
		file: 'preamble-padded-sep.csv',
		encoding: 'utf-8-bom',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'projects',
		rows: [2, 2, 0, 0],
		lines: [6, 7],
		skipped: [
			[1, 'sep'],
			[2, 'preamble'],
			[3, 'preamble'],
			[4, 'blank']
		]
	},
	{
		file: 'footer-destatis.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [2, 2, 0, 0],
		lines: [2, 3],
		skipped: [
			[4, 'separator'],
			[5, 'note'],
			[6, 'note']
		]
	},
	{
		file: 'footer-totals.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'LF',
		table: 'participation',
		rows: [2, 2, 0, 1],
		lines: [2, 3],
		skipped: [[5, 'total']]
	},
	{
		file: 'limesurvey-empty-header.csv',
		encoding: 'utf-8',
		delimiter: ',',
		lineEnding: 'LF',
		table: 'feedback',
		rows: [3, 3, 0, 0],
		columns: ['Spalte 1', 'Veranstaltungs-ID', 'Frage-Nr.', 'Antwort'],
		warnings: [/^Zeile 1: Spalte 1 hat keine Überschrift; sie heißt hier „Spalte 1“\.$/]
	},
	{
		file: 'duplicate-headers.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [1, 1, 0, 0],
		columns: ['Indikator-ID', 'Projekt-Nr.', 'Zeitraum von', 'Zeitraum bis', 'Istwert', 'Istwert (2)'],
		warnings: [
			/^Zeile 1: Die Spaltenüberschrift „Istwert“ kommt mehrfach vor; Spalte 6 heißt hier „Istwert \(2\)“\.$/
		]
	},
	{
		file: 'duplicate-header-betrag.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [2, 2, 0, 0],
		columns: [
			'Indikator-ID',
			'Projekt-Nr.',
			'Zeitraum von',
			'Zeitraum bis',
			'Istwert',
			'Betrag',
			'Betrag (2)'
		],
		warnings: [/„Betrag“ kommt mehrfach vor; Spalte 7 heißt hier „Betrag \(2\)“/]
	},
	{
		file: 'header-linebreak-nbsp.csv',
		encoding: 'utf-8-bom',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [2, 2, 0, 0],
		lines: [4, 5],
		columns: ['Indikator-ID', 'Projekt-Nr.', 'Zeitraum\nvon', 'Zeitraum\nbis', 'Istwert'],
		warnings: [
			/^Zeile 1: „Indikator-ID“ \(Spalte 1\) enthält ein geschütztes Leerzeichen.*„Zeitraum von“ \(Spalte 3\) enthält einen Zeilenumbruch/
		]
	},
	{
		file: 'trailing-delimiter-header-only.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [2, 2, 0, 0],
		lines: [2, 3],
		warnings: [/^Zeile 1: Die Kopfzeile endet mit einem Trennzeichen, die Datenzeilen nicht/]
	},
	{
		file: 'trailing-delimiter-some-rows.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [3, 3, 0, 0],
		lines: [2, 3, 4],
		warnings: [/^Zeilen 2, 4: ein überzähliges leeres Feld am Zeilenende/]
	},
	{
		file: 'ragged-minority.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [12, 10, 2, 0],
		rejects: [
			[5, '', 'Die Zeile hat 4 statt 5 Spalten'],
			[10, '', 'Die Zeile hat 6 statt 5 Spalten']
		],
		lines: [2, 3, 4, 6, 7, 8, 9, 11, 12, 13]
	},
	{
		file: 'placeholders.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [8, 8, 0, 0]
	},
	{
		file: 'periods.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [8, 7, 1, 0],
		rejects: [
			[9, 'Zeitraum', '„Q5/2021“ ist kein Datum (erwartet z. B. 31.12.2021, 12/2021, Q4/2021 oder 2021)']
		]
	},
	{
		file: 'period-columns.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [2, 2, 0, 0]
	},
	{
		file: 'number-styles.csv',
		encoding: 'windows-1252',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'participation',
		rows: [3, 3, 0, 0]
	},
	{
		file: 'extra-columns.csv',
		encoding: 'windows-1252',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [2, 2, 0, 0]
	},
	{
		file: 'bad-values.csv',
		encoding: 'utf-8',
		delimiter: ';',
		lineEnding: 'CRLF',
		table: 'actuals',
		rows: [5, 1, 4, 0],
		rejects: [
			[2, 'Istwert', '„12,5,3“ ist keine Zahl'],
			[
				3,
				'Zeitraum von',
				'„31.02.2021“ ist kein Datum (erwartet z. B. 31.12.2021, 12/2021, Q4/2021 oder 2021)'
			],
			[4, 'Geschlecht', '„unbekannt“ ist kein gültiger Wert (erwartet: weiblich, männlich, divers)'],
			[5, 'Indikator-ID', 'Pflichtfeld ohne Wert']
		],
		lines: [6]
	}
];

/** Files refused whole: the error names the problem; nothing is loaded. */
const REFUSED: { file: string; error: RegExp; sizeLimit?: number }[] = [
	{ file: 'empty.csv', error: /^Die Datei ist leer \(0 Bytes\)\.$/ },
	{ file: 'blank-only.csv', error: /nur Leerzeilen/ },
	{ file: 'header-only.csv', error: /nur die Kopfzeile \(Indikator-ID, .*\), aber keine Datenzeilen/ },
	{ file: 'binary-nul.csv', error: /keine Textdatei \(sie enthält Binärdaten\)/ },
	{ file: 'xlsx-renamed.csv', error: /ZIP-Archiv \(z\. B\. eine Excel-Arbeitsmappe \.xlsx\)/ },
	{ file: 'unterminated-quote.csv', error: /^Zeile 3: Ein Anführungszeichen .* nicht geschlossen\.$/ },
	{ file: 'ragged-rows.csv', error: /Zeile 3 hat 5 statt 6 Spalten; Zeile 4 hat 7 statt 6 Spalten/ },
	{
		file: 'trailing-value-rows-only.csv',
		error: /^Zeile 3: Die letzte Spalte \(Spalte 7\) hat keine Überschrift, enthält aber Werte\.$/
	},
	{ file: 'no-table.csv', error: /passen zu keiner bekannten Tabelle.*von Hand zuordnen/ },
	{ file: 'no-header.csv', error: /passen zu keiner bekannten Tabelle/ },
	{ file: 'mixed-encoding.csv', error: /mischt Zeichenkodierungen: Zeile 2 ist UTF-8, Zeile 3 nicht/ },
	// An LF among CRLF line ends and a stray quote: the scan and read_csv see different records.
	{
		file: 'ambiguous-records.csv',
		error:
			/^Die Datei lässt sich nicht eindeutig in Datensätze teilen \(Zeilenprüfung: \d+, CSV-Leser: \d+\)\./
	},
	{
		file: 'cp1252-semicolon.csv',
		sizeLimit: 100,
		error: /Die Datei ist 0 MB groß; erlaubt sind höchstens 0 MB\./
	}
];

/** Exports of other tools that fit no canonical table: the table found in them, as preview shows it. */
const PREVIEWED: {
	file: string;
	headers: string[];
	first: string[];
	records: number;
	skipped: [line: number, reason: string][];
}[] = [
	{
		file: 'genesis-two-row-header.csv',
		headers: [
			'Spalte 1',
			'Spalte 2',
			'Arbeitslose Anzahl',
			'Arbeitslosenquote aller zivilen Erwerbspersonen Prozent',
			TRAILING_COLUMN
		],
		first: ['2026', 'Januar', '3084221', '6,6', ''],
		records: 3,
		skipped: [
			[1, 'preamble'],
			[2, 'preamble'],
			[3, 'preamble'],
			[4, 'preamble'],
			[5, 'preamble'],
			[6, 'header'],
			[11, 'separator'],
			[12, 'note'],
			[13, 'note']
		]
	},
	{
		file: 'datev-extf.csv',
		headers: [
			'Umsatz (ohne Soll/Haben-Kz)',
			'Soll/Haben-Kennzeichen',
			'WKZ Umsatz',
			'Kurs',
			'Basis-Umsatz',
			'WKZ Basis-Umsatz',
			'Konto',
			'Gegenkonto (ohne BU-Schlüssel)',
			'BU-Schlüssel',
			'Belegdatum',
			'Belegfeld 1',
			'Belegfeld 2',
			'Skonto',
			'Buchungstext'
		],
		first: [
			'1190,00',
			'S',
			'EUR',
			'',
			'',
			'',
			'1200',
			'8400',
			'',
			'0411',
			'RE-2026-117',
			'',
			'',
			'Beratung Quartiersbüro'
		],
		records: 2,
		skipped: [[1, 'datev']]
	},
	{
		file: 'bank-statement-preamble.csv',
		headers: [
			'Buchungsdatum',
			'Wertstellung',
			'Status',
			'Zahlungspflichtige*r',
			'Zahlungsempfänger*in',
			'Verwendungszweck',
			'Umsatztyp',
			'IBAN',
			'Betrag (€)',
			'Gläubiger-ID',
			'Mandatsreferenz',
			'Kundenreferenz'
		],
		first: [
			'28.11.26',
			'28.11.26',
			'Gebucht',
			'Stadt Musterstadt',
			'Quartier e.V.',
			'Zuwendung BIWAQ 3. Rate',
			'Eingang',
			'DE89370400440532013000',
			'25.000,00',
			'',
			'',
			''
		],
		records: 2,
		skipped: [
			[1, 'preamble'],
			[2, 'blank'],
			[3, 'preamble'],
			[4, 'blank']
		]
	}
];

describe('ingest fixtures (tests/fixtures/ingest, one per quirk)', () => {
	test.each(PREVIEWED)('$file: the table in it is found', (c) => {
		const prepared = prepareCsv(c.file, new Uint8Array(readFileSync(join(DIR, c.file))));
		expect(prepared.error).toBeUndefined();
		expect(prepared.dialect!.headers).toEqual(c.headers);
		expect(prepared.preview![0]).toEqual(c.first);
		expect(prepared.scan!.records).toBe(c.records);
		expect(prepared.skipped!.map((l) => [l.line, l.reason])).toEqual(c.skipped);
	});

	test('the header row can be moved: lines above it are skipped, a row above it is data', () => {
		const bytes = new Uint8Array(readFileSync(join(DIR, 'preamble-title-stand.csv')));
		const moved = prepareCsv('f.csv', bytes, { headerLine: 3 });
		expect(moved.dialect!.headers).toEqual([
			'Erstellt von:',
			'Programmbehörde',
			'Spalte 3',
			'Spalte 4',
			'Spalte 5',
			TRAILING_COLUMN
		]);
		expect(moved.skipped!.map((l) => l.line)).toEqual([1, 2]);
		expect(moved.dialect!.detectedHeaderLine).toBe(5);
	});

	test.each(LOADED)('$file loads and reconciles', async (c) => {
		const { engine, report } = await importFixture(c.file);
		expect(report.error).toBeUndefined();
		expect(report).toMatchObject({
			ok: true,
			encoding: c.encoding,
			delimiter: c.delimiter,
			lineEnding: c.lineEnding,
			table: c.table
		});
		const [rowsIn, loaded, rejected, blank] = c.rows;
		expect([report.rowsIn, report.rowsLoaded, report.rowsRejected, report.rowsBlank]).toEqual([
			rowsIn,
			loaded,
			rejected,
			blank
		]);
		expect(report.rowsIn).toBe(report.rowsLoaded + report.rowsRejected);
		expect(report.rejects.map((r) => [r.line, r.column, r.reason])).toEqual(c.rejects ?? []);
		expect(report.skipped.map((l) => [l.line, l.reason])).toEqual(c.skipped ?? []);
		expect(report.rowsSkipped).toBe(c.skipped?.filter(([, reason]) => reason !== 'header').length ?? 0);
		expect(report.warnings).toHaveLength(c.warnings?.length ?? 0);
		c.warnings?.forEach((w, i) => expect(report.warnings[i]).toMatch(w));
		if (c.columns) expect(report.columns.map((col) => col.name)).toEqual(c.columns);
		const [stored] = toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM ${c.table}`));
		expect(stored!.n).toBe(loaded);
		if (c.lines) {
			const lines = toRows<{ l: number }>(
				await engine.query(`SELECT _source_line AS l FROM ${c.table} ORDER BY 1`)
			);
			expect(lines.map((r) => r.l)).toEqual(c.lines);
		}
		await engine.close();
	});

	test.each(REFUSED)('$file is refused: $error', async ({ file, error, sizeLimit }) => {
		const { engine, report } = await importFixture(file, { sizeLimit });
		expect(report.ok).toBe(false);
		expect(report.error).toMatch(error);
		const [counts] = toRows<{ n: number }>(
			await engine.query(
				'SELECT (SELECT count(*) FROM actuals) + (SELECT count(*) FROM projects) + (SELECT count(*) FROM rejects) AS n'
			)
		);
		expect(counts!.n).toBe(0);
		await engine.close();
	});

	test('decodes Windows-1252 bytes to the right characters', async () => {
		const { engine } = await importFixture('cp1252-semicolon.csv');
		const rows = toRows<{ gender: string }>(
			await engine.query("SELECT gender FROM actuals WHERE project_id = 'BQ-19-002'")
		);
		expect(rows).toEqual([{ gender: 'm' }]);
		const { engine: e2 } = await importFixture('extra-columns.csv');
		const extra = toRows<{ x: string }>(
			await e2.query('SELECT _extra AS x FROM actuals ORDER BY _source_line')
		);
		expect(extra.map((r) => JSON.parse(r.x) as unknown)).toEqual([
			{ Bemerkung: 'geprüft', Sachbearbeitung: 'Frau Ö' },
			{}
		]);
	});

	test('placeholders become NULL or 0 with a status and are counted apart from errors', async () => {
		const { engine, report } = await importFixture('placeholders.csv');
		expect(report.placeholders).toBe(7);
		const rows = toRows<{ p: string; value: number | null; value_status: string }>(
			await engine.query('SELECT project_id AS p, value, value_status FROM actuals ORDER BY p')
		);
		expect(rows.map((r) => [r.p, r.value, r.value_status])).toEqual([
			['P1', 0, 'zero'],
			['P2', null, 'missing'],
			['P3', null, 'missing'],
			['P4', null, 'not_applicable'],
			['P5', null, 'suppressed'],
			['P6', null, 'suppressed'],
			['P7', null, 'missing'],
			['P8', 3, 'ok']
		]);
	});

	test('periods: dates, months, quarters, half years and years give start and end dates', async () => {
		const { engine } = await importFixture('periods.csv');
		const rows = toRows<{ v: number; s: string; e: string }>(
			await engine.query(
				"SELECT value AS v, strftime(period_start, '%Y-%m-%d') AS s, strftime(period_end, '%Y-%m-%d') AS e FROM actuals ORDER BY v"
			)
		);
		expect(rows.map((r) => [r.v, r.s, r.e])).toEqual([
			[1, '2021-07-01', '2021-09-30'],
			[2, '2022-07-01', '2022-09-30'],
			[3, '2021-01-01', '2021-12-31'],
			[4, '2024-02-01', '2024-02-29'],
			[5, '2021-03-15', '2021-03-15'],
			[6, '2021-06-30', '2021-06-30'],
			[7, '2020-07-01', '2020-12-31']
		]);
		const { engine: e2 } = await importFixture('period-columns.csv');
		const spans = toRows<{ s: string; e: string }>(
			await e2.query(
				"SELECT strftime(period_start, '%d.%m.%Y') AS s, strftime(period_end, '%d.%m.%Y') AS e FROM actuals ORDER BY value"
			)
		);
		expect(spans).toEqual([
			{ s: '01.01.2021', e: '30.06.2021' },
			{ s: '01.01.2020', e: '31.12.2021' }
		]);
	});

	test('the decimal separator is decided per column from its values', async () => {
		const { engine, report } = await importFixture('number-styles.csv');
		expect(report.columns.map((c) => [c.name, c.mappedTo, c.numberStyle])).toEqual([
			['Veranstaltungs-ID', 'session_id', undefined],
			['Angemeldet', 'registered', 'en'],
			['Teilnehmende', 'participants', 'de'],
			['Beiträge', 'posts', 'de']
		]);
		const rows = toRows<{ r: number; p: number; posts: number | null }>(
			await engine.query(
				'SELECT registered AS r, participants AS p, posts FROM participation ORDER BY _source_line'
			)
		);
		expect(rows).toEqual([
			{ r: 1200, p: 1300, posts: 0 },
			{ r: 2000, p: 2000, posts: 12 },
			{ r: 15, p: 7, posts: null }
		]);
	});

	test('replacing a data set is atomic: a refused file leaves the previous rows as they were', async () => {
		const { engine } = await importFixture('cp1252-semicolon.csv');
		const bytes = new Uint8Array(readFileSync(join(DIR, 'ragged-rows.csv')));
		const report = await importCsv(engine, { file: 'cp1252-semicolon.csv', bytes });
		expect(report.ok).toBe(false);
		const [after] = toRows<{ n: number }>(await engine.query('SELECT count(*) AS n FROM actuals'));
		expect(after!.n).toBe(3);
		const good = new Uint8Array(readFileSync(join(DIR, 'bad-values.csv')));
		const replaced = await importCsv(engine, { file: 'cp1252-semicolon.csv', bytes: good });
		expect(replaced.ok).toBe(true);
		const [now] = toRows<{ n: number }>(await engine.query('SELECT count(*) AS n FROM actuals'));
		expect(now!.n).toBe(1);
	});
});
