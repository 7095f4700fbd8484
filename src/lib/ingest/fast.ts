import { ident, literal } from '../engine/sql';
import { toRows } from '../engine/rows';
import type { ColumnDef } from '../model';
import { numberOptions, type FastPlan } from './fasttypes';
import { valueStatusSql } from './precise';
import { TRAILING_COLUMN } from './prepare';
import {
	ambiguousRecords,
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
import type { StepTimer } from './timings';
import { sqlType } from './schema';
import type { StoredSource } from './store';
import { dateSql, extrasSql, isPlaceholderSql, numberSql, vocabularyValue } from './typing';

/** The file's rows as the fast read stored them, and the records it leaves to the precise path. */
export interface FastResult {
	source: StoredSource;
	/** Source records (1-based, ascending) the precise path reads: bad rows and records of empty cells. */
	bad: number[];
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

/**
 * Record number of a stored row: read_csv inserts in file order (one thread), and a rowid stays
 * with its row when others are deleted; cheaper than a row_number() column.
 */
const ROW = '(rowid + 1)';

/** The largest finite DOUBLE: a stored number beyond it is infinite or NaN (NaN sorts above all). */
const MAX_DOUBLE = '1.7976931348623157e308';

/** Stored for a vocabulary cell the sample's spellings do not cover: its row goes the precise way. */
const UNKNOWN = '?';

/**
 * SQL: the text cell is empty after trim (DuckDB's trim strips spaces only). Trims only cells that
 * start with a space: a trim of every cell made the checks of a 1 M-row file cost ~0.2 s.
 */
const emptySql = (x: string) => `(${x} IS NULL OR ${x} = '' OR (starts_with(${x}, ' ') AND trim(${x}) = ''))`;

/**
 * SQL: the text cell trimmed, NULL when empty (as the precise path reads text); trims only where
 * needed. read_csv reads an empty cell, quoted or not, as NULL already.
 */
const textSql = (x: string) =>
	`CASE WHEN starts_with(${x}, ' ') OR ends_with(${x}, ' ') THEN nullif(trim(${x}), '') ELSE ${x} END`;

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
	/** SQL: scalar subqueries counting the placeholder cells of the table, one per number column. */
	placeholderCounts: string[];
	/** SQL conditions: a stored row meeting any of them goes the precise way (see skipConditions). */
	skip: string[];
	hasTrailing: boolean;
	/** value_status derived from a text value cell at load (true), from the typed value in the view (false), or not derived (null). */
	statusStored: boolean | null;
	/** Text columns stored as read, untrimmed: no value of theirs was padded where the read was planned. */
	untrimmed: { header: string; column: string }[];
}

/**
 * The typed read: one read_csv, each column cast to its fast type, straight into the file's own
 * table (`_src_<id>`), with canonical values, the record number and whether the row is kept. It
 * needs the dialect and the sample only, so it may run while the record scan is still going.
 * `records` estimates the file's records (caps the reject log); `padded`: the scan's columns with
 * values padded by spaces (RecordScan.padded; of the head when the scan is still going), the only
 * text columns trimmed here (fastCheck trims the others when the whole file's scan finds some).
 * Null when the fast read cannot be used (then the whole file goes the precise way).
 */
export async function fastStore(
	ctx: Context,
	name: string,
	records: number,
	plan: FastPlan,
	padded: readonly number[],
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
	// Vocabulary cells are mapped by a CASE over the sample's spellings, worked out in JS; any other
	// spelling, and one the SQL would refuse, is stored as UNKNOWN and its row goes the precise way.
	// Spellings are literals, not parameters: a prepared statement could not be interrupted.
	const vocabularyTag = (c: ColumnDef, h: string): string => {
		const counts = new Map<string, number>();
		for (const v of ctx.sampleOf(h)) if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
		const whens: string[] = [];
		for (const [spelling] of [...counts].sort((x, y) => y[1] - x[1]).slice(0, MAX_SPELLINGS)) {
			const known = vocabularyValue(spelling, c);
			if (!known || (known.code === null && (!known.placeholder || required(c)))) continue;
			whens.push(`WHEN ${raw(h)} = ${literal(spelling)} THEN ${literal(known.code ?? '')}`);
		}
		return `CASE WHEN ${raw(h)} IS NULL THEN NULL ${whens.join(' ')} ELSE '${UNKNOWN}' END`;
	};
	const untrimmed: FastStored['untrimmed'] = [];
	const text = (c: ColumnDef, h: string): string => {
		if (padded.includes(headers.indexOf(h))) return textSql(raw(h));
		untrimmed.push({ header: h, column: c.name });
		return raw(h);
	};
	const untyped = (c: ColumnDef) =>
		(isNumeric(c) || (c.type === 'date' && !c.vocabulary)) && !typed(ctx.mapping[c.name]!);
	const value = (c: ColumnDef, h: string): string => {
		if (c.vocabulary) return vocabularyTag(c, h);
		if (isNumeric(c)) return typed(h) ? raw(h) : numberSql(raw(h), ctx.styles[c.name] ?? 'de');
		if (c.type === 'date')
			return typed(h) ? raw(h) : dateSql(raw(h), PERIOD_ENDS.has(c.name) ? 'end' : 'start');
		return text(c, h);
	};
	const mapped = def.columns.filter((c) => mapping[c.name]);
	// Cells the stored values cannot judge: text read as a number or date that is neither a value
	// nor a placeholder. Flagged at the read; everything else is checked on the stored values.
	const rawBad = ctx.checked
		.filter((c) => mapping[c.name] && untyped(c))
		.map((c) => {
			const h = mapping[c.name]!;
			return isNumeric(c)
				? `(NOT ${isPlaceholderSql(raw(h))} AND ${value(c, h)} IS NULL)`
				: `(NOT ${emptySql(raw(h))} AND ${value(c, h)} IS NULL)`;
		});
	const numberColumns = mapped.filter(isNumeric);
	// Placeholders of typed number columns are counted on the stored values (NULL); text ones here.
	const untypedNumbers = numberColumns.filter(untyped);
	const derivedStatus = !mapping.value_status && mapping.value;

	const relation = `_src_${ctx.id}`;
	const stored = [
		...mapped.map((c) => `${value(c, mapping[c.name]!)} AS ${ident(c.name)}`),
		...(derivedStatus && !typed(mapping.value!)
			? [`${valueStatusSql(raw(mapping.value!))} AS value_status`]
			: []),
		...ctx.extras.map((h, i) => `${raw(h)} AS ${extraColumn(i)}`),
		...(untypedNumbers.length
			? [
					`${untypedNumbers.map((c) => `CAST(${isPlaceholderSql(raw(mapping[c.name]!))} AS INTEGER)`).join(' + ')} AS _placeholders`
				]
			: []),
		...(rawBad.length ? [`${rawBad.join(' OR ')} AS _raw_bad`] : []),
		...(headers.includes(TRAILING_COLUMN) ? [`${raw(TRAILING_COLUMN)} AS _trailing`] : [])
	];
	const rejectsLimit = MAX_FAST_REJECTS(records) + 1;
	const options = `${numbers ? `, decimal_separator=${literal(decimal)}, thousands=${literal(thousands)}` : ''}${plan.dateformat ? `, dateformat=${literal(plan.dateformat)}` : ''}`;
	// Reject logging costs nothing while no row fails; capped, a file of bad rows is not logged whole.
	const logging = `, store_rejects=true, rejects_table='_rejects_${ctx.id}', rejects_scan='_reject_scans_${ctx.id}', rejects_limit=${rejectsLimit}`;
	const read = `${readCsvSql(ctx.dialect, name, types, options + logging)} r`;
	cleanups.push(() =>
		ctx.raw.exec(`DROP TABLE IF EXISTS _rejects_${ctx.id}; DROP TABLE IF EXISTS _reject_scans_${ctx.id};`)
	);
	try {
		await engine.exec(`CREATE OR REPLACE TABLE ${relation} AS SELECT ${stored.join(', ')} FROM ${read}`);
	} catch (error) {
		if (ctx.signal?.aborted) throw error;
		// Whatever read_csv refuses here, the precise path reports (or reads) in its own words.
		return null;
	}
	const typedNumbers = numberColumns.filter((c) => !untyped(c)).map((c) => ident(c.name));
	return {
		relation,
		placeholderSum:
			[
				...typedNumbers.map((col) => `CAST(${col} IS NULL AS INTEGER)`),
				...(untypedNumbers.length ? ['_placeholders'] : [])
			].join(' + ') || '0',
		placeholderCounts: [
			...typedNumbers.map((col) => `(SELECT count(*) FROM ${relation} WHERE ${col} IS NULL)`),
			...(untypedNumbers.length
				? [`(SELECT coalesce(sum(_placeholders), 0) FROM ${relation} WHERE _placeholders > 0)`]
				: [])
		],
		skip: skipConditions(ctx, mapped, untyped, rawBad.length > 0),
		hasTrailing: headers.includes(TRAILING_COLUMN),
		statusStored: derivedStatus ? !typed(mapping.value!) : null,
		untrimmed
	};
}

/**
 * Conditions over a stored row: meeting any, it goes the precise way, which tells records of empty
 * cells from bad rows and reads those in its own words. Blank: every cell empty (text read as a
 * number or date aside: the precise path judges those). Bad: a check the precise path would fail.
 * Each condition is on one column where it can be (an infinite or NaN number is one beyond the
 * largest finite DOUBLE, not NOT isfinite()), so DuckDB decides it from the column's statistics
 * (has nulls, min, max) when no row can meet it: on a clean file the checks read no rows.
 */
function skipConditions(
	ctx: Context,
	mapped: ColumnDef[],
	untyped: (c: ColumnDef) => boolean,
	rawBad: boolean
): string[] {
	const blank = [
		...mapped.filter((c) => !untyped(c)).map((c) => `${ident(c.name)} IS NULL`),
		...ctx.extras.map((_, i) => emptySql(extraColumn(i)))
	];
	const bad = ctx.checked.flatMap((c) => {
		if (!ctx.mapping[c.name]) return [];
		const col = ident(c.name);
		const out: string[] = [];
		if (c.vocabulary) {
			out.push(`${col} = '${UNKNOWN}'`);
			if (required(c)) out.push(`${col} IS NULL`, `${col} = ''`);
			return out;
		}
		if (isNumeric(c)) {
			if (!untyped(c)) out.push(`${col} > ${MAX_DOUBLE}`, `${col} < -${MAX_DOUBLE}`);
			if (c.type === 'integer') out.push(`${col} % 1 <> 0`);
		} else if (c.type === 'date' && !untyped(c)) out.push(`${col} < DATE '1000-01-01'`);
		if (required(c)) out.push(`${col} IS NULL`);
		return out;
	});
	if (rawBad) bad.push('_raw_bad');
	return [...(blank.length ? [`(${blank.join(' AND ')})`] : []), ...bad];
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
	timer: StepTimer,
	cleanups: (() => Promise<void>)[]
): Promise<FastResult | null> {
	const { engine } = ctx;
	const { relation, placeholderSum } = stored;
	const { records } = source;
	throwIfAborted(ctx.signal);
	// Padded values past the head the read was planned on: trimmed now, as the read would have.
	const late = stored.untrimmed.filter((u) => scan.padded.includes(ctx.headers.indexOf(u.header)));
	if (late.length) {
		const cols = late.map((u) => ident(u.column));
		await engine.exec(
			`UPDATE ${relation} SET ${cols.map((col) => `${col} = ${textSql(col)}`).join(', ')} WHERE ${cols.map((col) => `starts_with(${col}, ' ') OR ends_with(${col}, ' ')`).join(' OR ')}`
		);
	}
	// One statement of rows (kind, k, p): the row count and placeholders (kind 0), the first row
	// with a trailing cell (1), and the rows meeting each skip condition (2), one SELECT per
	// condition: an OR of them would read every row. Totals need no check (placeholders of skipped
	// rows are taken off afterwards); every count is filtered on one column, so a column without
	// placeholders or trailing cells is not read.
	const checks = toRows<{ kind: number; k: number | null; p: number }>(
		await engine.query(
			[
				`SELECT 0 AS kind, (SELECT count(*) FROM ${relation}) AS k, CAST(${stored.placeholderCounts.join(' + ') || '0'} AS BIGINT) AS p`,
				...(stored.hasTrailing
					? [
							`SELECT 1, (SELECT min(${ROW}) FROM ${relation} WHERE _trailing IS NOT NULL AND NOT ${emptySql('_trailing')}), 0`
						]
					: []),
				...stored.skip.map(
					(c) => `SELECT 2, ${ROW}, CAST(${placeholderSum} AS BIGINT) FROM ${relation} WHERE ${c}`
				)
			].join(' UNION ALL ')
		)
	);
	const stats = {
		n: checks.find((r) => r.kind === 0)!.k!,
		placeholders: checks.find((r) => r.kind === 0)!.p,
		trailing: checks.find((r) => r.kind === 1)?.k ?? null
	};
	// A row meeting two conditions is listed twice.
	const skippedRows = [...new Map(checks.filter((r) => r.kind === 2).map((r) => [r.k!, r.p])).entries()]
		.sort((a, b) => a[0] - b[0])
		.map(([k, placeholders]) => ({ k, placeholders }));
	const n = stats.n;
	let rejected: number[] = [];
	if (n !== records) {
		if (n > records) throw ambiguousRecords(records, n);
		if (records - n > MAX_FAST_REJECTS(records)) return null;
		timer.begin('fast_rejects');
		const rejectedAt = toRows<{ p: number }>(
			await engine.query(`SELECT DISTINCT line_byte_position AS p FROM _rejects_${ctx.id} ORDER BY p`)
		);
		rejected = [...new Set(rejectedAt.map((r) => recordAt(scan.starts, scan.records, r.p)))];
		if (n + rejected.length !== records) return null;
		timer.begin('fast_checks');
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
	if (stats.trailing !== null) {
		const record = recordOf(stats.trailing);
		throw trailingError(ctx, source.firstDataLine + record - 1 + offsetOf(scan.breakpoints, record));
	}
	const skipped = skippedRows.map((r) => recordOf(r.k));
	if (skipped.length) await engine.exec(`DELETE FROM ${relation} WHERE ${stored.skip.join(' OR ')}`);

	const breakpoints = storedBreakpoints(scan, records, rejected);
	let line = `${ROW} + ${source.firstDataLine - 1}`;
	if (breakpoints.length) {
		// Blank lines, multi-line cells or rows read_csv skipped: lines are looked up once and stored.
		const lines = await linesJoin(
			ctx,
			{ ...source, breakpoints },
			relation,
			`(${relation}.rowid + 1)`,
			'fast'
		);
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
		bad: [...rejected, ...skipped].sort((a, b) => a - b),
		loaded: n - skipped.length,
		placeholders: stats.placeholders - skippedRows.reduce((sum, r) => sum + r.placeholders, 0)
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
		if (ctx.mapping[c.name]) {
			// A vocabulary cell is stored as its code, '' for a total or placeholder spelling.
			const value = c.vocabulary ? `CAST(nullif(${ident(c.name)}, '') AS ${type})` : ident(c.name);
			expr = c.default === undefined ? value : `coalesce(${value}, ${defaultSql(c)})`;
		} else if (c.name === 'value_status' && statusStored !== null)
			expr = statusStored
				? ident('value_status')
				: `CASE WHEN ${ident('value')} IS NULL THEN 'missing' ELSE 'ok' END`;
		else expr = c.default === undefined ? 'NULL' : defaultSql(c);
		return `CAST(${expr} AS ${type}) AS ${ident(c.name)}`;
	});
	const extra = extrasSql(ctx.extras, (h) => extraColumn(ctx.extras.indexOf(h)));
	return `SELECT ${columns.join(', ')}, ${extra} AS _extra, ${literal(ctx.file)} AS _source_file, CAST(${line} AS INTEGER) AS _source_line FROM ${relation}`;
}
