import { describe, expect, it } from 'vitest';
import { translate, type Locale } from './index';

describe('translate: singular and plural through Intl.PluralRules', () => {
	it.each([
		['de', 1, 'Kommunen in 1 Land'],
		['de', 3, 'Kommunen in 3 Ländern'],
		['de', 0, 'Kommunen in 0 Ländern'],
		['de', '1', 'Kommunen in 1 Land'],
		['de', '1.234', 'Kommunen in 1.234 Ländern'],
		// A suppressed figure is no number: the plural, and the mark as it is.
		['de', '·', 'Kommunen in · Ländern'],
		['en', 1, 'Municipalities in 1 state'],
		['en', 16, 'Municipalities in 16 states']
	] as const)('%s, states = %j', (locale, states, expected) => {
		expect(translate(locale as Locale, 'kpi.municipalities', { states })).toBe(expected);
	});

	it('chooses per parameter inside one message', () => {
		const text = translate('de', 'chart.attainment.subtitle', {
			indicators: 1,
			values: '12',
			projects: 1,
			period: 'p',
			asOf: 'a'
		});
		expect(text).toContain('12 Meldungen aus 1 Projekt ·');
	});
});
