import { join } from 'node:path';
import { expect } from 'vitest';
import type { Engine } from '../../src/lib/engine';
import { engineWith, FIXTURES } from './helpers';

/**
 * tests/fixtures/dashboard: three projects in two municipalities and two Länder, marginal gender and
 * age rows, a milestone and a municipality target, one event with kickoff, chat and closing plus
 * a session of another event. The expected figures in the metric tests are computed by hand from it.
 */
export async function dashboardEngine(): Promise<Engine> {
	const { engine, reports } = await engineWith(join(FIXTURES, 'dashboard'), [
		'projekte.csv',
		'indikatoren.csv',
		'zielwerte.csv',
		'istwerte.csv',
		'veranstaltungen.csv',
		'chatgruppen.csv',
		'teilnahme.csv',
		'feedback.csv'
	]);
	for (const report of reports) expect(report, report.error).toMatchObject({ ok: true, rowsRejected: 0 });
	return engine;
}

/** Rounds ratios so hand-computed fractions compare exactly. */
export const r6 = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);
