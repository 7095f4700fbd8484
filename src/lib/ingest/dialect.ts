import Papa from 'papaparse';

export interface Dialect {
	delimiter: string;
	/** Lines before the header (Excel's `sep=;` line). */
	skipLines: number;
	headers: string[];
}

const DELIMITERS = [';', '\t', ',', '|'];

/**
 * Sniffs delimiter and header from the start of a decoded file. Excel's `sep=X` first line wins;
 * otherwise papaparse's guess over the first lines. German exports default to `;`.
 */
export function sniffDialect(text: string): Dialect {
	const sep = /^sep=(.)\r?\n/i.exec(text);
	const body = sep ? text.slice(sep[0].length) : text;
	const sample = body.slice(0, 64 * 1024);
	const parsed = Papa.parse<string[]>(sample, {
		preview: 50,
		delimiter: sep ? sep[1] : undefined,
		delimitersToGuess: DELIMITERS,
		skipEmptyLines: 'greedy'
	});
	const headers = (parsed.data[0] ?? []).map((h) => h.trim());
	return { delimiter: sep ? sep[1]! : parsed.meta.delimiter, skipLines: sep ? 1 : 0, headers };
}
