import { expect, test } from 'vitest';
import { attainmentStatus, statusDistribution } from './status';

test.each([
	[null, undefined, 'no_target'],
	[Number.POSITIVE_INFINITY, undefined, 'no_target'],
	[Number.NaN, undefined, 'no_target'],
	[0, undefined, 'behind'],
	[0.7999, undefined, 'behind'],
	[0.8, undefined, 'on_track'],
	[0.9999, undefined, 'on_track'],
	[1, undefined, 'achieved'],
	[2.5, undefined, 'achieved'],
	[0.8, { achieved: 1, onTrack: 0.85 }, 'behind'],
	[0.95, { achieved: 0.9, onTrack: 0.7 }, 'achieved']
] as const)('attainmentStatus(%s, %o) = %s', (attainment, thresholds, expected) => {
	expect(attainmentStatus(attainment, thresholds)).toBe(expected);
});

test('statusDistribution counts every status, zeros included', () => {
	expect(
		statusDistribution([
			{ indicatorId: 'A', status: 'behind' },
			{ indicatorId: 'B', status: 'achieved' },
			{ indicatorId: 'C', status: 'behind' }
		])
	).toEqual([
		{ status: 'achieved', count: 1, indicators: ['B'] },
		{ status: 'on_track', count: 0, indicators: [] },
		{ status: 'behind', count: 2, indicators: ['A', 'C'] },
		{ status: 'no_target', count: 0, indicators: [] }
	]);
});
