import type { Engine } from '../engine';
import { ident, literal } from '../engine/sql';
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

/** A source as `_sources` lists it. */
export interface ListedSource {
	file: string;
	relation: string;
	select_sql: string;
}

/** SQL: the sources `_sources` lists for a canonical table, in the view's order. */
export function listSourcesSql(table: CanonicalTable): string {
	return `SELECT file, relation, select_sql FROM _sources WHERE canonical = ${literal(table)} ORDER BY rowid`;
}

/**
 * SQL (several statements, one round trip to the engine) removing the rows of the given files from
 * a canonical table (their source tables and snapshot rows) and adding `added` as a source of
 * `file`, with the view rebuilt over `listed` (the table's sources before: listSourcesSql) minus
 * the removed ones plus the added ones. File names are inlined (literal): statements of a batch
 * take no parameters. Part of the caller's transaction.
 */
export function replaceSourcesSql(
	table: CanonicalTable,
	listed: ListedSource[],
	replaced: string[],
	added: { file: string; sources: StoredSource[] } | null
): string {
	const gone = new Set(replaced);
	const statements: string[] = [];
	if (replaced.length) {
		const files = replaced.map(literal).join(', ');
		for (const { file, relation } of listed)
			if (gone.has(file)) statements.push(`DROP TABLE IF EXISTS ${ident(relation)}`);
		statements.push(
			`DELETE FROM _sources WHERE canonical = ${literal(table)} AND file IN (${files})`,
			`DELETE FROM ${ident(rowsTable(table))} WHERE _source_file IN (${files})`
		);
	}
	const sources = added?.sources ?? [];
	if (sources.length)
		statements.push(
			`INSERT INTO _sources VALUES ${sources
				.map((source) => [table, added!.file, source.relation, source.select].map(literal).join(', '))
				.map((row) => `(${row})`)
				.join(', ')}`
		);
	const selects = [
		...listed.filter((l) => !gone.has(l.file)).map((l) => l.select_sql),
		...sources.map((source) => source.select)
	];
	statements.push(viewSql(table, selects));
	return statements.join(';\n');
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

/**
 * Removes every row of the given files from all canonical tables and from the rejects, in one
 * transaction, except the rows of `keep` (a file just imported under a name the others share):
 * the workspace leaves the sample this way when the first own file has loaded.
 */
export async function dropFiles(
	engine: Engine,
	files: readonly string[],
	keep?: { table: CanonicalTable; file: string }
): Promise<void> {
	if (!files.length) return;
	await engine.exec('BEGIN TRANSACTION');
	try {
		for (const def of TABLES) {
			const gone = files.filter((f) => !(keep && keep.table === def.name && keep.file === f));
			const listed = toRows<ListedSource>(await engine.query(listSourcesSql(def.name)));
			await engine.exec(replaceSourcesSql(def.name, listed, gone, null));
		}
		const rejected = files.filter((f) => f !== keep?.file);
		if (rejected.length)
			await engine.exec(`DELETE FROM rejects WHERE source_file IN (${rejected.map(literal).join(', ')})`);
		await engine.exec('COMMIT');
	} catch (error) {
		await engine.exec('ROLLBACK');
		throw error;
	}
}

/** Rows per canonical table (what is loaded; a figure needing an empty table names it). */
export async function tableRowCounts(engine: Engine): Promise<Record<CanonicalTable, number>> {
	const parts = TABLES.map(
		(t) => `SELECT ${literal(t.name)} AS t, count(*)::INTEGER AS n FROM ${ident(t.name)}`
	);
	const rows = toRows<{ t: CanonicalTable; n: number }>(await engine.query(parts.join(' UNION ALL ')));
	return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)])) as Record<CanonicalTable, number>;
}
