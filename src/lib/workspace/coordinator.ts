import type { Table } from 'apache-arrow';
import { canPrepare, type Engine, type PreparedQuery, type SqlParam } from '../engine';
import type { Materializing } from '../metrics';

/** Results kept per data version; the oldest unused go first. Each is a small aggregate. */
const MAX_RESULTS = 500;
/** Tables kept per data version (the facts table and copies of the small canonical views). */
const MAX_TABLES = 24;
/** Prepared statements kept per data version, by SQL text (one per filter shape and figure). */
const MAX_STATEMENTS = 64;
/** Values computed in memory from the data (see `remember`), per data version: up to ~20 MB (all actual rows held), mostly ~1 MB (a slice). */
const MAX_REMEMBERED = 32;

/**
 * The dashboards' query coordinator, between the metrics' SQL builders and the views (the layers
 * of mosaic): an Engine over the tab's engine that runs an identical (sql, params) once per data
 * version — charts asking the same thing share one result, also while it is still running — and
 * keeps materialized aggregates for the metrics (see metrics/sources.ts) as temp tables. A query
 * with parameters runs through a statement prepared once per SQL text: a filter change mostly
 * changes parameters only, and planning a figure's SQL again costs as much as running it. It also
 * remembers values computed in memory from query results (`remember`), e.g. the actual rows the
 * attainment figures are computed from (metrics/slice.ts).
 * For reads only: a new data version (`version()` changed) or an `exec` empties the caches.
 */
export class Coordinator implements Engine, Materializing {
	readonly #engine: Engine;
	readonly #version: () => number;
	#seen: number;
	#results = new Map<string, Promise<Table>>();
	#tables = new Map<string, Promise<string>>();
	#statements = new Map<string, Promise<PreparedQuery>>();
	#remembered = new Map<string, Promise<unknown>>();
	#named = 0;

	constructor(engine: Engine, version: () => number) {
		this.#engine = engine;
		this.#version = version;
		this.#seen = version();
	}

	query(sql: string, params: SqlParam[] = []): Promise<Table> {
		return this.#once(this.#results, MAX_RESULTS, JSON.stringify([sql, params]), () =>
			params.length ? this.#prepared(sql, params) : this.#engine.query(sql, params)
		);
	}

	/** Runs `sql` through its prepared statement; a statement that failed is prepared afresh next time. */
	async #prepared(sql: string, params: SqlParam[]): Promise<Table> {
		const engine = this.#engine;
		if (!canPrepare(engine)) return engine.query(sql, params);
		const statement = this.#once(
			this.#statements,
			MAX_STATEMENTS,
			sql,
			() => engine.prepare(sql),
			(s) => void s.close().catch(() => {})
		);
		try {
			return await (await statement).query(params);
		} catch (error) {
			if (this.#statements.get(sql) === statement) {
				this.#statements.delete(sql);
				statement.then((s) => s.close()).catch(() => {});
			}
			throw error;
		}
	}

	materialize(sql: string, params: SqlParam[] = []): Promise<string> {
		return this.#once(
			this.#tables,
			MAX_TABLES,
			JSON.stringify([sql, params]),
			async () => {
				const name = `_wirkung_view_${++this.#named}`;
				await this.#engine.query(`CREATE OR REPLACE TEMP TABLE ${name} AS ${sql}`, params);
				return name;
			},
			(name) => this.#drop(name)
		);
	}

	remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
		return this.#once(this.#remembered, MAX_REMEMBERED, key, compute) as Promise<T>;
	}

	async exec(sql: string, signal?: AbortSignal, params?: SqlParam[]): Promise<void> {
		this.#clear();
		await this.#engine.exec(sql, signal, params);
	}

	registerFile(name: string, bytes: Uint8Array): Promise<void> {
		return this.#engine.registerFile(name, bytes);
	}

	registerBlob(name: string, blob: Blob): Promise<void> {
		return this.#engine.registerBlob(name, blob);
	}

	dropFile(name: string): Promise<void> {
		return this.#engine.dropFile(name);
	}

	async insertArrow(name: string, ipc: Uint8Array): Promise<void> {
		this.#clear();
		await this.#engine.insertArrow(name, ipc);
	}

	copyFileToBuffer(name: string): Promise<Uint8Array> {
		return this.#engine.copyFileToBuffer(name);
	}

	version(): Promise<string> {
		return this.#engine.version();
	}

	close(): Promise<void> {
		this.#clear();
		return this.#engine.close();
	}

	/** The cached promise for `key`, or a new run of `task` (forgotten again if it fails). */
	#once<T>(
		cache: Map<string, Promise<T>>,
		max: number,
		key: string,
		task: () => Promise<T>,
		evict?: (value: T) => void
	): Promise<T> {
		this.#checkVersion();
		const hit = cache.get(key);
		if (hit) {
			// Re-inserted: a Map iterates in insertion order, so the first entry is the least recently used.
			cache.delete(key);
			cache.set(key, hit);
			return hit;
		}
		const run = task();
		cache.set(key, run);
		run.catch(() => {
			if (cache.get(key) === run) cache.delete(key);
		});
		if (cache.size > max) {
			const [oldestKey, oldest] = cache.entries().next().value!;
			cache.delete(oldestKey);
			if (evict) oldest.then(evict, () => {});
		}
		return run;
	}

	#checkVersion(): void {
		const version = this.#version();
		if (version !== this.#seen) {
			this.#seen = version;
			this.#clear();
		}
	}

	#clear(): void {
		const tables = [...this.#tables.values()];
		const statements = [...this.#statements.values()];
		this.#results.clear();
		this.#tables.clear();
		this.#statements.clear();
		this.#remembered.clear();
		for (const statement of statements) statement.then((s) => s.close()).catch(() => {});
		for (const table of tables)
			table.then(
				(name) => this.#drop(name),
				() => {}
			);
	}

	#drop(name: string): void {
		this.#engine.exec(`DROP TABLE IF EXISTS ${name}`).catch(() => {});
	}
}
