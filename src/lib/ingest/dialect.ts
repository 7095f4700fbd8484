import { detectTable, type SkippedLine } from './table';

export type LineEnding = 'CRLF' | 'LF' | 'CR';

export interface Dialect {
	delimiter: string;
	/** Always `"` (doubled to escape): the only quoting German exports use. */
	quote: '"';
	lineEnding: LineEnding;
	/** Physical lines before the header row read_csv reads (preamble, `sep=;`, blank lines, upper header rows). */
	skipLines: number;
	/** Index in the text where the header (or first record) starts. */
	bodyStart: number;
	/** Whether the first record names the columns; without one, columns are "Spalte 1" … */
	hasHeader: boolean;
	/** Column names as the file writes them (trimmed; several header rows merged). */
	headers: string[];
	/** The header row's cells as written (untrimmed). */
	rawHeaders: string[];
	/** Lines before the table (preamble, blank lines, upper header rows), with the reason each was skipped. */
	skipped: SkippedLine[];
	/** Header rows merged into `headers` (GENESIS writes two). */
	headerRows: number;
	/** Fields of the table's rows, as the head shows them. */
	width: number;
	/** 1-based line of the header row the detection chose (the card offers to move it). */
	detectedHeaderLine: number;
}

/**
 * Which line ending a text uses: the most common in its first 64 KB (a line break inside a
 * quoted header cell is often an LF in a CRLF file); LF when there is none.
 */
export function lineEndingOf(text: string): LineEnding {
	const head = text.slice(0, 64 * 1024);
	const crlf = head.split('\r\n').length - 1;
	const lf = head.split('\n').length - 1 - crlf;
	const cr = head.split('\r').length - 1 - crlf;
	if (crlf === 0 && lf === 0 && cr === 0) return 'LF';
	if (crlf >= lf && crlf >= cr) return 'CRLF';
	return lf >= cr ? 'LF' : 'CR';
}

/**
 * Sniffs delimiter, header row and line endings from the start of a decoded file (detectTable):
 * Excel's `sep=X` first line wins; otherwise the delimiter that splits most records into one
 * field count (`;` on a tie, as German exports use it). `headerLine` (1-based) forces the header row.
 */
export function sniffDialect(text: string, options: { headerLine?: number } = {}): Dialect {
	const table = detectTable(text, {
		headerLine: options.headerLine === undefined ? undefined : options.headerLine - 1
	});
	return {
		delimiter: table.delimiter,
		quote: '"',
		lineEnding: lineEndingOf(text.slice(table.bodyStart)),
		skipLines: table.headerLine,
		bodyStart: table.bodyStart,
		hasHeader: table.hasHeader,
		headers: table.headers,
		rawHeaders: table.rawHeaders,
		skipped: table.skipped,
		headerRows: table.headerRows,
		width: table.width,
		detectedHeaderLine: table.detectedLine + 1
	};
}
