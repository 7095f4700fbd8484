import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../metrics/filters';
import type { Deck } from './deck';
import { deckFileName, deckFileText, parseDeckFile, validateDeck, type DeckError } from './validate';

const good: Deck = {
	id: 'deck-1',
	title: 'BMI-Jour-fixe',
	updatedAt: '2026-11-25T09:00:00.000Z',
	slides: [
		{ kind: 'text', id: 's1', title: 'Agenda', body: '- Stand\n- Ausblick', notes: 'Begrüßung' },
		{
			kind: 'chart',
			id: 's2',
			viewId: 'attainment-by-indicator',
			filters: { ...NO_FILTERS, periodTo: '2021-12-31', municipalities: ['Leipzig', 'Bremen'] },
			linked: true,
			title: '',
			notes: '',
			rows: { top: 8, bottom: 0 }
		}
	]
};

const file = (deck: unknown, extra: Record<string, unknown> = {}) =>
	JSON.stringify({ format: 'wirkung-deck', version: 1, deck, ...extra });
const withSlide = (slide: Record<string, unknown>) => file({ ...good, slides: [slide] });

describe('parseDeckFile', () => {
	it('reads back what it exported (lists sorted)', () => {
		const result = parseDeckFile(deckFileText(good));
		expect(result).toEqual({
			ok: true,
			deck: {
				...good,
				slides: [
					good.slides[0],
					{
						...good.slides[1],
						filters: { ...NO_FILTERS, periodTo: '2021-12-31', municipalities: ['Bremen', 'Leipzig'] }
					}
				]
			}
		});
	});

	it('fills what older or hand-written files leave out', () => {
		const result = parseDeckFile(
			file({ id: 'd', title: 'T', slides: [{ kind: 'chart', id: 'c', viewId: 'attainment-by-indicator' }] })
		);
		expect(result).toEqual({
			ok: true,
			deck: {
				id: 'd',
				title: 'T',
				updatedAt: '',
				slides: [
					{
						kind: 'chart',
						id: 'c',
						viewId: 'attainment-by-indicator',
						filters: NO_FILTERS,
						linked: false,
						title: '',
						notes: ''
					}
				]
			}
		});
	});

	it('keeps a slide of a view this version does not know (the slide says so when shown)', () => {
		const result = parseDeckFile(withSlide({ kind: 'chart', id: 'c', viewId: 'view-from-the-future' }));
		expect(result.ok).toBe(true);
	});

	const bad: [string, string, DeckError][] = [
		['not JSON', '{"format": "wirkung-deck",', { code: 'notJson', params: { reason: expect.any(String) } }],
		['a JSON array', '[]', { code: 'notDeck', params: {} }],
		['some other JSON', '{"name": "package"}', { code: 'notDeck', params: {} }],
		['a newer version', file(good, { version: 2 }), { code: 'version', params: { version: '2' } }],
		['no deck', file(undefined), { code: 'field', params: { path: 'deck', expected: 'object' } }],
		[
			'slides not a list',
			file({ ...good, slides: {} }),
			{ code: 'field', params: { path: 'deck.slides', expected: 'array' } }
		],
		[
			'an empty deck title',
			file({ ...good, title: ' ' }),
			{ code: 'field', params: { path: 'deck.title', expected: 'text (1–300)' } }
		],
		[
			'a bad deck id',
			file({ ...good, id: '../x' }),
			{ code: 'field', params: { path: 'deck.id', expected: 'id' } }
		],
		[
			'an unknown slide kind',
			withSlide({ kind: 'video', id: 'v' }),
			{ code: 'field', params: { path: 'deck.slides[0].kind', expected: '"chart" | "text"' } }
		],
		[
			'a chart slide without a view',
			withSlide({ kind: 'chart', id: 'c' }),
			{ code: 'field', params: { path: 'deck.slides[0].viewId', expected: 'id' } }
		],
		[
			'a number as notes',
			withSlide({ kind: 'text', id: 't', notes: 5 }),
			{ code: 'field', params: { path: 'deck.slides[0].notes', expected: 'text (≤ 20000)' } }
		],
		[
			'a German date in the filters',
			withSlide({ kind: 'chart', id: 'c', viewId: 'v', filters: { periodFrom: '01.01.2020' } }),
			{ code: 'field', params: { path: 'deck.slides[0].filters.periodFrom', expected: 'YYYY-MM-DD' } }
		],
		[
			'an unknown gender',
			withSlide({ kind: 'chart', id: 'c', viewId: 'v', filters: { gender: 'x' } }),
			{ code: 'field', params: { path: 'deck.slides[0].filters.gender', expected: 'w | m | d' } }
		],
		[
			'a list filter that is not a list of texts',
			withSlide({ kind: 'chart', id: 'c', viewId: 'v', filters: { states: 'Sachsen' } }),
			{ code: 'field', params: { path: 'deck.slides[0].filters.states', expected: 'text[]' } }
		],
		[
			'a link flag that is not a boolean',
			withSlide({ kind: 'chart', id: 'c', viewId: 'v', linked: 'ja' }),
			{ code: 'field', params: { path: 'deck.slides[0].linked', expected: 'boolean' } }
		],
		[
			'a ranking length over what fits a slide',
			withSlide({ kind: 'chart', id: 'c', viewId: 'v', rows: { top: 40, bottom: 10 } }),
			{ code: 'field', params: { path: 'deck.slides[0].rows.top', expected: '1–20' } }
		],
		[
			'more bars at both ends together than fit a slide',
			withSlide({ kind: 'chart', id: 'c', viewId: 'v', rows: { top: 15, bottom: 15 } }),
			{ code: 'field', params: { path: 'deck.slides[0].rows', expected: 'top + bottom ≤ 20' } }
		],
		[
			'a ranking length that is not a whole number',
			withSlide({ kind: 'chart', id: 'c', viewId: 'v', rows: { top: 10, bottom: 2.5 } }),
			{ code: 'field', params: { path: 'deck.slides[0].rows.bottom', expected: '0–20' } }
		],
		[
			'two slides with one id',
			file({ ...good, slides: [good.slides[0], good.slides[0]] }),
			{ code: 'duplicateSlide', params: { id: 's1' } }
		],
		[
			'too many slides',
			file({ ...good, slides: Array.from({ length: 201 }, (_, i) => ({ kind: 'text', id: `s${i}` })) }),
			{ code: 'tooManySlides', params: { max: 200 } }
		],
		[
			'a file over 1 MB',
			file({ ...good, title: 'x'.repeat(1_000_001) }),
			{ code: 'tooLarge', params: { max: 1 } }
		]
	];
	it.each(bad)('refuses %s', (_, text, error) => {
		expect(parseDeckFile(text)).toEqual({ ok: false, error });
	});
});

describe('validateDeck', () => {
	it('drops unknown fields, so nothing unexpected reaches storage', () => {
		const result = validateDeck({ ...good, secret: 1, slides: [{ ...good.slides[0], html: '<b>' }] });
		expect(result.ok && result.deck).toEqual({ ...good, slides: [good.slides[0]] });
	});
});

describe('deckFileName', () => {
	it.each([
		['BMI-Jour-fixe 11/2026', 'BMI-Jour-fixe-11-2026.wirkung-deck.json'],
		['Zielerreichung: Köln & Düsseldorf', 'Zielerreichung-Köln-Düsseldorf.wirkung-deck.json'],
		['../../etc/passwd', 'etc-passwd.wirkung-deck.json'],
		['   ', 'praesentation.wirkung-deck.json']
	])('%s → %s', (title, name) => {
		expect(deckFileName({ title })).toBe(name);
	});
});
