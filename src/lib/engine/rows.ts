import type { Table } from 'apache-arrow';

export type Row = Record<string, unknown>;

/**
 * Arrow table → plain objects. Any bigint left (the engines cast BIGINT/HUGEINT to double already)
 * becomes a number. Dates should be selected as text (strftime) so no timezone ever touches them.
 */
export function toRows<T = Row>(table: Table): T[] {
	const names = table.schema.fields.map((f) => f.name);
	const out: T[] = [];
	for (const record of table) {
		if (!record) continue;
		const row: Row = {};
		for (const name of names) {
			const value: unknown = record[name as keyof typeof record];
			row[name] = typeof value === 'bigint' ? Number(value) : value;
		}
		out.push(row as T);
	}
	return out;
}
