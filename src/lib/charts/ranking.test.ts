import { describe, expect, it } from 'vitest';
import { topAndBottom } from './ranking';

const ranks = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const show = (bars: ReturnType<typeof topAndBottom<number>>) =>
	bars.map((b) => ('row' in b ? b.row : `…${b.omitted}`));

describe('topAndBottom', () => {
	it.each([
		['70 bars → 10 best, a gap of 50, 10 worst', 70, 10, 10, [...ranks(10), '…50', ...ranks(70).slice(60)]],
		['a ranking that fits stays whole', 20, 10, 10, ranks(20)],
		['leaving out a single bar is not worth a gap', 21, 10, 10, ranks(21)],
		['22 bars leave out two', 22, 10, 10, [...ranks(10), '…2', ...ranks(22).slice(12)]],
		['only the best', 30, 5, 0, [1, 2, 3, 4, 5, '…25']],
		['an empty ranking', 0, 10, 10, []]
	] as const)('%s', (_, n, top, bottom, expected) => {
		expect(show(topAndBottom(ranks(n), top, bottom))).toEqual(expected);
	});
});
