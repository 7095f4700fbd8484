import type { SqlParam } from '../engine';

/**
 * The dashboard filter state. Pages keep it in the URL (German keys, repeated for several values),
 * so a link reproduces the view and the back button works.
 */
export interface Filters {
	/** ISO dates (YYYY-MM-DD), inclusive; null = open. */
	periodFrom: string | null;
	periodTo: string | null;
	states: string[];
	municipalities: string[];
	projects: string[];
	indicators: string[];
	gender: 'w' | 'm' | 'd' | null;
	ageGroup: '<25' | '25-54' | '>54' | null;
}

export const NO_FILTERS: Filters = {
	periodFrom: null,
	periodTo: null,
	states: [],
	municipalities: [],
	projects: [],
	indicators: [],
	gender: null,
	ageGroup: null
};

const KEYS = {
	periodFrom: 'von',
	periodTo: 'bis',
	states: 'land',
	municipalities: 'kommune',
	projects: 'projekt',
	indicators: 'indikator',
	gender: 'geschlecht',
	ageGroup: 'alter'
} as const satisfies Record<keyof Filters, string>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const GENDERS = ['w', 'm', 'd'] as const;
const AGE_GROUPS = ['<25', '25-54', '>54'] as const;

/** Reads filters from URL search params; values that are not valid are ignored, never trusted. */
export function filtersFromSearchParams(params: URLSearchParams): Filters {
	const date = (key: string) => {
		const value = params.get(key);
		return value && ISO_DATE.test(value) ? value : null;
	};
	const list = (key: string) => [...new Set(params.getAll(key).filter((v) => v !== ''))].sort();
	const oneOf = <T extends string>(key: string, allowed: readonly T[]) => {
		const value = params.get(key);
		return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : null;
	};
	return {
		periodFrom: date(KEYS.periodFrom),
		periodTo: date(KEYS.periodTo),
		states: list(KEYS.states),
		municipalities: list(KEYS.municipalities),
		projects: list(KEYS.projects),
		indicators: list(KEYS.indicators),
		gender: oneOf(KEYS.gender, GENDERS),
		ageGroup: oneOf(KEYS.ageGroup, AGE_GROUPS)
	};
}

/** Writes filters into URL search params, keeping unrelated params (e.g. lang) of `base`. */
export function filtersToSearchParams(filters: Filters, base = new URLSearchParams()): URLSearchParams {
	const out = new URLSearchParams(base);
	for (const key of Object.values(KEYS)) out.delete(key);
	for (const [field, key] of Object.entries(KEYS) as [keyof Filters, string][]) {
		const value = filters[field];
		if (Array.isArray(value)) for (const v of value) out.append(key, v);
		else if (value !== null) out.set(key, value);
	}
	return out;
}

/** A WHERE clause fragment with its positional parameters; user values never enter the SQL text. */
export interface SqlCondition {
	sql: string;
	params: SqlParam[];
}
