import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine';
import { toRows } from '../engine';
import { createNodeEngine } from '../engine/node';
import { loadSample } from '../ingest';
import {
	buildCube,
	cellId,
	collectCells,
	cubeMargins,
	feedbackCells,
	participationCells,
	suppressCells
} from './cube';
import { decodeCube, encodeCube } from './payload';
import type { CubeCell } from './schema';

const DATA = join(import.meta.dirname, '..', '..', '..', 'data');
const pick = (cells: CubeCell[]) =>
	Object.fromEntries(cells.map((c) => [cellId(c), c.suppressed ?? c.value]));

describe('participationCells + suppressCells', () => {
	const cases = [
		{
			name: 'a session with one small role hides the next smallest role too',
			rows: [
				{ role: 'BMI/BBSR', participants: 2 },
				{ role: 'Jobcenter', participants: 4 },
				{ role: 'Kommune', participants: 9 }
			],
			expected: {
				'participation|S1|': 15,
				'participation|S1|BMI/BBSR': 'primary',
				'participation|S1|Jobcenter': 'secondary',
				'participation|S1|Kommune': 9
			}
		},
		{
			name: 'no small roles, nothing hidden',
			rows: [
				{ role: 'Jobcenter', participants: 3 },
				{ role: 'Kommune', participants: 7 }
			],
			expected: { 'participation|S1|': 10, 'participation|S1|Jobcenter': 3, 'participation|S1|Kommune': 7 }
		},
		{
			name: 'a session under k hides its total and all roles',
			rows: [{ role: 'Kommune', participants: 2 }],
			expected: { 'participation|S1|': 'primary', 'participation|S1|Kommune': 'primary' }
		}
	];
	it.each(cases)('$name', ({ rows, expected }) => {
		const cells = participationCells(
			rows.map((r) => ({ sessionId: 'S1', title: 'Auftakt', date: '2020-11-11', ...r }))
		);
		expect(pick(suppressCells(cells, 3))).toEqual(expected);
	});
});

describe('feedbackCells + suppressCells', () => {
	it('lists every answer of the scale, hides small ones and a partner, keeps the total', () => {
		const row = {
			sessionId: 'S1',
			sessionTitle: 'Abschluss',
			questionId: 'F1',
			questionText: 'Gefallen?',
			scaleMin: 1,
			scaleMax: 5,
			higherIsBetter: true
		};
		const cells = feedbackCells([
			{ ...row, answer: 2, answers: 1 },
			{ ...row, answer: 4, answers: 6 },
			{ ...row, answer: 5, answers: 8 }
		]);
		expect(pick(suppressCells(cells, 3))).toEqual({
			'feedback|S1/F1|': 15,
			'feedback|S1/F1|1': 0,
			'feedback|S1/F1|2': 'primary',
			'feedback|S1/F1|3': 0,
			'feedback|S1/F1|4': 'secondary',
			'feedback|S1/F1|5': 8
		});
		expect(cells[0]).toMatchObject({ unit: '1–5', code: 'up', label1: 'Gefallen?' });
	});
});

describe('buildCube on the bundled sample', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await createNodeEngine();
		await loadSample(engine, async (name) => new Uint8Array(await readFile(join(DATA, name))));
	}, 60_000);
	afterAll(() => engine.close());

	it('publishes no cell under k and no hidden cell that a margin would give away', async () => {
		for (const k of [3, 5, 10]) {
			const { cells, meta } = await buildCube(engine, {
				views: ['overview', 'attainment-by-indicator', 'participation', 'feedback'],
				k,
				title: 'Test'
			});
			expect(meta.k).toBe(k);
			for (const c of cells) {
				if (c.suppressed) expect([c.value, c.n, c.target, c.ratio]).toEqual([null, null, null, null]);
				else if (c.n! > 0) expect(c.n, cellId(c)).toBeGreaterThanOrEqual(k);
			}
			// Recompute with the unsuppressed cube to know the hidden counts.
			const byId = new Map(cells.map((c) => [cellId(c), c]));
			const truth = new Map((await collectCells(engine, meta.views)).map((c) => [cellId(c), c.n ?? 0]));
			for (const margin of cubeMargins(cells)) {
				if (byId.get(margin.total)!.suppressed) continue;
				const hidden = margin.parts.filter((p) => byId.get(p)!.suppressed);
				if (hidden.length === 0) continue;
				expect(hidden.length, margin.total).toBeGreaterThanOrEqual(2);
				expect(hidden.reduce((s, p) => s + truth.get(p)!, 0)).toBeGreaterThanOrEqual(k);
			}
			expect(cells.some((c) => c.suppressed === 'primary')).toBe(true);
		}
	});

	it('carries no respondent reference and no comment text, not even as bytes', async () => {
		const cube = await buildCube(engine, {
			views: ['overview', 'attainment-by-indicator', 'participation', 'feedback'],
			k: 3,
			title: 'Test'
		});
		const bytes = encodeCube(cube.cells, cube.meta);
		const text = new TextDecoder().decode(bytes);
		const personal = toRows<{ v: string }>(
			await engine.query(`SELECT DISTINCT respondent_ref AS v FROM feedback WHERE respondent_ref IS NOT NULL
				UNION SELECT DISTINCT comment FROM feedback WHERE length(comment) > 3`)
		).map((r) => r.v);
		expect(personal.length).toBeGreaterThan(50);
		for (const value of personal) expect(text.includes(value), value).toBe(false);
		expect(decodeCube(bytes).cells).toEqual(cube.cells);
	});

	it('includes only the chosen views', async () => {
		const { cells, meta } = await buildCube(engine, {
			views: ['participation'],
			k: 3,
			title: ' Beteiligung '
		});
		expect(new Set(cells.map((c) => c.view))).toEqual(new Set(['participation']));
		expect(meta).toMatchObject({ title: 'Beteiligung', views: ['participation'], asOf: '2022-09-30' });
	});
});
