import { describe, expect, it } from 'vitest';
import { niceTicks, tickCount } from './ticks';

/** The ticks an axis shows: 0, step, 2 × step, … up to max. */
const ticksOf = ({ max, step }: { max: number; step: number }) =>
	Array.from({ length: Math.round(max / step) + 1 }, (_, i) => Number((i * step).toPrecision(12)));

describe('niceTicks', () => {
	it.each([
		// [largest value, intervals wanted, integer, expected ticks]
		['status counts 4 (read 4,4,3,3,… before)', 4, 8, true, [0, 1, 2, 3, 4]],
		['status counts 4, few intervals', 4, 3, true, [0, 2, 4]],
		['a count of 1', 1, 5, true, [0, 1]],
		['no data', 0, 5, true, [0, 1]],
		['counts up to 103 (top tick read 104)', 103, 5, true, [0, 25, 50, 75, 100, 125]],
		['counts up to 6.594,9 (top tick read 6.594,9)', 6594.9, 5, false, [0, 2000, 4000, 6000, 8000]],
		['a step of 2,5 for measured values', 10, 4, false, [0, 2.5, 5, 7.5, 10]],
		['a step of 2,5 becomes 2 for counts', 10, 4, true, [0, 2, 4, 6, 8, 10]],
		['small decimals', 0.37, 4, false, [0, 0.1, 0.2, 0.3, 0.4]],
		['percent up to 100 exactly', 100, 5, false, [0, 20, 40, 60, 80, 100]],
		['participants 1.140', 1140, 6, true, [0, 200, 400, 600, 800, 1000, 1200]]
	] as const)('%s', (_, max, count, integer, expected) => {
		const ticks = niceTicks(max, count, integer);
		expect(ticksOf(ticks)).toEqual(expected);
		// The top tick covers the largest value, and counts never get a fraction or a repeat.
		expect(ticks.max).toBeGreaterThanOrEqual(max);
		if (integer) expect(ticksOf(ticks).every(Number.isInteger)).toBe(true);
	});
});

describe('tickCount', () => {
	it.each([
		[300, 60, 5],
		[90, 60, 2],
		[2000, 60, 10],
		[0, 60, 2]
	])('%i px at one tick per %i px → %i intervals', (length, spacing, expected) => {
		expect(tickCount(length, spacing)).toBe(expected);
	});
});
