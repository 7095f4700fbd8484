import Papa from 'papaparse';

/** Why a line outside the table was skipped (shown on the import card, counted in the report). */
export type SkipReason = 'blank' | 'sep' | 'datev' | 'preamble' | 'header' | 'separator' | 'note' | 'total';

/** A physical line that is not part of the table: before its header or after its last row. */
export interface SkippedLine {
	/** Physical line, 1-based. */
	line: number;
	/** The line as written (cut at 200 characters). */
	text: string;
	reason: SkipReason;
}

/** Where the table of a decoded file starts, as detectTable found it. */
export interface TableStart {
	delimiter: string;
	/** 0-based physical line of the header row read_csv reads (the last one of a multi-row header). */
	headerLine: number;
	/** Index in the text where that line starts. */
	bodyStart: number;
	/** Whether the row at headerLine names the columns (else it is the first data row). */
	hasHeader: boolean;
	/** The header row's cells, trimmed; several header rows merged into one name per column. */
	headers: string[];
	/** The header row's cells as written (untrimmed), for the warnings on imperfect headers. */
	rawHeaders: string[];
	/** Header rows merged (GENESIS writes two): 1 for an ordinary file. */
	headerRows: number;
	/** Lines before the header row(s), each with its reason. */
	skipped: SkippedLine[];
	/** Fields of the table's rows (the most common count), for the footer detection. */
	width: number;
	/** The header line the detection chose (0-based), whatever `headerLine` the caller forced. */
	detectedLine: number;
}

const DELIMITERS = [';', '\t', ',', '|'];

/** A value that is clearly data, not a column name: a number, a date, a period. */
export const DATA_LIKE =
	/^(-?[\d.,]+\s?%?|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{4}|Q[1-4]\/\d{4})$/i;

/** Records looked at to find the table (a preamble is rarely longer than a few dozen lines). */
const HEAD_RECORDS = 200;

/** Footer lines and notes: copyright, source, date of the extract, footnote markers. */
const NOTE =
	/^(©|\(c\)|copyright|quelle\b|stand\b|hinweis|fu(ß|ss)note|anmerkung|erläuterung|\d{1,2}\)\s|\*\s)/i;

/** First cells of a totals line below a table (bank statements, accounting exports). */
const TOTAL =
	/^(summe|summen|gesamtsumme|endsumme|zwischensumme|saldo|anfangssaldo|endsaldo|abschlusssaldo|kontostand|total)\b/i;

const SEP_LINE = /^\s*"?sep=(.)"?[;,\t|]*\s*$/i;

interface Row {
	/** 0-based physical line the record starts on. */
	line: number;
	/** Physical lines the record spans (cells with line breaks span several). */
	span: number;
	cells: string[];
	/** The cells as written (untrimmed). */
	written: string[];
	nonEmpty: number;
	raw: string;
}

/**
 * The records of a text with the physical line each starts on (papaparse does the CSV; lines are
 * counted from the line breaks inside cells). `limit`: records read at most.
 */
function rowsOf(text: string, delimiter: string, limit: number): Row[] {
	const lines = text.split(/\r\n|\n|\r/);
	// One line end for papaparse, as the record scan counts every CR, LF and CRLF as one.
	const parsed = Papa.parse<string[]>(lines.join('\n'), {
		delimiter,
		newline: '\n',
		preview: limit,
		skipEmptyLines: false
	}).data;
	const rows: Row[] = [];
	let line = 0;
	for (const cells of parsed) {
		if (line >= lines.length) break;
		const breaks = cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
		const trimmed = cells.map((c) => c.trim());
		rows.push({
			line,
			span: breaks + 1,
			cells: trimmed,
			written: cells,
			nonEmpty: trimmed.filter((c) => c !== '').length,
			raw: lines.slice(line, line + breaks + 1).join('\n')
		});
		line += breaks + 1;
	}
	return rows;
}

/** Index in `text` where 0-based physical line `line` starts. */
export function lineStart(text: string, line: number): number {
	let at = 0;
	for (let l = 0; l < line; l++) {
		while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
		if (at >= text.length) return text.length;
		at += text[at] === '\r' && text[at + 1] === '\n' ? 2 : 1;
	}
	return at;
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);
const isDataLike = (r: Row) => r.cells.some((c) => DATA_LIKE.test(c));
const firstFilled = (r: Row) => r.cells.findIndex((c) => c !== '');

/** The most common field count of the rows (of two fields or more), the larger on a tie; 1 if none. */
function widthOf(rows: Row[]): number {
	const counts = new Map<number, number>();
	for (const r of rows)
		if (r.nonEmpty > 0 && r.cells.length >= 2)
			counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
	let best = 1;
	let most = 0;
	for (const [w, n] of counts) if (n > most || (n === most && w > best)) [best, most] = [w, n];
	return best;
}

/** The delimiter under which most records share one field count (`;` first on a tie, as German exports use it). */
function guessDelimiter(text: string): string {
	let best = ';';
	let score = -1;
	for (const d of DELIMITERS) {
		const rows = rowsOf(text, d, 100);
		const w = widthOf(rows);
		const n = w < 2 ? 0 : rows.filter((r) => r.cells.length === w).length;
		if (n > score) [best, score] = [d, n];
	}
	return best;
}

/**
 * Finds the table in the head of a decoded file: the delimiter, the header row and the lines
 * before it (a title, account data, "Stand:", Excel's `sep=;`, DATEV's `EXTF` line, blank lines),
 * and header rows to merge (GENESIS writes a group row above the column names). The header is the
 * first row as wide as the table's rows (± a trailing delimiter) with enough filled cells; a row
 * of a label and a value ("Kontonummer:;…") is preamble. `headerLine` forces the header row
 * (0-based physical line), as the import card's control does.
 */
export function detectTable(text: string, options: { headerLine?: number } = {}): TableStart {
	const head = text.slice(0, 256 * 1024);
	// Blank lines and a sep= line go before anything else: they fix the delimiter.
	const lines = head.split(/\r\n|\n|\r/, 64);
	let sep: string | undefined;
	for (const l of lines) {
		if (l.trim() === '') continue;
		const m = SEP_LINE.exec(l);
		if (m) sep = m[1];
		break;
	}
	const delimiter = sep ?? guessDelimiter(head);
	let rows = rowsOf(head, delimiter, HEAD_RECORDS);
	// A head cut mid-file ends mid-record: its last record is not looked at.
	if (head.length < text.length && rows.length > 1) rows = rows.slice(0, -1);
	const tail = rows.length >= 6 ? rows.slice(Math.floor(rows.length / 3)) : rows;
	const width = widthOf(tail);
	const near = (r: Row) => (width < 2 ? r.cells.length <= 2 : Math.abs(r.cells.length - width) <= 1);
	const filled = tail
		.filter((r) => near(r) && r.nonEmpty > 0)
		.map((r) => r.nonEmpty)
		.sort((a, b) => a - b);
	const median = filled.length ? filled[Math.floor(filled.length / 2)]! : 1;
	const needed = Math.max(1, Math.ceil(median / 2));

	const reasonOf = (r: Row, i: number): SkipReason | null => {
		if (r.nonEmpty === 0) return 'blank';
		if (i === rows.findIndex((x) => x.nonEmpty > 0) && SEP_LINE.test(r.raw)) return 'sep';
		if (/^(EXTF|DTVF)$/.test(r.cells[0] ?? '')) return 'datev';
		return null;
	};
	const preamble = (r: Row) => (r.cells[0] ?? '').endsWith(':');
	const candidate = (r: Row, i: number) =>
		reasonOf(r, i) === null &&
		near(r) &&
		!preamble(r) &&
		r.nonEmpty >= needed &&
		(r.nonEmpty >= 2 || firstFilled(r) >= 1 || width < 2);

	let detected = rows.findIndex(candidate);
	if (detected < 0)
		detected = Math.max(
			0,
			rows.findIndex((r, i) => reasonOf(r, i) === null)
		);
	let first = detected;
	let last = detected;
	// A sparse group row above the column names (GENESIS): rows up to a data row are headers.
	const sparse = (r: Row) => r.cells.slice(0, width).some((c) => c === '');
	if (rows[detected] && !isDataLike(rows[detected]!) && sparse(rows[detected]!)) {
		let k = detected;
		while (
			k + 1 < rows.length &&
			k - detected < 2 &&
			rows[k + 1]!.nonEmpty > 0 &&
			rows[k + 1]!.cells.length === rows[detected]!.cells.length &&
			!isDataLike(rows[k + 1]!) &&
			sparse(rows[k]!)
		)
			k++;
		if (k > detected && rows[k + 1] && isDataLike(rows[k + 1]!)) last = k;
	}
	// Or the detected row is the column names and the row above it the group row.
	const above = rows[detected - 1];
	if (
		last === detected &&
		above &&
		above.cells.length === rows[detected]!.cells.length &&
		above.nonEmpty > 0 &&
		above.cells[0] === '' &&
		sparse(above) &&
		reasonOf(above, detected - 1) === null
	)
		first = detected - 1;

	const forced = options.headerLine;
	if (forced !== undefined) {
		const at = rows.findIndex((r) => r.line + r.span > forced);
		first = last = at < 0 ? rows.length - 1 : at;
	}
	const headerRow = rows[last];
	const headerRows = rows.slice(first, last + 1);
	const hasHeader = headerRow !== undefined && !isDataLike(headerRow);
	const skipped: SkippedLine[] = [];
	for (const [i, r] of rows.slice(0, first).entries()) {
		const reason = reasonOf(r, i) ?? 'preamble';
		for (let l = 0; l < r.span; l++)
			skipped.push({ line: r.line + l + 1, text: clip(r.raw.split('\n')[l] ?? ''), reason });
	}
	for (const r of headerRows.slice(0, -1))
		skipped.push({ line: r.line + 1, text: clip(r.raw), reason: 'header' });
	const cells = headerRow?.cells ?? [];
	const headers = !hasHeader
		? cells.map((_, i) => `Spalte ${i + 1}`)
		: headerRows.length > 1
			? mergeHeaders(headerRows.map((r) => r.cells))
			: cells;
	const headerLine = headerRow?.line ?? 0;
	return {
		delimiter,
		headerLine,
		bodyStart: lineStart(text, headerLine),
		hasHeader,
		headers,
		rawHeaders: hasHeader ? (headerRow?.written ?? []) : [],
		headerRows: headerRows.length,
		skipped,
		width,
		detectedLine: rows[detected]?.line ?? 0
	};
}

/**
 * One name per column from several header rows: a group label spans the empty cells to its right
 * (a merged cell, as Excel and GENESIS write it) where the last row names a column; the parts are
 * joined by a space ("Gestorbene (Anzahl) männlich").
 */
export function mergeHeaders(rows: string[][]): string[] {
	const lastRow = rows.at(-1) ?? [];
	const filledRows = rows.slice(0, -1).map((row) => {
		let label = '';
		return lastRow.map((own, i) => {
			const cell = row[i] ?? '';
			if (cell !== '') label = cell;
			return cell !== '' ? cell : own !== '' ? label : '';
		});
	});
	return lastRow.map((own, i) => [...filledRows.map((r) => r[i]!), own].filter((p) => p !== '').join(' '));
}

/** Lines after the table, found by detectFooter. */
export interface TableEnd {
	/** Index in the tail text where the footer starts (a line start). */
	start: number;
	/** The footer's lines: `line` is 0-based from the first footer line. */
	lines: { line: number; text: string; reason: SkipReason }[];
}

/**
 * Finds lines after the table in the end of a decoded file (`tail`, starting at a line start):
 * footnotes and notes (a single filled cell, "© Statistisches Bundesamt", "Quelle: …"), `__`
 * separators and totals lines ("Summe", "Saldo"), with blank lines among them. Blank lines
 * between the table and its footer stay the table's (counted as blank lines). `minRecord`: records
 * of the tail that are never footer (the header row and the first data row when the tail is the
 * whole body). Null when the table runs to the end.
 */
export function detectFooter(tail: string, delimiter: string, width: number, minRecord = 1): TableEnd | null {
	// The final line break ends the last line, it does not start another.
	const body = tail.replace(/(\r\n|\n|\r)$/, '');
	const rows = rowsOf(body, delimiter, Number.MAX_SAFE_INTEGER);
	const kind = (r: Row): SkipReason | null => {
		if (r.nonEmpty === 0) return 'blank';
		const first = r.cells[firstFilled(r)] ?? '';
		if (r.cells.every((c) => /^[\s_\-=–—*.]*$/.test(c)) && /[_\-=–—]{3}/.test(r.raw)) return 'separator';
		if (TOTAL.test(first)) return 'total';
		if (NOTE.test(first) && r.nonEmpty <= 2) return 'note';
		if (
			r.nonEmpty === 1 &&
			(Math.abs(r.cells.length - width) > 1 || (width >= 3 && firstFilled(r) === 0 && !DATA_LIKE.test(first)))
		)
			return 'note';
		return null;
	};
	let start = rows.length;
	while (start > minRecord && kind(rows[start - 1]!) !== null) start--;
	while (start < rows.length && rows[start]!.nonEmpty === 0) start++;
	if (start >= rows.length) return null;
	const from = rows[start]!.line;
	const lines: TableEnd['lines'] = [];
	for (const r of rows.slice(start)) {
		const reason = kind(r)!;
		const parts = r.raw.split('\n');
		for (let l = 0; l < r.span; l++)
			lines.push({ line: r.line - from + l, text: clip(parts[l] ?? ''), reason });
	}
	return { start: lineStart(tail, from), lines };
}
