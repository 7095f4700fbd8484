import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toRows, type Engine } from '../engine';
import { ident } from '../engine/sql';
import { createNodeEngine } from '../engine/node';
import fc from 'fast-check';
import { PLACEHOLDERS, TABLES, TOTAL_SPELLINGS, VOCABULARIES } from '../model';
import { dateSql, extrasSql, isPlaceholderSql, vocabularySql, vocabularyValue } from './typing';

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(() => engine.close());

const one = async (sql: string, value: string | null) =>
	toRows<{ v: string | null }>(
		await engine.query(`SELECT ${sql} AS v FROM (SELECT ?::VARCHAR AS raw)`, [value])
	)[0]!.v;

describe('dateSql: dates and periods, start and end, never through a timezone', () => {
	test.each([
		['31.12.2021', '2021-12-31', '2021-12-31'],
		['1.2.2021', '2021-02-01', '2021-02-01'],
		['15.3.21', '2021-03-15', '2021-03-15'],
		['2021-06-30', '2021-06-30', '2021-06-30'],
		['02/2024', '2024-02-01', '2024-02-29'],
		['7.2021', '2021-07-01', '2021-07-31'],
		['Q3/2021', '2021-07-01', '2021-09-30'],
		['q1 2022', '2022-01-01', '2022-03-31'],
		['3. Quartal 2021', '2021-07-01', '2021-09-30'],
		['2021-Q4', '2021-10-01', '2021-12-31'],
		['1. Halbjahr 2020', '2020-01-01', '2020-06-30'],
		['H2/2020', '2020-07-01', '2020-12-31'],
		['2021', '2021-01-01', '2021-12-31'],
		['31.02.2021', null, null],
		['13/2021', null, null],
		['Q5/2021', null, null],
		['21.3.202', null, null],
		['morgen', null, null]
	])('%s → %s … %s', async (raw, start, end) => {
		expect(await one(`strftime(${dateSql('raw', 'start')}, '%Y-%m-%d')`, raw)).toBe(start);
		expect(await one(`strftime(${dateSql('raw', 'end')}, '%Y-%m-%d')`, raw)).toBe(end);
	});
});

describe('extrasSql', () => {
	test.each([
		['geprüft', { 'Bemerkung (intern)': 'geprüft' }],
		['Zitat "a\\b"\nzweite Zeile\tTab', { 'Bemerkung (intern)': 'Zitat "a\\b"\nzweite Zeile\tTab' }],
		[null, {}]
	])('%j round-trips through JSON', async (value, expected) => {
		const json = await one(
			extrasSql(['Bemerkung (intern)'], () => 'raw'),
			value
		);
		expect(JSON.parse(json!)).toEqual(expected);
	});

	test('no extra columns: NULL', async () => {
		expect(await one(extrasSql([], ident), 'x')).toBeNull();
	});
});

describe('vocabularyValue: the JS twin of vocabularySql and isPlaceholderSql', () => {
	const columns = TABLES.flatMap((t) => t.columns).filter(
		(c, i, all) => c.vocabulary && all.findIndex((d) => d.vocabulary === c.vocabulary) === i
	);
	const spellings = [
		...Object.values(VOCABULARIES).flatMap((v) => Object.entries(v).flat(2)),
		...TOTAL_SPELLINGS,
		...Object.keys(PLACEHOLDERS)
	];
	const cell = fc.oneof(
		fc.constantFrom(...spellings),
		fc
			.tuple(
				fc.constantFrom(...spellings),
				fc.constantFrom('', ' ', '  ', '\t'),
				fc.constantFrom('', ' ', '\t '),
				fc.boolean()
			)
			.map(([s, before, after, upper]) => `${before}${upper ? s.toUpperCase() : s}${after}`),
		fc
			.tuple(fc.constantFrom(...spellings.filter((s) => s.includes(' '))), fc.constantFrom('  ', '\t', ' \n'))
			.map(([s, gap]) => s.replace(' ', gap)),
		fc.string({ unit: fc.constantFrom(...'aäÄöÖüÜßwmWMdx-.*k A\t\u00a0é'.split('')), maxLength: 8 })
	);

	test('gives the code and placeholder the SQL gives, or leaves the cell to the SQL', async () => {
		await fc.assert(
			fc.asyncProperty(cell, async (raw) => {
				for (const column of columns) {
					const js = vocabularyValue(raw, column);
					if (js === undefined) {
						expect(raw).toMatch(/[^\x20-\x7e\t\n\f\räöüÄÖÜß]/);
						continue;
					}
					const [sql] = toRows<{ code: string | boolean | null; placeholder: boolean }>(
						await engine.query(
							`SELECT ${vocabularySql('raw', column)} AS code, ${isPlaceholderSql('raw')} AS placeholder FROM (SELECT ?::VARCHAR AS raw)`,
							[raw]
						)
					);
					expect(
						{ code: js.code, placeholder: js.placeholder },
						`${JSON.stringify(raw)} in ${column.name}`
					).toEqual({
						code: sql!.code === null ? null : String(sql!.code),
						placeholder: sql!.placeholder
					});
				}
			}),
			{ numRuns: 150 }
		);
	}, 120_000);
});
