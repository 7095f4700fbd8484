import type { Engine } from '../engine';
import { ident, literal } from '../engine/sql';
import { toRows } from '../engine/rows';
import { guessTables, PLACEHOLDERS, tableDef, type CanonicalTable, type ColumnDef } from '../model';
import { decodeText, type Encoding } from './encoding';
import { sniffDialect } from './dialect';
import { schemaSql } from './schema';
import {
	dateSql,
	decideNumberStyle,
	isPlaceholderSql,
	numberSql,
	numberStyleProbeSql,
	vocabularyHint,
	vocabularySql,
	type NumberStyle
} from './typing';

/** One rejected cell: the row is not loaded, and the reason says why in words a person understands. */
export interface Reject {
	line: number;
	column: string;
	value: string | null;
	reason: string;
}

/** What an import did with a file: every input row is either loaded or rejected. */
export interface ImportReport {
	file: string;
	ok: boolean;
	error?: string;
	encoding?: Encoding;
	delimiter?: string;
	table?: CanonicalTable;
	confidence?: number;
	columns: { name: string; mappedTo: string | null; type: string | null; numberStyle?: NumberStyle }[];
	rowsIn: number;
	rowsLoaded: number;
	rowsRejected: number;
	rowsBlank: number;
	/** Cells holding a statistics placeholder (-, ., *, k.A., empty …): loaded as NULL/0, not errors. */
	placeholders: number;
	rejects: Reject[];
}

export interface ImportOptions {
	/** Name shown to the user and kept in `_source_file`. */
	file: string;
	bytes: Uint8Array;
	/** Force the target table instead of guessing it from the headers. */
	table?: CanonicalTable;
	/** Replace rows previously loaded from a file of the same name. Default true. */
	replace?: boolean;
}

/** Why a file cannot be imported at all; nothing of it is loaded. */
export class ImportError extends Error {}

let fileCounter = 0;

/** Creates the canonical tables if they do not exist yet. */
export async function ensureSchema(engine: Engine): Promise<void> {
	await engine.exec(schemaSql());
}

/**
 * Imports one CSV file into its canonical table: decode → dialect → map headers → typed load.
 * Rows that fail a cast or miss a required value go to `rejects` with line, column and reason.
 * The load is one transaction: a failure leaves the previous data as it was.
 */
export async function importCsv(engine: Engine, options: ImportOptions): Promise<ImportReport> {
	const report: ImportReport = {
		file: options.file,
		ok: false,
		columns: [],
		rowsIn: 0,
		rowsLoaded: 0,
		rowsRejected: 0,
		rowsBlank: 0,
		placeholders: 0,
		rejects: []
	};
	try {
		await load(engine, options, report);
		report.ok = true;
	} catch (error) {
		report.error = error instanceof Error ? error.message : String(error);
	}
	return report;
}

async function load(engine: Engine, options: ImportOptions, report: ImportReport): Promise<void> {
	const { text, encoding } = decodeText(options.bytes);
	report.encoding = encoding;
	if (text.trim() === '') throw new ImportError(`${options.file}: Die Datei ist leer.`);
	const dialect = sniffDialect(text);
	report.delimiter = dialect.delimiter;
	const headers = dialect.headers;
	const duplicate = headers.find((h, i) => h !== '' && headers.indexOf(h) !== i);
	if (duplicate)
		throw new ImportError(
			`${options.file}, Zeile ${dialect.skipLines + 1}: Spaltenname „${duplicate}“ kommt doppelt vor.`
		);
	if (headers.some((h) => h === ''))
		throw new ImportError(
			`${options.file}, Zeile ${dialect.skipLines + 1}: Die Kopfzeile enthält eine leere Spaltenüberschrift.`
		);

	const guesses = guessTables(headers);
	const guess = options.table ? guesses.find((g) => g.table === options.table)! : guesses[0]!;
	report.table = guess.table;
	report.confidence = guess.confidence;
	const def = tableDef(guess.table);
	const missing = def.columns.filter((c) => c.required && c.default === undefined && !guess.mapping[c.name]);
	if (missing.length)
		throw new ImportError(
			`${options.file}: Die Datei passt zu keiner Tabelle. Für „${def.label}“ fehlen die Spalten ${missing.map((c) => c.name).join(', ')} (gefunden: ${headers.join(', ')}).`
		);

	const registered = `ingest_${++fileCounter}.csv`;
	const headerLine = dialect.skipLines + 1;
	await engine.registerFile(registered, new TextEncoder().encode(text));
	try {
		const columns = headers.map((h) => `${literal(h)}: 'VARCHAR'`).join(', ');
		await engine.exec(
			`CREATE OR REPLACE TEMP TABLE _stage AS SELECT row_number() OVER () AS _row, * FROM read_csv(${literal(registered)}, auto_detect=false, header=true, delim=${literal(dialect.delimiter)}, quote='"', escape='"', skip=${dialect.skipLines}, columns={${columns}})`
		);
		const styles: Record<string, NumberStyle> = {};
		for (const column of def.columns) {
			const header = guess.mapping[column.name];
			if (!header || (column.type !== 'number' && column.type !== 'integer')) continue;
			const [counts] = toRows<{ de: number; en: number }>(
				await engine.query(`SELECT ${numberStyleProbeSql(ident(header))} FROM _stage`)
			);
			styles[column.name] = decideNumberStyle(counts ?? { de: 0, en: 0 });
		}
		report.columns = headers.map((h) => {
			const column = def.columns.find((c) => guess.mapping[c.name] === h);
			return {
				name: h,
				mappedTo: column?.name ?? null,
				type: column?.type ?? null,
				numberStyle: column ? styles[column.name] : undefined
			};
		});

		const expressions = def.columns.map((c) => columnSql(c, guess.mapping, styles));
		const errors = def.columns.flatMap((c) => errorSql(c, guess.mapping, styles));
		const placeholderCells = def.columns
			.filter((c) => (c.type === 'number' || c.type === 'integer') && guess.mapping[c.name])
			.map((c) => `CAST(${isPlaceholderSql(ident(guess.mapping[c.name]!))} AS INTEGER)`);
		await engine.exec(
			`CREATE OR REPLACE TEMP TABLE _typed AS SELECT _row + ${headerLine} AS _line, ${expressions.join(', ')},
			 list_filter([${errors.join(', ') || 'NULL'}], e -> e IS NOT NULL) AS _errors,
			 ${placeholderCells.length ? placeholderCells.join(' + ') : '0'} AS _placeholders
			 FROM _stage`
		);

		const names = def.columns.map((c) => ident(c.name)).join(', ');
		await engine.exec('BEGIN TRANSACTION');
		try {
			await engine.exec(schemaSql());
			if (options.replace !== false) {
				await engine.exec(`DELETE FROM ${def.name} WHERE _source_file = ${literal(options.file)}`);
				await engine.exec(`DELETE FROM rejects WHERE source_file = ${literal(options.file)}`);
			}
			await engine.exec(
				`INSERT INTO ${def.name} (${names}, _source_file, _source_line) SELECT ${names}, ${literal(options.file)}, _line FROM _typed WHERE len(_errors) = 0`
			);
			await engine.exec(
				`INSERT INTO rejects SELECT ${literal(options.file)}, _line, e.column, e.value, e.reason FROM (SELECT _line, unnest(_errors) AS e FROM _typed WHERE len(_errors) > 0)`
			);
			await engine.exec('COMMIT');
		} catch (error) {
			await engine.exec('ROLLBACK');
			throw error;
		}

		const [counts] = toRows<{ rows_in: number; loaded: number; rejected: number; placeholders: number }>(
			await engine.query(
				`SELECT count(*) AS rows_in, count(*) FILTER (WHERE len(_errors) = 0) AS loaded,
				 count(*) FILTER (WHERE len(_errors) > 0) AS rejected, CAST(coalesce(sum(_placeholders) FILTER (WHERE len(_errors) = 0), 0) AS INTEGER) AS placeholders FROM _typed`
			)
		);
		report.rowsIn = counts!.rows_in;
		report.rowsLoaded = counts!.loaded;
		report.rowsRejected = counts!.rejected;
		report.placeholders = counts!.placeholders;
		report.rowsBlank = countBlankLines(text, dialect.skipLines + 1);
		report.rejects = toRows<{ line: number; column: string; value: string | null; reason: string }>(
			await engine.query(
				'SELECT line, "column", value, reason FROM rejects WHERE source_file = ? ORDER BY line LIMIT 100',
				[options.file]
			)
		);
	} finally {
		await engine.exec('DROP TABLE IF EXISTS _stage; DROP TABLE IF EXISTS _typed;');
		await engine.dropFile(registered);
	}
}

/** Blank lines after the header (DuckDB skips them; the reconciliation shows them). */
function countBlankLines(text: string, headerLines: number): number {
	const lines = text.split(/\r\n|\n|\r/);
	if (lines.at(-1) === '') lines.pop();
	return lines.slice(headerLines).filter((l) => l.trim() === '').length;
}

function columnSql(
	column: ColumnDef,
	mapping: Record<string, string>,
	styles: Record<string, NumberStyle>
): string {
	const header = mapping[column.name];
	const name = ident(column.name);
	if (!header) {
		if (column.name === 'value_status' && mapping.value)
			return `${valueStatusSql(ident(mapping.value))} AS ${name}`;
		if (column.default === undefined) return `NULL AS ${name}`;
		return `${typeof column.default === 'string' ? literal(column.default) : String(column.default)} AS ${name}`;
	}
	const raw = ident(header);
	const parsed = parsedSql(column, raw, styles);
	if (column.default !== undefined && column.type !== 'text' && !column.vocabulary)
		return `coalesce(${parsed}, ${column.default}) AS ${name}`;
	if (column.default !== undefined)
		return `coalesce(${parsed}, ${typeof column.default === 'string' ? literal(column.default) : String(column.default)}) AS ${name}`;
	return `${parsed} AS ${name}`;
}

function parsedSql(column: ColumnDef, raw: string, styles: Record<string, NumberStyle>): string {
	if (column.vocabulary) return vocabularySql(raw, column);
	switch (column.type) {
		case 'number':
			return numberSql(raw, styles[column.name] ?? 'de');
		case 'integer':
			return `CAST(${numberSql(raw, styles[column.name] ?? 'de')} AS INTEGER)`;
		case 'date':
			return dateSql(raw);
		default:
			return `nullif(trim(${raw}), '')`;
	}
}

/** value_status from the placeholder written in the value cell (DIN 55301 and agency practice). */
function valueStatusSql(raw: string): string {
	const whens = Object.entries(PLACEHOLDERS)
		.map(([marker, p]) => `WHEN lower(trim(${raw})) = ${literal(marker)} THEN ${literal(p.status)}`)
		.join(' ');
	return `CASE WHEN ${raw} IS NULL THEN 'missing' ${whens} ELSE 'ok' END`;
}

const quoted = (raw: string) => `'„' || ${raw} || '“'`;

function errorSql(
	column: ColumnDef,
	mapping: Record<string, string>,
	styles: Record<string, NumberStyle>
): string[] {
	const header = mapping[column.name];
	if (!header) return [];
	const raw = ident(header);
	const parsed = parsedSql(column, raw, styles);
	const entry = (condition: string, reason: string) =>
		`CASE WHEN ${condition} THEN {'column': ${literal(header)}, 'value': ${raw}, 'reason': ${reason}} END`;
	const present = `nullif(trim(${raw}), '') IS NOT NULL`;
	const out: string[] = [];
	if (column.vocabulary)
		out.push(
			entry(
				`${present} AND ${parsed} IS NULL AND NOT ${isPlaceholderSql(raw)}`,
				`${quoted(raw)} || ' ist kein gültiger Wert (erwartet: ${vocabularyHint(column).replace(/'/g, "''")})'`
			)
		);
	else if (column.type === 'number' || column.type === 'integer')
		out.push(
			entry(
				`NOT ${isPlaceholderSql(raw)} AND ${numberSql(raw, styles[column.name] ?? 'de')} IS NULL`,
				`${quoted(raw)} || ' ist keine Zahl'`
			)
		);
	else if (column.type === 'date')
		out.push(
			entry(`${present} AND ${parsed} IS NULL`, `${quoted(raw)} || ' ist kein Datum (erwartet TT.MM.JJJJ)'`)
		);
	if (column.type === 'integer')
		out.push(
			entry(
				`${numberSql(raw, styles[column.name] ?? 'de')} % 1 <> 0`,
				`${quoted(raw)} || ' ist keine ganze Zahl'`
			)
		);
	if (column.required && column.default === undefined)
		out.push(
			entry(
				`${parsed} IS NULL AND (NOT ${isPlaceholderSql(raw)} OR ${raw} IS NULL OR trim(${raw}) = '')`,
				`'Pflichtfeld ohne Wert'`
			)
		);
	return out;
}
