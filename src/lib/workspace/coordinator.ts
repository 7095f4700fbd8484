import type { Table } from 'apache-arrow';
import type { Engine, SqlParam } from '../engine';
import type { Materializing } from '../metrics';

/** Results kept per data version; the oldest unused go first. Each is a small aggregate. */
const MAX_RESULTS = 500;
/** Tables kept per data version (a facts table and per-slice aggregates of ~10⁴ rows each). */
const MAX_TABLES = 24;

/**
 * The dashboards' query coordinator, between the metrics' SQL builders and the views (the layers
 * of mosaic): an Engine over the tab's engine that runs an identical (sql, params) once per data
 * version — charts asking the same thing share one result, also while it is still running — and
 * keeps materialized aggregates as temp tables for the metrics (see metrics/sources.ts).
 * For reads only: a new data version (`version()` changed) or an `exec` empties both caches.
 */
export class Coordinator implements Engine, Materializing {
	readonly #engine: Engine;
	readonly #version: () => number;
	#seen: number;
	#results = new Map<string, Promise<Table>>();
	#tables = new Map<string, Promise<string>>();
	#named = 0;

	constructor(engine: Engine, version: () => number) {
		this.#engine = engine;
		this.#version = version;
		this.#seen = version();
	}

	query(sql: string, params: SqlParam[] = []): Promise<Table> {
		return this.#once(this.#results, MAX_RESULTS, JSON.stringify([sql, params]), () =>
			this.#engine.query(sql, params)
		);
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

	async exec(sql: string, signal?: AbortSignal): Promise<void> {
		this.#clear();
		await this.#engine.exec(sql, signal);
	}

	registerFile(name: string, bytes: Uint8Array): Promise<void> {
		return this.#engine.registerFile(name, bytes);
	}

	dropFile(name: string): Promise<void> {
		return this.#engine.dropFile(name);
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
		this.#results.clear();
		this.#tables.clear();
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
