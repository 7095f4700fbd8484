import Papa from 'papaparse';

/** Characters that make a spreadsheet treat a cell as a formula (DESIGN.md §8, OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a cell against formula injection: a leading = + - @ tab or CR gets a leading
 * apostrophe, which spreadsheets show as text. Everything else passes unchanged.
 */
export function neutraliseCell(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * CSV text of a table (header row first) for German spreadsheets: semicolons, CRLF, every cell
 * neutralised; papaparse does the quoting. A BOM makes Excel read it as UTF-8.
 */
export function tableToCsv(rows: string[][]): string {
	return (
		'\ufeff' +
		Papa.unparse(
			rows.map((row) => row.map(neutraliseCell)),
			{ delimiter: ';', newline: '\r\n' }
		)
	);
}

/** A file name from a chart id and the as-of date, safe on every OS. */
export function exportFileName(id: string, extension: 'csv' | 'png'): string {
	return `wirkung-${id.replace(/[^a-z0-9-]+/gi, '-')}.${extension}`;
}
