import { describe, expect, it } from 'vitest';
import { percentAxisMax } from './bar-chart';

describe('percentAxisMax', () => {
	it.each([
		['no bars', [], 160],
		['all far below target', [12, 40], 160],
		['exactly on target', [100], 160],
		['the longest bar at 116.2 %', [72, 116.2], 180],
		['the longest bar at 120 %', [120], 180],
		['an outlier at 250 %', [80, 250], 360]
	])('%s → %d %%', (_, values, max) => {
		expect(percentAxisMax(values)).toBe(max);
	});

	it('leaves at least the label share of the axis free right of every bar', () => {
		for (const top of [0, 55.5, 99.9, 100, 133.3, 180, 999]) {
			const max = percentAxisMax([top]);
			expect(max % 20).toBe(0);
			expect((max - top) / max).toBeGreaterThanOrEqual(0.3);
		}
	});
});
