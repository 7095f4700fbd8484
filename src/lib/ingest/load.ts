import type { Engine } from '../engine';
import { toRows } from '../engine/rows';
import { tableDef, type CanonicalTable } from '../model';
import type { Encoding } from './encoding';
import type { LineEnding } from './dialect';
import { fastRead } from './fast';
import { decideFastPlan, decideNumberStyle } from './fasttypes';
import { miniSource, preciseRejectsSql, preciseSource, preciseTyped } from './precise';
import { prepareCsv, TRAILING_COLUMN, type PreparedCsv } from './prepare';
import { CANCELLED, ImportError, isNumeric, throwIfAborted, type Context, type Source } from './read';
import { schemaSql } from './schema';
import { replaceSources } from './store';
import type { NumberStyle } from './typing';
import { stepTimer } from './timings';

export { CANCELLED, ImportError } from './read';

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

/** The engine with every exec interruptible by the signal (a running statement stops, not only the next). */
function withSignal(engine: Engine, signal: AbortSignal): Engine {
	return { ...engine, exec: (sql) => engine.exec(sql, signal) };
}

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
		file,
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
	// The file's own tables; dropped again unless the commit made them sources of the canonical view.
	let kept = false;
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
		const precise = fast === null || fast.bad.length > 0 ? await preciseSource(ctx) : null;
		step('precise');
		throwIfAborted(options.signal);

		const counts = precise?.counts ?? { rows_in: 0, loaded: 0, rejected: 0, placeholders: 0 };
		const loaded = counts.loaded + (fast?.loaded ?? 0);
		const sources = [...(fast ? [fast.source] : []), ...(precise ? [precise.source] : [])];
		const replaced = [...(options.replace === false ? [] : [file]), ...(options.replaceFiles ?? [])];
		await engine.exec('BEGIN TRANSACTION');
		try {
			await engine.exec(schemaSql());
			await replaceSources(ctx.engine, def.name, replaced, loaded ? { file, sources } : null);
			if (replaced.length)
				await engine.query(
					`DELETE FROM rejects WHERE source_file IN (${replaced.map(() => '?').join(', ')})`,
					replaced
				);
			if (precise) await ctx.engine.exec(preciseRejectsSql(file));
			throwIfAborted(options.signal);
			await engine.exec('COMMIT');
			kept = loaded > 0;
		} catch (error) {
			await engine.exec('ROLLBACK');
			throw error;
		}
		step('insert');

		report.rowsIn = counts.rows_in + (fast?.loaded ?? 0);
		report.rowsLoaded = loaded;
		report.rowsRejected = counts.rejected;
		report.placeholders = counts.placeholders + (fast?.placeholders ?? 0);
		report.rowsBlank = scan.blankLines + (fast?.blank ?? 0) + (precise ? slowRecords - counts.rows_in : 0);
		report.rejects = toRows<Reject>(
			await engine.query(
				'SELECT line, "column", value, reason FROM rejects WHERE source_file = ? ORDER BY line, rowid LIMIT 100',
				[file]
			)
		);
		step('report');
		report.timings = timings;
	} finally {
		await engine.exec('DROP TABLE IF EXISTS _stage; DROP TABLE IF EXISTS _typed;');
		if (!kept)
			await engine.exec(`DROP TABLE IF EXISTS _src_${ctx.id}; DROP TABLE IF EXISTS _src_${ctx.id}_p;`);
		for (const cleanup of cleanups) await cleanup();
		await engine.dropFile(registered);
	}
}
