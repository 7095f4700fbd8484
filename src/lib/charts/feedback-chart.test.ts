import { expect, test } from 'vitest';
import { rankShares, rankValues } from './feedback-chart';

test.each([
	[
		'agreement 1–5, higher is better',
		{ distribution: [0, 1, 0, 2, 1], n: 4, higherIsBetter: true },
		[25, 50, 0, 25, 0]
	],
	[
		'school grade 1–6, lower is better',
		{ distribution: [1, 2, 1, 0, 0, 1], n: 5, higherIsBetter: false },
		[20, 40, 20, 0, 0, 20]
	],
	[
		'thirds round to one decimal',
		{ distribution: [1, 1, 1], n: 3, higherIsBetter: true },
		[33.3, 33.3, 33.3]
	],
	['no answers: zeros, no division by zero', { distribution: [0, 0], n: 0, higherIsBetter: true }, [0, 0]]
])('rankShares: %s', (_, q, expected) => {
	expect(rankShares(q)).toEqual(expected);
});

test.each([
	[{ scaleMin: 1, scaleMax: 5, higherIsBetter: true }, [5, 4, 3, 2, 1]],
	[{ scaleMin: 1, scaleMax: 6, higherIsBetter: false }, [1, 2, 3, 4, 5, 6]]
])('rankValues %o', (q, expected) => {
	expect(rankValues(q)).toEqual(expected);
});
