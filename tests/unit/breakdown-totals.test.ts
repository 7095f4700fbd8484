import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/lib/engine';
import {
	attainmentBy,
	attainmentByIndicator,
	breakdown,
	DERIVED,
	NO_FILTERS,
	programmeOverview,
	type Filters,
	type IndicatorAttainment,
	type ProgrammeOverview
} from '../../src/lib/metrics';
import { Coordinator } from '../../src/lib/workspace/coordinator';
import { engineWith, FIXTURES } from './helpers';

/**
 * tests/fixtures/attainment-breakdown-only: an export set as another tool writes it (comma-separated
 * indicators, "Kennziffer"/"Projektnummer"/"Quartal"/"Anzahl" headers, Windows-1252 actuals with
 * CRLF, "Frauen"/"u25"/"55+" codes) whose actuals are mostly breakdown rows without a total row.
 * Every expected figure below is added up by hand from istwerte.csv (line numbers in comments).
 */
const FILES = ['projekte.csv', 'indikatoren.csv', 'zielwerte.csv', 'istwerte.csv'];

type Figures = Pick<IndicatorAttainment, 'actual' | 'n' | 'projects' | 'derived'>;
const { genderAge, gender, ageGroup, notDerivable } = DERIVED;

const CASES: [string, Partial<Filters>, Record<string, Figures>, Omit<ProgrammeOverview, 'asOf'>][] = [
	[
		'no filter: totals derived per project and quarter',
		{},
		{
			// P1 Q1 cells 3+5+1+2+4+0+1 = 16, Q2 cells 4+6+1+3 = 14 (gender × age);
			// P2 Q1 genders 7+5 = 12, Q2 the reported total 20 (not the genders' 17); P3 age groups 2+6+1 = 9
			T1: { actual: 71, n: 5, projects: 3, derived: genderAge | gender | ageGroup },
			// P1 cells 2 + suppressed (left out) + 3 = 5; P2 genders 1+2 = 3
			T2: { actual: 8, n: 2, projects: 2, derived: genderAge | gender },
			// reported totals 4 + 2
			U: { actual: 6, n: 2, projects: 2, derived: 0 },
			// a mean: P1's genders give no total (not derivable); P2 reported 50
			Q: { actual: 50, n: 1, projects: 1, derived: notDerivable },
			// a stock (last value): P1 10 reported; P2 Q2 genders 11+13 = 24 (the latest)
			L: { actual: 34, n: 3, projects: 2, derived: gender }
		},
		// participants CO01 + CO05 = 71 + 8, enterprises CO23 = 6
		{ projects: 3, municipalities: 3, states: 3, participants: 79, enterprises: 6 }
	],
	[
		'women: summed over the age groups where only cells exist',
		{ gender: 'w' },
		{
			// P1 Q1 3+5+1 = 9, Q2 4+6 = 10; P2 reported 7 and 8
			T1: { actual: 34, n: 4, projects: 2, derived: genderAge },
			// P1 2 + suppressed; P2 1
			T2: { actual: 3, n: 2, projects: 2, derived: genderAge },
			U: { actual: null, n: 0, projects: 0, derived: 0 },
			Q: { actual: 40, n: 1, projects: 1, derived: 0 },
			// P2: the latest, 11
			L: { actual: 11, n: 2, projects: 1, derived: 0 }
		},
		// P3 reports no gender
		{ projects: 2, municipalities: 2, states: 2, participants: 37, enterprises: null }
	],
	[
		'under 25: summed over the genders where only cells exist',
		{ ageGroup: '<25' },
		{
			// P1 Q1 3+2 = 5, Q2 4+1 = 5; P3 reported 2
			T1: { actual: 12, n: 3, projects: 2, derived: genderAge },
			T2: { actual: 2, n: 1, projects: 1, derived: genderAge },
			U: { actual: null, n: 0, projects: 0, derived: 0 },
			Q: { actual: null, n: 0, projects: 0, derived: 0 },
			L: { actual: null, n: 0, projects: 0, derived: 0 }
		},
		{ projects: 2, municipalities: 2, states: 2, participants: 14, enterprises: null }
	],
	[
		'men under 25: the cells themselves',
		{ gender: 'm', ageGroup: '<25' },
		{
			T1: { actual: 3, n: 2, projects: 1, derived: 0 },
			T2: { actual: null, n: 0, projects: 0, derived: 0 },
			U: { actual: null, n: 0, projects: 0, derived: 0 },
			Q: { actual: null, n: 0, projects: 0, derived: 0 },
			L: { actual: null, n: 0, projects: 0, derived: 0 }
		},
		{ projects: 1, municipalities: 1, states: 1, participants: 3, enterprises: null }
	],
	[
		'first quarter, Sachsen',
		{ periodTo: '2021-03-31', states: ['Sachsen'] },
		{
			T1: { actual: 12, n: 1, projects: 1, derived: gender },
			T2: { actual: 3, n: 1, projects: 1, derived: gender },
			U: { actual: 2, n: 1, projects: 1, derived: 0 },
			Q: { actual: 50, n: 1, projects: 1, derived: 0 },
			L: { actual: 22, n: 1, projects: 1, derived: gender }
		},
		{ projects: 1, municipalities: 1, states: 1, participants: 15, enterprises: 2 }
	]
];

describe('totals derived from breakdown-only actuals (tests/fixtures/attainment-breakdown-only)', () => {
	let engine: Engine;
	let coordinator: Coordinator;
	beforeAll(async () => {
		const loaded = await engineWith(join(FIXTURES, 'attainment-breakdown-only'), FILES);
		engine = loaded.engine;
		for (const report of loaded.reports)
			expect(report, report.error).toMatchObject({ ok: true, rowsRejected: 0 });
		expect(loaded.reports.map((r) => r.rowsLoaded)).toEqual([3, 5, 7, 34]);
		coordinator = new Coordinator(engine, () => 1);
	});
	afterAll(() => engine.close());

	test.each(CASES)('%s', async (_, partial, indicators, overview) => {
		const filters = { ...NO_FILTERS, ...partial };
		for (const e of [engine, coordinator]) {
			const rows = await attainmentByIndicator(e, filters);
			expect(
				Object.fromEntries(
					// Under a gender or age-group filter the group's figures stand beside the total's.
					rows.map(({ indicatorId, group, ...total }) => {
						const { actual, n, projects, derived } = group ?? total;
						return [indicatorId, { actual, n, projects, derived }];
					})
				)
			).toEqual(indicators);
			const { asOf, ...tiles } = await programmeOverview(e, filters);
			expect(tiles).toEqual(overview);
			expect(asOf).toBe(filters.periodTo ?? '2021-06-30');
		}
		// The in-memory figures (coordinator) are the SQL figures, for every grouping.
		for (const by of ['project', 'municipality', 'state'] as const)
			expect(await attainmentBy(coordinator, by, filters)).toEqual(await attainmentBy(engine, by, filters));
		expect(await breakdown(coordinator, filters)).toEqual(await breakdown(engine, filters));
	});

	test('whole-period attainment against the programme targets', async () => {
		const rows = await attainmentByIndicator(engine);
		expect(rows.map((r) => [r.indicatorId, r.target, r.attainment, r.status])).toEqual([
			['L', 40, 0.85, 'on_track'],
			['Q', 50, 1, 'achieved'],
			['T1', 100, 0.71, 'behind'],
			['T2', 20, 0.4, 'behind'],
			['U', 10, 0.6, 'behind']
		]);
	});

	test('the breakdown chart shows the genders summed from the cells', async () => {
		const rows = await breakdown(engine, { ...NO_FILTERS, indicators: ['T1'] });
		// Women: P1 9 + 10, P2 7 + 8; men: P1 6 + 4, P2 5 + 9; divers: P1 1; share of 71.
		expect(rows.filter((r) => r.dimension === 'gender').map((r) => [r.value, r.actual])).toEqual([
			['w', 34],
			['m', 24],
			['d', 1],
			// the P2 total of 20 against its genders' 17, and P3 without genders: 3 + 9 not stated
			[null, 12]
		]);
	});
});
