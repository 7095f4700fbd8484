import type { Locale } from '../i18n';
import { filtersToSearchParams, NO_FILTERS, type Filters } from '../metrics';

/**
 * A link to `path` with the filters in its query, keeping the other parameters of `current`
 * (the language). Empty query → no `?`.
 */
export function filterHref(path: string, filters: Filters, current: URLSearchParams): string {
	const query = filtersToSearchParams(filters, current).toString();
	return query ? `${path}?${query}` : path;
}

/** The filters without those a page fixes by its route (e.g. the project of /projects/[id]). */
export function withoutFilters(filters: Filters, keys: (keyof Filters)[]): Filters {
	const out = { ...filters };
	for (const key of keys) (out as Record<string, unknown>)[key] = NO_FILTERS[key];
	return out;
}

/** The link that switches the page to `locale`, keeping every other parameter (the filters). */
export function languageHref(locale: Locale, current: URLSearchParams): string {
	const params = new URLSearchParams(current);
	params.set('lang', locale);
	return `?${params}`;
}
