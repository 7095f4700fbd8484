import type { Table } from 'apache-arrow';

export type Row = Record<string, unknown>;

/**
 * Arrow table → plain objects. Any bigint left (the engines cast BIGINT/HUGEINT to double already)
 * becomes a number. Dates should be selected as text (strftime) so no timezone ever touches them.
 * Read column by column: a row-by-row read goes through a proxy per cell, several times slower on
 * the dashboards' larger results.
 */
export function toRows<T = Row>(table: Table): T[] {
	const rows: Row[] = Array.from({ length: table.numRows }, () => ({}));
	table.schema.fields.forEach((field, index) => {
		const column = table.getChildAt(index);
		if (!column) return;
		let i = 0;
		for (const value of column) rows[i++]![field.name] = typeof value === 'bigint' ? Number(value) : value;
	});
	return rows as T[];
}
