import { describe, expect, it } from 'vitest';
import type { IndicatorAttainment } from '../metrics';
import { attainmentBars, attainmentSummary, derivedNotes } from './attainment-chart';

const row = (id: string, patch: Partial<IndicatorAttainment>): IndicatorAttainment => ({
	indicatorId: id,
	name: id,
	unit: 'Personen',
	esfCode: null,
	actual: 10,
	target: 10,
	attainment: 1,
	status: 'achieved',
	projects: 1,
	n: 1,
	asOf: null,
	since: null,
	...patch
});

describe('attainmentSummary', () => {
	it.each([
		['no rows', [], { values: 0, projects: 0, since: null, asOf: null }],
		[
			'values and projects of plotted bars only; periods of every row',
			[
				row('A', { n: 4, projects: 2, since: '2020-01-01', asOf: '2021-12-31' }),
				row('B', { n: 6, projects: 3, since: '2019-04-01', asOf: '2021-06-30' }),
				row('C', { attainment: null, n: 9, projects: 7, since: '2019-01-01', asOf: '2022-09-30' })
			],
			{ values: 10, projects: 3, since: '2019-01-01', asOf: '2022-09-30' }
		]
	])('%s', (_, rows, expected) => {
		expect(attainmentSummary(rows, attainmentBars(rows))).toEqual(expected);
	});
});

describe('derivedNotes', () => {
	it.each([
		['all reported', [row('A', { derived: 0 }), row('B', {})], []],
		['by gender', [row('A', { derived: 2 }), row('B', { derived: 0 })], ['derived.gender']],
		[
			'several kinds, in a fixed order',
			[row('A', { derived: 1 | 4 }), row('B', { derived: 8 | 2 })],
			['derived.gender', 'derived.ageGroup', 'derived.genderAge', 'derived.notDerivable']
		]
	])('%s', (_, rows, expected) => {
		expect(derivedNotes(rows)).toEqual(expected);
	});
});
