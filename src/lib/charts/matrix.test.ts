import { expect, test } from 'vitest';
import { participationMatrix } from './matrix';

const cells = [
	{ key: 'Kommune', sessionId: 'K', participants: 2 },
	{ key: 'Kommune', sessionId: 'E', participants: 1 },
	{ key: 'Projektträger', sessionId: 'K', participants: 6 },
	{ key: 'Projektträger', sessionId: 'E', participants: 5 },
	{ key: 'BMI/BBSR', sessionId: 'K', participants: 3 }
];

test.each([
	[
		Infinity,
		{
			keys: ['Projektträger', 'BMI/BBSR', 'Kommune'],
			values: [
				[6, 3, 2],
				[5, 0, 1]
			],
			omitted: 0
		}
	],
	[
		2,
		{
			keys: ['Projektträger', 'BMI/BBSR'],
			values: [
				[6, 3],
				[5, 0]
			],
			omitted: 1
		}
	],
	[0, { keys: [], values: [[], []], omitted: 3 }]
])('limit %d', (limit, expected) => {
	expect(participationMatrix(cells, ['K', 'E'], limit)).toEqual(expected);
});

test('ties are ordered by name; nothing in, nothing out', () => {
	expect(participationMatrix([], ['K'])).toEqual({ keys: [], values: [[]], omitted: 0 });
	expect(
		participationMatrix(
			[
				{ key: 'b', sessionId: 'K', participants: 1 },
				{ key: 'a', sessionId: 'K', participants: 1 }
			],
			['K']
		).keys
	).toEqual(['a', 'b']);
});
