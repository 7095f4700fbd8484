import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/lib/engine';
import { attainmentByIndicator, NO_FILTERS, type IndicatorAttainment } from '../../src/lib/metrics';
import { engineWith, FIXTURES } from './helpers';

// Hand-computed from tests/fixtures/attainment/*.csv (see the comments per row).
const EXPECTED: Record<
	string,
	Pick<IndicatorAttainment, 'actual' | 'target' | 'attainment' | 'status' | 'projects' | 'n'>
> = {
	// P1 30 + P2 120 (breakdown rows and "k.A." ignored); programme target 200 wins over project targets; milestone ignored
	A: { actual: 150, target: 200, attainment: 0.75, status: 'behind', projects: 2, n: 2 },
	// no programme target: sum of project targets 10 + 15
	B: { actual: 20, target: 25, attainment: 0.8, status: 'on_track', projects: 2, n: 2 },
	// rate: mean per project (33, 47), then mean over projects = 40 against 40 %
	Q: { actual: 40, target: 40, attainment: 1, status: 'achieved', projects: 2, n: 3 },
	// no target at all: no attainment, not 0 % and not ∞
	N: { actual: 5, target: null, attainment: null, status: 'no_target', projects: 1, n: 1 },
	// target 0: no division by zero
	Z: { actual: 3, target: 0, attainment: null, status: 'no_target', projects: 1, n: 1 },
	// running totals: latest per project (25, 20), never summed over periods
	K: { actual: 45, target: 50, attainment: 0.9, status: 'on_track', projects: 2, n: 3 },
	// direction down: target / actual = 10 / 8
	D: { actual: 8, target: 10, attainment: 1.25, status: 'achieved', projects: 2, n: 2 }
};

describe('attainment by indicator', () => {
	let engine: Engine;
	let rows: IndicatorAttainment[];
	beforeAll(async () => {
		const loaded = await engineWith(join(FIXTURES, 'attainment'), [
			'projekte.csv',
			'indikatoren.csv',
			'zielwerte.csv',
			'istwerte.csv'
		]);
		engine = loaded.engine;
		for (const report of loaded.reports)
			expect(report, report.error).toMatchObject({ ok: true, rowsRejected: 0 });
		rows = await attainmentByIndicator(engine);
	});
	afterAll(() => engine.close());

	test.each(Object.entries(EXPECTED))('%s', (id, expected) => {
		const row = rows.find((r) => r.indicatorId === id);
		expect(row).toBeDefined();
		const { actual, target, attainment, status, projects, n } = row!;
		expect({
			actual,
			target,
			attainment: attainment === null ? null : Math.round(attainment * 1e9) / 1e9,
			status,
			projects,
			n
		}).toEqual(expected);
	});

	test('as-of date is the last reported period end, as a calendar date', () => {
		expect(rows.find((r) => r.indicatorId === 'A')!.asOf).toBe('2019-06-30');
	});

	test('per-indicator thresholds change the status', async () => {
		const strict = await attainmentByIndicator(engine, NO_FILTERS, { B: { achieved: 1, onTrack: 0.9 } });
		expect(strict.find((r) => r.indicatorId === 'B')!.status).toBe('behind');
	});
});
