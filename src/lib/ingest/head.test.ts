import { describe, expect, test } from 'vitest';
import { createNodeEngine } from '../engine/node';
import { toRows } from '../engine/rows';
import { ensureSchema, finishLoad, loadPrepared, stageLoad } from './load';
import { HEAD_BYTES, prepareCsv, prepareHead, sameBasis } from './prepare';

const HEADER = 'Indikator-ID;Projekt-Nr.;Zeitraum von;Zeitraum bis;Istwert;Geschlecht\r\n';

/** An actuals export in ASCII a little larger than the head, with `tail` appended after the head. */
function exportBytes(tail = ''): Uint8Array {
	const rows: string[] = [HEADER];
	let size = HEADER.length;
	for (let i = 0; size < HEAD_BYTES + 200_000; i++) {
		const row = `CO0${1 + (i % 9)};BQ-${i % 70};01.0${1 + (i % 9)}.2021;28.0${1 + (i % 9)}.2021;${i % 500},5;${['weiblich', 'divers', ''][i % 3]}\r\n`;
		rows.push(row);
		size += row.length;
	}
	rows.push(tail);
	return new TextEncoder().encode(rows.join(''));
}

/** Windows-1252 bytes of a row: "Bemerkung" is not a column, so the ä goes into a project id. */
const cp1252Row = new Uint8Array([
	...new TextEncoder().encode('CO01;Gr'),
	0xe4,
	...new TextEncoder().encode('n;01.01.2021;31.01.2021;1;\r\n')
]);

const concat = (a: Uint8Array, b: Uint8Array) => {
	const out = new Uint8Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
};

/** Loads a file through the head path (stageLoad + finishLoad) and the usual path; both outcomes. */
async function bothWays(bytes: Uint8Array, asFile = false) {
	const head = prepareHead('f.csv', bytes.subarray(0, HEAD_BYTES), bytes.length);
	const full = prepareCsv('f.csv', bytes);
	const viaHead = await createNodeEngine();
	await ensureSchema(viaHead);
	const body = asFile ? new Blob([bytes.slice()]) : bytes.slice(head?.bodyOffset);
	const staged = head ? await stageLoad(viaHead, head, body) : null;
	const headReport = await finishLoad(viaHead, staged, full);
	const plain = await createNodeEngine();
	await ensureSchema(plain);
	const plainReport = await loadPrepared(plain, prepareCsv('f.csv', bytes));
	const content = async (engine: typeof plain) =>
		toRows(
			await engine.query(
				'SELECT count(*) AS n, sum(value) AS total, count(DISTINCT project_id) AS projects, count(gender) AS genders, max(_source_line) AS last FROM actuals'
			)
		);
	const strip = (report: typeof plainReport) => ({ ...report, timings: undefined });
	return {
		head,
		staged,
		full,
		headReport: strip(headReport),
		plainReport: strip(plainReport),
		headContent: await content(viaHead),
		plainContent: await content(plain)
	};
}

describe('loading from the head while the rest is scanned', () => {
	test('files the head cannot stand for get no head', () => {
		const small = new TextEncoder().encode(`${HEADER}CO01;P1;01.01.2021;31.01.2021;1;\r\n`);
		expect(prepareHead('f.csv', small, small.length)).toBeNull();
		const noBreak = new Uint8Array(HEAD_BYTES).fill(65);
		expect(prepareHead('f.csv', noBreak, HEAD_BYTES + 1)).toBeNull();
	});

	test.each([
		{
			name: 'a clean export: the staged table is used',
			tail: new Uint8Array(),
			staged: true,
			same: true,
			ok: true,
			rejected: 0
		},
		{
			name: 'a clean export handed over as the picked file: the same',
			tail: new Uint8Array(),
			asFile: true,
			staged: true,
			same: true,
			ok: true,
			rejected: 0
		},
		{
			name: 'a Windows-1252 byte after the head: loaded from scratch as Windows-1252',
			tail: cp1252Row,
			staged: true,
			same: false,
			ok: true,
			rejected: 0
		},
		{
			name: 'a ragged row after the head: rejected with its line, loaded from scratch as without the head',
			tail: new TextEncoder().encode('CO01;P1;01.01.2021\r\n'),
			staged: true,
			same: false,
			ok: true,
			rejected: 1
		},
		{
			name: 'project ids padded with spaces after the head: trimmed, an empty one rejected, as without the head',
			tail: new TextEncoder().encode(
				'CO01; BQ-1  ;01.01.2021;31.01.2021;2;\r\nCO02;"   ";01.01.2021;31.01.2021;3;\r\n'
			),
			staged: true,
			same: true,
			ok: true,
			rejected: 1
		},
		{
			name: 'a bad value after the head: rejected with its line',
			tail: new TextEncoder().encode('CO01;P1;01.01.2021;31.01.2021;zwölf;\r\n'),
			staged: true,
			same: true,
			ok: true,
			rejected: 1
		}
	])(
		'$name',
		async ({ tail, asFile, staged, same, ok, rejected }) => {
			const r = await bothWays(concat(exportBytes(), tail), asFile);
			expect(r.head).not.toBeNull();
			expect(r.staged !== null).toBe(staged);
			expect(sameBasis(r.head!, r.full)).toBe(same);
			expect([r.headReport.ok, r.headReport.rowsRejected]).toEqual([ok, rejected]);
			expect(r.headReport).toEqual(r.plainReport);
			expect(r.headContent).toEqual(r.plainContent);
		},
		60_000
	);
});
