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

/** Joins conditions with AND; an empty list means "no restriction". */
export function allOf(conditions: SqlCondition[]): SqlCondition {
	if (conditions.length === 0) return { sql: 'TRUE', params: [] };
	return {
		sql: conditions.map((c) => `(${c.sql})`).join(' AND '),
		params: conditions.flatMap((c) => c.params)
	};
}

/** `column IN (?, ?, …)`; `column` is an app-controlled expression, the values are parameters. */
function inList(column: string, values: string[]): SqlCondition {
	return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: values };
}

/** Projects matching the place filters (Land, municipality, project), as a condition on a project id. */
function projectConditions(filters: Filters, projectId: string, projects = 'projects'): SqlCondition[] {
	const out: SqlCondition[] = [];
	if (filters.projects.length) out.push(inList(projectId, filters.projects));
	for (const [column, values] of [
		['state', filters.states],
		['municipality', filters.municipalities]
	] as const) {
		if (!values.length) continue;
		const inner = inList(column, values);
		out.push({
			sql: `${projectId} IN (SELECT project_id FROM ${projects} WHERE ${inner.sql})`,
			params: inner.params
		});
	}
	return out;
}

/** Whether any place filter (Land, municipality, project) is set. */
export function hasPlaceFilter(filters: Filters): boolean {
	return filters.states.length + filters.municipalities.length + filters.projects.length > 0;
}

/** Whether the filters ask for a breakdown row (gender or age group) instead of the totals. */
export function hasBreakdownFilter(filters: Filters): boolean {
	return filters.gender !== null || filters.ageGroup !== null;
}

/**
 * Which rows of `actuals` one figure may sum: the totals (gender and age group NULL) unless a
 * gender or age group is chosen, then exactly that breakdown row. The sample's breakdowns are
 * marginal (by gender, or by age group), so mixing row kinds would double count.
 */
export function breakdownRowCondition(filters: Filters, a = 'a'): SqlCondition {
	const gender =
		filters.gender === null
			? { sql: `${a}.gender IS NULL`, params: [] }
			: { sql: `${a}.gender = ?`, params: [filters.gender] };
	const age =
		filters.ageGroup === null
			? { sql: `${a}.age_group IS NULL`, params: [] }
			: { sql: `${a}.age_group = ?`, params: [filters.ageGroup] };
	return allOf([gender, age]);
}

/**
 * Conditions on `actuals` (alias `a`) for every filter except the breakdown row: reporting periods
 * inside the period range, the place filters and the indicators.
 */
export function actualsScope(filters: Filters, a = 'a'): SqlCondition {
	return allOf([...periodConditions(filters, a), ...keyConditions(filters, a)]);
}

/** Reporting periods (alias `a`) inside the period range. */
function periodConditions(filters: Filters, a: string): SqlCondition[] {
	const out: SqlCondition[] = [];
	if (filters.periodFrom)
		out.push({ sql: `${a}.period_start >= CAST(? AS DATE)`, params: [filters.periodFrom] });
	if (filters.periodTo) out.push({ sql: `${a}.period_end <= CAST(? AS DATE)`, params: [filters.periodTo] });
	return out;
}

/** The place filters and the indicators, as conditions on `a.project_id` and `a.indicator_id`. */
function keyConditions(filters: Filters, a: string, projects = 'projects'): SqlCondition[] {
	const out = projectConditions(filters, `${a}.project_id`, projects);
	if (filters.indicators.length) out.push(inList(`${a}.indicator_id`, filters.indicators));
	return out;
}

/**
 * The filters that depend on the reporting period and the breakdown row: which actual rows a
 * per-project aggregate (see sources.ts) is computed from.
 */
export function actualsSlice(filters: Filters, a = 'a'): SqlCondition {
	return allOf([...periodConditions(filters, a), breakdownRowCondition(filters, a)]);
}

/**
 * The filters on an (indicator, project) pair of per-project actuals (alias `pa`; each row carries
 * its project's municipality and Land, see projectActualsSql): place filters and indicators. They
 * hold for all rows of a pair or for none, so applying them after grouping by indicator and
 * project selects exactly the groups that applying them to the rows would.
 */
export function actualsKeys(filters: Filters, pa = 'pa'): SqlCondition {
	const out: SqlCondition[] = [];
	if (filters.projects.length) out.push(inList(`${pa}.project_id`, filters.projects));
	if (filters.states.length) out.push(inList(`${pa}.state`, filters.states));
	if (filters.municipalities.length) out.push(inList(`${pa}.municipality`, filters.municipalities));
	if (filters.indicators.length) out.push(inList(`${pa}.indicator_id`, filters.indicators));
	return allOf(out);
}

/** All filters on `actuals` (alias `a`), including the breakdown row. */
export function actualsWhere(filters: Filters, a = 'a'): SqlCondition {
	return allOf([actualsScope(filters, a), breakdownRowCondition(filters, a)]);
}

/** Target periods (alias `t`) inside the period range, and the indicators. */
function targetConditions(filters: Filters, t: string): SqlCondition[] {
	const out: SqlCondition[] = [];
	if (filters.periodFrom)
		out.push({ sql: `${t}.period_start >= CAST(? AS DATE)`, params: [filters.periodFrom] });
	if (filters.periodTo) out.push({ sql: `${t}.period_end <= CAST(? AS DATE)`, params: [filters.periodTo] });
	if (filters.indicators.length) out.push(inList(`${t}.indicator_id`, filters.indicators));
	return out;
}

/**
 * A project target belongs to the place filters when its project does; a municipality target when
 * its municipality does, and never under a project filter (a municipality's target says nothing
 * about one project). A programme target says nothing about one Land: it never belongs.
 */
function targetPlaces(t: string, project: SqlCondition, municipality: SqlCondition, projectsChosen: boolean) {
	return {
		sql: `(${t}.scope = 'project' AND ${project.sql}) OR (${t}.scope = 'municipality' AND ${projectsChosen ? 'FALSE' : municipality.sql})`,
		params: [...project.params, ...(projectsChosen ? [] : municipality.params)]
	};
}

/**
 * Conditions on `targets` (alias `t`): target periods inside the period range, the indicators, and
 * for place filters only the targets of the matching projects and municipalities (see
 * targetPlaces). Targets exist for totals only, so a gender or age-group filter leaves none:
 * attainment is then not computable rather than a share of the total target.
 */
export function targetsWhere(filters: Filters, t = 't', projects = 'projects'): SqlCondition {
	if (hasBreakdownFilter(filters)) return { sql: 'FALSE', params: [] };
	const out = targetConditions(filters, t);
	if (hasPlaceFilter(filters)) {
		const places: SqlCondition[] = [];
		if (filters.municipalities.length) places.push(inList(`${t}.scope_id`, filters.municipalities));
		if (filters.states.length) {
			const inner = inList('state', filters.states);
			places.push({
				sql: `${t}.scope_id IN (SELECT municipality FROM ${projects} WHERE ${inner.sql})`,
				params: inner.params
			});
		}
		const project = allOf(projectConditions(filters, `${t}.scope_id`, projects));
		out.push(targetPlaces(t, project, allOf(places), filters.projects.length > 0));
	}
	return allOf(out);
}

/**
 * targetsWhere on the target facts (TARGET_FACTS_SQL, alias `t`), whose rows carry their project's
 * and municipality's places: the same targets, picked by columns instead of subqueries on the
 * projects (each subquery is a join, and a join costs milliseconds in the browser's engine however
 * few the rows).
 */
export function targetFactsWhere(filters: Filters, t = 't'): SqlCondition {
	if (hasBreakdownFilter(filters)) return { sql: 'FALSE', params: [] };
	const out = targetConditions(filters, t);
	if (hasPlaceFilter(filters)) {
		const project: SqlCondition[] = [];
		if (filters.projects.length) project.push(inList(`${t}.scope_id`, filters.projects));
		if (filters.states.length) project.push(inList(`${t}.project_state`, filters.states));
		if (filters.municipalities.length)
			project.push(inList(`${t}.project_municipality`, filters.municipalities));
		const municipality: SqlCondition[] = [];
		if (filters.municipalities.length) municipality.push(inList(`${t}.scope_id`, filters.municipalities));
		if (filters.states.length)
			municipality.push({
				sql: `list_has_any(${t}.municipality_states, [${filters.states.map(() => '?').join(', ')}])`,
				params: filters.states
			});
		out.push(targetPlaces(t, allOf(project), allOf(municipality), filters.projects.length > 0));
	}
	return allOf(out);
}
