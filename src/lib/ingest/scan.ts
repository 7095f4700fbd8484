import { InputError } from './encoding';

/** Where each data record starts, as read_csv will number the records (DESIGN.md §3: `_source_line`). */
export interface RecordScan {
	/** Data records after the header, as read_csv returns them (records of empty cells included). */
	records: number;
	/** Empty physical lines between records (read_csv skips them). */
	blankLines: number;
	/** Physical line of the first data record's natural position: header end + 1. */
	firstDataLine: number;
	/**
	 * Flattened pairs (record, offset): from data record `record` (1-based) on, its physical line is
	 * firstDataLine + record − 1 + offset. Only where the offset changes (blank lines, multi-line cells).
	 */
	breakpoints: number[];
	/** Number of fields of the header (or first record). */
	fields: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const MAX_LISTED = 5;

/**
 * One pass over the decoded text that tracks quotes, delimiters and line breaks only (no values):
 * it finds the physical line each record starts on, and refuses ragged rows and unterminated
 * quotes with their line numbers. Values are parsed by DuckDB's read_csv, not here.
 * `startLine` is the physical line of `text[0]` (after skipped lines); without a header row the
 * first record is data.
 */
export function scanRecords(
	text: string,
	delimiter: string,
	startLine: number,
	hasHeader = true
): RecordScan {
	const d = delimiter.charCodeAt(0);
	const n = text.length;
	let line = startLine;
	let recordStart = 0;
	let recordLine = line;
	let fields = 1;
	let fieldStart = true;
	let inQuotes = false;
	let quoteLine = 0;
	let expected = -1;
	let firstDataLine = 0;
	let records = 0;
	let blankLines = 0;
	let lastOffset = 0;
	const breakpoints: number[] = [];
	const ragged: string[] = [];

	const endRecord = (end: number) => {
		if (end === recordStart) {
			if (expected >= 0) blankLines++;
			return;
		}
		if (expected < 0) {
			expected = fields;
			firstDataLine = hasHeader ? line + 1 : recordLine;
			if (hasHeader) return;
		}
		records++;
		if (fields !== expected && ragged.length < MAX_LISTED)
			ragged.push(`Zeile ${recordLine} hat ${fields} statt ${expected} Spalten`);
		const offset = recordLine - (firstDataLine + records - 1);
		if (offset !== lastOffset) {
			breakpoints.push(records, offset);
			lastOffset = offset;
		}
	};

	let i = 0;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (inQuotes) {
			if (c === QUOTE) {
				if (text.charCodeAt(i + 1) === QUOTE) i++;
				else inQuotes = false;
			} else if (c === LF) line++;
			else if (c === CR) {
				line++;
				if (text.charCodeAt(i + 1) === LF) i++;
			}
			i++;
			continue;
		}
		if (c === d) {
			fields++;
			fieldStart = true;
		} else if (c === LF || c === CR) {
			endRecord(i);
			if (c === CR && text.charCodeAt(i + 1) === LF) i++;
			line++;
			recordStart = i + 1;
			recordLine = line;
			fields = 1;
			fieldStart = true;
		} else if (c === QUOTE && fieldStart) {
			inQuotes = true;
			quoteLine = line;
			fieldStart = false;
		} else fieldStart = false;
		i++;
	}
	if (inQuotes)
		throw new InputError(
			`Zeile ${quoteLine}: Ein Anführungszeichen (") wird geöffnet, aber bis zum Dateiende nicht geschlossen.`
		);
	if (n > recordStart) endRecord(n);
	if (expected < 0) expected = 0;
	if (ragged.length)
		throw new InputError(
			`Die Zeilen haben unterschiedlich viele Spalten: ${ragged.join('; ')}${ragged.length === MAX_LISTED ? ' …' : ''}.`
		);
	if (firstDataLine === 0) firstDataLine = line + 1;
	return { records, blankLines, firstDataLine, breakpoints, fields: expected };
}
