import { expect, test } from 'vitest';
import { NO_FILTERS } from '../metrics';
import { filterHref, languageHref, withoutFilters } from './links';

test.each([
	['/', NO_FILTERS, '', '/'],
	['/', NO_FILTERS, 'lang=en', '/?lang=en'],
	[
		'/indicators/CO01',
		{ ...NO_FILTERS, states: ['Bayern'] },
		'lang=en&land=Berlin',
		'/indicators/CO01?lang=en&land=Bayern'
	],
	[
		'/',
		{ ...NO_FILTERS, municipalities: ['Köln'], gender: 'w' as const },
		'',
		'/?kommune=K%C3%B6ln&geschlecht=w'
	]
])('filterHref(%s, …, %s)', (path, filters, current, expected) => {
	expect(filterHref(path, filters, new URLSearchParams(current))).toBe(expected);
});

test('withoutFilters resets the named filters only', () => {
	expect(withoutFilters({ ...NO_FILTERS, projects: ['P1'], states: ['Bayern'] }, ['projects'])).toEqual({
		...NO_FILTERS,
		states: ['Bayern']
	});
});

test.each([
	['en', '', '?lang=en'],
	['de', 'lang=en', '?lang=de'],
	['en', 'land=Sachsen&geschlecht=w', '?land=Sachsen&geschlecht=w&lang=en'],
	[
		'de',
		'lang=en&land=Sachsen&land=Th%C3%BCringen&von=2020-01-01',
		'?lang=de&land=Sachsen&land=Th%C3%BCringen&von=2020-01-01'
	]
] as const)('languageHref(%s, %s) keeps the filters', (locale, current, expected) => {
	expect(languageHref(locale, new URLSearchParams(current))).toBe(expected);
});
