import { describe, expect, test } from 'vitest';
import { NO_FILTERS, type Filters } from './filters';
import {
	attainmentOfSlice,
	dayOf,
	isoOf,
	overviewOfSlice,
	sliceProjectActuals,
	type HeldActuals,
	type IndicatorFact,
	type ProjectActual,
	type ProjectPair,
	type TargetFact,
	withGroup
} from './slice';

const pair = (
	indicatorId: string,
	projectId: string,
	aggregation: string | null,
	place = ['Köln', 'NRW']
) => ({
	indicatorId,
	projectId,
	aggregation,
	projectName: `Projekt ${projectId}`,
	municipality: place[0] ?? null,
	state: place[1] ?? null
});

const PAIRS: ProjectPair[] = [
	pair('S', 'P1', 'sum'),
	pair('M', 'P1', 'mean'),
	pair('L', 'P1', 'last'),
	pair('C', 'P1', 'sum')
];

/** Rows as [pair, period start, period end, value (null = none), running total]. */
function held(rows: [number, string, string, number | null, boolean][]): HeldActuals {
	return {
		pair: Int32Array.from(rows.map((r) => r[0])),
		periodStart: Int32Array.from(rows.map((r) => dayOf(r[1]))),
		periodEnd: Int32Array.from(rows.map((r) => dayOf(r[2]))),
		value: Float64Array.from(rows.map((r) => r[3] ?? NaN)),
		cumulative: Uint8Array.from(rows.map((r) => (r[4] ? 1 : 0))),
		derived: new Uint8Array(rows.length)
	};
}

const ROWS = held([
	[0, '2020-01-01', '2020-03-31', 10, false],
	[0, '2020-04-01', '2020-06-30', null, false],
	[0, '2020-07-01', '2020-09-30', 5, false],
	[1, '2020-01-01', '2020-03-31', 0.2, false],
	[1, '2020-04-01', '2020-06-30', 0.4, false],
	[2, '2020-01-01', '2020-03-31', 7, false],
	[2, '2020-04-01', '2020-06-30', 9, false],
	[2, '2020-04-01', '2020-06-30', 8, false],
	// A sum indicator reported as running totals: the latest counts, and nothing of it is a flow.
	[3, '2020-01-01', '2020-03-31', 3, true],
	[3, '2020-04-01', '2020-06-30', 6, true]
]);

describe('sliceProjectActuals', () => {
	const day = (iso: string) => dayOf(iso);
	test.each<[string, Partial<Filters>, Partial<ProjectActual>[]]>([
		[
			'whole range: sums, means, latest (first row of a tie), running totals',
			{},
			[
				{
					indicatorId: 'S',
					actual: 15,
					n: 2,
					flow: 15,
					firstPeriod: day('2020-01-01'),
					lastPeriod: day('2020-09-30')
				},
				{ indicatorId: 'M', actual: (0.2 + 0.4) / 2, n: 2, flow: 0.2 + 0.4 },
				{ indicatorId: 'L', actual: 9, n: 3, flow: 24 },
				{ indicatorId: 'C', actual: 6, n: 2, flow: null }
			]
		],
		[
			'from the second quarter: a pair whose only rows in range have no value stays, with no actual',
			{ periodFrom: '2020-04-01', periodTo: '2020-06-30' },
			[
				{ indicatorId: 'S', actual: null, n: 0, flow: null, firstPeriod: null, lastPeriod: null },
				{ indicatorId: 'M', actual: 0.4, n: 1 },
				{ indicatorId: 'L', actual: 9, n: 2 },
				{ indicatorId: 'C', actual: 6, n: 1, flow: null }
			]
		],
		['a range with no rows: no pairs', { periodFrom: '2021-01-01' }, []],
		[
			'up to the first quarter',
			{ periodTo: '2020-03-31' },
			[
				{ indicatorId: 'S', actual: 10 },
				{ indicatorId: 'M', actual: 0.2 },
				{ indicatorId: 'L', actual: 7 },
				{ indicatorId: 'C', actual: 3 }
			]
		]
	])('%s', (_, filters, expected) => {
		const slice = sliceProjectActuals(ROWS, PAIRS, { ...NO_FILTERS, ...filters });
		expect(slice).toHaveLength(expected.length);
		expected.forEach((want, i) => expect(slice[i]).toMatchObject(want));
	});
});

const actual = (indicatorId: string, projectId: string, value: number | null, place: (string | null)[]) => ({
	...pair(indicatorId, projectId, 'sum', place as string[]),
	municipality: place[0] ?? null,
	state: place[1] ?? null,
	actual: value,
	n: value === null ? 0 : 1,
	lastPeriod: dayOf('2020-12-31'),
	firstPeriod: dayOf('2020-01-01'),
	flow: value,
	derived: 0
});

const target = (
	indicatorId: string,
	scope: string,
	scopeId: string | null,
	value: number | null,
	more: Partial<TargetFact> = {}
): TargetFact => ({
	indicatorId,
	scope,
	scopeId,
	periodStart: dayOf('2020-01-01'),
	periodEnd: dayOf('2020-12-31'),
	targetValue: value,
	targetType: 'target',
	aggregation: 'sum',
	projectMunicipality: null,
	projectState: null,
	municipalityState: null,
	municipalityStates: [],
	...more
});

const indicator = (indicatorId: string, direction: string | null = 'up'): IndicatorFact => ({
	indicatorId,
	name: `Indikator ${indicatorId}`,
	unit: null,
	esfCode: null,
	direction
});

const SLICE = [
	actual('A', 'P1', 30, ['Köln', 'NRW']),
	actual('A', 'P2', 50, ['Fürth', 'Bayern']),
	actual('A', 'P3', 20, [null, null]),
	actual('B', 'P1', 4, ['Köln', 'NRW']),
	actual('D', 'P1', 0, ['Köln', 'NRW'])
];
const P1 = { projectMunicipality: 'Köln', projectState: 'NRW' };
const P2 = { projectMunicipality: 'Fürth', projectState: 'Bayern' };
const TARGETS = [
	// A programme target wins over everything narrower; its milestone never counts.
	target('A', 'programme', null, 200),
	target('A', 'programme', null, 150, { targetType: 'milestone' }),
	target('A', 'project', 'P1', 40, P1),
	target('A', 'project', 'P2', 40, P2),
	target('A', 'municipality', 'Fürth', 100, {
		municipalityState: 'Bayern',
		municipalityStates: ['Bayern', 'Hessen']
	}),
	// B: only a project milestone, and a target of 0 that must not be divided by.
	target('B', 'project', 'P1', 8, { ...P1, targetType: 'milestone' }),
	target('C', 'programme', null, 0),
	// D counts downwards (less is better) and its actual is 0: no attainment.
	target('D', 'programme', null, 5)
];
const INDICATORS = ['A', 'B', 'C', 'D'].map((id) => indicator(id, id === 'D' ? 'down' : 'up'));

/** [key, actual, target, attainment] of each row. */
type Expected = [string | null, number | null, number | null, number | null][];

describe('attainmentOfSlice', () => {
	test.each<[string, Partial<Filters>, 'indicator' | 'project' | 'municipality' | 'state', Expected]>([
		[
			'per indicator: broadest target, milestone only where nothing else, no division by 0',
			{},
			'indicator',
			[
				['A', 100, 200, 0.5],
				['B', 4, 8, 0.5],
				['C', null, 0, null],
				['D', 0, 5, null]
			]
		],
		[
			'per municipality: a municipality target before project sums, a project without one last',
			{ indicators: ['A'] },
			'municipality',
			[
				['Fürth', 50, 100, 0.5],
				['Köln', 30, 40, 0.75],
				[null, 20, null, null]
			]
		],
		[
			'per Land: the Land of a municipality target counts for its group',
			{ indicators: ['A'] },
			'state',
			[
				['Bayern', 50, 100, 0.5],
				['NRW', 30, 40, 0.75],
				[null, 20, null, null]
			]
		],
		[
			'a Land filter: a municipality target of a name found in that Land too',
			{ states: ['Hessen'] },
			'indicator',
			[
				['A', null, 100, null],
				['B', null, null, null],
				['C', null, null, null],
				['D', null, null, null]
			]
		],
		[
			'a project filter: project targets only, never a municipality target',
			{ projects: ['P2'], indicators: ['A'] },
			'indicator',
			[['A', 50, 40, 1.25]]
		],
		[
			'a range inside the target period: the target pro-rated by days (182 of 366), its milestone not yet due',
			{ periodTo: '2020-06-30', indicators: ['A'] },
			'indicator',
			[['A', 100, (200 * 182) / 366, 100 / ((200 * 182) / 366)]]
		],
		[
			'a range equal to the target period: the target itself, before a milestone due the same day',
			{ periodFrom: '2020-01-01', periodTo: '2020-12-31', indicators: ['A'] },
			'indicator',
			[['A', 100, 200, 0.5]]
		],
		[
			'a start date alone: the target pro-rated from it to its end (184 of 366 days)',
			{ periodFrom: '2020-07-01', indicators: ['A'] },
			'indicator',
			[['A', 100, (200 * 184) / 366, 100 / ((200 * 184) / 366)]]
		],
		[
			'a range beyond the target period: nothing to compare with',
			{ periodFrom: '2021-01-01', indicators: ['A'] },
			'indicator',
			[['A', 100, null, null]]
		]
	])('%s', (_, filters, by, expected) => {
		const rows = attainmentOfSlice(SLICE, TARGETS, INDICATORS, { ...NO_FILTERS, ...filters }, by);
		expect(rows.map((r) => [r.key, r.actual, r.target, r.attainment])).toEqual(expected);
	});

	test('a range ending at a milestone: the milestone, against the running total up to its due date', () => {
		const milestone = target('A', 'programme', null, 150, {
			targetType: 'milestone',
			periodEnd: dayOf('2020-09-30')
		});
		const running = [actual('A', 'P1', 70, ['Köln', 'NRW']), actual('A', 'P2', 50, ['Fürth', 'Bayern'])];
		const filters = { ...NO_FILTERS, periodFrom: '2020-07-01', periodTo: '2020-09-30', indicators: ['A'] };
		const [row] = attainmentOfSlice(
			SLICE,
			[...TARGETS, milestone],
			INDICATORS,
			filters,
			'indicator',
			running
		);
		expect(row).toMatchObject({ actual: 120, target: 150, attainment: 0.8, basis: 'milestone', n: 2 });
		const [prorated] = attainmentOfSlice(SLICE, TARGETS, INDICATORS, filters, 'indicator', running);
		expect(prorated).toMatchObject({ actual: 100, target: (200 * 92) / 366, basis: 'prorated' });
	});

	test('a gender filter: the total attainment with the group beside, its share of the total actual', () => {
		const total = attainmentOfSlice(SLICE, TARGETS, INDICATORS, NO_FILTERS, 'indicator');
		const women = attainmentOfSlice(
			[actual('A', 'P1', 12, ['Köln', 'NRW']), actual('A', 'P2', 13, ['Fürth', 'Bayern'])],
			TARGETS,
			INDICATORS,
			{ ...NO_FILTERS, gender: 'w' },
			'indicator'
		);
		const rows = withGroup(total, women, [
			...INDICATORS.slice(0, 3),
			{ ...indicator('D'), aggregation: 'mean' }
		]);
		expect(rows.map((r) => [r.key, r.actual, r.target, r.attainment, r.group])).toEqual([
			['A', 100, 200, 0.5, { actual: 25, share: 0.25, n: 2, projects: 2, derived: 0 }],
			['B', 4, 8, 0.5, { actual: null, share: null, n: 0, projects: 0, derived: 0 }],
			['C', null, 0, null, { actual: null, share: null, n: 0, projects: 0, derived: 0 }],
			['D', 0, 5, null, { actual: null, share: null, n: 0, projects: 0, derived: 0 }]
		]);
	});

	test('a project group is labelled by its project name, dated by its periods', () => {
		const [row] = attainmentOfSlice(
			SLICE,
			TARGETS,
			INDICATORS,
			{ ...NO_FILTERS, projects: ['P1'] },
			'project'
		);
		expect(row).toMatchObject({
			key: 'P1',
			label: 'Projekt P1',
			projects: 1,
			n: 1,
			asOf: '2020-12-31',
			since: '2020-01-01'
		});
	});
});

describe('overviewOfSlice', () => {
	const indicators = [
		{ ...indicator('A'), esfCode: 'CO01' },
		{ ...indicator('B'), esfCode: 'CO05' },
		{ ...indicator('D'), esfCode: 'CO23' },
		indicator('C')
	];
	const projects = [
		{ projectId: 'P1', municipality: 'Köln', state: 'NRW' },
		{ projectId: 'P2', municipality: 'Fürth', state: 'Bayern' },
		{ projectId: 'P3', municipality: null, state: null },
		{ projectId: 'P4', municipality: 'Köln', state: 'NRW' }
	];
	test.each<[string, Partial<Filters>, object]>([
		[
			'all: projects with actuals, their places, participants and enterprises from flows',
			{},
			{ projects: 3, municipalities: 2, states: 2, participants: 104, enterprises: 0, asOf: '2020-12-31' }
		],
		[
			'a Land (the indicator filter does not apply)',
			{ states: ['NRW'], indicators: ['D'] },
			{ projects: 1, municipalities: 1, states: 1, participants: 34, enterprises: 0 }
		],
		[
			'nothing selected',
			{ states: ['Hessen'] },
			{ projects: 0, municipalities: 0, states: 0, participants: null, enterprises: null, asOf: null }
		]
	])('%s', (_, filters, expected) => {
		expect(overviewOfSlice(SLICE, indicators, projects, { ...NO_FILTERS, ...filters })).toMatchObject(
			expected
		);
	});
});

test('days and ISO dates convert both ways', () => {
	for (const iso of ['1970-01-01', '2020-02-29', '1969-12-31', '2099-12-31'])
		expect(isoOf(dayOf(iso))).toBe(iso);
	expect(dayOf('1970-01-02')).toBe(1);
	expect(isoOf(null)).toBeNull();
});
