import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dashboardEngine, r6 } from '../../../tests/unit/dashboard-fixture';
import type { Engine } from '../engine';
import { NO_FILTERS, type Filters } from './filters';
import {
	events,
	participationBy,
	participationByGroup,
	participationBySession,
	retention
} from './participation';

let engine: Engine;
beforeAll(async () => {
	engine = await dashboardEngine();
});
afterAll(() => engine.close());

describe('participation of the event "Werkstatt"', () => {
	test('per session', async () => {
		const rows = await participationBySession(engine, NO_FILTERS, 'Werkstatt');
		expect(
			rows.map((r) => [r.sessionId, r.kind, r.date, r.registered, r.participants, r.posts, r.n])
		).toEqual([
			['K', 'kickoff', '2020-11-11', 13, 11, null, 4],
			['C', 'chat', '2020-11-12', 6, 6, 14, 3],
			['E', 'closing', '2020-12-10', 12, 8, null, 4]
		]);
	});

	test('per chat group', async () => {
		const rows = await participationByGroup(engine, NO_FILTERS, 'Werkstatt');
		expect(rows.map((r) => [r.groupId, r.topic, r.participants, r.posts])).toEqual([
			['G1', 'Digitalisierung', 4, 14],
			['G2', 'Covid-19', 2, 0]
		]);
	});

	test('per role and session', async () => {
		const rows = await participationBy(engine, 'role', NO_FILTERS, 'Werkstatt');
		expect(rows.map((r) => [r.key, r.sessionId, r.participants])).toEqual([
			['BMI/BBSR', 'K', 3],
			['BMI/BBSR', 'E', 2],
			['Kommune', 'K', 2],
			['Kommune', 'C', 2],
			['Kommune', 'E', 1],
			['Projektträger', 'K', 6],
			['Projektträger', 'C', 4],
			['Projektträger', 'E', 5]
		]);
	});

	test('per municipality, Land filter through the projects', async () => {
		const rows = await participationBy(
			engine,
			'municipality',
			{ ...NO_FILTERS, states: ['Bayern'] },
			'Werkstatt'
		);
		expect(rows.map((r) => [r.key, r.sessionId, r.participants])).toEqual([
			['Fürth', 'K', 2],
			['Fürth', 'C', 1],
			['Fürth', 'E', 0]
		]);
	});

	test.each([
		[
			'everyone',
			NO_FILTERS,
			[
				['BMI/BBSR', 3, 2, r6(2 / 3)],
				['Kommune', 2, 1, 0.5],
				['Projektträger', 6, 5, r6(5 / 6)],
				[null, 11, 8, r6(8 / 11)]
			]
		],
		[
			'Köln',
			{ ...NO_FILTERS, municipalities: ['Köln'] },
			[
				['Kommune', 2, 1, 0.5],
				['Projektträger', 4, 5, 1.25],
				[null, 6, 6, 1]
			]
		],
		[
			'Bayern',
			{ ...NO_FILTERS, states: ['Bayern'] },
			[
				['Projektträger', 2, 0, 0],
				[null, 2, 0, 0]
			]
		],
		// nobody at the kickoff: no retention rather than a division by zero
		[
			'after the event',
			{ ...NO_FILTERS, periodFrom: '2020-12-01' },
			[
				['BMI/BBSR', 0, 2, null],
				['Kommune', 0, 1, null],
				['Projektträger', 0, 5, null],
				[null, 0, 8, null]
			]
		]
	] as [string, Filters, (string | number | null)[][]][])(
		'retention kickoff → closing: %s',
		async (_, filters, expected) => {
			const rows = await retention(engine, filters, 'Werkstatt');
			expect(rows.map((r) => [r.role, r.kickoff, r.closing, r6(r.retention)])).toEqual(expected);
		}
	);

	test('without an event every session counts', async () => {
		const rows = await retention(engine, NO_FILTERS, null);
		expect(rows.at(-1)).toMatchObject({ role: null, kickoff: 20, closing: 8 });
	});
});

test('events', async () => {
	expect(await events(engine)).toEqual([
		{ event: 'Werkstatt', sessions: 3, from: '2020-11-11' },
		{ event: 'Anderes Treffen', sessions: 1, from: '2021-03-01' }
	]);
});
