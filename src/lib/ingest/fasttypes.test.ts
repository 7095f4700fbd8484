import { describe, expect, test } from 'vitest';
import {
	decideFastPlan,
	decideNumberStyle,
	FAST_MISS_SHARE,
	numberOptions,
	type ColumnKind
} from './fasttypes';

const many = (value: string, n = 200) => Array.from({ length: n }, () => value);

describe('decideNumberStyle', () => {
	test.each([
		{ values: ['1.234,5', '12,5', '7'], style: 'de' },
		{ values: ['1,234.5', '12.5', '7'], style: 'en' },
		{ values: ['7', '8', ''], style: 'de' },
		// "1,234" reads both ways: a tie goes to German.
		{ values: ['1,234'], style: 'de' },
		{ values: ['1,234', '0.5'], style: 'en' },
		{ values: [' 12,5 % ', '3'], style: 'de' }
	])('$values → $style', ({ values, style }) => {
		expect(decideNumberStyle(values)).toBe(style);
	});
});

describe('decideFastPlan', () => {
	const plan = (columns: { header: string; kind: ColumnKind; style?: 'de' | 'en'; values: string[] }[]) =>
		decideFastPlan(columns, (h) => columns.find((c) => c.header === h)!.values);

	test.each([
		{
			name: 'German numbers and day dates are read typed',
			columns: [
				{
					header: 'Istwert',
					kind: 'number' as const,
					style: 'de' as const,
					values: ['12,5', '1.234,5', '', '7']
				},
				{ header: 'von', kind: 'date' as const, values: ['01.01.2021', '1.2.2021', ''] },
				{ header: 'ID', kind: 'other' as const, values: ['CO01'] }
			],
			types: { Istwert: 'DOUBLE', von: 'DATE', ID: 'VARCHAR' },
			style: 'de',
			dateformat: '%d.%m.%Y'
		},
		{
			name: 'placeholders beyond the miss share keep a column text',
			columns: [
				{
					header: 'Istwert',
					kind: 'number' as const,
					style: 'de' as const,
					values: [...many('5'), ...many('-', 10)]
				}
			],
			types: { Istwert: 'VARCHAR' },
			style: 'de',
			dateformat: null
		},
		{
			name: 'a rare placeholder is left to the precise path',
			columns: [
				{ header: 'Istwert', kind: 'number' as const, style: 'de' as const, values: [...many('5'), 'k.A.'] }
			],
			types: { Istwert: 'DOUBLE' },
			style: 'de',
			dateformat: null
		},
		{
			name: 'percent values stay text',
			columns: [{ header: 'Quote', kind: 'number' as const, style: 'de' as const, values: many('12,5 %') }],
			types: { Quote: 'VARCHAR' },
			style: 'de',
			dateformat: null
		},
		{
			name: 'the minority number style stays text (one decimal mark per read)',
			columns: [
				{ header: 'a', kind: 'number' as const, style: 'en' as const, values: ['1.5'] },
				{ header: 'b', kind: 'number' as const, style: 'en' as const, values: ['2.5'] },
				{ header: 'c', kind: 'number' as const, style: 'de' as const, values: ['2,5'] }
			],
			types: { a: 'DOUBLE', b: 'DOUBLE', c: 'VARCHAR' },
			style: 'en',
			dateformat: null
		},
		{
			name: 'quarters, two-digit years and ISO dates stay text',
			columns: [
				{ header: 'q', kind: 'date' as const, values: ['Q3/2021'] },
				{ header: 'y2', kind: 'date' as const, values: ['15.3.21'] },
				{ header: 'iso', kind: 'date' as const, values: ['2021-03-15'] }
			],
			types: { q: 'VARCHAR', y2: 'VARCHAR', iso: 'VARCHAR' },
			style: 'de',
			dateformat: null
		},
		{
			name: 'English thousands groups are plain in English style',
			columns: [
				{ header: 'n', kind: 'number' as const, style: 'en' as const, values: ['1,234.5', '-3', '0.25'] }
			],
			types: { n: 'DOUBLE' },
			style: 'en',
			dateformat: null
		}
	])('$name', ({ columns, types, style, dateformat }) => {
		expect(plan(columns)).toEqual({ types, style, dateformat });
	});

	test('the miss share is a small fraction', () => {
		expect(FAST_MISS_SHARE).toBeLessThanOrEqual(0.05);
	});
});

describe('numberOptions', () => {
	test.each([
		{ style: 'de' as const, decimal: ',', thousands: '.' },
		{ style: 'en' as const, decimal: '.', thousands: ',' }
	])('$style', ({ style, decimal, thousands }) => {
		expect(numberOptions(style)).toEqual({ decimal, thousands });
	});
});
