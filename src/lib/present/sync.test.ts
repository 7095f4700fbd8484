import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../metrics/filters';
import type { Deck } from './deck';
import { dataKey, deckNeeds, parseMessage, replaces, type DataEntry, type Message } from './sync';

describe('dataKey', () => {
	it.each([
		['no filters', { viewId: 'v', filters: NO_FILTERS }, 'v'],
		['a period', { viewId: 'v', filters: { ...NO_FILTERS, periodTo: '2020-12-31' } }, 'v?bis=2020-12-31'],
		[
			'lists in any order give one key',
			{ viewId: 'v', filters: { ...NO_FILTERS, municipalities: ['Leipzig', 'Bremen'] } },
			'v?kommune=Bremen&kommune=Leipzig'
		]
	])('%s', (_, need, key) => {
		expect(dataKey(need)).toBe(key);
	});
});

describe('deckNeeds', () => {
	const chart = (id: string, viewId: string, periodTo: string | null = null, linked = false) => ({
		kind: 'chart' as const,
		id,
		viewId,
		filters: { ...NO_FILTERS, periodTo },
		linked,
		title: '',
		notes: ''
	});
	it('lists each (view, filters) pair once, text slides need nothing', () => {
		const deck: Deck = {
			id: 'd',
			title: 'T',
			updatedAt: '',
			slides: [
				chart('a', 'v1'),
				{ kind: 'text', id: 't', title: '', body: '', notes: '' },
				chart('b', 'v1'),
				chart('c', 'v1', '2020-12-31'),
				chart('d', 'v2')
			]
		};
		expect(deckNeeds(deck, NO_FILTERS).map(dataKey)).toEqual(['v1', 'v1?bis=2020-12-31', 'v2']);
		expect(deckNeeds(null, NO_FILTERS)).toEqual([]);
	});

	it("linked slides need their view with the dashboard's filters, their own are kept for later", () => {
		const dashboard = { ...NO_FILTERS, states: ['Berlin'] };
		const deck: Deck = {
			id: 'd',
			title: 'T',
			updatedAt: '',
			slides: [
				chart('a', 'v1', '2020-12-31', true),
				chart('b', 'v1', '2020-12-31'),
				chart('c', 'v2', null, true)
			]
		};
		expect(deckNeeds(deck, dashboard).map(dataKey)).toEqual([
			'v1?land=Berlin',
			'v1?bis=2020-12-31',
			'v2?land=Berlin'
		]);
		expect(deckNeeds(deck, NO_FILTERS).map(dataKey)).toEqual(['v1', 'v1?bis=2020-12-31', 'v2']);
		expect(deck.slides[0]).toMatchObject({ filters: { periodTo: '2020-12-31' } });
	});
});

describe('replaces', () => {
	const entry = (origin: DataEntry['origin'], changedAt: number): DataEntry => ({
		origin,
		changedAt,
		data: [],
		error: null
	});
	it.each([
		['anything fills an empty slot', undefined, entry('local', 1), true],
		["the analyst's data replaces a local load", entry('local', 9), entry('analyst', 1), true],
		["a local load never replaces the analyst's data", entry('analyst', 1), entry('local', 9), false],
		['newer analyst data replaces older', entry('analyst', 1), entry('analyst', 2), true],
		['an answer from a stale tab does not undo an import', entry('analyst', 2), entry('analyst', 1), false],
		['the same change again (a re-sent answer) is taken', entry('analyst', 2), entry('analyst', 2), true]
	])('%s', (_, current, incoming, expected) => {
		expect(replaces(current, incoming)).toBe(expected);
	});
});

describe('parseMessage', () => {
	const ok: [string, unknown, Message][] = [
		[
			'need',
			{ type: 'need', from: 'w1', needs: [{ viewId: 'v', filters: { periodTo: '2020-12-31' } }] },
			{
				type: 'need',
				from: 'w1',
				needs: [{ viewId: 'v', filters: { ...NO_FILTERS, periodTo: '2020-12-31' } }]
			}
		],
		['source', { type: 'source', from: 'a' }, { type: 'source', from: 'a' }],
		['bye', { type: 'bye', from: 'a', extra: 1 }, { type: 'bye', from: 'a' }],
		[
			'data',
			{ type: 'data', from: 'a', key: 'v', changedAt: 5, data: [{ x: 1 }], error: null },
			{ type: 'data', from: 'a', key: 'v', changedAt: 5, data: [{ x: 1 }], error: null }
		],
		[
			'data with an error',
			{ type: 'data', from: 'a', key: 'v', changedAt: 5, error: 'Tabelle feedback fehlt' },
			{ type: 'data', from: 'a', key: 'v', changedAt: 5, data: null, error: 'Tabelle feedback fehlt' }
		],
		[
			'nav',
			{ type: 'nav', from: 'p', deckId: 'd', index: 3, blank: true },
			{ type: 'nav', from: 'p', deckId: 'd', index: 3, blank: true }
		],
		['nav?', { type: 'nav?', from: 'p', deckId: 'd' }, { type: 'nav?', from: 'p', deckId: 'd' }]
	];
	it.each(ok)('reads %s', (_, raw, message) => {
		expect(parseMessage(raw)).toEqual(message);
	});

	it.each([
		['null', null],
		['a string', 'next'],
		['no sender', { type: 'source' }],
		['an unknown type', { type: 'reload', from: 'a' }],
		['need without a list', { type: 'need', from: 'a', needs: 'v' }],
		[
			'need with bad filters',
			{ type: 'need', from: 'a', needs: [{ viewId: 'v', filters: { gender: 'q' } }] }
		],
		['data without a key', { type: 'data', from: 'a', changedAt: 1, data: [], error: null }],
		['data without data', { type: 'data', from: 'a', key: 'v', changedAt: 1, error: null }],
		['nav with a negative index', { type: 'nav', from: 'a', deckId: 'd', index: -1, blank: false }],
		['nav with a fractional index', { type: 'nav', from: 'a', deckId: 'd', index: 1.5, blank: false }]
	])('ignores %s', (_, raw) => {
		expect(parseMessage(raw)).toBeNull();
	});
});
