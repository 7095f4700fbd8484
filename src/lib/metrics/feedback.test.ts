import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dashboardEngine } from '../../../tests/unit/dashboard-fixture';
import type { Engine } from '../engine';
import { feedbackByQuestion, summariseFeedback, topTwoValues } from './feedback';
import { NO_FILTERS } from './filters';

test.each([
	[1, 5, true, [5, 4]],
	[1, 5, false, [1, 2]],
	[1, 6, false, [1, 2]],
	[0, 10, true, [10, 9]]
] as const)('top two of %d..%d (higher is better: %s) = %o', (min, max, hib, expected) => {
	expect(topTwoValues(min, max, hib)).toEqual(expected);
});

test('summariseFeedback: answers outside the scale are not counted', () => {
	const base = {
		sessionId: 'S',
		questionId: 'Q',
		question: 'Q?',
		scaleMin: 1,
		scaleMax: 4,
		higherIsBetter: true
	};
	expect(
		summariseFeedback([
			{ ...base, answer: 4, count: 2 },
			{ ...base, answer: 1, count: 2 },
			{ ...base, answer: 9, count: 5 }
		])
	).toEqual([{ ...base, distribution: [2, 0, 0, 2], n: 4, mean: 2.5, topTwoBox: 0.5 }]);
});

describe('feedback on the fixture', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await dashboardEngine();
	});
	afterAll(() => engine.close());

	test('distribution, mean, top-2-box and n per question; school grades count 1 and 2 as best', async () => {
		const rows = await feedbackByQuestion(engine, NO_FILTERS, 'Werkstatt');
		expect(rows.map((q) => [q.sessionId, q.questionId, q.distribution, q.n, q.mean, q.topTwoBox])).toEqual([
			['K', 'F1', [0, 1, 0, 2, 1], 4, 3.75, 0.75],
			['E', 'F1', [1, 2, 1, 0, 0, 1], 5, 2.8, 0.6]
		]);
		expect(rows[1]).toMatchObject({ question: 'Gesamtnote', scaleMax: 6, higherIsBetter: false });
	});

	test('the period range selects sessions', async () => {
		const rows = await feedbackByQuestion(engine, { ...NO_FILTERS, periodTo: '2020-11-30' }, 'Werkstatt');
		expect(rows.map((q) => q.sessionId)).toEqual(['K']);
	});
});
