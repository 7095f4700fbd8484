/**
 * engine — one `Engine` interface over DuckDB (DESIGN.md §2). browser.ts runs duckdb-wasm in a Web
 * Worker with self-hosted bundles; node.ts runs the same SQL on duckdb-wasm's node build for tests
 * and the CLI. This module knows nothing about CSV files, the data model or charts.
 */
import type { Table } from 'apache-arrow';

/** A SQL parameter; bound through a prepared statement, never spliced into the SQL text. */
export type SqlParam = string | number | boolean | null;

/**
 * Result typing shared by both engines: sums of integers (HUGEINT), BIGINT counts and DECIMALs
 * arrive as plain JS numbers, so metric rows never hold bigint or Arrow decimal objects.
 */
export const QUERY_CONFIG = { castBigIntToDouble: true, castDecimalToDouble: true } as const;

export interface Engine {
	/**
	 * Runs statements that return nothing of interest (DDL, INSERT, COPY). With a signal, an abort
	 * interrupts the running statement and the promise rejects with `Interrupted` (with `Aborted`
	 * when the signal was aborted before it started). With `params`, one statement with positional
	 * `?` parameters; duckdb-wasm runs a prepared statement in one go, so params and a signal cannot
	 * be combined (the engines refuse it rather than run an uninterruptible statement).
	 */
	exec(sql: string, signal?: AbortSignal, params?: SqlParam[]): Promise<void>;
	/**
	 * Runs one query with positional `?` parameters and returns its result as an Arrow table. With a
	 * signal (and no params, as for exec), an abort interrupts it as it does a running exec.
	 */
	query(sql: string, params?: SqlParam[], signal?: AbortSignal): Promise<Table>;
	/** Makes bytes readable to SQL under `name` (e.g. `read_csv('name')`). */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	/**
	 * Makes a picked file readable to SQL under `name` without reading it into memory first: the
	 * browser engine's worker reads it as SQL needs it; the node engine copies it.
	 */
	registerBlob(name: string, blob: Blob): Promise<void>;
	/** Forgets a registered file. */
	dropFile(name: string): Promise<void>;
	/**
	 * Creates table `name` from an Arrow IPC stream (e.g. a saved snapshot, tableToIPC of a query
	 * result); its columns get the Arrow types' DuckDB equivalents.
	 */
	insertArrow(name: string, ipc: Uint8Array): Promise<void>;
	/** Bytes of a file DuckDB wrote (e.g. `COPY t TO 'name' (FORMAT parquet)`), for persistence. */
	copyFileToBuffer(name: string): Promise<Uint8Array>;
	/** DuckDB library version, e.g. "v1.4.1". */
	version(): Promise<string>;
	close(): Promise<void>;
}

/** A running statement stopped by its abort signal: DuckDB cancelled it, nothing of it is kept. */
export class Interrupted extends Error {
	constructor() {
		super('Die Abfrage wurde abgebrochen.');
	}
}

/** A statement not started because its abort signal was aborted already. */
export class Aborted extends Error {
	constructor() {
		super('Abgebrochen');
	}
}

/** Refuses params with a signal (see Engine.exec) and a statement whose signal is aborted already. */
export function checkInterruptible(signal: AbortSignal | undefined, params: SqlParam[]): void {
	if (!signal) return;
	if (params.length)
		throw new Error('Eine Anweisung mit Parametern lässt sich nicht abbrechen; Werte als Literal einsetzen.');
	if (signal.aborted) throw new Aborted();
}

/** A statement planned once and run with different parameters. */
export interface PreparedQuery {
	query(params: SqlParam[]): Promise<Table>;
	close(): Promise<void>;
}

/** An engine that can plan a statement once for many runs (both engines can). */
export interface Preparing {
	prepare(sql: string): Promise<PreparedQuery>;
}

export function canPrepare(engine: Engine): engine is Engine & Preparing {
	return typeof (engine as Partial<Preparing>).prepare === 'function';
}

export { toRows, type Row } from './rows';
export { ident, literal } from './sql';
