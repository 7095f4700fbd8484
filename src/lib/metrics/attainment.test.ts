import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dashboardEngine, r6 } from '../../../tests/unit/dashboard-fixture';
import type { Engine } from '../engine';
import { attainmentBy, attainmentByIndicator } from './attainment';
import { NO_FILTERS, type Filters } from './filters';

let engine: Engine;
beforeAll(async () => {
	engine = await dashboardEngine();
});
afterAll(() => engine.close());

const pick = (
	rows: {
		indicatorId: string;
		actual: number | null;
		target: number | null;
		attainment: number | null;
		status: string;
	}[],
	id: string
) => {
	const row = rows.find((r) => r.indicatorId === id)!;
	return { actual: row.actual, target: row.target, attainment: r6(row.attainment), status: row.status };
};

describe('attainment per indicator follows the filters', () => {
	// Hand-computed from tests/fixtures/dashboard.
	test.each<[string, Partial<Filters>, string, ReturnType<typeof pick>]>([
		// totals 10 + 8 + 5 + 20 + 10; programme target 100 wins over project targets and the milestone
		['no filter', {}, 'A', { actual: 53, target: 100, attainment: 0.53, status: 'behind' }],
		['rate: mean of project means', {}, 'R', { actual: 30, target: 30, attainment: 1, status: 'achieved' }],
		['no target: no attainment', {}, 'U', { actual: 7, target: null, attainment: null, status: 'no_target' }],
		[
			'direction down: target / actual',
			{},
			'D',
			{ actual: 5, target: 10, attainment: 2, status: 'achieved' }
		],
		// only the milestone (cumulative to 30.06.2019) lies inside the range
		[
			'first half of 2019',
			{ periodFrom: '2019-01-01', periodTo: '2019-06-30' },
			'A',
			{ actual: 43, target: 20, attainment: 2.15, status: 'achieved' }
		],
		// no target period lies inside April–December 2019: "Keine Zielwerte für diesen Zeitraum"
		[
			'April to December 2019',
			{ periodFrom: '2019-04-01', periodTo: '2019-12-31' },
			'A',
			{ actual: 8, target: null, attainment: null, status: 'no_target' }
		],
		// P1 + P2 against their project targets 40 + 20; the programme target says nothing about one Land
		[
			'Land NRW',
			{ states: ['Nordrhein-Westfalen'] },
			'A',
			{ actual: 23, target: 60, attainment: r6(23 / 60), status: 'behind' }
		],
		[
			'Land NRW, rate without a project target',
			{ states: ['Nordrhein-Westfalen'] },
			'R',
			{ actual: 20, target: null, attainment: null, status: 'no_target' }
		],
		// the municipality target of Fürth (50) wins over the project target of P3 (40)
		[
			'Land Bayern',
			{ states: ['Bayern'] },
			'A',
			{ actual: 30, target: 50, attainment: 0.6, status: 'behind' }
		],
		[
			'municipality Fürth',
			{ municipalities: ['Fürth'] },
			'A',
			{ actual: 30, target: 50, attainment: 0.6, status: 'behind' }
		],
		['project P3', { projects: ['P3'] }, 'A', { actual: 30, target: 40, attainment: 0.75, status: 'behind' }],
		// breakdown rows only, never added to the totals; targets exist for totals only
		['women', { gender: 'w' }, 'A', { actual: 28, target: null, attainment: null, status: 'no_target' }],
		[
			'under 25',
			{ ageGroup: '<25' },
			'A',
			{ actual: 6, target: null, attainment: null, status: 'no_target' }
		],
		// no row is both by gender and by age group
		[
			'women under 25',
			{ gender: 'w', ageGroup: '<25' },
			'A',
			{ actual: null, target: null, attainment: null, status: 'no_target' }
		]
	])('%s: %s', async (_, filters, id, expected) => {
		const rows = await attainmentByIndicator(engine, { ...NO_FILTERS, ...filters });
		expect(pick(rows, id)).toEqual(expected);
	});

	test('the indicator filter limits the rows', async () => {
		const rows = await attainmentByIndicator(engine, { ...NO_FILTERS, indicators: ['A', 'U'] });
		expect(rows.map((r) => r.indicatorId)).toEqual(['A', 'U']);
	});

	test('n, projects and as-of date', async () => {
		const [a] = await attainmentByIndicator(engine, { ...NO_FILTERS, indicators: ['A'] });
		expect(a).toMatchObject({ n: 5, projects: 3, asOf: '2020-03-31' });
	});

	test('a user value is a parameter, never SQL', async () => {
		const rows = await attainmentByIndicator(engine, { ...NO_FILTERS, states: ["x') OR TRUE --"] });
		expect(rows.every((r) => r.actual === null)).toBe(true);
	});
});

describe('attainment per project, municipality and Land', () => {
	const A = { ...NO_FILTERS, indicators: ['A'] };
	const shape = (rows: Awaited<ReturnType<typeof attainmentBy>>) =>
		Object.fromEntries(rows.map((r) => [r.key, [r.label, r.actual, r.target, r6(r.attainment)]]));

	test('per project: project targets', async () => {
		expect(shape(await attainmentBy(engine, 'project', A))).toEqual({
			P1: ['Projekt Eins', 18, 40, 0.45],
			P2: ['Projekt Zwei', 5, 20, 0.25],
			P3: ['Projekt Drei', 30, 40, 0.75]
		});
	});

	test('per municipality: a municipality target wins over the sum of its project targets', async () => {
		expect(shape(await attainmentBy(engine, 'municipality', A))).toEqual({
			Köln: ['Köln', 23, 60, r6(23 / 60)],
			Fürth: ['Fürth', 30, 50, 0.6]
		});
	});

	test('per Land', async () => {
		expect(shape(await attainmentBy(engine, 'state', A))).toEqual({
			'Nordrhein-Westfalen': ['Nordrhein-Westfalen', 23, 60, r6(23 / 60)],
			Bayern: ['Bayern', 30, 50, 0.6]
		});
	});

	test('an indicator without targets has no attainment in any group', async () => {
		const rows = await attainmentBy(engine, 'project', { ...NO_FILTERS, indicators: ['U'] });
		expect(rows.map((r) => [r.key, r.attainment, r.status])).toEqual([['P2', null, 'no_target']]);
	});

	test('per-indicator thresholds', async () => {
		const rows = await attainmentBy(engine, 'project', A, { A: { achieved: 0.7, onTrack: 0.4 } });
		expect(rows.map((r) => r.status)).toEqual(['on_track', 'behind', 'achieved']);
	});
});
