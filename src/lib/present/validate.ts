import { NO_FILTERS, type Filters } from '../metrics/filters';
import { SLIDE_ROWS_MAX, type Deck, type Slide, type SlideRows } from './deck';

/** The exported file: a tagged envelope, so any other JSON is refused with a clear reason. */
export const DECK_FORMAT = 'wirkung-deck';
export const DECK_VERSION = 1;

export const DECK_LIMITS = {
	fileBytes: 1_000_000,
	slides: 200,
	title: 300,
	text: 20_000,
	listValues: 200
} as const;

/** Why a deck file was refused; `code` selects the message (deck.error.<code>), params fill it. */
export interface DeckError {
	code: 'tooLarge' | 'notJson' | 'notDeck' | 'version' | 'field' | 'tooManySlides' | 'duplicateSlide';
	params: Record<string, string | number>;
}

export type DeckResult = { ok: true; deck: Deck } | { ok: false; error: DeckError };

/** Serialises a deck as the export file's text. */
export function deckFileText(deck: Deck): string {
	return JSON.stringify({ format: DECK_FORMAT, version: DECK_VERSION, deck }, null, 2) + '\n';
}

/** A file name for the export: the deck's title made safe for every file system. */
export function deckFileName(deck: Pick<Deck, 'title'>): string {
	return `${deckSlug(deck.title)}.wirkung-deck.json`;
}

/** A deck title as a file name's stem: letters and digits joined by hyphens. */
export function deckSlug(title: string): string {
	const base = title
		.normalize('NFC')
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return base || 'praesentation';
}

/** Parses and validates an imported deck file's text. */
export function parseDeckFile(text: string): DeckResult {
	if (new TextEncoder().encode(text).length > DECK_LIMITS.fileBytes)
		return fail('tooLarge', { max: DECK_LIMITS.fileBytes / 1_000_000 });
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return fail('notJson', { reason: e instanceof Error ? e.message : String(e) });
	}
	if (!isObject(json) || json.format !== DECK_FORMAT) return fail('notDeck', {});
	if (json.version !== DECK_VERSION) return fail('version', { version: String(json.version) });
	return validateDeck(json.deck, 'deck');
}

/** Validates a deck object (from a file, from localStorage); unknown fields are dropped. */
export function validateDeck(value: unknown, path = 'deck'): DeckResult {
	try {
		return { ok: true, deck: deck(value, path) };
	} catch (e) {
		if (e instanceof Invalid) return { ok: false, error: e.error };
		throw e;
	}
}

class Invalid extends Error {
	constructor(readonly error: DeckError) {
		super(error.code);
	}
}

function fail(code: DeckError['code'], params: DeckError['params']): { ok: false; error: DeckError } {
	return { ok: false, error: { code, params } };
}

function invalid(path: string, expected: string): never {
	throw new Invalid({ code: 'field', params: { path, expected } });
}

function flag(value: unknown, path: string): boolean {
	return typeof value === 'boolean' ? value : invalid(path, 'boolean');
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, path: string): Record<string, unknown> {
	return isObject(value) ? value : invalid(path, 'object');
}

function text(value: unknown, path: string, max: number, required = false): string {
	if (value === undefined && !required) return '';
	if (typeof value !== 'string' || value.length > max || (required && value.trim() === ''))
		invalid(path, required ? `text (1–${max})` : `text (≤ ${max})`);
	return value;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function id(value: unknown, path: string): string {
	return typeof value === 'string' && ID.test(value) ? value : invalid(path, 'id');
}

function deck(value: unknown, path: string): Deck {
	const o = object(value, path);
	if (!Array.isArray(o.slides)) invalid(`${path}.slides`, 'array');
	if (o.slides.length > DECK_LIMITS.slides)
		throw new Invalid({ code: 'tooManySlides', params: { max: DECK_LIMITS.slides } });
	const slides = o.slides.map((s, i) => slide(s, `${path}.slides[${i}]`));
	const seen = new Set<string>();
	for (const s of slides) {
		if (seen.has(s.id)) throw new Invalid({ code: 'duplicateSlide', params: { id: s.id } });
		seen.add(s.id);
	}
	const updatedAt = o.updatedAt === undefined ? '' : text(o.updatedAt, `${path}.updatedAt`, 40);
	return {
		id: id(o.id, `${path}.id`),
		title: text(o.title, `${path}.title`, DECK_LIMITS.title, true),
		slides,
		updatedAt
	};
}

function slide(value: unknown, path: string): Slide {
	const o = object(value, path);
	const common = {
		id: id(o.id, `${path}.id`),
		title: text(o.title, `${path}.title`, DECK_LIMITS.title),
		notes: text(o.notes, `${path}.notes`, DECK_LIMITS.text)
	};
	if (o.kind === 'text')
		return { kind: 'text', ...common, body: text(o.body, `${path}.body`, DECK_LIMITS.text) };
	if (o.kind === 'chart')
		return {
			kind: 'chart',
			...common,
			viewId: id(o.viewId, `${path}.viewId`),
			filters: o.filters === undefined ? NO_FILTERS : filters(o.filters, `${path}.filters`),
			// Decks from before linked slides have no flag: their slides keep their own filters.
			linked: o.linked === undefined ? false : flag(o.linked, `${path}.linked`),
			...(o.rows === undefined ? {} : { rows: slideRows(o.rows, `${path}.rows`) })
		};
	return invalid(`${path}.kind`, '"chart" | "text"');
}

function slideRows(value: unknown, path: string): SlideRows {
	const o = object(value, path);
	const count = (key: 'top' | 'bottom', min: number) => {
		const v = o[key];
		return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= SLIDE_ROWS_MAX
			? v
			: invalid(`${path}.${key}`, `${min}–${SLIDE_ROWS_MAX}`);
	};
	const rows = { top: count('top', 1), bottom: count('bottom', 0) };
	if (rows.top + rows.bottom > SLIDE_ROWS_MAX) invalid(path, `top + bottom ≤ ${SLIDE_ROWS_MAX}`);
	return rows;
}

/** Filters as the URL parser would accept them; missing fields mean "no filter". */
export function filters(value: unknown, path: string): Filters {
	const o = object(value, path);
	const date = (key: 'periodFrom' | 'periodTo') => {
		const v = o[key] ?? null;
		return v === null || (typeof v === 'string' && ISO_DATE.test(v))
			? v
			: invalid(`${path}.${key}`, 'YYYY-MM-DD');
	};
	const list = (key: 'states' | 'municipalities' | 'projects' | 'indicators') => {
		const v = o[key] ?? [];
		if (
			!Array.isArray(v) ||
			v.length > DECK_LIMITS.listValues ||
			!v.every((x) => typeof x === 'string' && x !== '' && x.length <= DECK_LIMITS.title)
		)
			invalid(`${path}.${key}`, 'text[]');
		return [...new Set(v as string[])].sort();
	};
	const oneOf = <T extends string>(key: 'gender' | 'ageGroup', allowed: readonly T[]): T | null => {
		const v = o[key] ?? null;
		return v === null || allowed.includes(v as T)
			? (v as T | null)
			: invalid(`${path}.${key}`, allowed.join(' | '));
	};
	return {
		periodFrom: date('periodFrom'),
		periodTo: date('periodTo'),
		states: list('states'),
		municipalities: list('municipalities'),
		projects: list('projects'),
		indicators: list('indicators'),
		gender: oneOf('gender', ['w', 'm', 'd'] as const),
		ageGroup: oneOf('ageGroup', ['<25', '25-54', '>54'] as const)
	};
}
