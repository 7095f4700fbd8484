import type { Filters } from '../metrics/filters';

/** One part of a slide's filter line; `key` picks the label (present.filter.<key>). */
export interface FilterPart {
	key:
		| 'period'
		| 'periodFrom'
		| 'periodTo'
		| 'states'
		| 'municipalities'
		| 'projects'
		| 'indicators'
		| 'gender'
		| 'ageGroup';
	value: string;
}

/**
 * What a chart slide is filtered to, in reading order, so the audience sees which slice of the
 * data a live chart shows. Dates go through the caller's formatter (de-DE by default).
 */
export function filterParts(filters: Filters, date: (iso: string) => string): FilterPart[] {
	const parts: FilterPart[] = [];
	const { periodFrom: from, periodTo: to } = filters;
	if (from && to) parts.push({ key: 'period', value: `${date(from)} – ${date(to)}` });
	else if (from) parts.push({ key: 'periodFrom', value: date(from) });
	else if (to) parts.push({ key: 'periodTo', value: date(to) });
	for (const key of ['states', 'municipalities', 'projects', 'indicators'] as const)
		if (filters[key].length) parts.push({ key, value: filters[key].join(', ') });
	if (filters.gender) parts.push({ key: 'gender', value: filters.gender });
	if (filters.ageGroup) parts.push({ key: 'ageGroup', value: filters.ageGroup });
	return parts;
}
