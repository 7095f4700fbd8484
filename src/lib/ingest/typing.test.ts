import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toRows, type Engine } from '../engine';
import { ident } from '../engine/sql';
import { createNodeEngine } from '../engine/node';
import { dateSql, extrasSql } from './typing';

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
