import { describe, expect, it } from 'vitest';
import { suppress, type CountCell, type Margin } from './suppress';

const cells = (spec: Record<string, number>): CountCell[] =>
	Object.entries(spec).map(([id, n]) => ({ id, n }));

/** A session total T with role parts; the classic one-dimensional margin. */
const session = (parts: string[]): Margin[] => [{ total: 'T', parts }];

describe('suppress', () => {
	const cases: {
		name: string;
		cells: Record<string, number>;
		margins: Margin[];
		k?: number;
		expected: Record<string, 'primary' | 'secondary'>;
	}[] = [
		{ name: 'nothing under k', cells: { T: 9, a: 3, b: 6 }, margins: session(['a', 'b']), expected: {} },
		{
			name: 'a lone small cell hides the next smallest part too',
			cells: { T: 16, a: 1, b: 5, c: 10 },
			margins: session(['a', 'b', 'c']),
			expected: { a: 'primary', b: 'secondary' }
		},
		{
			name: 'two small cells whose sum is still under k pull in a third',
			cells: { T: 12, a: 1, b: 1, c: 4, d: 6 },
			margins: session(['a', 'b', 'c', 'd']),
			expected: { a: 'primary', b: 'primary', c: 'secondary' }
		},
		{
			name: 'two small cells summing to k need nothing more',
			cells: { T: 13, a: 1, b: 2, c: 10 },
			margins: session(['a', 'b', 'c']),
			expected: { a: 'primary', b: 'primary' }
		},
		{
			name: 'zero cells are skipped as secondary while a positive part exists',
			cells: { T: 11, a: 2, z: 0, c: 9 },
			margins: session(['a', 'z', 'c']),
			expected: { a: 'primary', c: 'secondary' }
		},
		{
			name: 'a part that is the only part hides its total',
			cells: { T: 2, a: 2 },
			margins: session(['a']),
			expected: { a: 'primary', T: 'primary' }
		},
		{
			name: 'a margin whose total is not published constrains nothing',
			cells: { E: 40, CO23: 40, X: 1 },
			margins: [
				{ total: 'E', parts: ['CO23'] },
				{ total: 'P', parts: ['X'] }
			],
			expected: { X: 'primary' }
		},
		{
			name: 'ties go to the smaller id',
			cells: { T: 11, a: 1, c: 5, b: 5 },
			margins: session(['a', 'b', 'c']),
			expected: { a: 'primary', b: 'secondary' }
		},
		{
			name: 'cascades through a second margin sharing a cell',
			// Row margin R = a + b, column margin C = b + c: hiding b for R forces a partner in C.
			cells: { R: 12, C: 20, a: 2, b: 10, c: 10 },
			margins: [
				{ total: 'R', parts: ['a', 'b'] },
				{ total: 'C', parts: ['b', 'c'] }
			],
			expected: { a: 'primary', b: 'secondary', c: 'secondary' }
		},
		{
			name: 'a hidden total needs no partner',
			cells: { T: 2, a: 1, b: 1, G: 30, other: 28 },
			margins: [
				{ total: 'T', parts: ['a', 'b'] },
				{ total: 'G', parts: ['T', 'other'] }
			],
			expected: { T: 'primary', a: 'primary', b: 'primary', other: 'secondary' }
		},
		{
			name: 'k is configurable',
			cells: { T: 20, a: 4, b: 6, c: 10 },
			margins: session(['a', 'b', 'c']),
			k: 5,
			expected: { a: 'primary', b: 'secondary' }
		},
		{
			name: 'margins naming unknown cells are ignored',
			cells: { T: 10, a: 1, b: 9 },
			margins: [{ total: 'T', parts: ['a', 'b', 'missing'] }],
			expected: { a: 'primary' }
		}
	];

	it.each(cases)('$name', ({ cells: spec, margins, k = 3, expected }) => {
		expect(Object.fromEntries(suppress(cells(spec), margins, k))).toEqual(expected);
	});

	it('never leaves a margin where one hidden part can be recomputed', () => {
		// Pseudo-random tables with a fixed seed: every margin with a shown total has ≥ 2 hidden
		// parts holding ≥ k units, or none.
		let seed = 42;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (let round = 0; round < 200; round++) {
			const parts = Array.from({ length: 2 + Math.floor(random() * 5) }, (_, i) => ({
				id: `p${i}`,
				n: Math.floor(random() * 8)
			}));
			const total = { id: 'T', n: parts.reduce((s, p) => s + p.n, 0) };
			const margin = { total: 'T', parts: parts.map((p) => p.id) };
			const hidden = suppress([total, ...parts], [margin], 3);
			for (const p of parts) if (p.n > 0 && p.n < 3) expect(hidden.has(p.id)).toBe(true);
			if (hidden.has('T')) continue;
			const hiddenParts = parts.filter((p) => hidden.has(p.id));
			if (hiddenParts.length === 0) continue;
			expect(hiddenParts.length).toBeGreaterThanOrEqual(2);
			expect(hiddenParts.reduce((s, p) => s + p.n, 0)).toBeGreaterThanOrEqual(3);
		}
	});
});
