import { InputError } from './encoding';
import type { RecordScan } from './scan';

/** Share of data rows that may be ragged (rejected line by line) before the whole file is refused. */
export const MAX_RAGGED_SHARE = 0.2;

/** A row rejected because it has more or fewer fields than the header. */
export interface RaggedReject {
	line: number;
	fields: number;
	expected: number;
	/** The row as written (cut at 200 characters). */
	text: string;
}

/** What repairRows did to the body: the bytes read_csv gets and the lines it changed or took out. */
export interface RowRepair {
	bytes: Uint8Array;
	/** Lines whose one extra, empty last field was dropped (a trailing delimiter). */
	trimmed: number[];
	/** Lines that lacked only the header's empty last column (it was added). */
	padded: number[];
	/** The header row's trailing delimiter was dropped: no data row has the field it announces. */
	headerTrimmed: boolean;
	/** Rows taken out (their lines left blank, so every other row keeps its line). */
	rejected: RaggedReject[];
	/** Physical lines blanked for the rejected rows (read_csv skips them as blank lines). */
	blankedLines: number;
}

const LF = 10;
const CR = 13;

/** Where a record's own bytes end: before its line break and the blank lines after it. */
function contentEnd(bytes: Uint8Array, start: number, end: number): number {
	let e = end;
	while (e > start && (bytes[e - 1] === LF || bytes[e - 1] === CR)) e--;
	return e;
}

/**
 * Decides on the ragged rows of a scanned body: a row with one extra empty last field (a trailing
 * delimiter) loses it; a row missing only the header's empty last column gets it; a header whose
 * trailing delimiter no data row repeats loses it; any other ragged row is taken out and
 * listed (its bytes blanked, its line breaks kept). More than `maxShare` of the rows taken out:
 * the file is refused, naming the first ragged lines. Null when there is nothing to repair.
 */
export function repairRows(
	body: Uint8Array,
	scan: RecordScan,
	headers: string[],
	delimiter: string,
	maxShare = MAX_RAGGED_SHARE
): RowRepair | null {
	if (!scan.ragged.length) return null;
	const expected = scan.fields;
	const d = delimiter.charCodeAt(0);
	const emptyLast = headers.length > 1 && headers.at(-1) === '';
	const headerEnd = contentEnd(body, 0, scan.starts[0]!);
	// Every row one field short of a header that ends with a delimiter: the header's is a stray one.
	const headerTrimmed =
		emptyLast &&
		scan.ragged.length === scan.records &&
		scan.ragged.every((r) => r.fields === expected - 1) &&
		body[headerEnd - 1] === d;
	const trimmed: number[] = [];
	const padded: number[] = [];
	const rejected: RaggedReject[] = [];
	const cuts = new Set<number>();
	const pads = new Set<number>();
	const blanks: [number, number][] = [];
	if (headerTrimmed) cuts.add(headerEnd - 1);
	else
		for (const r of scan.ragged) {
			const start = scan.starts[r.record - 1]!;
			const end = contentEnd(body, start, scan.starts[r.record]!);
			if (r.fields === expected + 1 && r.lastEmpty && body[end - 1] === d) {
				cuts.add(end - 1);
				trimmed.push(r.line);
			} else if (r.fields === expected - 1 && emptyLast) {
				pads.add(end);
				padded.push(r.line);
			} else {
				blanks.push([start, end]);
				rejected.push({
					line: r.line,
					fields: r.fields,
					expected,
					text: clip(new TextDecoder().decode(body.subarray(start, end)))
				});
			}
		}
	const share = rejected.length / Math.max(1, scan.records);
	if (rejected.length && (share > maxShare || scan.ragged.length >= 100_000)) {
		const listed = scan.ragged
			.slice(0, 5)
			.map((r) => `Zeile ${r.line} hat ${r.fields} statt ${expected} Spalten`);
		throw new InputError(
			`Die Zeilen haben unterschiedlich viele Spalten: ${listed.join('; ')}${scan.ragged.length > 5 ? ' …' : ''}.`
		);
	}
	// The new body: copied in runs between the edits (a cut byte, an added delimiter, a blanked row).
	type Edit = { at: number; end: number; insert: Uint8Array };
	const edits: Edit[] = [
		...[...cuts].map((at) => ({ at, end: at + 1, insert: new Uint8Array(0) })),
		...[...pads].map((at) => ({ at, end: at, insert: Uint8Array.of(d) })),
		...blanks.map(([at, end]) => ({
			at,
			end,
			insert: body.subarray(at, end).filter((x) => x === LF || x === CR)
		}))
	].sort((x, y) => x.at - y.at);
	const parts: Uint8Array[] = [];
	let from = 0;
	for (const e of edits) {
		parts.push(body.subarray(from, e.at), e.insert);
		from = e.end;
	}
	parts.push(body.subarray(from));
	const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		bytes.set(p, at);
		at += p.length;
	}
	// A blanked row is one blank line, plus one per line break inside it; none when it ends the file unterminated.
	let blankedLines = 0;
	for (const [start, end] of blanks) {
		const inner = body.subarray(start, end);
		blankedLines += (end < body.length ? 1 : 0) + inner.filter((x) => x === LF).length;
		blankedLines += inner.filter((x, i) => x === CR && inner[i + 1] !== LF).length;
	}
	return { bytes: bytes, trimmed, padded, headerTrimmed, rejected, blankedLines };
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);
