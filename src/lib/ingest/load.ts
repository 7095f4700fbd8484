import { Interrupted, type Engine } from '../engine';
import { toRows } from '../engine/rows';
import { literal } from '../engine/sql';
import { tableDef, type CanonicalTable } from '../model';
import type { Encoding } from './encoding';
import type { LineEnding } from './dialect';
import { fastCheck, fastStore, type FastStored } from './fast';
import { decideFastPlan, decideNumberStyle } from './fasttypes';
import { miniSource, preciseRejectsSql, preciseSource, preciseTyped } from './precise';
import { prepareCsv, sameBasis, TRAILING_COLUMN, type PreparedCsv } from './prepare';
import { CANCELLED, ImportError, isNumeric, throwIfAborted, type Context, type Source } from './read';
import { schemaSql } from './schema';
import { listSourcesSql, replaceSourcesSql, type ListedSource } from './store';
import type { NumberStyle } from './typing';
import { stepTimer, type StepTimer } from './timings';
import type { SkippedLine } from './table';
import type { RaggedReject } from './ragged';

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
	/** Lines before and after the table (preamble, footer; header rows aside): skipped, not rows. */
	rowsSkipped: number;
	/** Those lines and the upper header rows merged into the header, each with the reason. */
	skipped: SkippedLine[];
	/** What was read differently from how the file writes it (imperfect headers, trailing delimiters). */
	warnings: string[];
	/** Cells holding a statistics placeholder (-, ., *, k.A., empty …): loaded as NULL/0, not errors. */
	placeholders: number;
	/** The first 100 rejected cells, by line. */
	rejects: Reject[];
	/** The import failed for a reason of ours, not of the file (the CLI exits with 2). */
	internal?: boolean;
	/** Milliseconds per load step (register, fast_read, wait, fast_checks, fast_rejects, precise, insert, report). */
	timings?: Record<string, number>;
	/**
	 * A cancelled load: the step whose running statement the cancel interrupted (DuckDB stopped it
	 * midway). Unset when the cancel came between statements and the load stopped before its next.
	 */
	interrupted?: string;
}

/** How a prepared file is loaded: which table, which header goes to which canonical column. */
export interface LoadOptions {
	/** Force the target table instead of the best guess. */
	table?: CanonicalTable;
	/** canonical column → file header; replaces the guessed mapping (manual mapping, presets). */
	mapping?: Record<string, string>;
	/**
	 * Values for columns the file does not have, over the table's defaults (the feedback scale a
	 * header such as "Antwort (1-5)" states). Without it, the guess's own apply.
	 */
	defaults?: Record<string, string | number | boolean>;
	/** Replace rows previously loaded from a file of the same name. Default true. */
	replace?: boolean;
	/** Further source files whose rows in the same table this import replaces (e.g. sample data). */
	replaceFiles?: string[];
	/**
	 * Cancels the load: an abort before the commit interrupts the running statement, and the data
	 * stays as it was. The commit itself is not interrupted: after it, the file is loaded.
	 */
	signal?: AbortSignal;
	/** Hears each step of the load as it begins (register, fast_read, …, insert, report). */
	onStep?: (step: string) => void;
}

export interface ImportOptions extends LoadOptions {
	/** Name shown to the user and kept in `_source_file`. */
	file: string;
	bytes: Uint8Array;
	sizeLimit?: number;
}

let fileCounter = 0;

/**
 * Makes later loads name their tables past these (`_src_<id>`, `_src_<id>_p`): tables restored
 * from a snapshot keep the names their SELECTs refer to, and a new load must not replace one.
 */
export function reserveSourceIds(relations: readonly string[]): void {
	for (const relation of relations) {
		const id = /^_src_(\d+)/.exec(relation)?.[1];
		if (id) fileCounter = Math.max(fileCounter, Number(id));
	}
}

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
		rowsSkipped: prepared.rowsSkipped ?? 0,
		skipped: prepared.skipped ?? [],
		warnings: prepared.warnings ?? [],
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
	const timer = stepTimer(options.onStep);
	return settle(report, options, timer, async () =>
		finish(await stage(engine, prepared, options, report, timer), prepared, options)
	);
}

/** A load begun on a file's head (prepareHead): its table written, the checks still to come. */
export interface StagedLoad {
	engine: Engine;
	report: ImportReport;
	/** What the stage was built from: the file's head, or the whole prepared file. */
	basis: PreparedCsv;
	ctx: Context;
	registered: string;
	fast: FastStored | null;
	cleanups: (() => Promise<void>)[];
	timer: StepTimer;
	/** A cancel stopped the stage (its tables are dropped): finishLoad reports the cancel. */
	stopped?: boolean;
	/** discard ran: what the stage made is gone. */
	discarded?: boolean;
}

/**
 * Starts loading a file from its head while the whole file is still being scanned: the file's
 * bytes from the head's `bodyOffset` on (or the picked file itself when that is 0) are registered
 * and read into its table. Null when that cannot start; finishLoad then loads the whole prepared
 * file the usual way and reports whatever went wrong in its own words. A stage a cancel stopped is
 * returned `stopped`: the load ends there, and finishLoad reports the step the cancel stopped.
 */
export async function stageLoad(
	engine: Engine,
	head: PreparedCsv,
	body: Uint8Array | Blob,
	options: LoadOptions = {}
): Promise<StagedLoad | null> {
	const timer = stepTimer(options.onStep);
	const staging: { staged?: StagedLoad } = {};
	try {
		return body instanceof Uint8Array
			? await stage(engine, { ...head, utf8: body }, options, emptyReport(head), timer, undefined, staging)
			: await stage(engine, head, options, emptyReport(head), timer, body, staging);
	} catch {
		if (!options.signal?.aborted || !staging.staged) return null;
		staging.staged.stopped = true;
		return staging.staged;
	}
}

/**
 * Completes a staged load with the whole prepared file (`options` as for loadPrepared; the stage's
 * cancel signal still applies). When the whole file is other than its head said (encoding,
 * dialect, sample, a refusal), the staged table is dropped and the file loads from scratch: the
 * result never depends on the head.
 */
export async function finishLoad(
	engine: Engine,
	staged: StagedLoad | null,
	full: PreparedCsv,
	options: LoadOptions = {}
): Promise<ImportReport> {
	if (staged?.stopped || (staged && sameBasis(staged.basis, full))) {
		return settle(staged.report, options, staged.timer, () => finish(staged, full, options));
	}
	if (staged) await discard(staged);
	return loadPrepared(engine, full, options);
}

/** Drops a staged load that will not be finished (cancelled, or loaded with another mapping). */
export function discardLoad(staged: StagedLoad): Promise<void> {
	return discard(staged);
}

/**
 * Runs a load and fills in the report's outcome: ok, or the error in words and whose it is; for a
 * cancel, the steps it got through and the one whose running statement it interrupted.
 */
async function settle(
	report: ImportReport,
	options: LoadOptions,
	timer: StepTimer,
	load: () => Promise<void>
): Promise<ImportReport> {
	try {
		await load();
		report.ok = true;
	} catch (error) {
		// A cancel may surface as whatever error the interrupted statement gave.
		if (options.signal?.aborted) {
			report.error = CANCELLED;
			timer.end();
			report.timings = timer.timings;
			if (timer.interrupted) report.interrupted = timer.interrupted;
		} else {
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
): {
	table: CanonicalTable;
	confidence: number;
	mapping: Record<string, string>;
	defaults: Record<string, string | number | boolean>;
} {
	const guesses = prepared.guesses!;
	const guess = (options.table && guesses.find((g) => g.table === options.table)) || guesses[0]!;
	const mapping = { ...(options.mapping ?? guess.mapping) };
	// The scale a header states holds while that header is still the answer column.
	const stated = guess.defaults && (!options.mapping || options.mapping.answer === guess.mapping.answer);
	const defaults = options.defaults ?? (stated ? guess.defaults! : {});
	// One period column ("Quartal", "Jahr") gives both ends of the period, as in guessTables.
	if (
		tableDef(guess.table).columns.some((c) => c.name === 'period_end') &&
		!mapping.period_end &&
		mapping.period_start
	)
		mapping.period_end = mapping.period_start;
	return { table: guess.table, confidence: options.mapping ? 1 : guess.confidence, mapping, defaults };
}

/**
 * The engine with every exec and query interruptible by the signal (a running statement stops, not
 * only the next); an interrupted statement is noted as the running step's.
 */
function withSignal(engine: Engine, signal: AbortSignal, timer: StepTimer): Engine {
	const noted = <T>(run: Promise<T>): Promise<T> =>
		run.catch((error: unknown) => {
			if (error instanceof Interrupted) timer.interrupt();
			throw error;
		});
	return {
		...engine,
		exec: (sql, _signal, params) => noted(engine.exec(sql, signal, params)),
		query: (sql, params) => noted(engine.query(sql, params, signal))
	};
}

/**
 * The first half of a load: mapping checked, the file registered and its fast table written.
 * Needs the dialect and the sample only, so it may start from the file's head (prepareHead).
 */
async function stage(
	engine: Engine,
	prepared: PreparedCsv,
	options: LoadOptions,
	report: ImportReport,
	timer: StepTimer,
	picked?: Blob,
	out: { staged?: StagedLoad } = {}
): Promise<StagedLoad> {
	const dialect = prepared.dialect!;
	const scan = prepared.scan!;
	const file = prepared.file;
	const { table, confidence, mapping, defaults } = resolveMapping(prepared, options);
	report.table = table;
	report.confidence = confidence;
	const base = tableDef(table);
	const def = {
		...base,
		columns: base.columns.map((c) =>
			defaults[c.name] !== undefined && !mapping[c.name] ? { ...c, default: defaults[c.name] } : c
		)
	};
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
		engine: options.signal ? withSignal(engine, options.signal, timer) : engine,
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

	const staged: StagedLoad = {
		engine,
		report,
		basis: prepared,
		ctx,
		registered: `ingest_${ctx.id}.csv`,
		fast: null,
		cleanups: [],
		timer
	};
	out.staged = staged;
	try {
		timer.begin('register');
		if (picked) await engine.registerBlob(staged.registered, picked);
		else await engine.registerFile(staged.registered, prepared.utf8!);
		timer.begin('fast_read');
		// A head's scan covers part of the file: its records per byte estimate the whole.
		const records = prepared.partial
			? Math.ceil((scan.records * prepared.size) / scan.starts[scan.records]!)
			: scan.records;
		staged.fast = await fastStore(ctx, staged.registered, records, plan, scan.padded, staged.cleanups);
		// Until finish: the whole file's scan still going after a load staged from its head.
		timer.begin('wait');
	} catch (error) {
		await discard(staged);
		throw error;
	}
	return staged;
}

/**
 * The second half: the fast table checked against the whole file's record scan, bad rows re-read
 * the precise way, then one transaction makes the file's tables the sources of its canonical
 * table (replacing earlier rows of the same files) and adds the rejects.
 */
async function finish(staged: StagedLoad, prepared: PreparedCsv, options: LoadOptions): Promise<void> {
	const { engine, report, ctx, registered, cleanups, timer } = staged;
	const scan = prepared.scan!;
	const file = prepared.file;
	const whole: Source = {
		name: registered,
		records: scan.records,
		firstDataLine: scan.firstDataLine,
		breakpoints: scan.breakpoints
	};
	let kept = false;
	try {
		if (staged.stopped) throw new ImportError(CANCELLED);
		throwIfAborted(options.signal);
		timer.begin('fast_checks');
		const fast = staged.fast && (await fastCheck(ctx, staged.fast, whole, scan, timer, cleanups));
		timer.begin('precise');
		let slowRecords = scan.records;
		if (fast?.bad.length) {
			const mini = await miniSource(ctx, registered, scan, fast.bad);
			cleanups.push(() => engine.dropFile(mini.name));
			throwIfAborted(options.signal);
			slowRecords = mini.records;
			await preciseTyped(ctx, mini, cleanups);
		} else if (!fast) await preciseTyped(ctx, whole, cleanups);
		const precise = !fast || fast.bad.length > 0 ? await preciseSource(ctx) : null;
		throwIfAborted(options.signal);

		const counts = precise?.counts ?? { rows_in: 0, loaded: 0, rejected: 0, placeholders: 0 };
		const ragged = prepared.raggedRejects ?? [];
		const loaded = counts.loaded + (fast?.loaded ?? 0);
		const sources = [...(fast ? [fast.source] : []), ...(precise ? [precise.source] : [])];
		const replaced = [...(options.replace === false ? [] : [file]), ...(options.replaceFiles ?? [])];
		// Three round trips to the engine: what the table lists, the changes as one batch, the commit.
		// A cancel interrupts the first two; the commit runs to its end (ROLLBACK and COMMIT go to
		// the engine without the signal).
		timer.begin('insert');
		await engine.exec('BEGIN TRANSACTION');
		try {
			const listed = toRows<ListedSource>(
				await ctx.engine.query(`${schemaSql()}\n${listSourcesSql(ctx.def.name)}`)
			);
			await ctx.engine.exec(
				[
					replaceSourcesSql(ctx.def.name, listed, replaced, loaded ? { file, sources } : null),
					...(replaced.length
						? [`DELETE FROM rejects WHERE source_file IN (${replaced.map(literal).join(', ')})`]
						: []),
					...(counts.rejected ? [preciseRejectsSql(file)] : []),
					...(ragged.length ? [raggedRejectsSql(file, ragged)] : [])
				].join(';\n')
			);
			throwIfAborted(options.signal);
			await engine.exec('COMMIT');
			kept = loaded > 0;
		} catch (error) {
			await engine.exec('ROLLBACK');
			throw error;
		}
		timer.begin('report');

		report.rowsIn = counts.rows_in + (fast?.loaded ?? 0) + ragged.length;
		report.rowsLoaded = loaded;
		report.rowsRejected = counts.rejected + ragged.length;
		report.placeholders = counts.placeholders + (fast?.placeholders ?? 0);
		report.rowsBlank =
			scan.blankLines - (prepared.blankedLines ?? 0) + (precise ? slowRecords - counts.rows_in : 0);
		// Only the precise path and the ragged rows reject rows; without them the file has none listed.
		report.rejects = report.rowsRejected
			? toRows<Reject>(
					await engine.query(
						'SELECT line, "column", value, reason FROM rejects WHERE source_file = ? ORDER BY line, rowid LIMIT 100',
						[file]
					)
				)
			: [];
		timer.end();
		report.timings = timer.timings;
	} finally {
		await discard(staged, kept);
	}
}

/** SQL: the rows rejected for their field count into `rejects`, the row as written as the value. */
function raggedRejectsSql(file: string, ragged: RaggedReject[]): string {
	const rows = ragged.map(
		(r) =>
			`(${literal(file)}, ${r.line}, '', ${literal(r.text)}, ${literal(`Die Zeile hat ${r.fields} statt ${r.expected} Spalten`)})`
	);
	return `INSERT INTO rejects VALUES ${rows.join(', ')}`;
}

/** Drops what a load made for itself; the file's tables too unless they became sources. */
async function discard(staged: StagedLoad, kept = false): Promise<void> {
	if (staged.discarded) return;
	staged.discarded = true;
	const { engine, ctx } = staged;
	await engine.exec('DROP TABLE IF EXISTS _stage; DROP TABLE IF EXISTS _typed;');
	if (!kept) await engine.exec(`DROP TABLE IF EXISTS _src_${ctx.id}; DROP TABLE IF EXISTS _src_${ctx.id}_p;`);
	for (const cleanup of staged.cleanups.splice(0)) await cleanup();
	await engine.dropFile(staged.registered);
}
