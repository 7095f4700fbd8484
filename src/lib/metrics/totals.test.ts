import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toRows, type Engine } from '../engine';
import { createNodeEngine } from '../engine/node';
import { DERIVED, reportedActualsSql } from './totals';

/** An actual row as [indicator, period end in days after 2021-01-01, gender, age group, value]. */
type Row = [string, number, string | null, string | null, number | null];

/** Indicators of the cases: S sums, L counts its last value (a stock), M is a mean. */
const AGGREGATION: Record<string, string> = { S: 'sum', L: 'last', M: 'mean' };

/** The rows reportedActualsSql adds to `rows`, as [indicator, day, gender, age, value, derived]. */
async function derivedRows(engine: Engine, rows: Row[]) {
	await engine.exec(`CREATE OR REPLACE TABLE actuals (indicator_id TEXT, project_id TEXT, period_start DATE,
		period_end DATE, value DOUBLE, cumulative BOOLEAN, gender TEXT, age_group TEXT)`);
	await engine.exec(`CREATE OR REPLACE TABLE indicators (indicator_id TEXT, aggregation TEXT)`);
	await engine.exec(
		`INSERT INTO indicators VALUES ${Object.entries(AGGREGATION)
			.map(([id, a]) => `('${id}', '${a}')`)
			.join(', ')}`
	);
	for (const [indicator, day, gender, age, value] of rows)
		await engine.exec(
			`INSERT INTO actuals VALUES (?, 'P', DATE '2021-01-01', DATE '2021-01-01' + ?::INTEGER, ?, false, ?, ?)`,
			undefined,
			[indicator, day, value, gender, age]
		);
	const out = toRows<{
		id: string;
		day: number;
		gender: string | null;
		age: string | null;
		value: number | null;
		derived: number;
	}>(
		await engine.query(`SELECT indicator_id AS id, datediff('day', DATE '2021-01-01', period_end)::INTEGER AS day, gender, age_group AS age, value,
			derived::INTEGER AS derived FROM (${reportedActualsSql()}) WHERE derived > 0
			ORDER BY indicator_id, period_end, gender NULLS FIRST, age_group NULLS FIRST`)
	);
	return out.map((r) => [r.id, r.day, r.gender, r.age, r.value, r.derived]);
}

const { genderAge, gender, ageGroup, notDerivable } = DERIVED;

describe('reportedActualsSql: the rows derived from breakdowns', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await createNodeEngine();
	});
	afterAll(() => engine.close());

	test.each<[string, Row[], (string | number | null)[][]]>([
		[
			'a total and its breakdown: the total counts, nothing is derived (also when they do not add up)',
			[
				['S', 0, null, null, 10],
				['S', 0, 'w', null, 3],
				['S', 0, 'm', null, 4],
				['S', 0, null, '<25', 9]
			],
			[]
		],
		[
			'a total without value is still the reported total',
			[
				['S', 0, null, null, null],
				['S', 0, 'w', null, 3]
			],
			[]
		],
		[
			'gender only: the total is their sum',
			[
				['S', 0, 'w', null, 3],
				['S', 0, 'm', null, 4],
				['S', 0, 'd', null, 0]
			],
			[['S', 0, null, null, 7, gender]]
		],
		[
			'age groups only: the total is their sum',
			[
				['S', 0, null, '<25', 2],
				['S', 0, null, '>54', 5]
			],
			[['S', 0, null, null, 7, ageGroup]]
		],
		[
			'gender × age group: total, genders and age groups are sums of the cells',
			[
				['S', 0, 'w', '<25', 1],
				['S', 0, 'w', '25-54', 2],
				['S', 0, 'm', '<25', 4]
			],
			[
				['S', 0, null, null, 7, genderAge],
				['S', 0, null, '25-54', 2, genderAge],
				['S', 0, null, '<25', 5, genderAge],
				['S', 0, 'm', null, 4, genderAge],
				['S', 0, 'w', null, 3, genderAge]
			]
		],
		[
			'gender × age group beside reported gender rows: the total from the most detailed, reported rows kept',
			[
				['S', 0, 'w', '<25', 1],
				['S', 0, 'm', '<25', 4],
				['S', 0, 'w', null, 10],
				['S', 0, 'm', null, 10]
			],
			[
				['S', 0, null, null, 5, genderAge],
				['S', 0, null, '<25', 5, genderAge]
			]
		],
		[
			'gender and age-group margins without total: the gender rows are summed',
			[
				['S', 0, 'w', null, 3],
				['S', 0, 'm', null, 4],
				['S', 0, null, '<25', 6]
			],
			[['S', 0, null, null, 7, gender]]
		],
		[
			'each period by itself: a period with a total derives nothing',
			[
				['S', 0, 'w', null, 3],
				['S', 31, null, null, 8],
				['S', 31, 'w', null, 5]
			],
			[['S', 0, null, null, 3, gender]]
		],
		[
			'parts without value are left out; none with a value gives none',
			[
				['S', 0, 'w', null, 3],
				['S', 0, 'm', null, null],
				['S', 31, 'w', null, null]
			],
			[
				['S', 0, null, null, 3, gender],
				['S', 31, null, null, null, gender]
			]
		],
		[
			'a stock (last value) adds up over groups at one date',
			[
				['L', 0, 'w', null, 10],
				['L', 0, 'm', null, 12]
			],
			[['L', 0, null, null, 22, gender]]
		],
		[
			'a mean is not derivable: a row without value, flagged',
			[
				['M', 0, 'w', null, 40],
				['M', 0, 'm', null, 60]
			],
			[['M', 0, null, null, null, notDerivable]]
		],
		[
			'an indicator not in the indicators table is summed (the default aggregation)',
			[
				['X', 0, 'w', null, 1],
				['X', 0, 'm', null, 2]
			],
			[['X', 0, null, null, 3, gender]]
		]
	])('%s', async (_, rows, expected) => {
		expect(await derivedRows(engine, rows)).toEqual(expected);
	});
});
