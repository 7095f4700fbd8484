import { tableToIPC } from 'apache-arrow';
import type { Engine } from '../engine';
import { toRows } from '../engine/rows';
import { ident, literal } from '../engine/sql';
import { reserveSourceIds, rowsTable } from '../ingest';
import { viewSql } from '../ingest/store';
import { TABLES, type CanonicalTable } from '../model';

/**
 * The loaded data as Arrow IPC streams, one per table behind the canonical views, and back. The
 * bundled sample is such a snapshot made at build time (sample-build.ts), the analyst's saved data
 * another (persist.ts): both start by inserting Arrow batches, without the importer.
 *
 * Arrow IPC, not Parquet: duckdb-wasm 1.32 does not link the parquet extension in, it loads it
 * from the extension repository on first use (no network at a venue, so no parquet), and its
 * Parquet writer fails in the browser ("function signature mismatch" since 1.29, as reported in
 * https://github.com/treeverse/lakeFS/issues/10115). apache-arrow writes the stream from a query result, duckdb-wasm reads
 * it with insertArrowFromIPCStream.
 */

/** A column as information_schema names it. */
export interface SnapshotColumn {
	name: string;
	type: string;
}

/** What a unit holds: one imported file's table, the rows table of a canonical table, or the rejects of one file. */
export type UnitKind = 'source' | 'rows' | 'rejects';

/** One table's rows in a snapshot (the bytes are stored apart, under `data`). */
export interface SnapshotUnit {
	kind: UnitKind;
	/** Identifies the content: a unit whose key is saved already is not written again. */
	key: string;
	/** Where its Arrow IPC stream is: a file name in the store, or a URL for the bundled sample. */
	data: string;
	/** Byte length of the stream (a shorter one is a torn write). */
	bytes: number;
	rows: number;
	/** source: the table (`_src_<n>`); rows: `<canonical>__rows`; rejects: `rejects`. */
	table: string;
	columns: SnapshotColumn[];
	/** source: the canonical table, the file, the SELECT of canonical columns (store.ts); rejects: the file. */
	canonical?: CanonicalTable;
	file?: string;
	select?: string;
}

export interface Snapshot {
	format: 1;
	/** Bumped by every save; the highest complete one wins (persist.ts). */
	generation: number;
	units: SnapshotUnit[];
}

/** A unit before its rows are read: what describeUnits finds in the engine. */
export type UnitSpec = Omit<SnapshotUnit, 'data' | 'bytes' | 'rows' | 'columns'>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ROWS_TABLES = new Set(TABLES.map((t) => rowsTable(t.name)));
const CANONICAL = new Set<string>(TABLES.map((t) => t.name));

/**
 * The units the engine's data consists of, in restore order. Keys change when content does: an
 * import's table is never changed after its commit (replacing the file drops it and makes a new
 * one), a rows table only loses whole files (so its row count says), and a file's rejects change
 * with its tables.
 */
export async function describeUnits(engine: Engine): Promise<UnitSpec[]> {
	const sources = toRows<{ canonical: CanonicalTable; file: string; relation: string; select_sql: string }>(
		await engine.query('SELECT canonical, file, relation, select_sql FROM _sources ORDER BY rowid')
	);
	const counts = toRows<{ name: string; n: number }>(
		await engine.query(
			TABLES.map(
				(t) => `SELECT ${literal(t.name)} AS name, count(*) AS n FROM ${ident(rowsTable(t.name))}`
			).join(' UNION ALL ')
		)
	);
	const rejects = toRows<{ file: string; n: number }>(
		await engine.query('SELECT source_file AS file, count(*) AS n FROM rejects GROUP BY 1 ORDER BY 1')
	);
	const units: UnitSpec[] = [];
	for (const { name, n } of counts)
		if (n > 0) units.push({ kind: 'rows', key: `rows:${name}:${n}`, table: rowsTable(name) });
	for (const s of sources)
		units.push({
			kind: 'source',
			key: `source:${s.relation}`,
			table: s.relation,
			canonical: s.canonical,
			file: s.file,
			select: s.select_sql
		});
	for (const { file, n } of rejects) {
		const tables = sources.filter((s) => s.file === file).map((s) => s.relation);
		units.push({ kind: 'rejects', key: `rejects:${file}:${n}:${tables.join(',')}`, table: 'rejects', file });
	}
	return units;
}

/** Columns of a table with their DuckDB types, in order. */
async function columnsOf(engine: Engine, table: string): Promise<SnapshotColumn[]> {
	return toRows<SnapshotColumn>(
		await engine.query(
			`SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = ${literal(table)} ORDER BY ordinal_position`
		)
	);
}

/** Reads a unit's rows as an Arrow IPC stream, with what restoring it needs. */
export async function readUnit(
	engine: Engine,
	spec: UnitSpec
): Promise<{ columns: SnapshotColumn[]; rows: number; ipc: Uint8Array }> {
	const where = spec.kind === 'rejects' ? ` WHERE source_file = ${literal(spec.file!)} ORDER BY rowid` : '';
	const result = await engine.query(`SELECT * FROM ${ident(spec.table)}${where}`);
	return {
		columns: await columnsOf(engine, spec.table),
		rows: result.numRows,
		ipc: tableToIPC(result, 'stream')
	};
}

/** Refuses a unit whose names are not ours (a store is only ever written by this code). */
function checkUnit(unit: SnapshotUnit): void {
	const ok =
		unit.kind === 'source'
			? NAME.test(unit.table) && CANONICAL.has(unit.canonical ?? '') && typeof unit.select === 'string'
			: unit.kind === 'rows'
				? ROWS_TABLES.has(unit.table)
				: unit.kind === 'rejects' && unit.table === 'rejects';
	if (
		!ok ||
		!unit.columns.every((c) => typeof c.name === 'string' && NAME.test(c.type.replace(/[(), ]/g, '')))
	)
		throw new Error(`Gespeicherte Tabelle ${unit.table}: unbekannter Aufbau`);
}

/**
 * Creates `table` from a unit's stream with its saved column types. Arrow carries most of them
 * (VARCHAR, DOUBLE, INTEGER, DATE, BOOLEAN); a column the engine returned otherwise (BIGINT arrives
 * as DOUBLE, see QUERY_CONFIG) is altered back.
 */
async function createFrom(engine: Engine, table: string, unit: SnapshotUnit, ipc: Uint8Array): Promise<void> {
	if (unit.rows === 0) {
		const columns = unit.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ');
		await engine.exec(`CREATE TABLE ${ident(table)} (${columns})`);
		return;
	}
	await engine.insertArrow(table, ipc);
	const created = new Map((await columnsOf(engine, table)).map((c) => [c.name, c.type]));
	for (const column of unit.columns)
		if (created.get(column.name) !== column.type)
			await engine.exec(`ALTER TABLE ${ident(table)} ALTER ${ident(column.name)} TYPE ${column.type}`);
}

/**
 * Loads a snapshot into the engine's (empty) schema (ensureSchema): each import's table under its
 * own name with its `_sources` row, rows and rejects appended, the views rebuilt. `read` gives a
 * unit's stream; all are asked for at once, so downloads or disk reads overlap.
 */
export async function restoreSnapshot(
	engine: Engine,
	snapshot: Snapshot,
	read: (unit: SnapshotUnit) => Promise<Uint8Array>
): Promise<void> {
	snapshot.units.forEach(checkUnit);
	const streams = snapshot.units.map((unit) => read(unit));
	streams.forEach((s) => s.catch(() => {}));
	const selects = new Map<CanonicalTable, string[]>();
	const listed: string[] = [];
	for (const [i, unit] of snapshot.units.entries()) {
		const ipc = await streams[i]!;
		if (ipc.byteLength !== unit.bytes) throw new Error(`Gespeicherte Tabelle ${unit.table}: unvollständig`);
		if (unit.kind === 'source') {
			await createFrom(engine, unit.table, unit, ipc);
			selects.set(unit.canonical!, [...(selects.get(unit.canonical!) ?? []), unit.select!]);
			listed.push(`(${[unit.canonical!, unit.file!, unit.table, unit.select!].map(literal).join(', ')})`);
		} else if (unit.rows > 0) {
			await createFrom(engine, '_restore', unit, ipc);
			await engine.exec(
				`INSERT INTO ${ident(unit.table)} BY NAME SELECT * FROM _restore; DROP TABLE _restore`
			);
		}
	}
	if (listed.length) await engine.exec(`INSERT INTO _sources VALUES ${listed.join(', ')}`);
	for (const [table, list] of selects) await engine.exec(viewSql(table, list));
	reserveSourceIds(snapshot.units.filter((u) => u.kind === 'source').map((u) => u.table));
}

/**
 * A snapshot of everything the engine holds, with each unit's stream. `name` gives each unit's
 * data file name (deterministic for the build, unique for saves).
 */
export async function takeSnapshot(
	engine: Engine,
	name: (spec: UnitSpec, index: number) => string
): Promise<{ snapshot: Snapshot; streams: Map<string, Uint8Array> }> {
	const streams = new Map<string, Uint8Array>();
	const units: SnapshotUnit[] = [];
	for (const [i, spec] of (await describeUnits(engine)).entries()) {
		const { columns, rows, ipc } = await readUnit(engine, spec);
		const data = name(spec, i);
		streams.set(data, ipc);
		units.push({ ...spec, data, bytes: ipc.byteLength, rows, columns });
	}
	return { snapshot: { format: 1, generation: 0, units }, streams };
}
