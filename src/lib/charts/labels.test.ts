import { describe, expect, it } from 'vitest';
import { categoryLayout, fitLabel } from './labels';

describe('fitLabel', () => {
	it.each([
		['short stays', 'Bremen', 20, 1, 'Bremen'],
		['whitespace is folded', '  Halle  (Saale) ', 20, 1, 'Halle (Saale)'],
		['one line is cut at a word with …', 'Ludwigshafen am Rhein und Umgebung', 20, 1, 'Ludwigshafen am…'],
		['a long word is cut inside', 'Donaudampfschifffahrtsgesellschaft', 12, 1, 'Donaudampfs…'],
		[
			'two lines wrap at a word',
			'Auftaktwerkstatt F1: Die Veranstaltung hat mir insgesamt gefallen.',
			40,
			2,
			['Auftaktwerkstatt F1: Die Veranstaltung', 'hat mir insgesamt gefallen.']
		],
		[
			'the second line is cut with …',
			'Abschlusswerkstatt F4: Ich habe neue Kontakte zu anderen Projekten geknüpft und viel gelernt.',
			40,
			2,
			['Abschlusswerkstatt F4: Ich habe neue', 'Kontakte zu anderen Projekten geknüpft…']
		]
	] as const)('%s', (_, text, width, lines, expected) => {
		const fitted = fitLabel(text, width, lines);
		expect(fitted).toEqual(expected);
		for (const line of [fitted].flat()) expect(line.length).toBeLessThanOrEqual(width);
	});
});

describe('categoryLayout', () => {
	it.each([
		['few bars', 400, 5, 1, { size: 12, lines: 1 }],
		['21 rows on a slide', 360, 21, 1, { size: 11, lines: 1 }],
		['so many that 9 px is the floor', 300, 60, 1, { size: 9, lines: 1 }],
		['two-line labels', 500, 10, 2, { size: 12, lines: 2 }],
		['two-line labels, crowded', 400, 12, 2, { size: 11, lines: 2 }],
		['two lines would not fit: one line', 400, 20, 2, { size: 12, lines: 1 }],
		['no rows', 300, 0, 2, { size: 12, lines: 2 }]
	] as const)('%s', (_, height, rows, lines, expected) => {
		expect(categoryLayout(height, rows, lines)).toEqual(expected);
	});
});
