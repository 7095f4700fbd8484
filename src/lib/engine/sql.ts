/** Quotes an identifier for DuckDB ("a""b"). Use for headers taken from user files. */
export function ident(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Quotes a string literal: any text reads back as itself (quotes doubled; DuckDB reads no
 * backslash escapes in a standard literal; sql.test.ts holds it to that). Query parameters are
 * preferred; a literal is for statements that cannot take them: batches of several statements and
 * statements an abort must be able to interrupt (see Engine.exec).
 */
export function literal(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}
