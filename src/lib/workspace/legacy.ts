import type { Engine } from '../engine';
import { toRows } from '../engine/rows';
import { ident, literal } from '../engine/sql';
import { rowsTable } from '../ingest';
import { TABLES } from '../model';

/**
 * Data saved by earlier versions: every table as CSV (COPY … TO) in one IndexedDB store, rewritten
 * in full after each import. Read once on start when there is no saved data of the current kind
 * (persist.ts), which then takes it over; snapshotTables writes that format for the tests.
 */
const DB_NAME = 'wirkung';
const STORE = 'snapshot';
const PERSISTED = [...TABLES.map((t) => t.name), 'rejects'];

/** One table of a snapshot: its rows as CSV with a header. */
export interface StoredTable {
	name: string;
	csv: Uint8Array;
}

function openDb(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'name' });
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

/** Whether this browser holds a saved snapshot (then the sample data is not loaded). */
export async function hasSnapshot(): Promise<boolean> {
	const db = await openDb();
	try {
		const request = db.transaction(STORE).objectStore(STORE).count();
		return await new Promise((resolve, reject) => {
			request.onsuccess = () => resolve(request.result > 0);
			request.onerror = () => reject(request.error);
		});
	} finally {
		db.close();
	}
}

/**
 * Every canonical table and the rejects, written by DuckDB as CSV. `dir` is where the node engine
 * (tests) writes real files; the browser's files live in duckdb-wasm's memory.
 */
export async function snapshotTables(engine: Engine, dir = ''): Promise<StoredTable[]> {
	const tables: StoredTable[] = [];
	for (const name of PERSISTED) {
		const file = `${dir}snapshot_${name}.csv`;
		await engine.exec(`COPY ${ident(name)} TO ${literal(file)} (FORMAT csv, HEADER)`);
		tables.push({ name, csv: await engine.copyFileToBuffer(file) });
		await engine.dropFile(file);
	}
	return tables;
}

/** Loads snapshot tables into the existing (empty) tables with their own column types. */
export async function restoreTables(engine: Engine, tables: StoredTable[]): Promise<void> {
	for (const { name, csv } of tables) {
		if (!PERSISTED.includes(name)) continue;
		const file = `restore_${name}.csv`;
		await engine.registerFile(file, csv);
		// Canonical tables are views; restored rows go to the table behind each (rejects is a table).
		const target = name === 'rejects' ? name : rowsTable(name);
		await engine.exec(
			`INSERT INTO ${ident(target)} BY NAME SELECT * FROM ${await readSnapshotSql(engine, target, file)}`
		);
		await engine.dropFile(file);
	}
}

/** Deletes the old store once its data is saved the current way. */
export function dropLegacy(): Promise<void> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.deleteDatabase(DB_NAME);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error);
	});
}

/** Loads the saved snapshot into the (empty, existing) tables; false when there is none. */
export async function restoreSnapshot(engine: Engine): Promise<boolean> {
	const db = await openDb();
	let tables: StoredTable[];
	try {
		const request = db.transaction(STORE).objectStore(STORE).getAll();
		tables = await new Promise((resolve, reject) => {
			request.onsuccess = () => resolve(request.result as StoredTable[]);
			request.onerror = () => reject(request.error);
		});
	} finally {
		db.close();
	}
	if (!tables.length) return false;
	await restoreTables(engine, tables);
	return true;
}

/** read_csv of a snapshot file with the table's column types (no sniffing; "" stays an empty text). */
async function readSnapshotSql(engine: Engine, table: string, file: string): Promise<string> {
	const columns = toRows<{ name: string; type: string }>(
		await engine.query(
			'SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position',
			[table]
		)
	);
	const spec = columns.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(', ');
	return `read_csv(${literal(file)}, header=true, auto_detect=false, delim=',', quote='"', escape='"', allow_quoted_nulls=false, columns={${spec}})`;
}
