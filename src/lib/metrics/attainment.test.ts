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
		group?: { actual: number | null; share: number | null };
	}[],
	id: string
) => {
	const row = rows.find((r) => r.indicatorId === id)!;
	return {
		actual: row.actual,
		target: row.target,
		attainment: r6(row.attainment),
		status: row.status,
		group: row.group && { actual: row.group.actual, share: r6(row.group.share) }
	};
};

describe('attainment per indicator follows the filters', () => {
	// Hand-computed from tests/fixtures/dashboard.
	test.each<[string, Partial<Filters>, string, Partial<ReturnType<typeof pick>>]>([
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
		// no target period lies inside April–December 2019 and no milestone is due at its end: the
		// programme target 2019–2020 pro-rated, 275 of 731 days
		[
			'April to December 2019',
			{ periodFrom: '2019-04-01', periodTo: '2019-12-31' },
			'A',
			{ actual: 8, target: 100 * (275 / 731), attainment: r6(8 / (100 * (275 / 731))), status: 'behind' }
		],
		// a start date alone: the target from it to its end, 366 of 731 days (2020), against P3's 10
		[
			'from 2020',
			{ periodFrom: '2020-01-01' },
			'A',
			{ actual: 10, target: 100 * (366 / 731), attainment: r6(10 / (100 * (366 / 731))), status: 'behind' }
		],
		// beyond every target period
		[
			'2021',
			{ periodFrom: '2021-01-01', periodTo: '2021-12-31' },
			'A',
			{ actual: null, target: null, attainment: null, status: 'no_target' }
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
		// targets exist for totals only: the total's attainment, with the group's breakdown rows
		// (never added to the totals) and their share of the total's actual beside it
		[
			'women',
			{ gender: 'w' },
			'A',
			{
				actual: 53,
				target: 100,
				attainment: 0.53,
				status: 'behind',
				group: { actual: 28, share: r6(28 / 53) }
			}
		],
		[
			'under 25',
			{ ageGroup: '<25' },
			'A',
			{ actual: 53, target: 100, attainment: 0.53, status: 'behind', group: { actual: 6, share: r6(6 / 53) } }
		],
		// no row is both by gender and by age group
		[
			'women under 25',
			{ gender: 'w', ageGroup: '<25' },
			'A',
			{ actual: 53, target: 100, attainment: 0.53, status: 'behind', group: { actual: null, share: null } }
		],
		// Land, range and gender together: NRW's project targets 40 + 20 pro-rated to the first half of
		// 2019 (181 of 731 days; the programme milestone says nothing about one Land), P1 + P2 = 23,
		// women 6 + 5 + 5 = 16
		[
			'Land NRW, first half of 2019, women',
			{ states: ['Nordrhein-Westfalen'], periodFrom: '2019-01-01', periodTo: '2019-06-30', gender: 'w' },
			'A',
			{
				actual: 23,
				target: 40 * (181 / 731) + 20 * (181 / 731),
				attainment: r6(23 / (40 * (181 / 731) + 20 * (181 / 731))),
				status: 'achieved',
				group: { actual: 16, share: r6(16 / 23) }
			}
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
