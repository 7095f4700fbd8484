import { ident, literal } from '../engine/sql';
import { toRows } from '../engine/rows';
import type { ColumnDef } from '../model';
import { numberOptions, type FastPlan } from './fasttypes';
import { valueStatusSql } from './precise';
import { TRAILING_COLUMN } from './prepare';
import {
	defaultSql,
	isNumeric,
	linesJoin,
	offsetOf,
	PERIOD_ENDS,
	readCsvSql,
	required,
	throwIfAborted,
	trailingError,
	type Context,
	type Source
} from './read';
import type { RecordScan } from './scan';
import { sqlType } from './schema';
import type { StoredSource } from './store';
import { dateSql, extrasSql, isPlaceholderSql, numberSql, vocabularySql } from './typing';

/** The file's rows as the fast read stored them, and the records it leaves to the precise path. */
export interface FastResult {
	source: StoredSource;
	/** Source records (1-based, ascending) to re-read through the precise path. */
	bad: number[];
	/** Records of empty cells: not rows. */
	blank: number;
	/** Rows the fast read loads. */
	loaded: number;
	placeholders: number;
}

/**
 * Rows failing the fast casts beyond which the whole file is read the precise way: logging where
 * they are (store_rejects) costs ~25 µs per row, 5 s for 200 000 of 1 M rows.
 */
const MAX_FAST_REJECTS = (records: number) => Math.max(1000, Math.floor(records * 0.02));

/** Vocabulary spellings taken from the sample; a column with more is not a vocabulary in practice. */
const MAX_SPELLINGS = 500;

/** What a stored row is: loaded, a record of empty cells, or a row for the precise path. */
const KEEP = 0;
const BLANK = 1;
const BAD = 2;

/**
 * SQL: the text cell is empty after trim (DuckDB's trim strips spaces only). Trims only cells that
 * start with a space: a trim of every cell made the checks of a 1 M-row file cost ~0.2 s.
 */
const emptySql = (x: string) => `(${x} IS NULL OR ${x} = '' OR (starts_with(${x}, ' ') AND trim(${x}) = ''))`;

/** SQL: the text cell trimmed, NULL when empty (as the precise path reads text); trims only where needed. */
const textSql = (x: string) =>
	`CASE WHEN starts_with(${x}, ' ') OR ends_with(${x}, ' ') THEN nullif(trim(${x}), '') ELSE nullif(${x}, '') END`;

/** Stored name of the file's i-th extra column (headers may clash with canonical names). */
const extraColumn = (i: number) => `_x${i}`;

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

/** The file's table as the fast read wrote it, before the checks that need the record scan. */
export interface FastStored {
	relation: string;
	/** SQL: placeholder cells of a stored row. */
	placeholderSum: string;
	hasTrailing: boolean;
	/** value_status derived from a text value cell at load (true), from the typed value in the view (false), or not derived (null). */
	statusStored: boolean | null;
}

/**
 * The typed read: one read_csv, each column cast to its fast type, straight into the file's own
 * table (`_src_<id>`), with canonical values, the record number and whether the row is kept. It
 * needs the dialect and the sample only, so it may run while the record scan is still going.
 * `records` estimates the file's records (caps the reject log). Null when the fast read cannot be
 * used (then the whole file goes the precise way).
 */
export async function fastStore(
	ctx: Context,
	name: string,
	records: number,
	plan: FastPlan,
	step: (name: string) => void,
	cleanups: (() => Promise<void>)[]
): Promise<FastStored | null> {
	const { engine, headers, def, mapping } = ctx;
	const types: Record<string, string> = {};
	for (const h of headers) types[h] = plan.types[h] ?? 'VARCHAR';
	const { decimal, thousands } = numberOptions(plan.style);
	const numbers = Object.values(types).includes('DOUBLE');
	// read_csv refuses a decimal or thousands mark equal to the delimiter; such files go the precise way.
	if (numbers && (decimal === ctx.dialect.delimiter || thousands === ctx.dialect.delimiter)) return null;

	const raw = (h: string) => `r.${ident(h)}`;
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
	const bad = badConditions.length ? badConditions.join(' OR ') : 'false';
	// Typed columns first: most rows are not blank, and the first non-NULL typed cell decides that.
	const cells = headers.filter((h) => h !== TRAILING_COLUMN);
	const blank = [
		...cells.filter(typed).map((h) => `${raw(h)} IS NULL`),
		...cells.filter((h) => !typed(h)).map((h) => emptySql(raw(h)))
	].join(' AND ');
	const numberColumns = def.columns.filter((c) => isNumeric(c) && mapping[c.name]);
	// Placeholders of typed number columns are counted on the stored values (NULL); text ones here.
	const untypedNumbers = numberColumns.filter((c) => !typed(mapping[c.name]!));
	const derivedStatus = !mapping.value_status && mapping.value;

	const relation = `_src_${ctx.id}`;
	const stored = [
		...def.columns
			.filter((c) => mapping[c.name])
			.map((c) => `${value(c, mapping[c.name]!)} AS ${ident(c.name)}`),
		...(derivedStatus && !typed(mapping.value!)
			? [`${valueStatusSql(raw(mapping.value!))} AS value_status`]
			: []),
		...ctx.extras.map((h, i) => `${raw(h)} AS ${extraColumn(i)}`),
		...(untypedNumbers.length
			? [
					`${untypedNumbers.map((c) => `CAST(${isPlaceholderSql(raw(mapping[c.name]!))} AS INTEGER)`).join(' + ')} AS _placeholders`
				]
			: []),
		...(headers.includes(TRAILING_COLUMN) ? [`${raw(TRAILING_COLUMN)} AS _trailing`] : []),
		'r._row',
		`CAST(CASE WHEN ${blank} THEN ${BLANK} WHEN ${bad} THEN ${BAD} ELSE ${KEEP} END AS UTINYINT) AS _skip`
	];
	const rejectsLimit = MAX_FAST_REJECTS(records) + 1;
	const options = `${numbers ? `, decimal_separator=${literal(decimal)}, thousands=${literal(thousands)}` : ''}${plan.dateformat ? `, dateformat=${literal(plan.dateformat)}` : ''}`;
	// Reject logging costs nothing while no row fails; capped, a file of bad rows is not logged whole.
	const logging = `, store_rejects=true, rejects_table='_rejects_${ctx.id}', rejects_scan='_reject_scans_${ctx.id}', rejects_limit=${rejectsLimit}`;
	// The record number comes from read_csv's order (one thread), before any join could reorder rows.
	const read = `(SELECT *, row_number() OVER () AS _row FROM ${readCsvSql(ctx.dialect, name, types, options + logging)}) r`;
	cleanups.push(() =>
		ctx.raw.exec(`DROP TABLE IF EXISTS _rejects_${ctx.id}; DROP TABLE IF EXISTS _reject_scans_${ctx.id};`)
	);
	try {
		await engine.exec(
			`CREATE OR REPLACE TABLE ${relation} AS SELECT ${stored.join(', ')} FROM ${read} ${joins.join(' ')}`
		);
	} catch (error) {
		if (ctx.signal?.aborted) throw error;
		// Whatever read_csv refuses here, the precise path reports (or reads) in its own words.
		return null;
	}
	step('fast_read');
	const typedPlaceholders = numberColumns
		.filter((c) => typed(mapping[c.name]!))
		.map((c) => `CAST(${ident(c.name)} IS NULL AS INTEGER)`);
	return {
		relation,
		placeholderSum:
			[...typedPlaceholders, ...(untypedNumbers.length ? ['_placeholders'] : [])].join(' + ') || '0',
		hasTrailing: headers.includes(TRAILING_COLUMN),
		statusStored: derivedStatus ? !typed(mapping.value!) : null
	};
}

/**
 * The checks of the stored rows against the record scan. Rows read_csv could not cast are located
 * with the reject log; rows failing a check the precise path would make (a required value missing,
 * an unknown vocabulary value, a fraction in an integer column, a two-digit year) join them in
 * `bad` and leave the table. Null when the fast read cannot be used after all.
 */
export async function fastCheck(
	ctx: Context,
	stored: FastStored,
	source: Source,
	scan: RecordScan,
	step: (name: string) => void,
	cleanups: (() => Promise<void>)[]
): Promise<FastResult | null> {
	const { engine } = ctx;
	const { relation, placeholderSum } = stored;
	const { records } = source;
	throwIfAborted(ctx.signal);
	const [stats] = toRows<{ n: number; placeholders: number; trailing: number | null }>(
		await engine.query(
			`SELECT count(*) AS n, CAST(coalesce(sum(${placeholderSum}) FILTER (WHERE _skip = ${KEEP}), 0) AS INTEGER) AS placeholders,
			 ${stored.hasTrailing ? `min(_row) FILTER (WHERE NOT ${emptySql('_trailing')})` : 'NULL'} AS trailing FROM ${relation}`
		)
	);
	const n = stats!.n;
	let rejected: number[] = [];
	if (n !== records) {
		if (n > records)
			throw new Error(`Interner Fehler: read_csv las ${n} Datensätze, die Zeilenprüfung ${records}.`);
		if (records - n > MAX_FAST_REJECTS(records)) return null;
		const rejectedAt = toRows<{ p: number }>(
			await engine.query(`SELECT DISTINCT line_byte_position AS p FROM _rejects_${ctx.id} ORDER BY p`)
		);
		rejected = [...new Set(rejectedAt.map((r) => recordAt(scan.starts, scan.records, r.p)))];
		if (n + rejected.length !== records) return null;
		step('fast_rejects');
	}

	// Source record of stored row k: k plus the rejected records before it.
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
	if (stats!.trailing !== null) {
		const record = recordOf(stats!.trailing);
		throw trailingError(ctx, source.firstDataLine + record - 1 + offsetOf(scan.breakpoints, record));
	}
	const skipped = toRows<{ k: number; skip: number }>(
		await engine.query(`SELECT _row AS k, _skip AS skip FROM ${relation} WHERE _skip <> ${KEEP} ORDER BY 1`)
	);
	const semantic = skipped.filter((r) => r.skip === BAD).map((r) => recordOf(r.k));
	if (skipped.length) await engine.exec(`DELETE FROM ${relation} WHERE _skip <> ${KEEP}`);
	step('fast_checks');

	const breakpoints = storedBreakpoints(scan, records, rejected);
	let line = `_row + ${source.firstDataLine - 1}`;
	if (breakpoints.length) {
		// Blank lines, multi-line cells or rows read_csv skipped: lines are looked up once and stored.
		const lines = await linesJoin(ctx, { ...source, breakpoints }, relation, `${relation}._row`, 'fast');
		cleanups.push(lines.cleanup);
		await engine.exec(
			`CREATE OR REPLACE TABLE ${relation}_lines AS SELECT ${relation}.*, CAST(${lines.line} AS INTEGER) AS _line FROM ${lines.from}`
		);
		await engine.exec(`DROP TABLE ${relation}; ALTER TABLE ${relation}_lines RENAME TO ${relation}`);
		line = '_line';
	}
	return {
		source: {
			relation,
			select: viewSelect(ctx, relation, line, stored.statusStored)
		},
		bad: [...rejected, ...semantic].sort((a, b) => a - b),
		blank: skipped.length - semantic.length,
		loaded: n - skipped.length,
		placeholders: stats!.placeholders
	};
}

/**
 * (record, offset) pairs of the stored rows: record k of the table is source record recordOf(k),
 * so the rows read_csv skipped shift the lines of the rows after them.
 */
function storedBreakpoints(scan: RecordScan, records: number, rejected: number[]): number[] {
	if (!rejected.length) return scan.breakpoints;
	const breakpoints: number[] = [];
	let k = 0;
	let j = 0;
	let b = 0;
	let offset = 0;
	let last = 0;
	for (let r = 1; r <= records; r++) {
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
	return breakpoints;
}

/**
 * The view's SELECT of a fast source: stored values, defaults and the file name as constants, the
 * extra columns as JSON text (built only when a query asks for them). `statusStored`: value_status
 * was derived from a text value cell at load (true), or is derived here from the typed value (false).
 */
function viewSelect(ctx: Context, relation: string, line: string, statusStored: boolean | null): string {
	const columns = ctx.def.columns.map((c) => {
		const type = sqlType(c.type);
		let expr: string;
		if (ctx.mapping[c.name])
			expr = c.default === undefined ? ident(c.name) : `coalesce(${ident(c.name)}, ${defaultSql(c)})`;
		else if (c.name === 'value_status' && statusStored !== null)
			expr = statusStored
				? ident('value_status')
				: `CASE WHEN ${ident('value')} IS NULL THEN 'missing' ELSE 'ok' END`;
		else expr = c.default === undefined ? 'NULL' : defaultSql(c);
		return `CAST(${expr} AS ${type}) AS ${ident(c.name)}`;
	});
	const extra = extrasSql(ctx.extras, (h) => extraColumn(ctx.extras.indexOf(h)));
	return `SELECT ${columns.join(', ')}, ${extra} AS _extra, ${literal(ctx.file)} AS _source_file, CAST(${line} AS INTEGER) AS _source_line FROM ${relation}`;
}
