import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toRows, type Engine } from '../../src/lib/engine';
import { createNodeEngine } from '../../src/lib/engine/node';
import { ensureSchema, importCsv } from '../../src/lib/ingest';
import { FIXTURES } from './helpers';

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
	await ensureSchema(engine);
});
afterAll(() => engine.close());

interface Row {
	indicator: string;
	project: string;
	start: [number, number, number];
	cents: number;
	gender: { written: string; code: string | null };
}

// Letters German exports hold, plus the characters that need quoting; no Ã/Â, which would make
// Windows-1252 text look like UTF-8.
const CHARS = 'abcxyzABCXYZäöüÄÖÜß019 -.;,|\t"€„“–/'.split('');
const text = (multiline: boolean) =>
	fc
		.array(fc.constantFrom(...CHARS, ...(multiline ? ['\n'] : [])), { minLength: 1, maxLength: 12 })
		.map((a) => a.join('').trim())
		.filter((s) => s !== '' && !/^[-–.x*/…]$|^k\.\s?a\.$|^n\.v\.$/i.test(s));

const GENDERS = [
	{ written: '', code: null },
	{ written: 'weiblich', code: 'w' },
	{ written: 'männlich', code: 'm' },
	{ written: 'W', code: 'w' },
	{ written: 'divers', code: 'd' }
];

const row = (multiline: boolean) =>
	fc.record<Row>({
		indicator: text(multiline),
		project: text(false),
		start: fc.tuple(
			fc.integer({ min: 1990, max: 2040 }),
			fc.integer({ min: 1, max: 12 }),
			fc.integer({ min: 1, max: 28 })
		),
		cents: fc.integer({ min: -1e11, max: 1e11 }),
		gender: fc.constantFrom(...GENDERS)
	});

const dialect = fc.record({
	delimiter: fc.constantFrom(';', ',', '\t', '|'),
	lineEnding: fc.constantFrom('\r\n', '\n', '\r'),
	encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'),
	numbers: fc.constantFrom('de', 'en'),
	thousands: fc.boolean(),
	sepLine: fc.boolean(),
	quoteAll: fc.boolean()
});

/** 2 decimals always: "1,234" alone would be ambiguous (de 1.234 / en 1234) in any importer. */
function formatNumber(cents: number, style: string, thousands: boolean): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	const whole = String(Math.floor(abs / 100));
	const grouped = thousands ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, style === 'de' ? '.' : ',') : whole;
	return `${sign}${grouped}${style === 'de' ? ',' : '.'}${String(abs % 100).padStart(2, '0')}`;
}

function encode(csv: string, encoding: string): Uint8Array {
	switch (encoding) {
		case 'utf-8-bom':
			return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
		case 'utf-16le':
			return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]));
		case 'utf-16be':
			return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(csv, 'utf16le').swap16()]));
		case 'windows-1252':
			return new Uint8Array(iconv.encode(csv, 'win1252'));
		default:
			return new Uint8Array(Buffer.from(csv, 'utf8'));
	}
}

let fileNo = 0;

describe('property: any table written in any supported dialect imports back to the same values', () => {
	test('values, types and source lines survive', async () => {
		await fc.assert(
			fc.asyncProperty(
				dialect,
				fc.boolean().chain((multiline) => fc.array(row(multiline), { minLength: 1, maxLength: 15 })),
				fc.array(fc.nat(3), { minLength: 16, maxLength: 16 }),
				async (d, rows, blanks) => {
					const nl = d.lineEnding;
					// CR-only files are read with every CR as a line break, also inside quotes.
					const cell = (value: string) => {
						const v = value.replace(/\n/g, nl);
						return d.quoteAll || /[";,|\t\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
					};
					const lines: string[] = [];
					let physical = 0;
					const push = (line: string) => {
						lines.push(line);
						physical += line.split(nl).length;
					};
					if (d.sepLine) push(`sep=${d.delimiter}`);
					push(
						['Indikator-ID', 'Projekt-Nr.', 'Zeitraum von', 'Istwert', 'Geschlecht']
							.map(cell)
							.join(d.delimiter)
					);
					const expectedLines: number[] = [];
					rows.forEach((r, i) => {
						for (let b = 0; b < blanks[i]!; b++) push('');
						expectedLines.push(physical + 1);
						const [y, m, day] = r.start;
						push(
							[
								r.indicator,
								r.project,
								`${String(day).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`,
								formatNumber(r.cents, d.numbers, d.thousands),
								r.gender.written
							]
								.map(cell)
								.join(d.delimiter)
						);
					});
					const csv = lines.join(nl) + nl;
					const file = `prop-${++fileNo}.csv`;
					const report = await importCsv(engine, { file, bytes: encode(csv, d.encoding) });
					expect(report.error).toBeUndefined();
					expect(report).toMatchObject({
						ok: true,
						table: 'actuals',
						delimiter: d.delimiter,
						rowsIn: rows.length,
						rowsRejected: 0
					});
					const stored = toRows<{
						i: string;
						p: string;
						s: string;
						e: string;
						v: number;
						g: string | null;
						l: number;
					}>(
						await engine.query(
							"SELECT indicator_id AS i, project_id AS p, strftime(period_start, '%Y-%m-%d') AS s, strftime(period_end, '%Y-%m-%d') AS e, value AS v, gender AS g, _source_line AS l FROM actuals WHERE _source_file = ? ORDER BY _source_line",
							[file]
						)
					);
					const lineBreak = (s: string) => (nl === '\r' ? s : s.replace(/\n/g, nl));
					expect(stored).toEqual(
						rows.map((r, k) => {
							const date = `${r.start[0]}-${String(r.start[1]).padStart(2, '0')}-${String(r.start[2]).padStart(2, '0')}`;
							return {
								i: lineBreak(r.indicator),
								p: r.project,
								s: date,
								e: date,
								v: r.cents / 100,
								g: r.gender.code,
								l: expectedLines[k]
							};
						})
					);
				}
			),
			{ numRuns: 60 }
		);
	}, 300_000);
});

describe('property: random byte mutations of a valid file never throw and always reconcile', () => {
	const base = new Uint8Array(readFileSync(join(FIXTURES, 'ingest', 'e2e-istwerte-cp1252.csv')));
	const special = [0x22, 0x3b, 0x0d, 0x0a, 0x00, 0x2c, 0xfc, 0x96, 0xc3, 0xbc, 0x2d];
	const mutation = fc.oneof(
		fc.record({
			kind: fc.constant('set' as const),
			at: fc.nat(),
			byte: fc.oneof(fc.constantFrom(...special), fc.integer({ min: 0, max: 255 }))
		}),
		fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), byte: fc.constantFrom(...special) }),
		fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), byte: fc.constant(0) }),
		fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), byte: fc.constant(0) })
	);

	test('every outcome is a report: loaded rows reconcile, refused files leave nothing', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
				const bytes = [...base];
				for (const m of mutations) {
					const at = bytes.length ? m.at % bytes.length : 0;
					if (m.kind === 'set') bytes[at] = m.byte;
					else if (m.kind === 'insert') bytes.splice(at, 0, m.byte);
					else if (m.kind === 'delete') bytes.splice(at, 1);
					else bytes.length = at;
				}
				const file = `mut-${++fileNo}.csv`;
				const report = await importCsv(engine, { file, bytes: Uint8Array.from(bytes) });
				expect(report.internal, report.error).toBeUndefined();
				const [stored] = toRows<{ n: number; r: number }>(
					await engine.query(
						'SELECT (SELECT count(*) FROM actuals WHERE _source_file = ?) + (SELECT count(*) FROM projects WHERE _source_file = ?) + (SELECT count(*) FROM targets WHERE _source_file = ?) AS n, (SELECT count(DISTINCT line) FROM rejects WHERE source_file = ?) AS r',
						[file, file, file, file]
					)
				);
				if (report.ok) {
					expect(report.rowsIn).toBe(report.rowsLoaded + report.rowsRejected);
					expect(stored!.r).toBe(report.rowsRejected);
					if (report.table === 'actuals' || report.table === 'projects' || report.table === 'targets')
						expect(stored!.n).toBe(report.rowsLoaded);
				} else {
					expect(report.error).toMatch(/\S/);
					expect(stored).toEqual({ n: 0, r: 0 });
				}
			}),
			{ numRuns: 150 }
		);
	}, 300_000);
});
