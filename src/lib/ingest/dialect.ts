import Papa from 'papaparse';

export type LineEnding = 'CRLF' | 'LF' | 'CR';

export interface Dialect {
	delimiter: string;
	/** Always `"` (doubled to escape): the only quoting German exports use. */
	quote: '"';
	lineEnding: LineEnding;
	/** Physical lines before the header (Excel's `sep=;` line, leading blank lines). */
	skipLines: number;
	/** Index in the text where the header (or first record) starts. */
	bodyStart: number;
	/** Whether the first record names the columns; without one, columns are "Spalte 1" … */
	hasHeader: boolean;
	headers: string[];
}

const DELIMITERS = [';', '\t', ',', '|'];

/** A value that is clearly data, not a column name: a number, a date, a period. */
const DATA_LIKE =
	/^(-?[\d.,]+\s?%?|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{4}|Q[1-4]\/\d{4})$/i;

/** Which line ending a text uses (the first one found; LF when there is none). */
export function lineEndingOf(text: string): LineEnding {
	const i = text.search(/[\r\n]/);
	if (i < 0 || text[i] === '\n') return 'LF';
	return text[i + 1] === '\n' ? 'CRLF' : 'CR';
}

/**
 * Sniffs delimiter, header row and line endings from the start of a decoded file. Excel's
 * `sep=X` first line wins; otherwise papaparse's guess over the first lines (`;` on a tie, as
 * German exports use it).
 */
export function sniffDialect(text: string): Dialect {
	const lead = /^(?:[ \t]*(?:\r\n|\n|\r))*/.exec(text)![0];
	let skipLines = lead.split(/\r\n|\n|\r/).length - 1;
	let body = text.slice(lead.length);
	const sep = /^"?sep=(.)"?[;,\t|]*(\r\n|\n|\r)/i.exec(body);
	if (sep) {
		skipLines += 1;
		body = body.slice(sep[0].length);
	}
	const sample = body.slice(0, 64 * 1024);
	const parsed = Papa.parse<string[]>(sample, {
		preview: 50,
		delimiter: sep ? sep[1] : undefined,
		delimitersToGuess: DELIMITERS,
		skipEmptyLines: 'greedy'
	});
	const delimiter = sep ? sep[1]! : parsed.meta.delimiter;
	const first = (parsed.data[0] ?? []).map((h) => h.trim());
	const hasHeader = !first.some((cell) => DATA_LIKE.test(cell));
	const headers = hasHeader ? first : first.map((_, i) => `Spalte ${i + 1}`);
	return {
		delimiter,
		quote: '"',
		lineEnding: lineEndingOf(body),
		skipLines,
		bodyStart: text.length - body.length,
		hasHeader,
		headers
	};
}
