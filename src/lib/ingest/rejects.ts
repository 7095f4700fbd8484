import Papa from 'papaparse';
import type { Reject } from './load';

/** "Zeile 2417, Spalte Istwert: „12,5,3“ ist keine Zahl"; a whole row's reject names no column. */
export function describeReject(reject: Reject): string {
	if (reject.column === '') return `Zeile ${reject.line}: ${reject.reason}`;
	return `Zeile ${reject.line}, Spalte ${reject.column}: ${reject.reason}`;
}

// A spreadsheet runs a cell starting with one of these as a formula (DESIGN.md §8).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Guards a cell against formula injection when the CSV is opened in Excel. */
export function safeCell(value: string | null): string {
	if (value === null) return '';
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The rejects of a file as a German CSV (semicolons, UTF-8 BOM so Excel-de reads umlauts). */
export function rejectsToCsv(file: string, rejects: Reject[]): string {
	const rows = rejects.map((r) => [file, String(r.line), r.column, r.value, r.reason].map(safeCell));
	return (
		'\uFEFF' +
		Papa.unparse(
			{ fields: ['Datei', 'Zeile', 'Spalte', 'Wert', 'Grund'], data: rows },
			{ delimiter: ';', newline: '\r\n' }
		)
	);
}
