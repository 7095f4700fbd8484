import type { Engine } from '../engine';
import { ident, literal } from '../engine/sql';
import { toRows } from '../engine/rows';
import { PLACEHOLDERS, tableDef, type CanonicalTable, type ColumnDef, type TableDef } from '../model';
import type { Encoding } from './encoding';
import type { Dialect, LineEnding } from './dialect';
import { decideFastPlan, decideNumberStyle, numberOptions, type FastPlan } from './fasttypes';
import { prepareCsv, TRAILING_COLUMN, type PreparedCsv } from './prepare';
import type { RecordScan } from './scan';
import { schemaSql } from './schema';
import {
	dateSql,
	extrasSql,
	isPlaceholderSql,
	numberSql,
	vocabularyHint,
	vocabularySql,
	type NumberStyle
} from './typing';
import { stepTimer } from './timings';

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
	/** Milliseconds per load step (register, fast_read, fast_rejects, vocabulary, fast_checks, precise, insert, report). */
	timings?: Record<string, number>;
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
		// A cancel may surface as whatever error the interrupted statement gave.
		if (options.signal?.aborted) report.error = CANCELLED;
		else {
			report.error = error instanceof Error ? error.message : String(error);
			if (!(error instanceof ImportError)) report.internal = true;
		}
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

/** The engine with every exec interruptible by the signal (a running statement stops, not only the next). */
function withSignal(engine: Engine, signal: AbortSignal): Engine {
	return { ...engine, exec: (sql) => engine.exec(sql, signal) };
}

/** A CSV held by DuckDB: its registered name and how its records map to physical lines. */
interface Source {
	name: string;
	records: number;
	firstDataLine: number;
	/** As RecordScan.breakpoints: (record, offset) pairs where the line offset changes. */
	breakpoints: number[];
}

/** What every step of one load shares. */
interface Context {
	/** Runs statements the cancel signal interrupts. */
	engine: Engine;
	/** The same connection without the signal: cleanup and ROLLBACK must run after a cancel too. */
	raw: Engine;
	id: number;
	dialect: Dialect;
	headers: string[];
	def: TableDef;
	mapping: Record<string, string>;
	/** Canonical columns whose header is checked (a header mapped twice is checked once). */
	checked: ColumnDef[];
	styles: Record<string, NumberStyle>;
	extras: string[];
	/** A column's values in the sample records (papaparse), by header. */
	sampleOf: (header: string) => string[];
	signal?: AbortSignal;
}

/** Rows the fast read leaves to the precise path, with the counts of the rows it keeps. */
interface FastResult {
	/** Source records (1-based, ascending) to re-read through the precise path. */
	bad: number[];
	/** Records of empty cells: not rows. */
	blank: number;
	/** Rows the fast read loads. */
	loaded: number;
	placeholders: number;
	/** INSERT … SELECT of the fast rows, run inside the transaction. */
	insert: string;
}

/**
 * Rows failing the fast casts beyond which the whole file is read the precise way: logging where
 * they are (store_rejects) costs ~25 µs per row, 5 s for 200 000 of 1 M rows.
 */
const MAX_FAST_REJECTS = (records: number) => Math.max(1000, records * 0.02);

function readCsvSql(dialect: Dialect, name: string, types: Record<string, string>, extra = ''): string {
	const columns = Object.entries(types)
		.map(([h, t]) => `${literal(h)}: ${literal(t)}`)
		.join(', ');
	return `read_csv(${literal(name)}, auto_detect=false, header=${dialect.hasHeader}, delim=${literal(dialect.delimiter)}, quote='"', escape='"', new_line=${literal(dialect.lineEnding === 'CRLF' ? '\\r\\n' : '\\n')}, columns={${columns}}${extra})`;
}

/** Registers a source's line breakpoints (if any) and returns the FROM clause and line expression. */
async function linesJoin(
	ctx: Context,
	source: Source,
	table: string,
	row: string,
	tag: string
): Promise<{ from: string; line: string; cleanup: () => Promise<void> }> {
	const base = `${row} + ${source.firstDataLine - 1}`;
	if (!source.breakpoints.length) return { from: table, line: base, cleanup: async () => {} };
	const file = `ingest_${ctx.id}_${tag}_lines.csv`;
	const lines = `_lines_${tag}`;
	const pairs: string[] = ['row,offset'];
	for (let i = 0; i < source.breakpoints.length; i += 2)
		pairs.push(`${source.breakpoints[i]},${source.breakpoints[i + 1]}`);
	await ctx.engine.registerFile(file, new TextEncoder().encode(pairs.join('\n')));
	await ctx.engine.exec(
		`CREATE OR REPLACE TEMP TABLE ${lines} AS SELECT * FROM read_csv(${literal(file)}, header=true, columns={'row': 'BIGINT', 'offset': 'INTEGER'})`
	);
	return {
		from: `${table} ASOF LEFT JOIN ${lines} ON ${row} >= ${lines}.row`,
		line: `${base} + coalesce(${lines}.offset, 0)`,
		cleanup: async () => {
			await ctx.raw.exec(`DROP TABLE IF EXISTS ${lines}`);
			await ctx.raw.dropFile(file);
		}
	};
}

const trailingError = (ctx: Context, line: number) =>
	new ImportError(
		`Zeile ${line}: Die letzte Spalte (Spalte ${ctx.headers.length}) hat keine Überschrift, enthält aber Werte.`
	);

async function load(
	engine: Engine,
	prepared: PreparedCsv,
	options: LoadOptions,
	report: ImportReport
): Promise<void> {
	const { timings, step } = stepTimer();
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

	const sample = prepared.sample ?? prepared.preview ?? [];
	const sampleOf = (header: string) => {
		const i = headers.indexOf(header);
		return sample.map((row) => row[i] ?? '');
	};
	const styles: Record<string, NumberStyle> = {};
	for (const c of def.columns)
		if (mapping[c.name] && isNumeric(c)) styles[c.name] = decideNumberStyle(sampleOf(mapping[c.name]!));
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
	const checked = def.columns.filter(
		(c, i) => !def.columns.slice(0, i).some((d) => mapping[d.name] && mapping[d.name] === mapping[c.name])
	);
	const ctx: Context = {
		engine: options.signal ? withSignal(engine, options.signal) : engine,
		raw: engine,
		id: ++fileCounter,
		dialect,
		headers,
		def,
		mapping,
		checked,
		styles,
		extras,
		sampleOf,
		signal: options.signal
	};
	const plan = decideFastPlan(
		checked
			.filter((c) => mapping[c.name])
			.map((c) => ({
				header: mapping[c.name]!,
				kind: isNumeric(c) ? 'number' : c.type === 'date' && !c.vocabulary ? 'date' : 'other',
				style: styles[c.name]
			})),
		sampleOf
	);

	const registered = `ingest_${ctx.id}.csv`;
	const whole: Source = {
		name: registered,
		records: scan.records,
		firstDataLine: scan.firstDataLine,
		breakpoints: scan.breakpoints
	};
	const cleanups: (() => Promise<void>)[] = [];
	await engine.registerFile(registered, prepared.utf8!);
	step('register');
	try {
		const fast = await fastRead(ctx, whole, scan, plan, step, cleanups);
		let slowRecords = scan.records;
		if (fast?.bad.length) {
			const mini = await miniSource(ctx, registered, scan, fast.bad);
			cleanups.push(() => engine.dropFile(mini.name));
			throwIfAborted(options.signal);
			slowRecords = mini.records;
			await preciseTyped(ctx, mini, cleanups);
		} else if (!fast) await preciseTyped(ctx, whole, cleanups);
		const slow = fast === null || fast.bad.length > 0;
		step('precise');
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
			if (fast) await ctx.engine.exec(fast.insert.replace('$FILE', literal(file)));
			if (slow) {
				await ctx.engine.exec(
					`INSERT INTO ${def.name} (${names}, _extra, _source_file, _source_line) SELECT ${names}, _extra, ${literal(file)}, _line FROM _typed WHERE len(_errors) = 0`
				);
				await engine.exec(
					`INSERT INTO rejects SELECT ${literal(file)}, _line, e.column, e.value, e.reason FROM (SELECT _line, unnest(_errors) AS e FROM _typed WHERE len(_errors) > 0)`
				);
			}
			throwIfAborted(options.signal);
			await engine.exec('COMMIT');
		} catch (error) {
			await engine.exec('ROLLBACK');
			throw error;
		}
		step('insert');

		const counts = slow
			? toRows<{ rows_in: number; loaded: number; rejected: number; placeholders: number }>(
					await engine.query(
						`SELECT count(*) AS rows_in, count(*) FILTER (WHERE len(_errors) = 0) AS loaded,
						 count(*) FILTER (WHERE len(_errors) > 0) AS rejected, CAST(coalesce(sum(_placeholders) FILTER (WHERE len(_errors) = 0), 0) AS INTEGER) AS placeholders FROM _typed`
					)
				)[0]!
			: { rows_in: 0, loaded: 0, rejected: 0, placeholders: 0 };
		report.rowsIn = counts.rows_in + (fast?.loaded ?? 0);
		report.rowsLoaded = counts.loaded + (fast?.loaded ?? 0);
		report.rowsRejected = counts.rejected;
		report.placeholders = counts.placeholders + (fast?.placeholders ?? 0);
		report.rowsBlank = scan.blankLines + (fast?.blank ?? 0) + (slow ? slowRecords - counts.rows_in : 0);
		report.rejects = toRows<Reject>(
			await engine.query(
				'SELECT line, "column", value, reason FROM rejects WHERE source_file = ? ORDER BY line, rowid LIMIT 100',
				[file]
			)
		);
		step('report');
		report.timings = timings;
	} finally {
		await engine.exec(
			`DROP TABLE IF EXISTS _stage; DROP TABLE IF EXISTS _typed; DROP TABLE IF EXISTS _fast; DROP TABLE IF EXISTS _rejects_${ctx.id}; DROP TABLE IF EXISTS _reject_scans_${ctx.id};`
		);
		for (const cleanup of cleanups) await cleanup();
		await engine.dropFile(registered);
	}
}

/**
 * SQL: the text cell is empty after trim (DuckDB's trim strips spaces only). Trims only cells that
 * start with a space: a trim of every cell made the checks of a 1 M-row file cost ~0.2 s.
 */
const emptySql = (x: string) => `(${x} IS NULL OR ${x} = '' OR (starts_with(${x}, ' ') AND trim(${x}) = ''))`;

/** SQL: the text cell trimmed, NULL when empty (as the precise path reads text); trims only where needed. */
const textSql = (x: string) =>
	`CASE WHEN starts_with(${x}, ' ') OR ends_with(${x}, ' ') THEN nullif(trim(${x}), '') ELSE nullif(${x}, '') END`;

/** Vocabulary spellings taken from the sample; a column with more is not a vocabulary in practice. */
const MAX_SPELLINGS = 500;

/** Record number of a fast row: rowid follows insertion order, which is file order (cheaper than row_number()). */
const ROW = '(_fast.rowid + 1)';

const isNumeric = (c: ColumnDef) => (c.type === 'number' || c.type === 'integer') && !c.vocabulary;

/** Index of the first record (1-based) whose start byte is at or after `byte`. */
function recordAt(starts: Uint32Array, records: number, byte: number): number {
	let lo = 0;
	let hi = records;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (starts[mid]! < byte) lo = mid + 1;
		else hi = mid;
	}
	return lo + 1;
}

/** Line offset of a record from RecordScan.breakpoints. */
function offsetOf(breakpoints: number[], record: number): number {
	let offset = 0;
	for (let i = 0; i < breakpoints.length && breakpoints[i]! <= record; i += 2) offset = breakpoints[i + 1]!;
	return offset;
}

/**
 * The typed read: read_csv casts each column to its fast type; rows it cannot cast are located
 * with store_rejects. Rows that fail a check the precise path would make (a required value missing,
 * an unknown vocabulary value, a fraction in an integer column, a two-digit year) join the
 * rejected ones in `bad`. Null when the fast read cannot be used (then the whole file goes the
 * precise way).
 */
async function fastRead(
	ctx: Context,
	source: Source,
	scan: RecordScan,
	plan: FastPlan,
	step: (name: string) => void,
	cleanups: (() => Promise<void>)[]
): Promise<FastResult | null> {
	const { engine, headers, def, mapping } = ctx;
	const types: Record<string, string> = {};
	for (const h of headers) types[h] = plan.types[h] ?? 'VARCHAR';
	const { decimal, thousands } = numberOptions(plan.style);
	const numbers = Object.values(types).includes('DOUBLE');
	// read_csv refuses a decimal or thousands mark equal to the delimiter; such files go the precise way.
	if (numbers && (decimal === ctx.dialect.delimiter || thousands === ctx.dialect.delimiter)) return null;
	const options = `${numbers ? `, decimal_separator=${literal(decimal)}, thousands=${literal(thousands)}` : ''}${plan.dateformat ? `, dateformat=${literal(plan.dateformat)}` : ''}`;
	const read = (logging: string) =>
		engine.exec(
			`CREATE OR REPLACE TEMP TABLE _fast AS SELECT * FROM ${readCsvSql(ctx.dialect, source.name, types, options + logging)}`
		);
	const count = async () =>
		toRows<{ n: number }>(await engine.query('SELECT count(*) AS n FROM _fast'))[0]!.n;
	// First without reject logging: it costs ~25 µs per rejected row, and most files have none.
	try {
		await read(', ignore_errors=true');
	} catch (error) {
		if (ctx.signal?.aborted) throw error;
		// Whatever read_csv refuses here, the precise path reports (or reads) in its own words.
		return null;
	}
	let n = await count();
	step('fast_read');
	throwIfAborted(ctx.signal);
	let rejected: number[] = [];
	if (n !== source.records) {
		if (n > source.records)
			throw new Error(`Interner Fehler: read_csv las ${n} Datensätze, die Zeilenprüfung ${source.records}.`);
		if (source.records - n > MAX_FAST_REJECTS(source.records)) return null;
		// A few rows failed a cast: read again, logging where they are (line_byte_position).
		await read(
			`, store_rejects=true, rejects_table='_rejects_${ctx.id}', rejects_scan='_reject_scans_${ctx.id}'`
		);
		n = await count();
		const rejectedAt = toRows<{ p: number }>(
			await engine.query(`SELECT DISTINCT line_byte_position AS p FROM _rejects_${ctx.id} ORDER BY p`)
		);
		rejected = [...new Set(rejectedAt.map((r) => recordAt(scan.starts, scan.records, r.p)))];
		if (n + rejected.length !== source.records) return null;
		step('fast_rejects');
	}

	// Source record of fast row k: k plus the rejected records before it.
	const recordOf = (k: number) => {
		let lo = 0;
		let hi = rejected.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (rejected[mid]! - 1 - mid < k) lo = mid + 1;
			else hi = mid;
		}
		return k + lo;
	};
	const breakpoints: number[] = [];
	if (rejected.length) {
		let k = 0;
		let j = 0;
		let b = 0;
		let offset = 0;
		let last = 0;
		for (let r = 1; r <= source.records; r++) {
			while (b < scan.breakpoints.length && scan.breakpoints[b]! <= r) {
				offset = scan.breakpoints[b + 1]!;
				b += 2;
			}
			if (rejected[j] === r) {
				j++;
				continue;
			}
			k++;
			const total = r - k + offset;
			if (total !== last) {
				breakpoints.push(k, total);
				last = total;
			}
		}
	} else breakpoints.push(...scan.breakpoints);

	const raw = (h: string) => `_fast.${ident(h)}`;
	const typed = (h: string) => types[h] !== 'VARCHAR';
	// Vocabulary columns: the spellings of the sample are mapped once (bound as parameters), then
	// joined; a spelling the sample lacks makes its row go the precise way. A DISTINCT over all rows
	// cost ~0.2 s per 1 M rows.
	const joins: string[] = [];
	const vocab = new Map<string, string>();
	for (const c of ctx.checked) {
		const h = mapping[c.name];
		if (!h || !c.vocabulary) continue;
		const t = `_vocab_${joins.length}`;
		const spellings = [...new Set(ctx.sampleOf(h).filter((v) => v !== ''))].slice(0, MAX_SPELLINGS);
		const bad = `v IS NOT NULL AND (${vocabularySql('v', c)}) IS NULL AND NOT ${isPlaceholderSql('v')}${required(c) ? ` OR (${vocabularySql('v', c)}) IS NULL` : ''}`;
		const values = spellings.length ? spellings.map(() => '(?)').join(', ') : '(NULL)';
		await engine.query(
			`CREATE OR REPLACE TEMP TABLE ${t} AS SELECT v, ${vocabularySql('v', c)} AS code, coalesce(${bad}, false) AS bad FROM (SELECT CAST(col0 AS VARCHAR) AS v FROM (VALUES ${values})) WHERE v IS NOT NULL`,
			spellings
		);
		cleanups.push(() => ctx.raw.exec(`DROP TABLE IF EXISTS ${t}`));
		joins.push(`LEFT JOIN ${t} ON ${t}.v = ${raw(h)}`);
		vocab.set(h, t);
	}

	step('vocabulary');

	const value = (c: ColumnDef, h: string): string => {
		if (c.vocabulary) return `${vocab.get(h)}.code`;
		if (isNumeric(c)) {
			const number = typed(h) ? raw(h) : numberSql(raw(h), ctx.styles[c.name] ?? 'de');
			return c.type === 'integer' ? `CAST(${number} AS INTEGER)` : number;
		}
		if (c.type === 'date')
			return typed(h) ? raw(h) : dateSql(raw(h), PERIOD_ENDS.has(c.name) ? 'end' : 'start');
		return textSql(raw(h));
	};
	const badConditions = ctx.checked.flatMap((c) => {
		const h = mapping[c.name];
		if (!h) return [];
		const out: string[] = [];
		if (c.vocabulary)
			out.push(
				`${vocab.get(h)}.bad`,
				`(${raw(h)} IS NOT NULL AND ${vocab.get(h)}.v IS NULL)`,
				...(required(c) ? [`${raw(h)} IS NULL`] : [])
			);
		else if (isNumeric(c)) {
			const number = typed(h) ? raw(h) : numberSql(raw(h), ctx.styles[c.name] ?? 'de');
			if (typed(h)) out.push(`NOT isfinite(${number})`);
			else out.push(`(NOT ${isPlaceholderSql(raw(h))} AND ${number} IS NULL)`);
			if (c.type === 'integer') out.push(`${number} % 1 <> 0`);
			if (required(c)) out.push(`${number} IS NULL`);
		} else if (c.type === 'date') {
			const date = value(c, h);
			out.push(typed(h) ? `year(${date}) < 1000` : `(NOT ${emptySql(raw(h))} AND ${date} IS NULL)`);
			if (required(c)) out.push(`${date} IS NULL`);
		} else if (required(c)) out.push(emptySql(raw(h)));
		return out;
	});
	const bad = badConditions.length ? `(${badConditions.join(' OR ')})` : 'false';
	// Typed columns first: most rows are not blank, and the first non-NULL typed cell decides that.
	const cells = headers.filter((h) => h !== TRAILING_COLUMN);
	const blank = [
		...cells.filter(typed).map((h) => `${raw(h)} IS NULL`),
		...cells.filter((h) => !typed(h)).map((h) => emptySql(raw(h)))
	].join(' AND ');
	const placeholderCells = def.columns
		.filter((c) => (c.type === 'number' || c.type === 'integer') && mapping[c.name])
		.map((c) => {
			const h = mapping[c.name]!;
			return `CAST(${typed(h) ? `${raw(h)} IS NULL` : isPlaceholderSql(raw(h))} AS INTEGER)`;
		});
	const trailing = headers.includes(TRAILING_COLUMN)
		? `min(${ROW}) FILTER (WHERE NOT ${emptySql(raw(TRAILING_COLUMN))})`
		: 'NULL';
	const from = `_fast ${joins.join(' ')}`;
	// Blank and bad rows are rare: one filtered pass collects them, totals come from cheap counts.
	const placeholderSum = placeholderCells.join(' + ') || '0';
	await engine.exec(
		`CREATE OR REPLACE TEMP TABLE _skip AS SELECT ${ROW} AS _row, ${blank} AS blank, ${placeholderSum} AS placeholders FROM ${from} WHERE (${blank}) OR ${bad}`
	);
	cleanups.push(() => ctx.raw.exec('DROP TABLE IF EXISTS _skip'));
	const [stats] = toRows<{ placeholders: number; trailing: number | null }>(
		await engine.query(
			`SELECT CAST(coalesce(sum(${placeholderSum}), 0) AS INTEGER) AS placeholders, ${trailing} AS trailing FROM _fast`
		)
	);
	if (stats!.trailing !== null) {
		const record = recordOf(stats!.trailing);
		throw trailingError(ctx, source.firstDataLine + record - 1 + offsetOf(scan.breakpoints, record));
	}
	const skipped = toRows<{ k: number; blank: boolean; placeholders: number }>(
		await engine.query('SELECT _row AS k, blank, placeholders FROM _skip ORDER BY 1')
	);
	const semantic = skipped.filter((r) => !r.blank).map((r) => recordOf(r.k));
	const blankRows = skipped.length - semantic.length;
	const badRecords = [...rejected, ...semantic].sort((a, b) => a - b);
	step('fast_checks');

	const lines = await linesJoin(ctx, { ...source, breakpoints }, '_fast', ROW, 'fast');
	cleanups.push(lines.cleanup);
	const expressions = def.columns.map((c) => {
		const name = ident(c.name);
		const h = mapping[c.name];
		if (!h) {
			if (c.name === 'value_status' && mapping.value) {
				const v = mapping.value;
				return `${typed(v) ? `CASE WHEN ${raw(v)} IS NULL THEN 'missing' ELSE 'ok' END` : valueStatusSql(raw(v))} AS ${name}`;
			}
			if (c.default === undefined) return `NULL AS ${name}`;
			return `${typeof c.default === 'string' ? literal(c.default) : String(c.default)} AS ${name}`;
		}
		const edge = c.name === 'period_end' && mapping.period_end === mapping.period_start && !typed(h);
		const parsed = edge ? dateSql(raw(h), 'end') : value(c, h);
		if (c.default !== undefined)
			return `coalesce(${parsed}, ${typeof c.default === 'string' ? literal(c.default) : String(c.default)}) AS ${name}`;
		return `${parsed} AS ${name}`;
	});
	const names = def.columns.map((c) => ident(c.name)).join(', ');
	// Most rows have no extra values: a constant '{}' for them saves building a string per row.
	const extra = ctx.extras.length
		? `CASE WHEN ${ctx.extras.map((h) => `${raw(h)} IS NULL`).join(' AND ')} THEN '{}' ELSE ${extrasSql(ctx.extras, raw)} END`
		: extrasSql(ctx.extras, raw);
	const insert = `INSERT INTO ${def.name} (${names}, _extra, _source_file, _source_line)
		SELECT ${expressions.join(', ')}, ${extra}, $FILE, CAST(${lines.line} AS INTEGER)
		FROM ${lines.from} ${joins.join(' ')}${skipped.length ? ` WHERE ${ROW} NOT IN (SELECT _row FROM _skip)` : ''}`;
	return {
		bad: badRecords,
		blank: blankRows,
		loaded: n - skipped.length,
		placeholders: stats!.placeholders - skipped.reduce((sum, r) => sum + r.placeholders, 0),
		insert
	};
}

const required = (c: ColumnDef) => c.required === true && c.default === undefined;

/**
 * A small CSV of the header and the given records' bytes, cut from the registered file, with
 * breakpoints that give each record its physical line in the original file.
 */
async function miniSource(
	ctx: Context,
	registered: string,
	scan: RecordScan,
	records: number[]
): Promise<Source> {
	const table = await ctx.engine.query(`SELECT content FROM read_blob(${literal(registered)})`);
	const content = table.getChild('content')!.get(0) as Uint8Array;
	const newline = new TextEncoder().encode(ctx.dialect.lineEnding === 'CRLF' ? '\r\n' : '\n');
	const parts: Uint8Array[] = [content.subarray(0, scan.starts[0])];
	const breakpoints: number[] = [];
	let last = 0;
	records.forEach((r, i) => {
		const part = content.subarray(scan.starts[r - 1], scan.starts[r]);
		parts.push(part);
		const end = part[part.length - 1];
		if (end !== 10 && end !== 13) parts.push(newline);
		const offset = r - (i + 1) + offsetOf(scan.breakpoints, r);
		if (offset !== last) {
			breakpoints.push(i + 1, offset);
			last = offset;
		}
	});
	const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		bytes.set(p, at);
		at += p.length;
	}
	const name = `ingest_${ctx.id}_rows.csv`;
	await ctx.engine.registerFile(name, bytes);
	return { name, records: records.length, firstDataLine: scan.firstDataLine, breakpoints };
}

/**
 * The precise path: every cell read as text into _stage, then parsed by the SQL of typing.ts
 * (placeholders, periods, vocabularies, both number styles) into _typed with its error list.
 */
async function preciseTyped(ctx: Context, source: Source, cleanups: (() => Promise<void>)[]): Promise<void> {
	const { engine, headers, def, mapping, checked, styles } = ctx;
	const types = Object.fromEntries(headers.map((h) => [h, 'VARCHAR']));
	try {
		await engine.exec(
			`CREATE OR REPLACE TEMP TABLE _stage AS SELECT row_number() OVER () AS _row, * FROM ${readCsvSql(ctx.dialect, source.name, types)}`
		);
	} catch (error) {
		if (ctx.signal?.aborted) throw error;
		const message = error instanceof Error ? error.message : String(error);
		throw new ImportError(`Die Datei ist kein gültiges CSV: ${message.split('\n')[0]}`);
	}
	const lines = await linesJoin(ctx, source, '_stage', '_stage._row', 'stage');
	cleanups.push(lines.cleanup);
	const [staged] = toRows<{ n: number; trailing: number | null }>(
		await engine.query(
			`SELECT count(*) AS n, ${headers.includes(TRAILING_COLUMN) ? `min(${lines.line}) FILTER (WHERE nullif(trim(${ident(TRAILING_COLUMN)}), '') IS NOT NULL)` : 'NULL'} AS trailing FROM ${lines.from}`
		)
	);
	if (staged!.n !== source.records)
		throw new Error(
			`Interner Fehler: read_csv las ${staged!.n} Datensätze, die Zeilenprüfung ${source.records}.`
		);
	if (staged!.trailing !== null) throw trailingError(ctx, staged!.trailing);
	throwIfAborted(ctx.signal);

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
	// Each mapped cell is parsed once (inner select); values and error checks read the result.
	const parsedCells = checked
		.filter((c) => mapping[c.name])
		.map((c) => `${innerParsedSql(c, ident(mapping[c.name]!), styles)} AS ${parsedIdent(c.name)}`);
	const inner = `SELECT _stage.*, ${lines.line} AS _line${parsedCells.map((p) => `, ${p}`).join('')} FROM ${lines.from} WHERE NOT (${blank})`;
	await engine.exec(
		`CREATE OR REPLACE TEMP TABLE _typed AS SELECT CAST(_line AS INTEGER) AS _line, ${expressions.join(', ')}, ${extrasSql(ctx.extras, ident)} AS _extra,
		 list_filter([${errors.join(', ') || 'NULL'}], e -> e IS NOT NULL) AS _errors,
		 ${placeholderCells.length ? placeholderCells.join(' + ') : '0'} AS _placeholders
		 FROM (${inner})`
	);
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
