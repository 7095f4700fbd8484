import { describe, expect, it } from 'vitest';
import { sameData } from './same-data';

describe('sameData', () => {
	const row = { key: 'Bayern', attainment: 1.143, n: 3, asOf: '2022-09-30', status: 'reached' };
	it.each([
		['equal primitives', 1, 1, true],
		['different numbers', 1, 2, false],
		['NaN and NaN', NaN, NaN, true],
		['-0 and 0', -0, 0, true],
		['null and null', null, null, true],
		['null and an object', null, {}, false],
		['null and undefined', null, undefined, false],
		['a number and its text', 1, '1', false],
		['equal rows', { ...row }, { ...row }, true],
		['rows with one value changed', { ...row }, { ...row, attainment: 1.144 }, false],
		['a missing key', { ...row }, { key: 'Bayern', attainment: 1.143, n: 3, asOf: '2022-09-30' }, false],
		['the same count of keys, one renamed', { a: 1, b: 2 }, { a: 1, c: 2 }, false],
		['an undefined value and a missing key', { a: 1, b: undefined }, { a: 1, c: undefined }, false],
		['keys in another order', { a: 1, b: 2 }, { b: 2, a: 1 }, true],
		[
			'equal nested results',
			{ rows: [row, row], limit: 80 },
			{ rows: [{ ...row }, { ...row }], limit: 80 },
			true
		],
		['one row more', { rows: [row] }, { rows: [row, row] }, false],
		['a row changed deep inside', { rows: [row, row] }, { rows: [row, { ...row, n: 4 }] }, false],
		['an array and an object with its indexes', [1, 2], { 0: 1, 1: 2, length: 2 }, false],
		['an empty array and an empty object', [], {}, false],
		['equal typed arrays', new Int32Array([1, 2]), new Int32Array([1, 2]), true],
		['typed arrays of different types', new Int32Array([1, 2]), new Float64Array([1, 2]), false]
	])('%s', (_, a, b, same) => {
		expect(sameData(a, b)).toBe(same);
		expect(sameData(b, a)).toBe(same);
	});
});
