import type { Engine, SqlParam } from '../engine';
import { actualsSlice, allOf, type Filters } from './filters';

/**
 * The relations the attainment and overview figures read: per-project actuals of a filter slice
 * and the target rows with their places. Without a coordinator each is a subquery of the query
 * that reads it; with one (workspace/coordinator.ts) each is a table built once per data version
 * and slice, so a filter change on a dashboard aggregates the actual rows once, not once per chart.
 * Both ways run the same SQL over the same rows, so the figures are identical.
 */

/** A table name or a parenthesised subquery, with the parameters of its SQL text. */
export interface Relation {
	sql: string;
	params: SqlParam[];
}

/** An engine that can keep the result of a query as a table for as long as the data stays the same. */
export interface Materializing {
	/** Name of a table holding the result of the query; created on first call, then reused. */
	materialize(sql: string, params?: SqlParam[]): Promise<string>;
}

export function canMaterialize(engine: Engine): engine is Engine & Materializing {
	return typeof (engine as Partial<Materializing>).materialize === 'function';
}

/** A query as a relation to select from. */
export function subquery({ sql, params }: Relation): Relation {
	return { sql: `(${sql})`, params };
}

const GENDERS = ['w', 'm', 'd'] as const;
const AGE_GROUPS = ['<25', '25-54', '>54'] as const;

/** 0 for NULL, 1… for a vocabulary code, NULL for anything else (never equal to a filter's kind). */
function codeSql(column: string, vocabulary: readonly string[]): string {
	return `CASE WHEN ${column} IS NULL THEN 0 ${vocabulary.map((v, i) => `WHEN ${column} = '${v}' THEN ${i + 1}`).join(' ')} END`;
}

/** The breakdown row kind a filter state reads (0 = totals), numbered as in ACTUALS_FACTS_SQL. */
export function breakdownKind(filters: Filters): number {
	const gender = filters.gender === null ? 0 : GENDERS.indexOf(filters.gender) + 1;
	const age = filters.ageGroup === null ? 0 : AGE_GROUPS.indexOf(filters.ageGroup) + 1;
	return gender * 4 + age;
}

/**
 * Every actual row with the columns metrics read, its indicator's aggregation (`listed`: the
 * indicator is known) and its breakdown row kind, sorted by kind: each figure reads one kind
 * (totals, or one gender or age group), and sorted this way it skips the other kinds' row groups.
 */
export const ACTUALS_FACTS_SQL = `SELECT (${codeSql('a.gender', GENDERS)}) * 4 + (${codeSql('a.age_group', AGE_GROUPS)}) AS row_kind,
	a.indicator_id, a.project_id, a.period_start, a.period_end, a.value, a.cumulative, a.gender, a.age_group,
	i.aggregation, i.indicator_id IS NOT NULL AS listed
FROM actuals a LEFT JOIN indicators i USING (indicator_id)
ORDER BY row_kind, a.indicator_id, a.project_id, a.period_end`;

/**
 * SQL for the actuals of each (known) indicator and project within the period range, for one
 * breakdown row kind (DESIGN.md §5): periods summed, running totals (cumulative) never summed (the
 * latest counts), rates averaged; n values, first and last reported period, and `flow` (the sum of
 * the values that are not running totals). Place and indicator filters pick among these rows
 * (see `actualsKeys`). From `facts` (ACTUALS_FACTS_SQL) the kind condition only narrows what is
 * scanned: the rows are the same.
 */
export function projectActualsSql(filters: Filters, facts?: string): Relation {
	const slice = actualsSlice(filters, 'a');
	const where = facts
		? allOf([{ sql: 'a.listed AND a.row_kind = ?', params: [breakdownKind(filters)] }, slice])
		: slice;
	const aggregation = facts ? 'a.aggregation' : 'i.aggregation';
	return {
		sql: `SELECT a.indicator_id, a.project_id, any_value(${aggregation}) AS aggregation,
	CASE
		WHEN any_value(${aggregation}) = 'mean' THEN avg(a.value)
		WHEN any_value(${aggregation}) = 'last' OR bool_or(a.cumulative) THEN arg_max(a.value, a.period_end) FILTER (WHERE a.value IS NOT NULL)
		ELSE sum(a.value)
	END AS actual,
	count(a.value) AS n,
	max(a.period_end) FILTER (WHERE a.value IS NOT NULL) AS last_period,
	min(a.period_start) FILTER (WHERE a.value IS NOT NULL) AS first_period,
	sum(a.value) FILTER (WHERE NOT coalesce(a.cumulative, false)) AS flow
FROM ${facts ? `${facts} a` : 'actuals a JOIN indicators i USING (indicator_id)'}
WHERE ${where.sql}
GROUP BY a.indicator_id, a.project_id`,
		params: where.params
	};
}

/**
 * SQL for the targets and milestones of known indicators with what attainment groups them by:
 * the indicator's aggregation, a project target's municipality and Land, a municipality target's
 * Land. Filters apply to its columns as to `targets` (see targetsWhere).
 */
export const TARGET_FACTS_SQL = `SELECT t.indicator_id, t.scope, t.scope_id, t.period_start, t.period_end, t.target_value, t.target_type,
	i.aggregation, p.municipality AS project_municipality, p.state AS project_state, m.state AS municipality_state
FROM targets t
JOIN indicators i USING (indicator_id)
LEFT JOIN projects p ON t.scope = 'project' AND p.project_id = t.scope_id
LEFT JOIN (SELECT municipality, any_value(state) AS state FROM projects GROUP BY municipality) m
	ON t.scope = 'municipality' AND m.municipality = t.scope_id
WHERE t.target_type IN ('target', 'milestone')`;

/** Where attainment reads per-project actuals (of the filters' slice) and targets from. */
export interface AttainmentSources {
	actuals: Relation;
	targets: Relation;
}

/** The sources as subqueries of the reading query (no coordinator). */
export function inlineSources(filters: Filters): AttainmentSources {
	return {
		actuals: subquery(projectActualsSql(filters)),
		targets: subquery({ sql: TARGET_FACTS_SQL, params: [] })
	};
}

/** The sources for a figure: the coordinator's tables when it has one, else subqueries. */
export async function attainmentSources(engine: Engine, filters: Filters): Promise<AttainmentSources> {
	if (!canMaterialize(engine)) return inlineSources(filters);
	const [facts, targets] = await Promise.all([
		engine.materialize(ACTUALS_FACTS_SQL),
		engine.materialize(TARGET_FACTS_SQL)
	]);
	const { sql, params } = projectActualsSql(filters, facts);
	return {
		actuals: { sql: await engine.materialize(sql, params), params: [] },
		targets: { sql: targets, params: [] }
	};
}

/** The actual rows: the coordinator's facts table (a superset of the columns), else `actuals`. */
export async function actualsTable(engine: Engine): Promise<string> {
	return canMaterialize(engine) ? engine.materialize(ACTUALS_FACTS_SQL) : 'actuals';
}
