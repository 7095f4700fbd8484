import Papa from 'papaparse';
import { guessTables, type TableGuess } from '../model';
import { normalizeHeader } from '../model/headers';
import {
	checkBytes,
	decodeText,
	DEFAULT_SIZE_LIMIT,
	detectEncoding,
	InputError,
	type Encoding
} from './encoding';
import { sniffDialect, type Dialect } from './dialect';
import { MAX_RAGGED_SHARE, repairRows, type RaggedReject } from './ragged';
import { scanRecords, type RecordScan } from './scan';
import { detectFooter, lineStart, type SkippedLine } from './table';
import { stepTimer } from './timings';

/** Name given to a trailing empty header (every line ends with a delimiter): ignored when empty. */
export const TRAILING_COLUMN = '(leer)';

/** Records read on the main path to decide each column's fast type (the whole file when smaller). */
export const SAMPLE_RECORDS = 5000;

/**
 * A file read, decoded and checked, ready for the typed load: everything that needs no database
 * and may run in a Web Worker. `error` is set when the file is refused; nothing of it is loaded.
 */
export interface PreparedCsv {
	file: string;
	size: number;
	error?: string;
	encoding?: Encoding;
	dialect?: Dialect;
	scan?: RecordScan;
	/** UTF-8 bytes from the header on, what DuckDB's read_csv reads. */
	utf8?: Uint8Array;
	/** Where `utf8` starts in the file's bytes, when it is the file's own bytes (UTF-8, LF or CRLF). */
	bodyOffset?: number;
	/** Where `utf8` ends in the file's bytes when a footer is cut off (with bodyOffset; else the file's end). */
	bodyEnd?: number;
	/** Lines outside the table: preamble, upper header rows (reason 'header'), footer; by line. */
	skipped?: SkippedLine[];
	/** Lines before and after the table that are not header rows: counted in the reconciliation. */
	rowsSkipped?: number;
	/** Rows with more or fewer fields than the header, rejected line by line (their lines read as blank). */
	raggedRejects?: RaggedReject[];
	/** Physical lines of `raggedRejects` (read_csv and the scan see them as blank lines). */
	blankedLines?: number;
	/** What was read differently from how the file writes it (imperfect headers, trailing delimiters), in German. */
	warnings?: string[];
	/** Prepared from the file's head only (prepareHead): the scan and counts cover that part. */
	partial?: boolean;
	/** The first data records as papaparse reads them, for the mapping screen. */
	preview?: string[][];
	/** The first SAMPLE_RECORDS data records (papaparse): the per-column fast types are decided on them. */
	sample?: string[][];
	/** Canonical tables this file may be, best first. */
	guesses?: TableGuess[];
	/** Milliseconds per step (decode, scan, sample), shown on /diagnostics/ingest. */
	timings?: Record<string, number>;
}

export interface PrepareOptions {
	/** Largest file accepted, in bytes (default 1 GB). */
	sizeLimit?: number;
	previewRows?: number;
	/** 1-based line of the header row, overriding the detection (the import card's control). */
	headerLine?: number;
	/** Look for lines after the table (default true; a file's head has none of its footer). */
	footer?: boolean;
	/** Share of rows that may be ragged (rejected line by line) before the file is refused (default 0.2). */
	maxRaggedShare?: number;
}

/** End of a file looked at for a footer. */
const TAIL_BYTES = 64 * 1024;

/**
 * Decode → dialect → record scan → header checks → table guess. Never throws for a bad file: the
 * reason goes into `error`, in German, naming the line where there is one.
 */
export function prepareCsv(file: string, bytes: Uint8Array, options: PrepareOptions = {}): PreparedCsv {
	const prepared: PreparedCsv = { file, size: bytes.length };
	const timer = stepTimer();
	try {
		timer.begin('decode');
		checkBytes(bytes, options.sizeLimit ?? DEFAULT_SIZE_LIMIT);
		const sniffed = sniffText(bytes);
		let { text, encoding, whole } = sniffed;
		let dialect = sniffDialect(text, { headerLine: options.headerLine });
		// Only CR line ends (rewritten below) or a head of blank lines need the whole text.
		if (!whole && (dialect.lineEnding === 'CR' || text.trim() === '')) {
			({ text, encoding } = decodeText(bytes));
			whole = true;
			dialect = sniffDialect(text, { headerLine: options.headerLine });
		}
		timer.begin('scan');
		prepared.encoding = encoding;
		if (text.trim() === '') throw new InputError('Die Datei enthält nur Leerzeilen.');
		prepared.dialect = dialect;
		const bom = encoding === 'utf-8-bom' ? 3 : 0;
		const utf8Encoded = encoding === 'utf-8' || encoding === 'utf-8-bom';
		// The footer: found in the file's end, cut off as text (whole) or as bytes (a large UTF-8 file).
		let endChar = text.length;
		let endByte: number | undefined;
		let footer: ReturnType<typeof detectFooter> = null;
		if (options.footer !== false) {
			if (whole) {
				let from = Math.max(dialect.bodyStart, text.length - TAIL_BYTES);
				if (from > dialect.bodyStart) from += lineStart(text.slice(from), 1);
				footer = detectFooter(
					text.slice(from),
					dialect.delimiter,
					dialect.width,
					from === dialect.bodyStart ? 2 : 1
				);
				if (footer) {
					endChar = from + footer.start;
					if (utf8Encoded) endByte = bom + new TextEncoder().encode(text.slice(0, endChar)).length;
				}
			} else {
				const from = bytes.indexOf(10, bytes.length - TAIL_BYTES) + 1;
				const tail = new TextDecoder().decode(bytes.subarray(from));
				footer = detectFooter(tail, dialect.delimiter, dialect.width, 1);
				if (footer) endByte = from + new TextEncoder().encode(tail.slice(0, footer.start)).length;
			}
		}
		const body = text.slice(dialect.bodyStart, endChar);
		// CR-only files (old Mac Excel) become LF so read_csv sees the same records as the scan.
		const normalized = dialect.lineEnding === 'CR' ? body.replace(/\r/g, '\n') : body;
		let utf8 = utf8Body(bytes, text, encoding, dialect.bodyStart, normalized, body, endByte);
		const own = utf8.buffer === bytes.buffer;
		let scan = scanRecords(utf8, dialect.delimiter, dialect.skipLines + 1, dialect.hasHeader);
		const warnings: string[] = [];
		const repair = repairRows(
			utf8,
			scan,
			dialect.headers,
			dialect.delimiter,
			options.maxRaggedShare ?? MAX_RAGGED_SHARE
		);
		if (repair) {
			utf8 = repair.bytes;
			if (repair.headerTrimmed) dialect.headers.pop();
			scan = scanRecords(utf8, dialect.delimiter, dialect.skipLines + 1, dialect.hasHeader);
			if (scan.ragged.length) throw new InputError(raggedMessage(scan));
			prepared.raggedRejects = repair.rejected;
			prepared.blankedLines = repair.blankedLines;
			if (repair.headerTrimmed)
				warnings.push(
					`Zeile ${dialect.skipLines + 1}: Die Kopfzeile endet mit einem Trennzeichen, die Datenzeilen nicht; das leere Feld wird ignoriert.`
				);
			if (repair.trimmed.length)
				warnings.push(
					`${lineList(repair.trimmed)}: ein überzähliges leeres Feld am Zeilenende (Trennzeichen am Ende) wird ignoriert.`
				);
			if (repair.padded.length)
				warnings.push(
					`${lineList(repair.padded)}: die leere letzte Spalte fehlt; sie wird als leer gelesen.`
				);
		}
		if (scan.trailingField)
			warnings.push(
				'Jede Datenzeile endet mit einem Trennzeichen (ein leeres Feld mehr als Überschriften); das leere Feld wird ignoriert.'
			);
		prepared.scan = scan;
		const skipped = [...dialect.skipped];
		if (footer)
			for (const l of footer.lines)
				skipped.push({ line: scan.endLine + l.line, text: l.text, reason: l.reason });
		prepared.skipped = skipped;
		prepared.rowsSkipped = skipped.filter((l) => l.reason !== 'header').length;
		timer.begin('sample');
		warnings.push(...checkHeaders(dialect, scan));
		prepared.warnings = warnings;
		if (scan.records === 0)
			throw new InputError(
				`Die Datei enthält nur die Kopfzeile (${dialect.headers.join(', ')}), aber keine Datenzeilen.`
			);
		prepared.utf8 = utf8;
		if (own && utf8.buffer === bytes.buffer) {
			prepared.bodyOffset = utf8.byteOffset - bytes.byteOffset;
			if (endByte !== undefined) prepared.bodyEnd = endByte;
		}
		// Only the sample's bytes are parsed: papaparse is slow to start on a whole 50 MB string.
		const head = new TextDecoder().decode(
			utf8.subarray(0, scan.starts[Math.min(scan.records, SAMPLE_RECORDS)])
		);
		const sample = Papa.parse<string[]>(head, {
			delimiter: dialect.delimiter,
			preview: SAMPLE_RECORDS + (dialect.hasHeader ? 1 : 0),
			skipEmptyLines: 'greedy'
		}).data.slice(dialect.hasHeader ? 1 : 0);
		prepared.sample = sample;
		prepared.preview = sample.slice(0, options.previewRows ?? 10);
		prepared.guesses = guessTables(dialect.headers.filter((h) => h !== TRAILING_COLUMN));
		timer.end();
		prepared.timings = timer.timings;
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		prepared.error = error.message;
	}
	return prepared;
}

/** Bytes of a file's head prepared first (prepareHead): SAMPLE_RECORDS records of most exports. */
export const HEAD_BYTES = 1024 * 1024;

/**
 * The file's head prepared as prepareCsv prepares the whole file, so a load can start while the
 * rest is still read and scanned. Cut after its last line break; null when the head cannot stand
 * for the file: the file fits in it, it is not UTF-8 text with LF or CRLF line ends, a quoted cell
 * runs across the cut, or it holds fewer than SAMPLE_RECORDS records. The whole file decides in
 * the end (finishLoad compares both).
 */
export function prepareHead(file: string, head: Uint8Array, size: number): PreparedCsv | null {
	if (size <= head.length) return null;
	const cut = head.lastIndexOf(10) + 1;
	if (cut === 0) return null;
	const prepared = prepareCsv(file, head.subarray(0, cut), { footer: false });
	if (
		prepared.error ||
		prepared.bodyOffset === undefined ||
		!prepared.scan ||
		prepared.scan.records <= SAMPLE_RECORDS
	)
		return null;
	delete prepared.utf8;
	return { ...prepared, size, partial: true };
}

/** Whether the whole prepared file reads as its head said: same encoding, start, dialect and sample. */
export function sameBasis(head: PreparedCsv, full: PreparedCsv): boolean {
	return (
		!full.error &&
		head.encoding === full.encoding &&
		head.bodyOffset !== undefined &&
		head.bodyOffset === full.bodyOffset &&
		full.bodyEnd === undefined &&
		!full.raggedRejects?.length &&
		JSON.stringify(head.dialect) === JSON.stringify(full.dialect) &&
		JSON.stringify(head.sample) === JSON.stringify(full.sample)
	);
}

/** Text decoded for the dialect sniff of a large UTF-8 file (its body is read from the bytes). */
const SNIFF_BYTES = 1024 * 1024;

/**
 * The file's text for the dialect sniff: all of it, or for a UTF-8 file over SNIFF_BYTES (checked
 * to be UTF-8 throughout) only its head, so no string of the whole file is built.
 */
function sniffText(bytes: Uint8Array): { text: string; encoding: Encoding; whole: boolean } {
	const encoding = detectEncoding(bytes);
	const bom = encoding === 'utf-8-bom' ? 3 : 0;
	if ((encoding === 'utf-8' || encoding === 'utf-8-bom') && bytes.length - bom > SNIFF_BYTES)
		return {
			text: new TextDecoder().decode(bytes.subarray(bom, bom + SNIFF_BYTES)),
			encoding,
			whole: false
		};
	return { ...decodeText(bytes), whole: true };
}

/** "Zeile 3, 5, 9" or "Zeilen 3, 5, 9, … (12 Zeilen)": the first lines of a list. */
function lineList(lines: number[]): string {
	const shown = lines.slice(0, 5).join(', ');
	return lines.length === 1
		? `Zeile ${shown}`
		: `Zeilen ${shown}${lines.length > 5 ? `, … (${lines.length} Zeilen)` : ''}`;
}

function raggedMessage(scan: RecordScan): string {
	const listed = scan.ragged
		.slice(0, 5)
		.map((r) => `Zeile ${r.line} hat ${r.fields} statt ${scan.fields} Spalten`);
	return `Die Zeilen haben unterschiedlich viele Spalten: ${listed.join('; ')}${scan.ragged.length > 5 ? ' …' : ''}.`;
}

/**
 * Imperfect headers become usable ones, each with a warning: an empty one is named `Spalte N`, a
 * repeated one gets a number (`Betrag`, `Betrag (2)`); line breaks, non-breaking and padding
 * spaces stay as written (matching normalises them). A trailing empty one is a trailing delimiter.
 * Refused only when the header row does not split into the table's columns.
 */
function checkHeaders(dialect: Dialect, scan: RecordScan): string[] {
	const headers = dialect.headers;
	const line = dialect.skipLines + 1;
	const warnings: string[] = [];
	if (scan.trailingField) headers.push(TRAILING_COLUMN);
	if (headers.length !== scan.fields)
		throw new InputError(`Zeile ${line}: Die Kopfzeile lässt sich nicht eindeutig in Spalten teilen.`);
	if (headers.length > 1 && headers.at(-1) === '') headers[headers.length - 1] = TRAILING_COLUMN;
	headers.forEach((h, i) => {
		if (h !== '') return;
		headers[i] = `Spalte ${i + 1}`;
		warnings.push(`Zeile ${line}: Spalte ${i + 1} hat keine Überschrift; sie heißt hier „Spalte ${i + 1}“.`);
	});
	const seen = new Map<string, number>();
	headers.forEach((h, i) => {
		const key = normalizeHeader(h);
		const count = (seen.get(key) ?? 0) + 1;
		seen.set(key, count);
		if (count === 1) return;
		let name = `${h} (${count})`;
		for (let n = count; headers.includes(name); n++) name = `${h} (${n + 1})`;
		headers[i] = name;
		warnings.push(
			`Zeile ${line}: Die Spaltenüberschrift „${h}“ kommt mehrfach vor; Spalte ${i + 1} heißt hier „${name}“.`
		);
	});
	const odd = dialect.rawHeaders.flatMap((raw, i) => {
		const what = [
			/[\r\n]/.test(raw) ? 'einen Zeilenumbruch' : '',
			raw.includes('\u00a0') ? 'ein geschütztes Leerzeichen' : '',
			raw !== raw.trim() && raw.trim() !== '' ? 'Leerzeichen am Rand' : ''
		].filter(Boolean);
		return what.length
			? [`„${raw.trim().replace(/\s+/g, ' ')}“ (Spalte ${i + 1}) enthält ${what.join(' und ')}`]
			: [];
	});
	if (odd.length)
		warnings.push(`Zeile ${line}: ${odd.join('; ')}; für die Zuordnung wird das nicht beachtet.`);
	return warnings;
}

/** The bytes read_csv gets: the original UTF-8 bytes when possible (no copy), else re-encoded text. */
function utf8Body(
	bytes: Uint8Array,
	text: string,
	encoding: Encoding,
	bodyStart: number,
	normalized: string,
	body: string,
	end: number | undefined
): Uint8Array {
	if ((encoding === 'utf-8' || encoding === 'utf-8-bom') && normalized === body) {
		const skip =
			(encoding === 'utf-8-bom' ? 3 : 0) + new TextEncoder().encode(text.slice(0, bodyStart)).length;
		return bytes.subarray(skip, end);
	}
	return new TextEncoder().encode(normalized);
}
