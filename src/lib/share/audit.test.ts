import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../metrics/filters';
import { auditAgainst, contains } from './audit';
import type { CubeCell, CubeFilters, CubeMeta } from './schema';

const filters = (over: Partial<CubeFilters>): CubeFilters => ({
	periodFrom: null,
	periodTo: null,
	states: [],
	municipalities: [],
	projects: [],
	indicators: [],
	...over
});
const cube = (f: CubeFilters | undefined, participants: number, over: Partial<CubeCell> = {}) => {
	const meta: CubeMeta = { title: 't', k: 3, views: ['overview'], asOf: null, ...(f ? { filters: f } : {}) };
	const cell: CubeCell = {
		view: 'overview',
		dim1: 'participants',
		dim2: null,
		label1: null,
		label2: null,
		unit: null,
		code: null,
		value: participants,
		target: null,
		ratio: null,
		n: participants,
		projects: null,
		as_of: null,
		suppressed: null,
		...over
	};
	return { meta, cells: [cell] };
};
const published = (id: string, c: ReturnType<typeof cube>) => ({ id, ...c });
const LD = filters({ municipalities: ['Leipzig', 'Dresden'] });
const L = filters({ municipalities: ['Leipzig'] });

describe('auditAgainst', () => {
	it.each([
		['Leipzig after Leipzig + Dresden, difference 2', cube(L, 10), [published('A', cube(LD, 12))], 1],
		['Leipzig + Dresden after Leipzig, difference 2', cube(LD, 12), [published('B', cube(L, 10))], 1],
		['a municipality after the whole programme', cube(L, 10), [published('A', cube(undefined, 11))], 1],
		[
			'a period inside a longer one',
			cube(filters({ periodFrom: '2021-01-01' }), 10),
			[published('A', cube(filters({ periodFrom: '2020-01-01' }), 12))],
			1
		],
		['the same filters republished with 1 more', cube(L, 11), [published('A', cube(L, 10))], 1],
		['a difference of k', cube(L, 9), [published('A', cube(LD, 12))], 0],
		['the same value', cube(L, 12), [published('A', cube(LD, 12))], 0],
		[
			'filters that do not nest',
			cube(filters({ municipalities: ['Dresden'] }), 2 + 3),
			[published('A', cube(L, 4))],
			0
		],
		[
			'a cell hidden in one of them',
			cube(L, 0, { value: null, n: null, suppressed: 'primary' }),
			[published('A', cube(LD, 12))],
			0
		]
	])('%s → %i disclosures', (_, mine, others, expected) => {
		expect(auditAgainst(mine, others)).toHaveLength(expected);
	});

	it('names the other share, the cell and what the difference reveals', () => {
		expect(auditAgainst(cube(L, 10), [published('A', cube(LD, 12))])).toEqual([
			{ other: 'A', cell: 'overview|participants|', difference: 2 }
		]);
	});
});

describe('contains', () => {
	it('treats an empty list and an open period as everything', () => {
		expect(contains(NO_FILTERS, { ...NO_FILTERS, municipalities: ['Leipzig'] })).toBe(true);
		expect(contains({ ...NO_FILTERS, municipalities: ['Leipzig'] }, NO_FILTERS)).toBe(false);
		expect(
			contains({ ...NO_FILTERS, periodTo: '2022-12-31' }, { ...NO_FILTERS, periodTo: '2021-12-31' })
		).toBe(true);
		expect(contains({ ...NO_FILTERS, periodTo: '2021-12-31' }, NO_FILTERS)).toBe(false);
	});
});
