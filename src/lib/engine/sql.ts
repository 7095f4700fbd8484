/** Quotes an identifier for DuckDB ("a""b"). Use for headers taken from user files. */
export function ident(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Quotes a string literal. Only for values the app itself controls (vocabulary spellings, file
 * names it generated, reason templates); user-supplied values go through query parameters.
 */
export function literal(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}
