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
	/**
	 * Byte offset of each data record's start in the scanned bytes (record i at index i − 1), and
	 * the byte length scanned at index `records`: a record's bytes are starts[i − 1]..starts[i].
	 */
	starts: Uint32Array;
	/** Every data record has one field more than the header: a trailing delimiter on data rows only. */
	trailingField: boolean;
	/**
	 * Columns (0-based) where a data record's value starts or ends with a space (quotes aside), in
	 * ascending order: only those need the trim the precise path gives text (DuckDB's trim strips
	 * spaces only).
	 */
	padded: number[];
	/** Records whose field count differs from the header's (all of them, up to MAX_RAGGED), by record. */
	ragged: RaggedRecord[];
	/** Physical line after the last one scanned (where a cut-off footer starts). */
	endLine: number;
}

/** A data record with more or fewer fields than the header. */
export interface RaggedRecord {
	/** Record number (1-based), as in `starts`. */
	record: number;
	line: number;
	fields: number;
	/** Its last field is empty (the line ends with a delimiter). */
	lastEmpty: boolean;
}

/** Ragged records listed at most: beyond, the file is refused anyway (too many to reject line by line). */
export const MAX_RAGGED = 100_000;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;

/**
 * One pass over the UTF-8 bytes (delimiters, quotes, spaces and line breaks are ASCII, so no
 * decoding) that tracks quotes, delimiters and line breaks only (no values): it finds the physical
 * line and byte offset each record starts on, the columns with a value padded by spaces and the
 * ragged records (repairRows decides on them), and refuses unterminated quotes with their line. Values are parsed by DuckDB's read_csv, not here. `startLine` is the physical line
 * of the first byte (after skipped lines); without a header row the first record is data.
 */
export function scanRecords(
	input: Uint8Array | string,
	delimiter: string,
	startLine: number,
	hasHeader = true
): RecordScan {
	const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
	const d = delimiter.charCodeAt(0);
	const n = bytes.length;
	const state: ScanState = {
		hasHeader,
		expected: -1,
		firstDataLine: 0,
		records: 0,
		blankLines: 0,
		lastOffset: 0,
		plusOne: 0,
		starts: new Uint32Array(1024),
		breakpoints: [],
		ragged: []
	};
	// Byte classes: 0 ordinary (the hot path: one lookup per byte), 1 delimiter, 2 line break, 3 quote,
	// 4 space.
	const classes = new Uint8Array(256);
	classes[SPACE] = 4;
	classes[d] = 1;
	classes[LF] = 2;
	classes[CR] = 2;
	classes[QUOTE] = 3;
	// padded[c] = 1: a value of column c starts or ends with a space (the header's values aside).
	let padded = new Uint8Array(64);
	const pad = (field: number) => {
		if (state.expected < 0 && hasHeader) return;
		if (field >= padded.length) {
			const grown = new Uint8Array(field * 2);
			grown.set(padded);
			padded = grown;
		}
		padded[field] = 1;
	};
	// The hot loop keeps its state in locals (a closure over them would make every access a load).
	let line = startLine;
	let recordStart = 0;
	let recordLine = line;
	let fields = 1;
	let fieldBegin = 0;
	let i = 0;
	while (i < n) {
		const k = classes[bytes[i]!]!;
		if (k === 0) {
			i++;
			continue;
		}
		if (k === 4) {
			const next = i + 1 < n ? classes[bytes[i + 1]!]! : 2;
			if (i === fieldBegin || next === 1 || next === 2) pad(fields - 1);
		} else if (k === 1) {
			fields++;
			fieldBegin = i + 1;
		} else if (k === 2) {
			endRecord(state, recordStart, i, recordLine, line, fields, fieldBegin === i);
			if (bytes[i] === CR && bytes[i + 1] === LF) i++;
			line++;
			recordStart = i + 1;
			fieldBegin = i + 1;
			recordLine = line;
			fields = 1;
		} else if (i === fieldBegin) {
			// A quoted field: jump from quote to quote (native search), counting the line breaks inside.
			const quoteLine = line;
			let from = i + 1;
			for (;;) {
				const q = bytes.indexOf(QUOTE, from);
				if (q < 0)
					throw new InputError(
						`Zeile ${quoteLine}: Ein Anführungszeichen (") wird geöffnet, aber bis zum Dateiende nicht geschlossen.`
					);
				for (let j = from; j < q; j++) {
					const b = bytes[j];
					if (b === LF) line++;
					else if (b === CR) {
						line++;
						if (bytes[j + 1] === LF) j++;
					}
				}
				if (bytes[q + 1] !== QUOTE) {
					if (bytes[fieldBegin + 1] === SPACE || (q > fieldBegin + 1 && bytes[q - 1] === SPACE))
						pad(fields - 1);
					i = q;
					break;
				}
				from = q + 2;
			}
		}
		i++;
	}
	if (n > recordStart) endRecord(state, recordStart, n, recordLine, line, fields, fieldBegin === n);
	const { records, ragged } = state;
	const expected = Math.max(state.expected, 0);
	// Excel exports often end every data row, but not the header, with a delimiter: one empty field more.
	const trailingField = hasHeader && records > 0 && state.plusOne === records;
	state.starts[records] = n;
	return {
		records,
		blankLines: state.blankLines,
		firstDataLine: state.firstDataLine || line + 1,
		breakpoints: state.breakpoints,
		fields: trailingField ? expected + 1 : expected,
		starts: state.starts.subarray(0, records + 1),
		trailingField,
		padded: [...padded.keys()].filter((c) => padded[c] === 1),
		ragged: trailingField ? [] : ragged,
		endLine: n > recordStart ? line + 1 : line
	};
}

interface ScanState {
	hasHeader: boolean;
	expected: number;
	firstDataLine: number;
	records: number;
	blankLines: number;
	lastOffset: number;
	plusOne: number;
	starts: Uint32Array;
	breakpoints: number[];
	ragged: RaggedRecord[];
}

/** Books one record (or blank line) that ran from byte `start` to `end`, starting on `recordLine`. */
function endRecord(
	s: ScanState,
	start: number,
	end: number,
	recordLine: number,
	line: number,
	fields: number,
	lastEmpty: boolean
): void {
	if (end === start) {
		if (s.expected >= 0) s.blankLines++;
		return;
	}
	if (s.expected < 0) {
		s.expected = fields;
		s.firstDataLine = s.hasHeader ? line + 1 : recordLine;
		if (s.hasHeader) return;
	}
	if (s.records + 1 >= s.starts.length) {
		const grown = new Uint32Array(s.starts.length * 2);
		grown.set(s.starts);
		s.starts = grown;
	}
	s.starts[s.records] = start;
	s.records++;
	if (fields !== s.expected) {
		if (fields === s.expected + 1) s.plusOne++;
		if (s.ragged.length < MAX_RAGGED)
			s.ragged.push({ record: s.records, line: recordLine, fields, lastEmpty });
	}
	const offset = recordLine - (s.firstDataLine + s.records - 1);
	if (offset !== s.lastOffset) {
		s.breakpoints.push(s.records, offset);
		s.lastOffset = offset;
	}
}
