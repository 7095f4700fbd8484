import { describe, expect, it } from 'vitest';
import { suppressCells, participationCells } from '../share/cube';
import { encodeCube, PayloadError } from '../share/payload';
import type { CubeCell, CubeMeta } from '../share/schema';
import { validatePayload } from './validate';

const META: CubeMeta = { title: 'T', k: 3, views: ['participation'], asOf: null };
const raw = participationCells(
	[
		['BMI/BBSR', 1],
		['Jobcenter', 5],
		['Kommune', 9]
	].map(([role, participants]) => ({
		sessionId: 'S1',
		title: 'Auftakt',
		date: '2020-11-11',
		role: role as string,
		participants: participants as number
	}))
);
const good = suppressCells(raw, 3);

describe('validatePayload', () => {
	it('accepts a properly suppressed cube', () => {
		expect(validatePayload(encodeCube(good, META)).cells).toEqual(good);
	});

	const unhide = (cells: CubeCell[], role: string) =>
		cells.map((c) => (c.dim2 === role ? raw.find((r) => r.dim2 === role)! : c));
	const cases: { name: string; cells: CubeCell[]; meta?: Partial<CubeMeta>; message: RegExp }[] = [
		{ name: 'an unsuppressed cell under k', cells: raw, message: /n = 1 < k = 3/ },
		{
			name: 'a lone hidden part under a shown total',
			cells: unhide(good, 'Jobcenter'),
			message: /participation\|S1\|BMI\/BBSR could be recomputed/
		},
		{ name: 'k under the minimum', cells: good, meta: { k: 2 }, message: /k must be at least 3/ },
		{
			name: 'a hidden cell that still carries its number',
			cells: good.map((c) => (c.suppressed ? { ...c, n: 1 } : c)),
			message: /carries numbers/
		},
		{
			name: 'a view not announced',
			cells: good,
			meta: { views: ['overview'] },
			message: /not listed in views/
		},
		{ name: 'a duplicate cell', cells: [...good, good[0]!], message: /duplicate cell/ },
		{
			name: 'a shown cell without n',
			cells: good.map((c) => ({ ...c, n: c.suppressed ? null : null })),
			message: /has no count n/
		},
		{
			name: 'overlong text',
			cells: good.map((c) => ({ ...c, label1: 'x'.repeat(501) })),
			message: /longer than 500/
		}
	];
	it.each(cases)('refuses $name', ({ cells, meta, message }) => {
		const bytes = encodeCube(cells, { ...META, ...meta });
		expect(() => validatePayload(bytes)).toThrow(PayloadError);
		expect(() => validatePayload(bytes)).toThrow(message);
	});
});
