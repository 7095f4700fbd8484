import type { Engine } from '../engine';
import { literal } from '../engine/sql';
import type { ColumnDef, TableDef } from '../model';
import type { Dialect } from './dialect';
import type { NumberStyle } from './typing';

/** What the fast and the precise read of one import share. */
export interface Context {
	/** Runs statements the cancel signal interrupts. */
	engine: Engine;
	/** The same connection without the signal: cleanup and ROLLBACK must run after a cancel too. */
	raw: Engine;
	id: number;
	/** Name kept in `_source_file`. */
	file: string;
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

/** A CSV held by DuckDB: its registered name and how its records map to physical lines. */
export interface Source {
	name: string;
	records: number;
	firstDataLine: number;
	/** As RecordScan.breakpoints: (record, offset) pairs where the line offset changes. */
	breakpoints: number[];
}

/** Why a file cannot be imported at all; nothing of it is loaded. */
export class ImportError extends Error {}

/** The import was cancelled by the user; nothing of it is loaded. */
export const CANCELLED = 'Import abgebrochen: es wurde nichts geladen.';

export function throwIfAborted(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new ImportError(CANCELLED);
}

export const trailingError = (ctx: Context, line: number) =>
	new ImportError(
		`Zeile ${line}: Die letzte Spalte (Spalte ${ctx.headers.length}) hat keine Überschrift, enthält aber Werte.`
	);

/**
 * read_csv and the record scan split the file into different records: the file's structure is
 * ambiguous (mixed line ends with a stray quote, say), so it is refused rather than half-read.
 */
export const ambiguousRecords = (scanned: number, read: number) =>
	new ImportError(
		`Die Datei lässt sich nicht eindeutig in Datensätze teilen (Zeilenprüfung: ${scanned}, CSV-Leser: ${read}). Meist liegt das an uneinheitlichen Zeilenenden oder an einem Anführungszeichen mitten in einem Wert.`
	);

export const required = (c: ColumnDef) => c.required === true && c.default === undefined;

export const isNumeric = (c: ColumnDef) => (c.type === 'number' || c.type === 'integer') && !c.vocabulary;

export const PERIOD_ENDS = new Set(['period_end', 'end_date']);

/** SQL literal of a column's default, as the view and the precise path write it. */
export const defaultSql = (c: ColumnDef) =>
	typeof c.default === 'string' ? literal(c.default) : String(c.default);

/** read_csv of a registered file with the file's dialect and explicit column types, no sniffing. */
export function readCsvSql(
	dialect: Dialect,
	name: string,
	types: Record<string, string>,
	extra = ''
): string {
	const columns = Object.entries(types)
		.map(([h, t]) => `${literal(h)}: ${literal(t)}`)
		.join(', ');
	return `read_csv(${literal(name)}, auto_detect=false, header=${dialect.hasHeader}, delim=${literal(dialect.delimiter)}, quote='"', escape='"', new_line=${literal(dialect.lineEnding === 'CRLF' ? '\\r\\n' : '\\n')}, columns={${columns}}${extra})`;
}

/**
 * Registers a source's line breakpoints (if any) and returns the FROM clause and line expression
 * giving the physical line of record `row` of `table`.
 */
export async function linesJoin(
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

/** Line offset of a record from RecordScan.breakpoints. */
export function offsetOf(breakpoints: number[], record: number): number {
	let offset = 0;
	for (let i = 0; i < breakpoints.length && breakpoints[i]! <= record; i += 2) offset = breakpoints[i + 1]!;
	return offset;
}
