import type { Engine } from '../engine';
import { ident } from '../engine/sql';
import { toRows } from '../engine/rows';
import { TABLES, tableDef, type CanonicalTable } from '../model';
import { rowsTable, tableColumns } from './schema';

/**
 * Where loaded rows live. Each canonical table is a view: the rows of `<table>__rows` (restored
 * snapshots) and one table per imported file, listed in `_sources` with the SELECT that turns its
 * stored columns into canonical ones. An import writes its rows once, where read_csv puts them;
 * columns equal on every row of a file (its name, defaults) are added by the view, not stored.
 */

/** One imported file's rows: the relation holding them and its SELECT of the canonical columns. */
export interface StoredSource {
	relation: string;
	/** SELECT of every canonical column, in tableColumns order, from `relation`. */
	select: string;
}

/** SQL: the canonical view over its snapshot rows and the given sources' SELECTs. */
export function viewSql(table: CanonicalTable, selects: string[]): string {
	const columns = tableColumns(tableDef(table))
		.map((c) => ident(c.name))
		.join(', ');
	const parts = [`SELECT ${columns} FROM ${ident(rowsTable(table))}`, ...selects];
	return `CREATE OR REPLACE VIEW ${ident(table)} AS ${parts.join(' UNION ALL ')}`;
}

/** Recreates a canonical table's view from `_sources`; run inside the import's transaction. */
async function rebuildView(engine: Engine, table: CanonicalTable): Promise<void> {
	const selects = toRows<{ select_sql: string }>(
		await engine.query('SELECT select_sql FROM _sources WHERE canonical = ? ORDER BY rowid', [table])
	).map((r) => r.select_sql);
	await engine.exec(viewSql(table, selects));
}

/**
 * Removes the rows of the given files from a canonical table (their source tables and snapshot
 * rows), and adds `added` as a source of `file`. Part of the caller's transaction.
 */
export async function replaceSources(
	engine: Engine,
	table: CanonicalTable,
	replaced: string[],
	added: { file: string; sources: StoredSource[] } | null
): Promise<void> {
	if (replaced.length) {
		const marks = replaced.map(() => '?').join(', ');
		const dropped = toRows<{ relation: string }>(
			await engine.query(`SELECT relation FROM _sources WHERE canonical = ? AND file IN (${marks})`, [
				table,
				...replaced
			])
		);
		for (const { relation } of dropped) await engine.exec(`DROP TABLE IF EXISTS ${ident(relation)}`);
		await engine.query(`DELETE FROM _sources WHERE canonical = ? AND file IN (${marks})`, [
			table,
			...replaced
		]);
		await engine.query(`DELETE FROM ${ident(rowsTable(table))} WHERE _source_file IN (${marks})`, replaced);
	}
	for (const source of added?.sources ?? [])
		await engine.query('INSERT INTO _sources VALUES (?, ?, ?, ?)', [
			table,
			added!.file,
			source.relation,
			source.select
		]);
	await rebuildView(engine, table);
}

/** Empties every canonical table (source tables dropped, snapshot rows deleted) and the rejects. */
export async function clearSources(engine: Engine): Promise<void> {
	const relations = toRows<{ relation: string }>(await engine.query('SELECT relation FROM _sources'));
	for (const { relation } of relations) await engine.exec(`DROP TABLE IF EXISTS ${ident(relation)}`);
	await engine.exec('DELETE FROM _sources');
	for (const def of TABLES) {
		await engine.exec(`DELETE FROM ${ident(rowsTable(def.name))}`);
		await engine.exec(viewSql(def.name, []));
	}
	await engine.exec('DELETE FROM rejects');
}

/** Files with rows in any canonical table, sorted. */
export async function loadedFiles(engine: Engine): Promise<string[]> {
	const snapshot = TABLES.map((t) => `SELECT DISTINCT _source_file AS f FROM ${ident(rowsTable(t.name))}`);
	return toRows<{ f: string }>(
		await engine.query(
			`SELECT f FROM (SELECT file AS f FROM _sources UNION ${snapshot.join(' UNION ')}) WHERE f IS NOT NULL ORDER BY f`
		)
	).map((r) => r.f);
}
