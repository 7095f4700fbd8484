import { filtersToSearchParams, type Filters } from '../metrics/filters';
import { resolveSlide, type Deck } from './deck';
import { filters as validFilters } from './validate';

/**
 * The live-sync protocol between windows of one browser (BroadcastChannel, no server).
 *
 * Every tab runs its own in-memory DuckDB, so a presentation window cannot see the analyst's
 * imports. Instead the analyst tab sends the slides' view data itself: view results are aggregated
 * and small, and the channel never leaves the browser. The deck travels through localStorage
 * (its `storage` event), navigation between the audience and speaker windows through this channel.
 *
 *   presenter → `need`  the (view, filters) pairs its deck shows; sent on open, on deck change and
 *                       whenever a source announces itself
 *   analyst   → `source` "I hold data" (on start and after every data change)
 *   analyst   → `data`  one pair's loaded rows (or the error), stamped with when its data changed
 *   any       → `nav`   slide index and blank screen of a deck; `nav?` asks for the current one
 *   presenter → `bye`   the window closes; its needs are dropped
 */
export const CHANNEL = 'wirkung-present';

export interface Need {
	viewId: string;
	filters: Filters;
}

export type Message =
	| { type: 'need'; from: string; needs: Need[] }
	| { type: 'bye'; from: string }
	| { type: 'source'; from: string }
	| { type: 'data'; from: string; key: string; changedAt: number; data: unknown; error: null }
	| { type: 'data'; from: string; key: string; changedAt: number; data: null; error: string }
	| { type: 'nav'; from: string; deckId: string; index: number; blank: boolean }
	| { type: 'nav?'; from: string; deckId: string };

/** One key per (view, filters) pair: slides with the same view and filters share their data. */
export function dataKey(need: Need): string {
	const canonical: Filters = {
		...need.filters,
		states: [...need.filters.states].sort(),
		municipalities: [...need.filters.municipalities].sort(),
		projects: [...need.filters.projects].sort(),
		indicators: [...need.filters.indicators].sort()
	};
	const query = filtersToSearchParams(canonical).toString();
	return query ? `${need.viewId}?${query}` : need.viewId;
}

/**
 * The distinct data needs of a deck's chart slides, in slide order; linked slides need their view
 * with the dashboard's filters.
 */
export function deckNeeds(deck: Deck | null, dashboard: Filters): Need[] {
	const needs = new Map<string, Need>();
	for (const slide of (deck?.slides ?? []).map((s) => resolveSlide(s, dashboard))) {
		if (slide.kind !== 'chart') continue;
		const need = { viewId: slide.viewId, filters: slide.filters };
		const key = dataKey(need);
		if (!needs.has(key)) needs.set(key, need);
	}
	return [...needs.values()];
}

/** Data a presentation window holds for one key, and where it came from. */
export interface DataEntry {
	/** 'analyst': sent by an analyst tab; 'local': loaded by this window's own engine (fallback). */
	origin: 'analyst' | 'local';
	changedAt: number;
	data: unknown;
	error: string | null;
}

/**
 * Whether incoming data replaces what a window holds: the analyst's data beats a local load (it
 * has the analyst's imports), and among analyst tabs the most recently changed data wins, so a stale
 * second tab answering late cannot undo an import.
 */
export function replaces(current: DataEntry | undefined, incoming: DataEntry): boolean {
	if (!current) return true;
	if (incoming.origin !== current.origin) return incoming.origin === 'analyst';
	return incoming.changedAt >= current.changedAt;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 2000;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Checks a received message's shape; anything else on the channel is ignored (null). */
export function parseMessage(raw: unknown): Message | null {
	if (!isObject(raw) || !isText(raw.from)) return null;
	const from = raw.from;
	switch (raw.type) {
		case 'need': {
			if (!Array.isArray(raw.needs)) return null;
			const needs: Need[] = [];
			for (const n of raw.needs) {
				if (!isObject(n) || !isText(n.viewId)) return null;
				try {
					needs.push({ viewId: n.viewId, filters: validFilters(n.filters, 'filters') });
				} catch {
					return null;
				}
			}
			return { type: 'need', from, needs };
		}
		case 'bye':
		case 'source':
			return { type: raw.type, from };
		case 'data': {
			if (!isText(raw.key) || typeof raw.changedAt !== 'number') return null;
			const base = { type: 'data' as const, from, key: raw.key, changedAt: raw.changedAt };
			if (typeof raw.error === 'string') return { ...base, data: null, error: raw.error };
			return raw.error === null && raw.data !== undefined ? { ...base, data: raw.data, error: null } : null;
		}
		case 'nav':
			return isText(raw.deckId) && isCount(raw.index) && typeof raw.blank === 'boolean'
				? { type: 'nav', from, deckId: raw.deckId, index: raw.index, blank: raw.blank }
				: null;
		case 'nav?':
			return isText(raw.deckId) ? { type: 'nav?', from, deckId: raw.deckId } : null;
		default:
			return null;
	}
}
