import type { Engine } from '../engine';
import { ident, literal } from '../engine/sql';
import { toRows } from '../engine/rows';
import { PLACEHOLDERS, tableDef, type CanonicalTable, type ColumnDef } from '../model';
import type { Encoding } from './encoding';
import type { LineEnding } from './dialect';
import { prepareCsv, TRAILING_COLUMN, type PreparedCsv } from './prepare';
import { schemaSql } from './schema';
import {
	dateSql,
	decideNumberStyle,
	extrasSql,
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

/** One column of the file and what became of it. */
export interface ReportColumn {
	name: string;
	/** Canonical column it was loaded into; null: kept in `_extra` (JSON text of the extra columns). */
	mappedTo: string | null;
	type: string;
	numberStyle?: NumberStyle;
}

/** What an import did with a file: every input row is either loaded or rejected. */
export interface ImportReport {
	file: string;
	ok: boolean;
	error?: string;
	encoding?: Encoding;
	delimiter?: string;
	lineEnding?: LineEnding;
	/** Decimal separator of the file's number columns (decided per column; the most common one). */
	decimal?: ',' | '.' | null;
	table?: CanonicalTable;
	confidence?: number;
	columns: ReportColumn[];
	rowsIn: number;
	rowsLoaded: number;
	rowsRejected: number;
	/** Empty lines and lines of empty cells: skipped, not rows. */
	rowsBlank: number;
	/** Cells holding a statistics placeholder (-, ., *, k.A., empty …): loaded as NULL/0, not errors. */
	placeholders: number;
	/** The first 100 rejected cells, by line. */
	rejects: Reject[];
	/** The import failed for a reason of ours, not of the file (the CLI exits with 2). */
	internal?: boolean;
}

/** How a prepared file is loaded: which table, which header goes to which canonical column. */
export interface LoadOptions {
	/** Force the target table instead of the best guess. */
	table?: CanonicalTable;
	/** canonical column → file header; replaces the guessed mapping (manual mapping, presets). */
	mapping?: Record<string, string>;
	/** Replace rows previously loaded from a file of the same name. Default true. */
	replace?: boolean;
	/** Further source files whose rows in the same table this import replaces (e.g. sample data). */
	replaceFiles?: string[];
	/** Checked between steps: an abort before the commit leaves the data as it was. */
	signal?: AbortSignal;
}

export interface ImportOptions extends LoadOptions {
	/** Name shown to the user and kept in `_source_file`. */
	file: string;
	bytes: Uint8Array;
	sizeLimit?: number;
}

/** Why a file cannot be imported at all; nothing of it is loaded. */
export class ImportError extends Error {}

/** The import was cancelled by the user; nothing of it is loaded. */
export const CANCELLED = 'Import abgebrochen: es wurde nichts geladen.';

let fileCounter = 0;

/** Creates the canonical tables if they do not exist yet. */
export async function ensureSchema(engine: Engine): Promise<void> {
	await engine.exec(schemaSql());
}

/** Reads, checks and loads one CSV file (prepareCsv + loadPrepared); the node path, tests and CLI. */
export async function importCsv(engine: Engine, options: ImportOptions): Promise<ImportReport> {
	const prepared = prepareCsv(options.file, options.bytes, { sizeLimit: options.sizeLimit });
	return loadPrepared(engine, prepared, options);
}

/** An empty report for a file, filled in as the import goes. */
export function emptyReport(prepared: PreparedCsv): ImportReport {
	return {
		file: prepared.file,
		ok: false,
		error: prepared.error,
		encoding: prepared.encoding,
		delimiter: prepared.dialect?.delimiter,
		lineEnding: prepared.dialect?.lineEnding,
		table: prepared.guesses?.[0]?.table,
		confidence: prepared.guesses?.[0]?.confidence,
		columns: [],
		rowsIn: 0,
		rowsLoaded: 0,
		rowsRejected: 0,
		rowsBlank: 0,
		placeholders: 0,
		rejects: []
	};
}

/**
 * Loads a prepared file into its canonical table with explicit types. Rows that fail a cast or miss
 * a required value go to `rejects` with line, column and reason. Delete of the replaced rows and
 * insert are one transaction: a failure or a cancel leaves the previous data as it was.
 */
export async function loadPrepared(
	engine: Engine,
	prepared: PreparedCsv,
	options: LoadOptions = {}
): Promise<ImportReport> {
	const report = emptyReport(prepared);
	if (prepared.error) return report;
	try {
		await load(engine, prepared, options, report);
		report.ok = true;
	} catch (error) {
		report.error = error instanceof Error ? error.message : String(error);
		if (!(error instanceof ImportError)) report.internal = true;
	}
	return report;
}

/** The mapping to use: the caller's, or the guess for the chosen table. */
export function resolveMapping(
	prepared: PreparedCsv,
	options: LoadOptions
): { table: CanonicalTable; confidence: number; mapping: Record<string, string> } {
	const guesses = prepared.guesses!;
	const guess = (options.table && guesses.find((g) => g.table === options.table)) || guesses[0]!;
	const mapping = { ...(options.mapping ?? guess.mapping) };
	// One period column ("Quartal", "Jahr") gives both ends of the period, as in guessTables.
	if (
		tableDef(guess.table).columns.some((c) => c.name === 'period_end') &&
		!mapping.period_end &&
		mapping.period_start
	)
		mapping.period_end = mapping.period_start;
	return { table: guess.table, confidence: options.mapping ? 1 : guess.confidence, mapping };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new ImportError(CANCELLED);
}

async function load(
	engine: Engine,
	prepared: PreparedCsv,
	options: LoadOptions,
	report: ImportReport
): Promise<void> {
	const dialect = prepared.dialect!;
	const scan = prepared.scan!;
	const file = prepared.file;
	const { table, confidence, mapping } = resolveMapping(prepared, options);
	report.table = table;
	report.confidence = confidence;
	const def = tableDef(table);
	const headers = dialect.headers;
	const unknown = Object.values(mapping).find((h) => !headers.includes(h));
	if (unknown !== undefined) throw new ImportError(`Die Spalte „${unknown}“ gibt es in der Datei nicht.`);
	const missing = def.columns.filter((c) => c.required && c.default === undefined && !mapping[c.name]);
	if (missing.length)
		throw new ImportError(
			`${options.mapping || options.table ? `Für die Tabelle „${def.label}“` : `Die Spalten (${headers.join(', ')}) passen zu keiner bekannten Tabelle. Am ehesten „${def.label}“, aber dafür`} fehlen die Pflichtspalten ${missing.map((c) => c.name).join(', ')}. Bitte die Spalten von Hand zuordnen.`
		);
	throwIfAborted(options.signal);

	const id = ++fileCounter;
	const registered = `ingest_${id}.csv`;
	const lines = `ingest_${id}_lines.csv`;
	await engine.registerFile(registered, prepared.utf8!);
	try {
		const columns = headers.map((h) => `${literal(h)}: 'VARCHAR'`).join(', ');
		try {
			await engine.exec(
				`CREATE OR REPLACE TEMP TABLE _stage AS SELECT row_number() OVER () AS _row, * FROM read_csv(${literal(registered)}, auto_detect=false, header=${dialect.hasHeader}, delim=${literal(dialect.delimiter)}, quote='"', escape='"', new_line=${literal(dialect.lineEnding === 'CRLF' ? '\\r\\n' : '\\n')}, columns={${columns}})`
			);
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			throw new ImportError(`Die Datei ist kein gültiges CSV: ${message.split('\n')[0]}`);
		}
		const [staged] = toRows<{ n: number; trailing: number }>(
			await engine.query(
				`SELECT count(*) AS n, ${headers.includes(TRAILING_COLUMN) ? `count(nullif(trim(${ident(TRAILING_COLUMN)}), ''))` : '0'} AS trailing FROM _stage`
			)
		);
		if (staged!.n !== scan.records)
			throw new Error(
				`Interner Fehler: read_csv las ${staged!.n} Datensätze, die Zeilenprüfung ${scan.records}.`
			);
		if (staged!.trailing > 0)
			throw new ImportError(
				`Die letzte Spalte (Spalte ${headers.length}) hat keine Überschrift, enthält aber Werte.`
			);
		throwIfAborted(options.signal);

		const numeric = def.columns.filter(
			(c) => mapping[c.name] && (c.type === 'number' || c.type === 'integer') && !c.vocabulary
		);
		const styles: Record<string, NumberStyle> = {};
		if (numeric.length) {
			const [counts] = toRows<Record<string, number>>(
				await engine.query(
					`SELECT ${numeric.map((c, i) => numberStyleProbeSql(ident(mapping[c.name]!), `c${i}`)).join(', ')} FROM _stage`
				)
			);
			numeric.forEach((c, i) => {
				styles[c.name] = decideNumberStyle({ de: counts![`c${i}_de`]!, en: counts![`c${i}_en`]! });
			});
		}
		const used = new Set(Object.values(mapping));
		const extras = headers.filter((h) => !used.has(h) && h !== TRAILING_COLUMN);
		report.columns = headers
			.filter((h) => h !== TRAILING_COLUMN)
			.map((h) => {
				const column = def.columns.find((c) => mapping[c.name] === h);
				return {
					name: h,
					mappedTo: column?.name ?? null,
					type: column?.type ?? 'text',
					...(column && styles[column.name] ? { numberStyle: styles[column.name] } : {})
				};
			});
		const styleList = Object.values(styles);
		report.decimal = styleList.length
			? styleList.filter((s) => s === 'de').length >= styleList.length / 2
				? ','
				: '.'
			: null;

		// A header mapped twice (one period column for both ends) is checked once.
		const checked = def.columns.filter(
			(c, i) => !def.columns.slice(0, i).some((d) => mapping[d.name] && mapping[d.name] === mapping[c.name])
		);
		const expressions = def.columns.map((c) =>
			c.name === 'period_end' && mapping.period_end && mapping.period_end === mapping.period_start
				? `${dateSql(ident(mapping.period_end), 'end')} AS period_end`
				: columnSql(c, mapping)
		);
		const errors = checked.flatMap((c) => errorSql(c, mapping));
		const placeholderCells = def.columns
			.filter((c) => (c.type === 'number' || c.type === 'integer') && mapping[c.name])
			.map((c) => `CAST(${isPlaceholderSql(ident(mapping[c.name]!))} AS INTEGER)`);
		const rawColumns = headers.filter((h) => h !== TRAILING_COLUMN).map((h) => ident(h));
		const blank = rawColumns.map((c) => `nullif(trim(${c}), '') IS NULL`).join(' AND ');
		const extra = extrasSql(extras, ident);

		// Physical line of each record: the scan's breakpoints, joined as-of the record number.
		let lineSql = `_row + ${scan.firstDataLine - 1}`;
		let from = '_stage';
		if (scan.breakpoints.length) {
			const pairs: string[] = ['row,offset'];
			for (let i = 0; i < scan.breakpoints.length; i += 2)
				pairs.push(`${scan.breakpoints[i]},${scan.breakpoints[i + 1]}`);
			await engine.registerFile(lines, new TextEncoder().encode(pairs.join('\n')));
			await engine.exec(
				`CREATE OR REPLACE TEMP TABLE _lines AS SELECT * FROM read_csv(${literal(lines)}, header=true, columns={'row': 'BIGINT', 'offset': 'INTEGER'})`
			);
			from = '_stage ASOF LEFT JOIN _lines ON _stage._row >= _lines.row';
			lineSql = `_row + ${scan.firstDataLine - 1} + coalesce(_lines.offset, 0)`;
		}
		// Each mapped cell is parsed once (inner select); values and error checks read the result.
		const parsedCells = checked
			.filter((c) => mapping[c.name])
			.map((c) => `${innerParsedSql(c, ident(mapping[c.name]!), styles)} AS ${parsedIdent(c.name)}`);
		const inner = `SELECT _stage.*, ${lineSql} AS _line${parsedCells.map((p) => `, ${p}`).join('')} FROM ${from} WHERE NOT (${blank})`;
		await engine.exec(
			`CREATE OR REPLACE TEMP TABLE _typed AS SELECT CAST(_line AS INTEGER) AS _line, ${expressions.join(', ')}, ${extra} AS _extra,
			 list_filter([${errors.join(', ') || 'NULL'}], e -> e IS NOT NULL) AS _errors,
			 ${placeholderCells.length ? placeholderCells.join(' + ') : '0'} AS _placeholders
			 FROM (${inner})`
		);
		throwIfAborted(options.signal);

		const names = def.columns.map((c) => ident(c.name)).join(', ');
		const replaced = [...(options.replace === false ? [] : [file]), ...(options.replaceFiles ?? [])];
		await engine.exec('BEGIN TRANSACTION');
		try {
			await engine.exec(schemaSql());
			if (replaced.length) {
				const list = replaced.map((f) => literal(f)).join(', ');
				await engine.exec(`DELETE FROM ${def.name} WHERE _source_file IN (${list})`);
				await engine.exec(`DELETE FROM rejects WHERE source_file IN (${list})`);
			}
			await engine.exec(
				`INSERT INTO ${def.name} (${names}, _extra, _source_file, _source_line) SELECT ${names}, _extra, ${literal(file)}, _line FROM _typed WHERE len(_errors) = 0`
			);
			await engine.exec(
				`INSERT INTO rejects SELECT ${literal(file)}, _line, e.column, e.value, e.reason FROM (SELECT _line, unnest(_errors) AS e FROM _typed WHERE len(_errors) > 0)`
			);
			throwIfAborted(options.signal);
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
		report.rowsBlank = scan.blankLines + (scan.records - counts!.rows_in);
		report.rejects = toRows<Reject>(
			await engine.query(
				'SELECT line, "column", value, reason FROM rejects WHERE source_file = ? ORDER BY line, rowid LIMIT 100',
				[file]
			)
		);
	} finally {
		await engine.exec(
			'DROP TABLE IF EXISTS _stage; DROP TABLE IF EXISTS _typed; DROP TABLE IF EXISTS _lines;'
		);
		await engine.dropFile(registered);
		if (scan.breakpoints.length) await engine.dropFile(lines);
	}
}

const PERIOD_ENDS = new Set(['period_end', 'end_date']);

/** Name of the once-parsed value of a canonical column in the inner select. */
const parsedIdent = (column: string) => ident(`__parsed_${column}`);

/** The parse done once per cell: numbers stay DOUBLE here (the integer check needs the fraction). */
function innerParsedSql(column: ColumnDef, raw: string, styles: Record<string, NumberStyle>): string {
	if (!column.vocabulary && (column.type === 'number' || column.type === 'integer'))
		return numberSql(raw, styles[column.name] ?? 'de');
	if (column.vocabulary) return vocabularySql(raw, column);
	if (column.type === 'date') return dateSql(raw, PERIOD_ENDS.has(column.name) ? 'end' : 'start');
	return `nullif(trim(${raw}), '')`;
}

/** The column's typed value, from the inner select. */
function parsedSql(column: ColumnDef): string {
	const parsed = parsedIdent(column.name);
	return column.type === 'integer' && !column.vocabulary ? `CAST(${parsed} AS INTEGER)` : parsed;
}

function columnSql(column: ColumnDef, mapping: Record<string, string>): string {
	const header = mapping[column.name];
	const name = ident(column.name);
	if (!header) {
		if (column.name === 'value_status' && mapping.value)
			return `${valueStatusSql(ident(mapping.value))} AS ${name}`;
		if (column.default === undefined) return `NULL AS ${name}`;
		return `${typeof column.default === 'string' ? literal(column.default) : String(column.default)} AS ${name}`;
	}
	const parsed = parsedSql(column);
	if (column.default !== undefined)
		return `coalesce(${parsed}, ${typeof column.default === 'string' ? literal(column.default) : String(column.default)}) AS ${name}`;
	return `${parsed} AS ${name}`;
}

/** value_status from the placeholder written in the value cell (DIN 55301 and agency practice). */
function valueStatusSql(raw: string): string {
	const whens = Object.entries(PLACEHOLDERS)
		.map(([marker, p]) => `WHEN lower(trim(${raw})) = ${literal(marker)} THEN ${literal(p.status)}`)
		.join(' ');
	return `CASE WHEN ${raw} IS NULL THEN 'missing' ${whens} ELSE 'ok' END`;
}

const quoted = (raw: string) => `'„' || ${raw} || '“'`;

function errorSql(column: ColumnDef, mapping: Record<string, string>): string[] {
	const header = mapping[column.name];
	if (!header) return [];
	const raw = ident(header);
	const parsed = parsedSql(column);
	const number = parsedIdent(column.name);
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
			entry(`NOT ${isPlaceholderSql(raw)} AND ${number} IS NULL`, `${quoted(raw)} || ' ist keine Zahl'`)
		);
	else if (column.type === 'date')
		out.push(
			entry(
				`${present} AND ${parsed} IS NULL`,
				`${quoted(raw)} || ' ist kein Datum (erwartet z. B. 31.12.2021, 12/2021, Q4/2021 oder 2021)'`
			)
		);
	if (column.type === 'integer')
		out.push(entry(`${number} % 1 <> 0`, `${quoted(raw)} || ' ist keine ganze Zahl'`));
	if (column.required && column.default === undefined)
		out.push(entry(`${parsed} IS NULL AND ${isPlaceholderSql(raw)}`, `'Pflichtfeld ohne Wert'`));
	return out;
}
