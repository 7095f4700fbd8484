import { describe, expect, it } from 'vitest';
import { attainmentCells, participationCells, suppressCells } from './cube';
import { PayloadError } from './payload';
import { checkCube, isPlausibleDate } from './rules';
import type { CubeCell, CubeMeta } from './schema';

const META: CubeMeta = {
	title: 'BIWAQ',
	k: 3,
	views: ['participation', 'attainment-by-indicator'],
	asOf: '2022-09-30'
};
const session = (role: string, participants: number) => ({
	sessionId: 'S1',
	title: 'Auftakt',
	date: '2020-11-11',
	role,
	participants
});
const participation = suppressCells(
	participationCells([session('Jobcenter', 5), session('Kommune', 9), session('Quartier', 4)]),
	3
);
const indicator = attainmentCells([
	{
		indicatorId: 'CO01',
		name: 'Arbeitslose',
		unit: 'Personen',
		esfCode: 'CO01',
		actual: 50,
		target: 100,
		attainment: 0.5,
		status: 'behind',
		projects: 4,
		n: 50,
		asOf: '2022-09-30',
		since: null
	}
])[0]!;
const good = [...participation, indicator];
const id = (c: CubeCell) => `${c.view}|${c.dim1}|${c.dim2 ?? ''}`;
const replace = (cells: CubeCell[], target: string, over: Partial<CubeCell>) =>
	cells.map((c) => (id(c) === target ? { ...c, ...over } : c));
const hide = {
	value: null,
	target: null,
	ratio: null,
	n: null,
	projects: null,
	suppressed: 'primary' as const
};

describe('checkCube', () => {
	it('accepts a cube as the browser builds it', () => {
		expect(() => checkCube(META, good)).not.toThrow();
	});

	const cases: { name: string; meta?: Partial<CubeMeta>; cells: CubeCell[]; message: RegExp }[] = [
		{ name: 'no cells at all', cells: [], message: /no cells/ },
		{
			name: 'a value under k whose n claims 50 (issue 20.4)',
			cells: replace(good, 'participation|S1|Kommune', { value: 2, n: 50 }),
			message: /shows 2 < k = 3/
		},
		{
			name: 'a counted value that differs from its n',
			cells: replace(good, 'participation|S1|Kommune', { value: 90, n: 9 }),
			message: /n = 9 differs from its value 90/
		},
		{
			name: 'two hidden parts whose sum is under k (total 12, A 10, B and C hidden)',
			cells: [
				...participationCells([session('A', 10), session('B', 1), session('C', 1)]).map((c) =>
					c.dim2 === 'B' || c.dim2 === 'C' ? { ...c, ...hide } : c
				)
			],
			message: /hidden parts hold 2 < k = 3/
		},
		{
			name: 'a lone hidden part under a shown total',
			cells: replace(good, 'participation|S1|Quartier', hide),
			message: /could be recomputed/
		},
		{
			name: 'as_of that is not a date',
			cells: replace(good, 'participation|S1|', { as_of: 'not a date' }),
			message: /as_of is not a date/
		},
		{ name: 'asOf 2024-99-99', meta: { asOf: '2024-99-99' }, cells: good, message: /asOf: not a date/ },
		{
			name: 'since on 31 February',
			meta: { since: '2021-02-31' },
			cells: good,
			message: /since: not a date/
		},
		{
			name: 'a ratio of 1000 (100 000 %)',
			cells: replace(good, 'attainment-by-indicator|CO01|', { ratio: 1000 }),
			message: /ratio 1000 beyond 100/
		},
		{
			name: 'an infinite target',
			cells: replace(good, 'attainment-by-indicator|CO01|', { target: Infinity }),
			message: /finite/
		},
		{
			name: 'a project count under k',
			cells: replace(good, 'attainment-by-indicator|CO01|', { projects: 1 }),
			message: /names 1 projects < k = 3/
		},
		{
			name: 'an e-mail address as a label',
			cells: replace(good, 'participation|S1|Kommune', { label1: 'Anna (anna.m@example.org)' }),
			message: /e-mail address/
		},
		{
			name: 'control characters in a label',
			cells: replace(good, 'participation|S1|Kommune', { label2: 'a\u0000b' }),
			message: /control characters/
		},
		{
			name: 'a hidden cell with a project count',
			cells: replace(good, 'participation|S1|Kommune', { ...hide, projects: 1 }),
			message: /carries numbers/
		},
		{ name: 'k 2', meta: { k: 2 }, cells: good, message: /k must be at least 3/ }
	];
	it.each(cases)('refuses $name', ({ meta, cells, message }) => {
		expect(() => checkCube({ ...META, ...meta }, cells)).toThrow(PayloadError);
		expect(() => checkCube({ ...META, ...meta }, cells)).toThrow(message);
	});
});

describe('suppressCells', () => {
	it('does not publish a project count under k, even on a shown cell', () => {
		const [cell] = suppressCells([{ ...indicator, projects: 1 }], 3);
		expect(cell).toMatchObject({ value: 50, n: 50, projects: null, suppressed: null });
	});
});

describe('isPlausibleDate', () => {
	it.each([
		['2022-09-30', true],
		['2024-02-29', true],
		['2023-02-29', false],
		['2024-99-99', false],
		['1989-12-31', false],
		['2101-01-01', false],
		['30.09.2022', false],
		[20220930, false]
	])('%s → %s', (text, expected) => expect(isPlausibleDate(text)).toBe(expected));
});
