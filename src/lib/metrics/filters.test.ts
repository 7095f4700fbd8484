import { describe, expect, test } from 'vitest';
import {
	actualsKeys,
	actualsWhere,
	filtersFromSearchParams,
	filtersToSearchParams,
	NO_FILTERS,
	targetFactsWhere,
	targetsWhere,
	type Filters
} from './filters';

describe('filters in the URL', () => {
	test.each<[string, Partial<Filters>]>([
		['', {}],
		['von=2020-01-01&bis=2020-12-31', { periodFrom: '2020-01-01', periodTo: '2020-12-31' }],
		['land=Bayern&land=Berlin&land=Bayern', { states: ['Bayern', 'Berlin'] }],
		['kommune=K%C3%B6ln', { municipalities: ['Köln'] }],
		['geschlecht=w&alter=%3C25', { gender: 'w', ageGroup: '<25' }],
		['geschlecht=frau&alter=alt&von=gestern', {}],
		['projekt=BQ-19-001&indikator=CO01&lang=en', { projects: ['BQ-19-001'], indicators: ['CO01'] }]
	])('%s', (query, expected) => {
		expect(filtersFromSearchParams(new URLSearchParams(query))).toEqual({ ...NO_FILTERS, ...expected });
	});

	test('round-trips and keeps unrelated params', () => {
		const filters: Filters = {
			...NO_FILTERS,
			periodFrom: '2021-01-01',
			states: ['Sachsen', 'Thüringen'],
			gender: 'd',
			ageGroup: '>54'
		};
		const params = filtersToSearchParams(filters, new URLSearchParams('lang=en&land=Bremen'));
		expect(params.get('lang')).toBe('en');
		expect(filtersFromSearchParams(params)).toEqual(filters);
	});
});

describe('filters → parameterised WHERE clauses', () => {
	test.each<[string, Partial<Filters>, string, unknown[]]>([
		['none: totals only', {}, '(TRUE) AND ((a.gender IS NULL) AND (a.age_group IS NULL))', []],
		[
			'period and indicator',
			{ periodFrom: '2020-01-01', periodTo: '2020-12-31', indicators: ['CO01'] },
			'((a.period_start >= CAST(? AS DATE)) AND (a.period_end <= CAST(? AS DATE)) AND (a.indicator_id IN (?))) AND ((a.gender IS NULL) AND (a.age_group IS NULL))',
			['2020-01-01', '2020-12-31', 'CO01']
		],
		[
			'Land through the projects, gender row',
			{ states: ['Bayern', 'Berlin'], gender: 'w' },
			'((a.project_id IN (SELECT project_id FROM projects WHERE state IN (?, ?)))) AND ((a.gender = ?) AND (a.age_group IS NULL))',
			['Bayern', 'Berlin', 'w']
		],
		[
			'a hostile value stays a parameter',
			{ municipalities: ["'; DROP TABLE actuals; --"] },
			'((a.project_id IN (SELECT project_id FROM projects WHERE municipality IN (?)))) AND ((a.gender IS NULL) AND (a.age_group IS NULL))',
			["'; DROP TABLE actuals; --"]
		]
	])('actualsWhere: %s', (_, filters, sql, params) => {
		expect(actualsWhere({ ...NO_FILTERS, ...filters })).toEqual({ sql, params });
	});

	test.each<[string, Partial<Filters>, string, unknown[]]>([
		['none', {}, 'TRUE', []],
		['gender: targets exist for totals only', { gender: 'm' }, 'FALSE', []],
		[
			'project: only its project targets',
			{ projects: ['P1'] },
			"((t.scope = 'project' AND (t.scope_id IN (?))) OR (t.scope = 'municipality' AND FALSE))",
			['P1']
		],
		[
			'municipality: its project and municipality targets',
			{ municipalities: ['Köln'] },
			"((t.scope = 'project' AND (t.scope_id IN (SELECT project_id FROM projects WHERE municipality IN (?)))) OR (t.scope = 'municipality' AND (t.scope_id IN (?))))",
			['Köln', 'Köln']
		]
	])('targetsWhere: %s', (_, filters, sql, params) => {
		expect(targetsWhere({ ...NO_FILTERS, ...filters })).toEqual({ sql, params });
	});

	test.each<[string, Partial<Filters>, string, unknown[]]>([
		['none', {}, 'TRUE', []],
		[
			'places and indicator by the columns of per-project actuals',
			{ projects: ['P1'], states: ['Bayern'], municipalities: ['Fürth'], indicators: ['A'] },
			'(pa.project_id IN (?)) AND (pa.state IN (?)) AND (pa.municipality IN (?)) AND (pa.indicator_id IN (?))',
			['P1', 'Bayern', 'Fürth', 'A']
		]
	])('actualsKeys: %s', (_, filters, sql, params) => {
		expect(actualsKeys({ ...NO_FILTERS, ...filters })).toEqual({ sql, params });
	});

	test.each<[string, Partial<Filters>, string, unknown[]]>([
		['none', {}, 'TRUE', []],
		['age group: targets exist for totals only', { ageGroup: '<25' }, 'FALSE', []],
		[
			'Land: its projects by their Land, municipalities by any of their Länder',
			{ states: ['Bayern', 'Berlin'] },
			"((t.scope = 'project' AND (t.project_state IN (?, ?))) OR (t.scope = 'municipality' AND (list_has_any(t.municipality_states, [?, ?]))))",
			['Bayern', 'Berlin', 'Bayern', 'Berlin']
		],
		[
			'project and period: only its project targets',
			{ projects: ['P1'], periodFrom: '2020-01-01' },
			"(t.period_start >= CAST(? AS DATE)) AND ((t.scope = 'project' AND (t.scope_id IN (?))) OR (t.scope = 'municipality' AND FALSE))",
			['2020-01-01', 'P1']
		]
	])('targetFactsWhere: %s', (_, filters, sql, params) => {
		expect(targetFactsWhere({ ...NO_FILTERS, ...filters })).toEqual({ sql, params });
	});
});
