import { ident } from '../engine/sql';
import { TABLES, type ColumnType } from '../model';

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

/**
 * DDL for every canonical table plus `rejects`. Every row keeps `_source_file` and `_source_line`
 * so any figure can be traced back to the lines it came from, and `_extra`: the file's columns that
 * map to no canonical column, as JSON text (kept, not dropped).
 */
export function schemaSql(): string {
	const tables = TABLES.map((def) => {
		const columns = def.columns.map((c) => `${ident(c.name)} ${sqlType(c.type)}`);
		return `CREATE TABLE IF NOT EXISTS ${def.name} (${[...columns, '_extra VARCHAR', '_source_file VARCHAR', '_source_line INTEGER'].join(', ')});`;
	});
	tables.push(
		'CREATE TABLE IF NOT EXISTS rejects (source_file VARCHAR, line INTEGER, "column" VARCHAR, value VARCHAR, reason VARCHAR);'
	);
	return tables.join('\n');
}
