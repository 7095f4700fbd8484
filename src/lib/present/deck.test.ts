import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../metrics/filters';
import { deckReducer, resolveSlide, textBlocks, type Deck, type DeckAction, type TextBlock } from './deck';

const chart = (id: string, viewId = 'attainment-by-indicator') =>
	({ kind: 'chart', id, viewId, filters: NO_FILTERS, linked: false, title: '', notes: '' }) as const;
const text = (id: string, title = '') => ({ kind: 'text', id, title, body: '', notes: '' }) as const;
const deck = (...slides: Deck['slides']): Deck => ({ id: 'd1', title: 'Deck', slides, updatedAt: '' });
const ids = (d: Deck) => d.slides.map((s) => s.id);

describe('deckReducer', () => {
	const cases: [string, Deck, DeckAction, string[]][] = [
		[
			'adds a chart slide at the end',
			deck(text('a')),
			{ type: 'add-chart', id: 'b', viewId: 'x', filters: NO_FILTERS },
			['a', 'b']
		],
		[
			'adds a text slide at the end',
			deck(chart('a')),
			{ type: 'add-text', id: 'b', title: 'Agenda' },
			['a', 'b']
		],
		['removes a slide', deck(text('a'), text('b'), text('c')), { type: 'remove', slideId: 'b' }, ['a', 'c']],
		[
			'moves a slide down',
			deck(text('a'), text('b'), text('c')),
			{ type: 'move', slideId: 'a', to: 2 },
			['b', 'c', 'a']
		],
		[
			'moves a slide up',
			deck(text('a'), text('b'), text('c')),
			{ type: 'move', slideId: 'c', to: 0 },
			['c', 'a', 'b']
		],
		[
			'clamps a move past the end',
			deck(text('a'), text('b')),
			{ type: 'move', slideId: 'a', to: 9 },
			['b', 'a']
		],
		[
			'clamps a move before the start',
			deck(text('a'), text('b')),
			{ type: 'move', slideId: 'b', to: -3 },
			['b', 'a']
		]
	];
	it.each(cases)('%s', (_, before, action, after) => {
		expect(ids(deckReducer(before, action))).toEqual(after);
	});

	const unchanged: [string, DeckAction][] = [
		['removing an unknown slide', { type: 'remove', slideId: 'zz' }],
		['moving an unknown slide', { type: 'move', slideId: 'zz', to: 0 }],
		['moving a slide to where it is', { type: 'move', slideId: 'a', to: 0 }],
		['updating an unknown slide', { type: 'update', slideId: 'zz', patch: { title: 'x' } }],
		['renaming to the same title', { type: 'rename', title: 'Deck' }]
	];
	it.each(unchanged)('returns the same deck for %s', (_, action) => {
		const before = deck(text('a'), chart('b'));
		expect(deckReducer(before, action)).toBe(before);
	});

	it('retitles and annotates a chart slide, and changes its filters', () => {
		const filters = { ...NO_FILTERS, periodTo: '2020-12-31' };
		const after = deckReducer(deck(chart('a')), {
			type: 'update',
			slideId: 'a',
			patch: { title: 'Stand 2020', notes: 'Langsam sprechen', filters }
		});
		expect(after.slides[0]).toEqual({
			...chart('a'),
			title: 'Stand 2020',
			notes: 'Langsam sprechen',
			filters
		});
	});

	it('links a chart slide to the dashboard and back, keeping its own filters', () => {
		const filters = { ...NO_FILTERS, periodTo: '2020-12-31' };
		const linked = deckReducer(deck({ ...chart('a'), filters }), {
			type: 'update',
			slideId: 'a',
			patch: { linked: true }
		});
		expect(linked.slides[0]).toEqual({ ...chart('a'), filters, linked: true });
		const unlinked = deckReducer(linked, { type: 'update', slideId: 'a', patch: { linked: false } });
		expect(unlinked.slides[0]).toEqual({ ...chart('a'), filters });
	});

	it('gives a body only to text slides', () => {
		const after = deckReducer(deck(chart('a'), text('b')), {
			type: 'update',
			slideId: 'a',
			patch: { body: 'x' }
		});
		expect(after.slides[0]).not.toHaveProperty('body');
		const text2 = deckReducer(after, { type: 'update', slideId: 'b', patch: { body: 'Hallo' } });
		expect(text2.slides[1]).toMatchObject({ kind: 'text', body: 'Hallo' });
	});

	it('does not change the deck it was given', () => {
		const before = deck(text('a'), text('b'));
		deckReducer(before, { type: 'move', slideId: 'a', to: 1 });
		expect(ids(before)).toEqual(['a', 'b']);
	});
});

describe('resolveSlide', () => {
	const own = { ...NO_FILTERS, periodTo: '2020-12-31' };
	const dashboard = { ...NO_FILTERS, municipalities: ['Leipzig'] };
	it.each([
		[
			'a linked chart slide shows the dashboard filters',
			{ ...chart('a'), filters: own, linked: true },
			dashboard
		],
		['an unlinked one its own', { ...chart('a'), filters: own }, own]
	])('%s', (_, slide, expected) => {
		expect(resolveSlide(slide, dashboard)).toMatchObject({ filters: expected });
	});
	it('leaves text slides as they are', () => {
		const slide = text('t', 'Agenda');
		expect(resolveSlide(slide, dashboard)).toBe(slide);
	});
});

describe('textBlocks', () => {
	const cases: [string, string, TextBlock[]][] = [
		['empty body', '', []],
		[
			'one paragraph over two lines',
			'Erste Zeile\nzweite Zeile',
			[{ kind: 'paragraph', text: 'Erste Zeile zweite Zeile' }]
		],
		[
			'paragraphs split by blank lines (CRLF)',
			'Eins\r\n\r\nZwei',
			[
				{ kind: 'paragraph', text: 'Eins' },
				{ kind: 'paragraph', text: 'Zwei' }
			]
		],
		[
			'bullets with -, * and •',
			'Ziele:\n- Beschäftigung\n* Qualifizierung\n• Quartier',
			[
				{ kind: 'paragraph', text: 'Ziele:' },
				{ kind: 'list', items: ['Beschäftigung', 'Qualifizierung', 'Quartier'] }
			]
		],
		[
			'a hyphen without a space is text',
			'-5 % gegenüber 2021',
			[{ kind: 'paragraph', text: '-5 % gegenüber 2021' }]
		],
		[
			'text after a list starts a paragraph',
			'- a\nDanach',
			[
				{ kind: 'list', items: ['a'] },
				{ kind: 'paragraph', text: 'Danach' }
			]
		]
	];
	it.each(cases)('%s', (_, body, blocks) => {
		expect(textBlocks(body)).toEqual(blocks);
	});
});
