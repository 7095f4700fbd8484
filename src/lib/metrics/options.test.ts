import { afterAll, beforeAll, expect, test } from 'vitest';
import { dashboardEngine } from '../../../tests/unit/dashboard-fixture';
import type { Engine } from '../engine';
import { filterOptions, projectInfo } from './options';

let engine: Engine;
beforeAll(async () => {
	engine = await dashboardEngine();
});
afterAll(() => engine.close());

test('filter options come from the data', async () => {
	expect(await filterOptions(engine)).toEqual({
		states: ['Bayern', 'Nordrhein-Westfalen'],
		municipalities: [
			{ municipality: 'Fürth', state: 'Bayern' },
			{ municipality: 'Köln', state: 'Nordrhein-Westfalen' }
		],
		projects: [
			{ projectId: 'P1', name: 'Projekt Eins', municipality: 'Köln' },
			{ projectId: 'P2', name: 'Projekt Zwei', municipality: 'Köln' },
			{ projectId: 'P3', name: 'Projekt Drei', municipality: 'Fürth' }
		],
		indicators: [
			{ indicatorId: 'A', name: 'Teilnehmende', esfCode: null },
			{ indicatorId: 'D', name: 'Abbrüche', esfCode: null },
			{ indicatorId: 'R', name: 'Quote', esfCode: null },
			{ indicatorId: 'U', name: 'Ohne Ziel', esfCode: null }
		],
		periodStarts: ['2019-01-01', '2019-04-01', '2020-01-01'],
		periodEnds: ['2019-03-31', '2019-06-30', '2020-03-31']
	});
});

test.each([
	[
		'P3',
		{ name: 'Projekt Drei', municipality: 'Fürth', state: 'Bayern', start: '2019-01-01', end: '2020-12-31' }
	],
	["P1' OR '1'='1", null]
])('projectInfo(%s)', async (id, expected) => {
	const info = await projectInfo(engine, id);
	if (expected === null) expect(info).toBeNull();
	else expect(info).toMatchObject(expected);
});
