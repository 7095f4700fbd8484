import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/lib/engine';
import { createNodeEngine } from '../../src/lib/engine/node';
import { loadSample } from '../../src/lib/ingest';
import { toRows } from '../../src/lib/engine';
import {
	actualsWhere,
	attainmentBy,
	attainmentByIndicator,
	attainmentRankings,
	breakdown,
	NO_FILTERS,
	programmeOverview,
	rankingFilters,
	trajectory,
	type Filters
} from '../../src/lib/metrics';
import { Coordinator } from '../../src/lib/workspace/coordinator';
import { dashboardEngine } from './dashboard-fixture';

/** Every metric that reads actuals, as the dashboards call it. */
async function metrics(engine: Engine, filters: Filters) {
	return {
		indicators: await attainmentByIndicator(engine, filters),
		projects: await attainmentBy(engine, 'project', filters),
		municipalities: await attainmentBy(engine, 'municipality', filters),
		states: await attainmentBy(engine, 'state', filters),
		overview: await programmeOverview(engine, filters),
		breakdown: await breakdown(engine, filters)
	};
}

/** The overview figures straight from the actual rows (the formulation before per-project slices). */
async function overviewFromRows(engine: Engine, filters: Filters) {
	const where = actualsWhere({ ...filters, indicators: [] }, 'a');
	const [row] = toRows(
		await engine.query(
			`WITH sel AS (SELECT a.*, i.esf_code FROM actuals a JOIN indicators i USING (indicator_id) WHERE ${where.sql}),
			places AS (SELECT * FROM projects WHERE project_id IN (SELECT project_id FROM sel))
			SELECT (SELECT count(*) FROM places) AS projects,
				(SELECT count(DISTINCT municipality) FROM places) AS municipalities,
				(SELECT count(DISTINCT state) FROM places) AS states,
				(SELECT sum(value) FROM sel WHERE NOT coalesce(cumulative, false) AND esf_code IN ('CO01', 'CO03', 'CO05')) AS participants,
				(SELECT sum(value) FROM sel WHERE NOT coalesce(cumulative, false) AND esf_code = 'CO23') AS enterprises,
				(SELECT strftime(max(period_end), '%Y-%m-%d') FROM sel WHERE value IS NOT NULL) AS "asOf"`,
			where.params
		)
	);
	return row;
}

/** Filter states of every kind; `place` names a project, its municipality and Land, and an indicator. */
const filterStates = (place: {
	project: string;
	municipality: string;
	state: string;
	indicator: string;
}): [string, Partial<Filters>][] => [
	['none', {}],
	['gender w', { gender: 'w' }],
	['gender d', { gender: 'd' }],
	['age group', { ageGroup: '25-54' }],
	['gender and age group', { gender: 'm', ageGroup: '<25' }],
	['period from', { periodFrom: '2019-04-01' }],
	['period range', { periodFrom: '2019-04-01', periodTo: '2020-12-31' }],
	['Land', { states: [place.state] }],
	['municipality and indicator', { municipalities: [place.municipality], indicators: [place.indicator] }],
	['project, period and gender', { projects: [place.project], periodTo: '2020-06-30', gender: 'w' }]
];

describe('the coordinator answers exactly what the metrics answer without it, the overview what its rows say, and one statement of rankings what each ranking says', () => {
	for (const [name, open, place] of [
		[
			'tests/fixtures/dashboard',
			dashboardEngine,
			{ project: 'P2', municipality: 'Köln', state: 'Bayern', indicator: 'A' }
		],
		[
			'the bundled sample',
			async () => {
				const engine = await createNodeEngine();
				await loadSample(engine, async (file) => new Uint8Array(await readFile(join('data', file))));
				return engine;
			},
			{ project: 'BQ-19-002', municipality: 'Hamburg', state: 'Bayern', indicator: 'CO01' }
		]
	] as const) {
		describe(name, () => {
			let engine: Engine;
			let coordinator: Coordinator;
			beforeAll(async () => {
				engine = await open();
				coordinator = new Coordinator(engine, () => 1);
			});
			afterAll(() => engine.close());

			test.each(filterStates(place))('%s', async (_, partial) => {
				const filters = { ...NO_FILTERS, ...partial };
				const direct = await metrics(engine, filters);
				expect(direct.indicators.length).toBeGreaterThan(0);
				expect(await metrics(coordinator, filters)).toEqual(direct);
				expect(direct.overview).toEqual(await overviewFromRows(engine, filters));
				const [indicator] = direct.indicators;
				// The three rankings of one statement, as each ranking one by one.
				const id = indicator!.indicatorId;
				const oneByOne = {
					state: await attainmentBy(engine, 'state', rankingFilters(filters, 'state', id)),
					municipality: await attainmentBy(
						engine,
						'municipality',
						rankingFilters(filters, 'municipality', id)
					),
					project: await attainmentBy(engine, 'project', rankingFilters(filters, 'project', id))
				};
				expect(await attainmentRankings(engine, filters, id)).toEqual(oneByOne);
				expect(await attainmentRankings(coordinator, filters, id)).toEqual(oneByOne);
				expect(await trajectory(coordinator, indicator!.indicatorId, filters)).toEqual(
					await trajectory(engine, indicator!.indicatorId, filters)
				);
			});
		});
	}
});

describe('the coordinator', () => {
	let engine: Engine;
	let version = 1;
	let coordinator: Coordinator;
	beforeAll(async () => {
		engine = await createNodeEngine();
		await engine.exec('CREATE TABLE t AS SELECT range AS v FROM range(5)');
		coordinator = new Coordinator(engine, () => version);
	});
	afterAll(() => engine.close());

	const count = async (e: Engine) => Number((await e.query('SELECT count(*) AS n FROM t')).toArray()[0].n);

	test('runs an identical query once, also while it is still running', async () => {
		const [a, b] = await Promise.all([
			coordinator.query('SELECT sum(v) AS s FROM t WHERE v > ?', [1]),
			coordinator.query('SELECT sum(v) AS s FROM t WHERE v > ?', [1])
		]);
		expect(a).toBe(b);
		expect(await coordinator.query('SELECT sum(v) AS s FROM t WHERE v > ?', [1])).toBe(a);
		expect(await coordinator.query('SELECT sum(v) AS s FROM t WHERE v > ?', [2])).not.toBe(a);
	});

	test('a new data version is queried afresh', async () => {
		expect(await count(coordinator)).toBe(5);
		await engine.exec('INSERT INTO t VALUES (9)');
		expect(await count(coordinator)).toBe(5);
		version++;
		expect(await count(coordinator)).toBe(6);
	});

	test('keeps a materialized query as a table, once per (sql, params)', async () => {
		const name = await coordinator.materialize('SELECT v FROM t WHERE v >= ?', [3]);
		expect(await coordinator.materialize('SELECT v FROM t WHERE v >= ?', [3])).toBe(name);
		expect(await coordinator.materialize('SELECT v FROM t WHERE v >= ?', [4])).not.toBe(name);
		const rows = (await engine.query(`SELECT v FROM ${name} ORDER BY v`)).toArray().map((r) => Number(r.v));
		expect(rows).toEqual([3, 4, 9]);
		version++;
		await coordinator.query('SELECT 1');
		const renamed = await coordinator.materialize('SELECT v FROM t WHERE v >= ?', [3]);
		expect(renamed).not.toBe(name);
		await expect(engine.query(`SELECT * FROM ${name}`)).rejects.toThrow();
	});

	test('a failed query is not kept', async () => {
		await expect(coordinator.query('SELECT * FROM missing')).rejects.toThrow();
		await engine.exec('CREATE TABLE missing AS SELECT 1 AS x');
		expect((await coordinator.query('SELECT * FROM missing')).numRows).toBe(1);
	});

	test('a query with parameters is planned once per SQL text and data version', async () => {
		const node = await createNodeEngine();
		await node.exec('CREATE TABLE t AS SELECT range AS v FROM range(5)');
		const planned: string[] = [];
		const counting = {
			...node,
			prepare: (sql: string) => {
				planned.push(sql);
				return node.prepare(sql);
			}
		};
		let dataVersion = 1;
		const planner = new Coordinator(counting, () => dataVersion);
		const sum = async (min: number) =>
			Number((await planner.query('SELECT sum(v) AS s FROM t WHERE v >= ?', [min])).toArray()[0].s);
		expect([await sum(1), await sum(3), await sum(4)]).toEqual([10, 7, 4]);
		expect(planned).toHaveLength(1);
		await node.exec('INSERT INTO t VALUES (9)');
		dataVersion++;
		expect(await sum(4)).toBe(13);
		expect(planned).toHaveLength(2);
		await node.close();
	});
});
