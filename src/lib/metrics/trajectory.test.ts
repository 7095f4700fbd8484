import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dashboardEngine, r6 } from '../../../tests/unit/dashboard-fixture';
import type { Engine } from '../engine';
import { NO_FILTERS } from './filters';
import { planAnchors, planAt, trajectory } from './trajectory';

describe('planAt', () => {
	const anchors = [
		{ date: '2018-12-31', value: 0 },
		{ date: '2019-06-30', value: 20 },
		{ date: '2020-12-31', value: 100 }
	];
	test.each([
		['2018-06-01', 0],
		['2018-12-31', 0],
		['2019-03-31', (20 * 90) / 181],
		['2019-06-30', 20],
		['2020-03-31', 60],
		['2020-12-31', 100],
		['2026-01-01', 100]
	])('%s → %d', (date, expected) => {
		expect(r6(planAt(anchors, date))).toBe(r6(expected));
	});
	test('no anchors: no plan', () => expect(planAt([], '2020-01-01')).toBeNull());
});

describe('planAnchors', () => {
	test('broadest scope with a total target; milestones as anchors', () => {
		const rows = [
			{
				scope: 'project',
				unit: 'P1',
				start: '2019-01-01',
				end: '2020-12-31',
				value: 40,
				kind: 'target' as const
			},
			{
				scope: 'programme',
				unit: '',
				start: '2019-01-01',
				end: '2020-12-31',
				value: 100,
				kind: 'target' as const
			},
			{
				scope: 'programme',
				unit: '',
				start: '2019-01-01',
				end: '2019-06-30',
				value: 20,
				kind: 'milestone' as const
			}
		];
		expect(planAnchors(rows)).toEqual([
			[
				{ date: '2018-12-31', value: 0 },
				{ date: '2020-12-31', value: 100 },
				{ date: '2019-06-30', value: 20 }
			]
		]);
	});
	test('only milestones: no plan', () => {
		expect(
			planAnchors([
				{ scope: 'programme', unit: '', start: '2019-01-01', end: '2019-06-30', value: 20, kind: 'milestone' }
			])
		).toEqual([]);
	});
});

describe('trajectory on the fixture', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await dashboardEngine();
	});
	afterAll(() => engine.close());

	test('cumulative actual vs plan with the milestone, expected by the as-of date', async () => {
		const t = await trajectory(engine, 'A');
		expect(t.points.map((p) => [p.date, p.actual, r6(p.plan), p.n])).toEqual([
			['2019-03-31', 35, r6((20 * 90) / 181), 3],
			['2019-06-30', 43, 20, 1],
			['2020-03-31', 53, 60, 1]
		]);
		expect(t).toMatchObject({ cumulative: true, asOf: '2020-03-31', expected: 60, actualAtAsOf: 53 });
	});

	test('Land Bayern: the municipality target, linear over two years', async () => {
		const t = await trajectory(engine, 'A', { ...NO_FILTERS, states: ['Bayern'] });
		expect(t.points.map((p) => [p.date, p.actual, r6(p.plan)])).toEqual([
			['2019-03-31', 20, r6((50 * 90) / 731)],
			['2020-03-31', 30, r6((50 * 456) / 731)]
		]);
	});

	test('the period range shows a window; cumulation starts at the beginning', async () => {
		const t = await trajectory(engine, 'A', {
			...NO_FILTERS,
			periodFrom: '2019-04-01',
			periodTo: '2019-12-31'
		});
		expect(t.points.map((p) => [p.date, p.actual])).toEqual([['2019-06-30', 43]]);
	});

	test('rates are not cumulated: the mean per period against the target rate', async () => {
		const t = await trajectory(engine, 'R');
		expect(t.cumulative).toBe(false);
		expect(t.points.map((p) => [p.date, p.actual, p.plan])).toEqual([['2019-03-31', 30, 30]]);
	});

	test('no target: actuals without a plan', async () => {
		const t = await trajectory(engine, 'U');
		expect(t.points.map((p) => [p.actual, p.plan])).toEqual([[7, null]]);
		expect(t.expected).toBeNull();
	});

	test('a gender filter: women only, no plan', async () => {
		const t = await trajectory(engine, 'A', { ...NO_FILTERS, gender: 'w' });
		expect(t.points.map((p) => [p.actual, p.plan])).toEqual([
			[19, null],
			[24, null],
			[28, null]
		]);
	});
});
