import Papa from 'papaparse';
import { guessTables, type TableGuess } from '../model';
import {
	checkBytes,
	decodeText,
	DEFAULT_SIZE_LIMIT,
	detectEncoding,
	InputError,
	type Encoding
} from './encoding';
import { sniffDialect, type Dialect } from './dialect';
import { scanRecords, type RecordScan } from './scan';
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
}

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
		let { text, encoding } = sniffed;
		let dialect = sniffDialect(text);
		// Only CR line ends (rewritten below) or a head of blank lines need the whole text.
		if (!sniffed.whole && (dialect.lineEnding === 'CR' || text.trim() === '')) {
			({ text, encoding } = decodeText(bytes));
			dialect = sniffDialect(text);
		}
		timer.begin('scan');
		prepared.encoding = encoding;
		if (text.trim() === '') throw new InputError('Die Datei enthält nur Leerzeilen.');
		prepared.dialect = dialect;
		const body = text.slice(dialect.bodyStart);
		// CR-only files (old Mac Excel) become LF so read_csv sees the same records as the scan.
		const normalized = dialect.lineEnding === 'CR' ? body.replace(/\r/g, '\n') : body;
		const utf8 = utf8Body(bytes, text, encoding, dialect.bodyStart, normalized, body);
		const scan = scanRecords(utf8, dialect.delimiter, dialect.skipLines + 1, dialect.hasHeader);
		prepared.scan = scan;
		timer.begin('sample');
		checkHeaders(dialect, scan);
		if (scan.records === 0)
			throw new InputError(
				`Die Datei enthält nur die Kopfzeile (${dialect.headers.join(', ')}), aber keine Datenzeilen.`
			);
		prepared.utf8 = utf8;
		if (utf8.buffer === bytes.buffer) prepared.bodyOffset = utf8.byteOffset - bytes.byteOffset;
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
	const prepared = prepareCsv(file, head.subarray(0, cut));
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

/** Duplicate or empty header names are refused; a trailing empty one is a trailing delimiter. */
function checkHeaders(dialect: Dialect, scan: RecordScan): void {
	const headers = dialect.headers;
	const line = dialect.skipLines + 1;
	if (scan.trailingField) headers.push(TRAILING_COLUMN);
	if (headers.length !== scan.fields)
		throw new InputError(`Zeile ${line}: Die Kopfzeile lässt sich nicht eindeutig in Spalten teilen.`);
	if (headers.length > 1 && headers.at(-1) === '') headers[headers.length - 1] = TRAILING_COLUMN;
	const empty = headers.indexOf('');
	if (empty >= 0) throw new InputError(`Zeile ${line}: Spalte ${empty + 1} hat keine Überschrift.`);
	const seen = new Map<string, number>();
	headers.forEach((h, i) => {
		const key = h.toLowerCase();
		if (seen.has(key))
			throw new InputError(
				`Zeile ${line}: Die Spaltenüberschrift „${h}“ kommt doppelt vor (Spalte ${seen.get(key)! + 1} und ${i + 1}).`
			);
		seen.set(key, i);
	});
}

/** The bytes read_csv gets: the original UTF-8 bytes when possible (no copy), else re-encoded text. */
function utf8Body(
	bytes: Uint8Array,
	text: string,
	encoding: Encoding,
	bodyStart: number,
	normalized: string,
	body: string
): Uint8Array {
	if ((encoding === 'utf-8' || encoding === 'utf-8-bom') && normalized === body) {
		const skip =
			(encoding === 'utf-8-bom' ? 3 : 0) + new TextEncoder().encode(text.slice(0, bodyStart)).length;
		return bytes.subarray(skip);
	}
	return new TextEncoder().encode(normalized);
}
