import { ident } from '../engine/sql';
import { TABLES, type ColumnType, type TableDef } from '../model';

const SQL_TYPES: Record<ColumnType, string> = {
	text: 'VARCHAR',
	number: 'DOUBLE',
	integer: 'INTEGER',
	date: 'DATE',
	boolean: 'BOOLEAN'
};

/** DuckDB type of a canonical column. */
export function sqlType(type: ColumnType): string {
	return SQL_TYPES[type];
}

/** Columns every canonical table has besides its own: where each row came from. */
export const TRACE_COLUMNS = [
	{ name: '_extra', type: 'VARCHAR' },
	{ name: '_source_file', type: 'VARCHAR' },
	{ name: '_source_line', type: 'INTEGER' }
] as const;

/** The table holding a canonical table's rows that came from a snapshot, not from an import here. */
export const rowsTable = (table: string) => `${table}__rows`;

/** Every column of a canonical table with its DuckDB type, in view order. */
export function tableColumns(def: TableDef): { name: string; type: string }[] {
	return [...def.columns.map((c) => ({ name: c.name, type: sqlType(c.type) })), ...TRACE_COLUMNS];
}

/**
 * DDL for the storage behind every canonical table, plus `rejects`. A canonical table is a view
 * (see store.ts) over `<table>__rows` and one table per imported file. Every row keeps
 * `_source_file` and `_source_line` so any figure can be traced back to the lines it came from, and
 * `_extra`: the file's columns that map to no canonical column, as JSON text (kept, not dropped).
 */
export function schemaSql(): string {
	const statements = TABLES.flatMap((def) => [
		`CREATE TABLE IF NOT EXISTS ${ident(rowsTable(def.name))} (${tableColumns(def)
			.map((c) => `${ident(c.name)} ${c.type}`)
			.join(', ')});`,
		`CREATE VIEW IF NOT EXISTS ${ident(def.name)} AS SELECT * FROM ${ident(rowsTable(def.name))};`
	]);
	statements.push(
		'CREATE TABLE IF NOT EXISTS _sources (canonical VARCHAR, file VARCHAR, relation VARCHAR, select_sql VARCHAR);',
		'CREATE TABLE IF NOT EXISTS rejects (source_file VARCHAR, line INTEGER, "column" VARCHAR, value VARCHAR, reason VARCHAR);'
	);
	return statements.join('\n');
}
