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
	hasPublishFilter,
	participationCells,
	publishFilters,
	suppressCells,
	viewFilters
} from './cube';
import { NO_FILTERS, type Filters } from '../metrics';
import { decodeCube, encodeCube } from './payload';
import { CUBE_VIEWS, type CubeCell, type CubeMeta } from './schema';

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

const filters = (over: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...over });

describe('publishFilters / hasPublishFilter / viewFilters', () => {
	it.each([
		{ name: 'no filters', given: {}, any: false },
		{
			name: 'only gender and age group (not published)',
			given: { gender: 'w', ageGroup: '<25' },
			any: false
		},
		{ name: 'a period start', given: { periodFrom: '2020-01-01' }, any: true },
		{ name: 'a Land', given: { states: ['Berlin'] }, any: true },
		{ name: 'an indicator', given: { indicators: ['CO01'] }, any: true }
	] as { name: string; given: Partial<Filters>; any: boolean }[])(
		'$name → filtered: $any',
		({ given, any }) => {
			expect(hasPublishFilter(filters(given))).toBe(any);
			expect(publishFilters(filters(given))).toMatchObject({ gender: null, ageGroup: null });
		}
	);

	const all = filters({
		periodFrom: '2020-01-01',
		periodTo: '2021-12-31',
		states: ['Niedersachsen'],
		municipalities: ['Hannover'],
		projects: ['BQ-19-014'],
		indicators: ['CO01'],
		gender: 'w'
	});
	it.each([
		['overview', { ...all, gender: null }],
		['attainment-by-indicator', { ...all, gender: null }],
		[
			'participation',
			filters({
				periodFrom: '2020-01-01',
				periodTo: '2021-12-31',
				states: ['Niedersachsen'],
				municipalities: ['Hannover']
			})
		],
		['feedback', filters({ periodFrom: '2020-01-01', periodTo: '2021-12-31' })]
	] as const)('%s takes %j', (view, expected) => {
		expect(viewFilters(view, all)).toEqual(expected);
	});
});

/**
 * The privacy rules on a built cube: no shown cell under k, hidden cells without numbers, and no
 * published total with hidden parts that sum to less than k or that is missing just one part.
 */
async function expectSafe(engine: Engine, cells: CubeCell[], meta: CubeMeta, filters: Filters = NO_FILTERS) {
	for (const c of cells) {
		if (c.suppressed) expect([c.value, c.n, c.target, c.ratio]).toEqual([null, null, null, null]);
		else if (c.n! > 0) expect(c.n, cellId(c)).toBeGreaterThanOrEqual(meta.k);
	}
	// Recompute with the unsuppressed cube to know the hidden counts.
	const byId = new Map(cells.map((c) => [cellId(c), c]));
	const truth = new Map((await collectCells(engine, meta.views, filters)).map((c) => [cellId(c), c.n ?? 0]));
	for (const margin of cubeMargins(cells)) {
		if (byId.get(margin.total)!.suppressed) continue;
		const hidden = margin.parts.filter((p) => byId.get(p)!.suppressed);
		if (hidden.length === 0) continue;
		expect(hidden.length, margin.total).toBeGreaterThanOrEqual(2);
		expect(hidden.reduce((s, p) => s + truth.get(p)!, 0)).toBeGreaterThanOrEqual(meta.k);
	}
}

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
			expect(meta.filters).toBeUndefined();
			await expectSafe(engine, cells, meta);
			expect(cells.some((c) => c.suppressed === 'primary')).toBe(true);
		}
	});

	it.each([
		{ name: 'a Land', f: filters({ states: ['Niedersachsen'] }) },
		{ name: 'a municipality', f: filters({ municipalities: ['Hannover'] }) },
		{ name: 'a period', f: filters({ periodFrom: '2020-01-01', periodTo: '2020-12-31' }) },
		{ name: 'a project', f: filters({ projects: ['BQ-19-001'] }) },
		{
			name: 'two municipalities and an indicator',
			f: filters({ municipalities: ['Hannover', 'Rostock'], indicators: ['CO01'] })
		}
	])('filtered to $name: built for the filters, no cell under k, nothing recomputable', async ({ f }) => {
		for (const k of [3, 5]) {
			const { cells, meta } = await buildCube(engine, {
				views: [...CUBE_VIEWS],
				k,
				title: 'Test',
				filters: f
			});
			await expectSafe(engine, cells, meta, f);
			expect(meta.filters).toMatchObject({
				periodFrom: f.periodFrom,
				periodTo: f.periodTo,
				states: f.states,
				municipalities: f.municipalities
			});
			expect(meta.filters!.projects.map((p) => p.id)).toEqual(f.projects);
			expect(meta.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			if (f.periodFrom) expect(meta.since! >= f.periodFrom, meta.since!).toBe(true);
			// Filtering hides more than the whole programme does, never less.
			const whole = await buildCube(engine, { views: [...CUBE_VIEWS], k, title: 'Test' });
			const unfilteredProjects = whole.cells.find((c) => c.view === 'overview' && c.dim1 === 'projects')!;
			const projects = cells.find((c) => c.view === 'overview' && c.dim1 === 'projects')!;
			if (!projects.suppressed) expect(projects.value!).toBeLessThanOrEqual(unfilteredProjects.value!);
		}
	});

	it('a municipality cube counts exactly that municipality, by SQL written apart from the app', async () => {
		const f = filters({ municipalities: ['Hannover'] });
		const { cells } = await buildCube(engine, {
			views: [...CUBE_VIEWS],
			k: 3,
			title: 'Hannover',
			filters: f
		});
		const [{ projects }] = toRows<{ projects: number }>(
			await engine.query(
				`SELECT CAST(count(DISTINCT project_id) AS INTEGER) AS projects FROM actuals
				WHERE project_id IN (SELECT project_id FROM projects WHERE municipality = 'Hannover')`
			)
		) as [{ projects: number }];
		const overview = cells.find((c) => c.view === 'overview' && c.dim1 === 'projects')!;
		expect(overview.suppressed ? null : overview.value).toBe(projects >= 3 ? projects : null);
		const sessions = toRows<{ id: string; n: number }>(
			await engine.query(
				`SELECT session_id AS id, CAST(sum(participants) AS INTEGER) AS n FROM participation
				WHERE municipality = 'Hannover' GROUP BY 1`
			)
		);
		const totals = cells.filter((c) => c.view === 'participation' && c.dim2 === null);
		expect(totals.map((c) => c.dim1).sort()).toEqual(sessions.map((s) => s.id).sort());
		for (const s of sessions) {
			const cell = totals.find((c) => c.dim1 === s.id)!;
			if (s.n >= 3) expect(cell.value, s.id).toBe(s.n);
			else expect(cell.suppressed, s.id).toBe('primary');
		}
		expect(sessions.length).toBeGreaterThan(0);
	});

	it('names the filtered projects and indicators for the stakeholder', async () => {
		const { meta } = await buildCube(engine, {
			views: ['overview'],
			k: 3,
			title: 'T',
			filters: filters({ projects: ['BQ-19-001'], indicators: ['CO01'] })
		});
		expect(meta.filters!.projects).toEqual([
			{ id: 'BQ-19-001', name: 'Wege in Arbeit Berlin-Brückenviertel' }
		]);
		expect(meta.filters!.indicators).toEqual([{ id: 'CO01', name: expect.stringMatching(/^CO01 · \S/) }]);
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
