import { toRows, type Engine, type SqlParam } from '../engine';
import { actualsSlice, type Filters } from './filters';
import { reportedActualsSql } from './totals';
import {
	NO_DAY,
	sliceProjectActuals,
	type HeldActuals,
	type IndicatorFact,
	type ProjectActual,
	type ProjectPair,
	type ProjectPlace,
	type TargetFact
} from './slice';

/**
 * Where the attainment and overview figures come from: the per-project actuals of a filter slice
 * and the target, indicator and project facts, from which slice.ts computes every figure. Without
 * a coordinator the slice is read by SQL (projectActualsSql). With one (workspace/coordinator.ts,
 * the dashboards): the actual rows are read once per data version into typed columns
 * (heldActuals) with the facts (heldFacts), and each slice is computed in memory, so a filter
 * change asks nothing of the engine. tests/unit/coordinator.test.ts holds both ways equal.
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
	/** The value `compute` resolves to, computed on first call under `key`, then reused. */
	remember<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export function canMaterialize(engine: Engine): engine is Engine & Materializing {
	return typeof (engine as Partial<Materializing>).materialize === 'function';
}

const GENDERS = ['w', 'm', 'd'] as const;
const AGE_GROUPS = ['<25', '25-54', '>54'] as const;

/** 0 for NULL, 1… for a vocabulary code, NULL for anything else (never equal to a filter's kind). */
function codeSql(column: string, vocabulary: readonly string[]): string {
	return `CASE WHEN ${column} IS NULL THEN 0 ${vocabulary.map((v, i) => `WHEN ${column} = '${v}' THEN ${i + 1}`).join(' ')} END`;
}

/** The breakdown row kind a filter state reads (0 = totals), numbered as in actualsFactsSql. */
export function breakdownKind(filters: Filters): number {
	const gender = filters.gender === null ? 0 : GENDERS.indexOf(filters.gender) + 1;
	const age = filters.ageGroup === null ? 0 : AGE_GROUPS.indexOf(filters.ageGroup) + 1;
	return gender * 4 + age;
}

/**
 * One row per project id with what the figures group and label projects by. The design has one
 * row per project; should a project be listed twice, its first name and place count, and its
 * figures are not counted twice.
 */
export const PROJECT_PLACES_SQL = `SELECT project_id, any_value(name) AS project_name, any_value(municipality) AS municipality,
	any_value(state) AS state
FROM projects GROUP BY project_id`;

/**
 * Every (indicator, project) pair of the actual rows, numbered, with the indicator's aggregation
 * and the project's name and places (`places`: PROJECT_PLACES_SQL). A filter slice groups the
 * actual rows by this number: grouping by one integer instead of two strings is what makes a new
 * slice cheap in the browser's single-threaded engine.
 */
export function actualsPairsSql(places: string): string {
	return `SELECT (row_number() OVER (ORDER BY a.indicator_id, a.project_id))::INTEGER AS pair,
	a.indicator_id, a.project_id, any_value(i.aggregation) AS aggregation,
	any_value(p.project_name) AS project_name, any_value(p.municipality) AS municipality, any_value(p.state) AS state
FROM actuals a LEFT JOIN indicators i USING (indicator_id) LEFT JOIN ${places} p USING (project_id)
GROUP BY a.indicator_id, a.project_id`;
}

/**
 * Every actual row with the columns metrics read, whether its indicator is known (`listed`), its
 * pair number (`pairs`: a table of actualsPairsSql) and its breakdown row kind, sorted by kind:
 * the held columns are split by kind (heldActuals), and the trajectory and breakdown read it as
 * `actuals`.
 */
export function actualsFactsSql(pairs: string): string {
	return `SELECT (${codeSql('a.gender', GENDERS)}) * 4 + (${codeSql('a.age_group', AGE_GROUPS)}) AS row_kind,
	p.pair, a.indicator_id, a.project_id, a.period_start, a.period_end, a.value, a.cumulative, a.gender, a.age_group,
	a.derived, i.indicator_id IS NOT NULL AS listed
FROM (${reportedActualsSql()}) a LEFT JOIN indicators i USING (indicator_id)
JOIN ${pairs} p ON p.indicator_id IS NOT DISTINCT FROM a.indicator_id AND p.project_id IS NOT DISTINCT FROM a.project_id
ORDER BY row_kind, p.pair, a.period_end`;
}

/**
 * SQL for the actuals of each (known) indicator and project within the period range, for one
 * breakdown row kind (DESIGN.md §5): periods summed, running totals (cumulative) never summed (the
 * latest counts), rates averaged; n values, first and last reported period, and `flow` (the sum of
 * the values that are not running totals). Place and indicator filters pick among these rows
 * (see `actualsKeys`), which is why each row carries its project's name and places (see
 * PROJECT_PLACES_SQL): figures filter and group by them without joining the projects again.
 */
export function projectActualsSql(filters: Filters): Relation {
	const where = actualsSlice(filters, 'a');
	return {
		sql: `SELECT a.indicator_id, a.project_id, any_value(i.aggregation) AS aggregation,
	any_value(p.project_name) AS project_name, any_value(p.municipality) AS municipality, any_value(p.state) AS state,
	CASE
		WHEN any_value(i.aggregation) = 'mean' THEN avg(a.value)
		WHEN any_value(i.aggregation) = 'last' OR bool_or(a.cumulative) THEN arg_max(a.value, a.period_end) FILTER (WHERE a.value IS NOT NULL)
		ELSE sum(a.value)
	END AS actual,
	count(a.value) AS n,
	max(a.period_end) FILTER (WHERE a.value IS NOT NULL) AS last_period,
	min(a.period_start) FILTER (WHERE a.value IS NOT NULL) AS first_period,
	sum(a.value) FILTER (WHERE NOT coalesce(a.cumulative, false)) AS flow,
	bit_or(a.derived) AS derived
FROM (${reportedActualsSql()}) a JOIN indicators i USING (indicator_id) LEFT JOIN (${PROJECT_PLACES_SQL}) p USING (project_id)
WHERE ${where.sql}
GROUP BY a.indicator_id, a.project_id`,
		params: where.params
	};
}

/**
 * SQL for the targets and milestones of known indicators with what attainment groups and filters
 * them by: the indicator's aggregation, a project target's municipality and Land, a municipality
 * target's Land (the first, for grouping) and all its Länder (for the Land filter: a municipality
 * name can exist in several). Filters apply to it through targetFactsWhere.
 */
export const TARGET_FACTS_SQL = `SELECT t.indicator_id, t.scope, t.scope_id, t.period_start, t.period_end, t.target_value, t.target_type,
	i.aggregation, p.municipality AS project_municipality, p.state AS project_state, m.state AS municipality_state,
	m.states AS municipality_states
FROM targets t
JOIN indicators i USING (indicator_id)
LEFT JOIN (${PROJECT_PLACES_SQL}) p ON t.scope = 'project' AND p.project_id = t.scope_id
LEFT JOIN (SELECT municipality, any_value(state) AS state, list(DISTINCT state) AS states FROM projects GROUP BY municipality) m
	ON t.scope = 'municipality' AND m.municipality = t.scope_id
WHERE t.target_type IN ('target', 'milestone')`;

/** The coordinator's tables of numbered pairs and of actual rows (see actualsFactsSql). */
async function factsTables(engine: Engine & Materializing): Promise<{ facts: string; pairs: string }> {
	const pairs = await engine.materialize(actualsPairsSql(`(${PROJECT_PLACES_SQL})`));
	return { pairs, facts: await engine.materialize(actualsFactsSql(pairs)) };
}

/**
 * The actual rows figures read, with the totals derived from breakdowns (totals.ts): the
 * coordinator's facts table (a superset of the columns), else the statement as a subquery.
 */
export async function actualsTable(engine: Engine): Promise<string> {
	return canMaterialize(engine) ? (await factsTables(engine)).facts : `(${reportedActualsSql()})`;
}

/** What the figures computed in memory (slice.ts) read besides the actual rows; one copy per data version. */
export interface HeldFacts {
	/** Indexed by pair number less one (see heldActuals). */
	pairs: ProjectPair[];
	targets: TargetFact[];
	indicators: IndicatorFact[];
	projects: ProjectPlace[];
}

/** A DATE column as days since 1970-01-01, NO_DAY for NULL (an INTEGER column reads as an Int32Array). */
const day = (column: string) => `coalesce(datediff('day', DATE '1970-01-01', ${column}), ${NO_DAY})::INTEGER`;

/** The targets, indicators and projects as the figures computed in memory read them. */
async function readFacts(engine: Engine): Promise<Omit<HeldFacts, 'pairs'>> {
	// Each is read once into memory here, so the small canonical views are read directly, not copied first.
	const rows = async <T>(sql: string) => toRows<T>(await engine.query(sql));
	const [targetRows, indicatorRows, projectRows] = await Promise.all([
		rows<Omit<TargetFact, 'municipalityStates'> & { municipalityStates: Iterable<string | null> | null }>(
			`SELECT indicator_id AS "indicatorId", scope, scope_id AS "scopeId",
			${day('period_start')} AS "periodStart", ${day('period_end')} AS "periodEnd",
			target_value::DOUBLE AS "targetValue", target_type AS "targetType", aggregation,
			project_municipality AS "projectMunicipality", project_state AS "projectState",
			municipality_state AS "municipalityState", municipality_states AS "municipalityStates"
			FROM (${TARGET_FACTS_SQL})`
		),
		rows<IndicatorFact>(
			`SELECT indicator_id AS "indicatorId", name, unit, esf_code AS "esfCode", direction, aggregation FROM indicators`
		),
		rows<ProjectPlace>(`SELECT project_id AS "projectId", municipality, state FROM projects`)
	]);
	return {
		targets: targetRows.map((t) => ({
			...t,
			periodStart: t.periodStart === NO_DAY ? null : t.periodStart,
			periodEnd: t.periodEnd === NO_DAY ? null : t.periodEnd,
			municipalityStates: [...(t.municipalityStates ?? [])].filter((s): s is string => s !== null)
		})),
		indicators: indicatorRows,
		projects: projectRows
	};
}

/** The pairs, targets, indicators and projects, read once per data version. */
function heldFacts(engine: Engine & Materializing): Promise<HeldFacts> {
	return engine.remember('held-facts', async () => {
		const { pairs } = await factsTables(engine);
		const [pairRows, facts] = await Promise.all([
			toRows<ProjectPair>(
				await engine.query(`SELECT indicator_id AS "indicatorId", project_id AS "projectId", aggregation,
				project_name AS "projectName", municipality, state FROM ${pairs} ORDER BY pair`)
			),
			readFacts(engine)
		]);
		return { pairs: pairRows, ...facts };
	});
}

/**
 * The actual rows of known indicators, column-wise, per breakdown row kind: read in one query (the
 * facts table is sorted by kind, so each kind is a run of rows, viewed without a copy). All kinds
 * at once: a gender or age-group filter then asks nothing of the engine (~21 bytes a row).
 */
function heldActuals(engine: Engine & Materializing): Promise<Map<number, HeldActuals>> {
	return engine.remember('held-actuals', async () => {
		const { facts } = await factsTables(engine);
		const table = await engine.query(
			`SELECT row_kind::UTINYINT AS row_kind, pair - 1 AS pair, ${day('period_start')} AS period_start,
				${day('period_end')} AS period_end, coalesce(value::DOUBLE, 'NaN'::DOUBLE) AS value,
				coalesce(cumulative, false)::UTINYINT AS cumulative, derived::UTINYINT AS derived
			FROM ${facts} WHERE listed AND row_kind IS NOT NULL`
		);
		const column = (name: string) => table.getChild(name)!.toArray();
		const kinds = column('row_kind') as Uint8Array;
		const all = {
			pair: column('pair') as Int32Array,
			periodStart: column('period_start') as Int32Array,
			periodEnd: column('period_end') as Int32Array,
			value: column('value') as Float64Array,
			cumulative: column('cumulative') as Uint8Array,
			derived: column('derived') as Uint8Array
		};
		const byKind = new Map<number, HeldActuals>();
		for (let start = 0; start < kinds.length;) {
			let end = start;
			while (end < kinds.length && kinds[end] === kinds[start]) end++;
			byKind.set(kinds[start]!, {
				pair: all.pair.subarray(start, end),
				periodStart: all.periodStart.subarray(start, end),
				periodEnd: all.periodEnd.subarray(start, end),
				value: all.value.subarray(start, end),
				cumulative: all.cumulative.subarray(start, end),
				derived: all.derived.subarray(start, end)
			});
			start = end;
		}
		return byKind;
	});
}

/** No rows (a breakdown row kind the data does not have). */
const NO_ACTUALS: HeldActuals = {
	pair: new Int32Array(),
	periodStart: new Int32Array(),
	periodEnd: new Int32Array(),
	value: new Float64Array(),
	cumulative: new Uint8Array(),
	derived: new Uint8Array()
};

/** What the figures computed in memory need for one filter state: its slice of per-project actuals and the facts. */
export interface HeldSlice extends HeldFacts {
	slice: ProjectActual[];
}

/** The facts the figures read besides the actuals: remembered per data version with a coordinator, else read now. */
export async function factsOf(engine: Engine): Promise<HeldFacts> {
	return canMaterialize(engine) ? heldFacts(engine) : { pairs: [], ...(await readFacts(engine)) };
}

/**
 * The per-project actuals of the filters' slice (period range and breakdown row kind): with a
 * coordinator computed in memory from the held columns (sliceProjectActuals), remembered per data
 * version; without one (tests, CLI, publishing) read by projectActualsSql. Every attainment and
 * overview figure is computed from it by one implementation (slice.ts), whichever way it came.
 */
export async function sliceOf(engine: Engine, filters: Filters, facts: HeldFacts): Promise<ProjectActual[]> {
	if (!canMaterialize(engine)) {
		const { sql, params } = projectActualsSql(filters);
		const rows = await engine.query(
			`SELECT indicator_id AS "indicatorId", project_id AS "projectId", aggregation, project_name AS "projectName",
				municipality, state, actual::DOUBLE AS actual, n::INTEGER AS n, ${day('last_period')} AS "lastPeriod",
				${day('first_period')} AS "firstPeriod", flow::DOUBLE AS flow, derived::INTEGER AS derived
			FROM (${sql}) ORDER BY indicator_id, project_id`,
			params
		);
		return toRows<ProjectActual>(rows).map((pa) => ({
			...pa,
			lastPeriod: pa.lastPeriod === NO_DAY ? null : pa.lastPeriod,
			firstPeriod: pa.firstPeriod === NO_DAY ? null : pa.firstPeriod
		}));
	}
	const kind = breakdownKind(filters);
	return engine.remember(`held-slice:${kind}:${filters.periodFrom}:${filters.periodTo}`, async () =>
		sliceProjectActuals((await heldActuals(engine)).get(kind) ?? NO_ACTUALS, facts.pairs, filters)
	);
}

/** The filters' slice of per-project actuals with the facts it is read with (see sliceOf). */
export async function heldSlice(engine: Engine, filters: Filters): Promise<HeldSlice> {
	const facts = await factsOf(engine);
	return { ...facts, slice: await sliceOf(engine, filters, facts) };
}

/** Figures computed from a held slice, by what they are (see `derived`); gone with the slice. */
const derivedFigures = new WeakMap<ProjectActual[], Map<string, unknown>>();

/**
 * A figure computed from a held slice, computed once per slice and `key` (which must name the
 * figure and every filter it reads): the views of a page ask for the same figures.
 */
export function derived<T>(held: HeldSlice, key: string, compute: () => T): T {
	let figures = derivedFigures.get(held.slice);
	if (!figures) derivedFigures.set(held.slice, (figures = new Map()));
	if (!figures.has(key)) figures.set(key, compute());
	return figures.get(key) as T;
}
