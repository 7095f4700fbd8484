import { afterAll, beforeAll, expect, test } from 'vitest';
import { dashboardEngine, r6 } from '../../../tests/unit/dashboard-fixture';
import type { Engine } from '../engine';
import { breakdown } from './breakdown';
import { NO_FILTERS } from './filters';

let engine: Engine;
beforeAll(async () => {
	engine = await dashboardEngine();
});
afterAll(() => engine.close());

const shape = (rows: Awaited<ReturnType<typeof breakdown>>) =>
	rows.map((r) => [r.dimension, r.value, r.actual, r6(r.share)]);

test('by gender and age group; the parts missing from the total are "not stated"', async () => {
	expect(shape(await breakdown(engine, { ...NO_FILTERS, indicators: ['A'] }))).toEqual([
		['gender', 'w', 28, r6(28 / 53)],
		['gender', 'm', 24, r6(24 / 53)],
		['gender', 'd', 1, r6(1 / 53)],
		['age_group', '<25', 6, r6(6 / 53)],
		['age_group', '25-54', 36, r6(36 / 53)],
		['age_group', '>54', 10, r6(10 / 53)],
		['age_group', null, 1, r6(1 / 53)]
	]);
});

test('follows the place filter, ignores its own gender filter', async () => {
	expect(
		shape(await breakdown(engine, { ...NO_FILTERS, indicators: ['A'], states: ['Bayern'], gender: 'w' }))
	).toEqual([
		['gender', 'w', 12, 0.4],
		['gender', 'm', 17, r6(17 / 30)],
		['gender', 'd', 1, r6(1 / 30)],
		['age_group', '25-54', 20, r6(20 / 30)],
		['age_group', '>54', 10, r6(10 / 30)]
	]);
});

test('an indicator without breakdown rows has none', async () => {
	expect(await breakdown(engine, { ...NO_FILTERS, indicators: ['U'] })).toEqual([]);
});
