import { describe, expect, test } from 'vitest';
import { filtersFromSearchParams, filtersToSearchParams, NO_FILTERS, type Filters } from './filters';

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
