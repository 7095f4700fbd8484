import { ident, literal } from '../engine/sql';
import { toRows } from '../engine/rows';
import { PLACEHOLDERS, type ColumnDef } from '../model';
import { TRAILING_COLUMN } from './prepare';
import type { RecordScan } from './scan';
import { tableColumns } from './schema';
import type { StoredSource } from './store';
import {
	dateSql,
	extrasSql,
	isPlaceholderSql,
	numberSql,
	vocabularyHint,
	vocabularySql,
	type NumberStyle
} from './typing';
import {
	defaultSql,
	ambiguousRecords,
	ImportError,
	linesJoin,
	offsetOf,
	PERIOD_ENDS,
	readCsvSql,
	throwIfAborted,
	trailingError,
	type Context,
	type Source
} from './read';

/**
 * A small CSV of the header and the given records' bytes, cut from the registered file, with
 * breakpoints that give each record its physical line in the original file.
 */
export async function miniSource(
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
export async function preciseTyped(
	ctx: Context,
	source: Source,
	cleanups: (() => Promise<void>)[]
): Promise<void> {
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
	if (staged!.n !== source.records) throw ambiguousRecords(source.records, staged!.n);
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
		return `${defaultSql(column)} AS ${name}`;
	}
	const parsed = parsedSql(column);
	if (column.default !== undefined) return `coalesce(${parsed}, ${defaultSql(column)}) AS ${name}`;
	return `${parsed} AS ${name}`;
}

/** value_status from the placeholder written in the value cell (DIN 55301 and agency practice). */
export function valueStatusSql(raw: string): string {
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

/** Counts of the precise read in `_typed`. */
export interface PreciseCounts {
	rows_in: number;
	loaded: number;
	rejected: number;
	placeholders: number;
}

/**
 * Keeps the rows of `_typed` without errors as the file's precise source table and returns their
 * counts; the rejected ones go to `rejects` in the import's transaction (preciseRejectsSql).
 */
export async function preciseSource(ctx: Context): Promise<{ source: StoredSource; counts: PreciseCounts }> {
	const relation = `_src_${ctx.id}_p`;
	const columns = tableColumns(ctx.def).filter((c) => c.name !== '_source_file' && c.name !== '_source_line');
	await ctx.engine.exec(
		`CREATE OR REPLACE TABLE ${relation} AS SELECT ${columns.map((c) => ident(c.name)).join(', ')}, _line FROM _typed WHERE len(_errors) = 0`
	);
	const [counts] = toRows<PreciseCounts>(
		await ctx.engine.query(
			`SELECT count(*) AS rows_in, count(*) FILTER (WHERE len(_errors) = 0) AS loaded,
			 count(*) FILTER (WHERE len(_errors) > 0) AS rejected, CAST(coalesce(sum(_placeholders) FILTER (WHERE len(_errors) = 0), 0) AS INTEGER) AS placeholders FROM _typed`
		)
	);
	const select = `SELECT ${columns.map((c) => ident(c.name)).join(', ')}, ${literal(ctx.file)} AS _source_file, _line AS _source_line FROM ${relation}`;
	return { source: { relation, select }, counts: counts! };
}

/** SQL: the rejected cells of `_typed` into `rejects`. */
export const preciseRejectsSql = (file: string) =>
	`INSERT INTO rejects SELECT ${literal(file)}, _line, e.column, e.value, e.reason FROM (SELECT _line, unnest(_errors) AS e FROM _typed WHERE len(_errors) > 0)`;
