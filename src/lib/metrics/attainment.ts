import type { Table } from 'apache-arrow';
import type { Engine, SqlParam } from '../engine';
import { toRows } from '../engine/rows';
import { actualsKeys, NO_FILTERS, targetFactsWhere, type Filters } from './filters';
import { attainmentOfSlice } from './slice';
import { derived, heldSlice, inlineSources, type AttainmentSources } from './sources';
import { attainmentStatus, thresholdsFor, type AttainmentStatus, type Thresholds } from './status';

/** What attainment is grouped by. */
export type AttainmentDimension = 'indicator' | 'project' | 'municipality' | 'state';

/** Goal attainment of one indicator for one group (the whole selection, a project, a municipality, a Land). */
export interface Attainment {
	/** The group: indicator id, project id, municipality or Land. */
	key: string;
	/** Display name of the group (project name; equal to key for places and indicators). */
	label: string;
	indicatorId: string;
	/** Aggregated actual (sum, mean or latest running total, per the indicator's aggregation). */
	actual: number | null;
	/** Target of the group; see attainmentSql for which targets count. */
	target: number | null;
	/** actual / target (inverted for direction 'down'); null when there is nothing to compare. */
	attainment: number | null;
	status: AttainmentStatus;
	/** Projects that reported at least one value. */
	projects: number;
	/** Actual values (rows) the figure is based on. */
	n: number;
	/** Last reported period end, ISO date. */
	asOf: string | null;
	/** First reported period start, ISO date (absent where rows come from a published cube). */
	since?: string | null;
	/**
	 * Whether the actual was (partly) derived from breakdown rows: the union of DERIVED flags
	 * (totals.ts); 0 = as reported (absent where rows come from a published cube).
	 */
	derived?: number;
}

/** Goal attainment of one indicator over the whole selection. */
export interface IndicatorAttainment extends Omit<Attainment, 'key' | 'label'> {
	name: string;
	unit: string | null;
	esfCode: string | null;
}

/** Group key of actual rows (alias pa = per-project actuals with their project's places) and of target rows (TARGET_FACTS_SQL). */
const KEYS: Record<AttainmentDimension, { actual: string; target: string; scopes: string[] }> = {
	indicator: {
		actual: 'pa.indicator_id',
		target: 't.indicator_id',
		scopes: ['programme', 'municipality', 'project']
	},
	project: { actual: 'pa.project_id', target: 't.scope_id', scopes: ['project'] },
	municipality: {
		actual: 'pa.municipality',
		target: "CASE t.scope WHEN 'municipality' THEN t.scope_id ELSE t.project_municipality END",
		scopes: ['municipality', 'project']
	},
	state: {
		actual: 'pa.state',
		target: "CASE t.scope WHEN 'municipality' THEN t.municipality_state ELSE t.project_state END",
		scopes: ['municipality', 'project']
	}
};

/**
 * SQL for attainment per indicator and group (DESIGN.md §5), with the filters as parameters.
 * Actuals: one row kind only (totals, or the chosen breakdown row) so nothing is double counted;
 * per project first (`sources.actuals`: the per-project actuals of the filters' slice, see
 * projectActualsSql) — then projects are summed (averaged for rates).
 * Targets: those inside the period range; 'target' wins over a 'milestone', and a broader scope
 * over a narrower one (programme > municipality > project sums). Division only where the target
 * (or, for direction 'down', the actual) is positive.
 */
export function attainmentSql(
	filters: Filters = NO_FILTERS,
	by: AttainmentDimension = 'indicator',
	sources: AttainmentSources = inlineSources(filters)
): { sql: string; params: SqlParam[] } {
	const keys = actualsKeys(filters, 'pa');
	const targets = targetFactsWhere(filters, 't');
	const key = KEYS[by];
	const scopes = key.scopes.map((s) => `'${s}'`).join(', ');
	const base =
		by === 'indicator'
			? `${sources.indicators} i LEFT JOIN grouped g ON g.indicator_id = i.indicator_id AND g.key = i.indicator_id
	LEFT JOIN picked pt ON pt.indicator_id = i.indicator_id AND pt.key = i.indicator_id
	WHERE ${filters.indicators.length ? `i.indicator_id IN (${filters.indicators.map(() => '?').join(', ')})` : 'TRUE'}`
			: `grouped g JOIN ${sources.indicators} i USING (indicator_id)
	LEFT JOIN picked pt ON pt.indicator_id = g.indicator_id AND pt.key = g.key`;
	const label = by === 'project' ? 'g.project_name' : by === 'indicator' ? 'i.name' : 'g.key';
	const sql = `
WITH project_actuals AS (
	SELECT * FROM ${sources.actuals.sql} pa WHERE ${keys.sql}
),
grouped AS (
	SELECT pa.indicator_id, ${key.actual} AS key,
		CASE WHEN any_value(pa.aggregation) = 'mean' THEN avg(pa.actual) ELSE sum(pa.actual) END AS actual,
		count(*) FILTER (WHERE pa.n > 0) AS projects,
		sum(pa.n) AS n,
		max(pa.last_period) AS last_period,
		min(pa.first_period) AS first_period,
		bit_or(pa.derived) AS derived${by === 'project' ? ',\n\t\tany_value(pa.project_name) AS project_name' : ''}
	FROM project_actuals pa
	GROUP BY 1, 2
),
target_sums AS (
	SELECT t.indicator_id, ${key.target} AS key,
		(CASE t.target_type WHEN 'target' THEN 0 ELSE 10 END) + (CASE t.scope WHEN 'programme' THEN 0 WHEN 'municipality' THEN 1 ELSE 2 END) AS rank,
		CASE WHEN any_value(t.aggregation) = 'mean' THEN avg(t.target_value) ELSE sum(t.target_value) END AS target
	FROM ${sources.targets.sql} t
	WHERE t.scope IN (${scopes}) AND ${targets.sql}
	GROUP BY 1, 2, 3
),
picked AS (
	SELECT indicator_id, key, arg_min(target, rank) AS target FROM target_sums WHERE key IS NOT NULL GROUP BY 1, 2
)
SELECT ${by === 'indicator' ? 'i.indicator_id' : 'g.key'} AS key, ${label} AS label,
	i.indicator_id AS "indicatorId", i.name, i.unit, i.esf_code AS "esfCode",
	g.actual,
	pt.target,
	CASE
		WHEN pt.target IS NULL OR pt.target <= 0 OR g.actual IS NULL THEN NULL
		WHEN i.direction = 'down' THEN CASE WHEN g.actual > 0 THEN pt.target / g.actual END
		ELSE g.actual / pt.target
	END AS attainment,
	CAST(coalesce(g.projects, 0) AS INTEGER) AS projects,
	CAST(coalesce(g.n, 0) AS INTEGER) AS n,
	strftime(g.last_period, '%Y-%m-%d') AS "asOf",
	strftime(g.first_period, '%Y-%m-%d') AS since,
	CAST(coalesce(g.derived, 0) AS INTEGER) AS derived
FROM ${base}
ORDER BY 3, 1`;
	return {
		sql,
		params: [
			...sources.actuals.params,
			...keys.params,
			...sources.targets.params,
			...targets.params,
			...(by === 'indicator' ? filters.indicators : [])
		]
	};
}

/** A row of attainmentSql, before the status is judged. */
export type AttainmentRow = Omit<Attainment, 'status'> & {
	name: string;
	unit: string | null;
	esfCode: string | null;
};

/** An attainmentSql row grouped by indicator, with its status (thresholds per indicator). */
export function indicatorAttainment(
	{
		indicatorId,
		name,
		unit,
		esfCode,
		actual,
		target,
		attainment,
		projects,
		n,
		asOf,
		since,
		derived
	}: AttainmentRow,
	thresholds: Record<string, Thresholds> = {}
): IndicatorAttainment {
	const status = attainmentStatus(attainment, thresholdsFor(indicatorId, thresholds));
	return {
		indicatorId,
		name,
		unit,
		esfCode,
		actual,
		target,
		attainment,
		status,
		projects,
		n,
		asOf,
		since,
		derived
	};
}

/** An attainmentSql row grouped by project, municipality or Land, with its status. */
export function groupAttainment(
	{ key, label, indicatorId, actual, target, attainment, projects, n, asOf, since, derived }: AttainmentRow,
	thresholds: Record<string, Thresholds> = {}
): Attainment {
	const status = attainmentStatus(attainment, thresholdsFor(indicatorId, thresholds));
	return { key, label, indicatorId, actual, target, attainment, status, projects, n, asOf, since, derived };
}

/** attainmentSql's rows: computed in memory with a coordinator (see slice.ts), else by the SQL. */
async function queryAttainment(engine: Engine, filters: Filters, by: AttainmentDimension) {
	const held = await heldSlice(engine, filters);
	if (held)
		return derived(held, JSON.stringify(['attainment', by, filters]), () =>
			attainmentOfSlice(held.slice, held.targets, held.indicators, filters, by)
		);
	const { sql, params } = attainmentSql(filters, by, inlineSources(filters));
	return toRows<AttainmentRow>(await engine.query(sql, params));
}

/** Attainment per indicator over the filtered selection, with status (thresholds per indicator). */
export async function attainmentByIndicator(
	engine: Engine,
	filters: Filters = NO_FILTERS,
	thresholds: Record<string, Thresholds> = {}
): Promise<IndicatorAttainment[]> {
	const rows = await queryAttainment(engine, filters, 'indicator');
	return rows.map((row) => indicatorAttainment(row, thresholds));
}

/** Attainment per project, municipality or Land (one row per indicator and group). */
export async function attainmentBy(
	engine: Engine,
	by: Exclude<AttainmentDimension, 'indicator'>,
	filters: Filters = NO_FILTERS,
	thresholds: Record<string, Thresholds> = {}
): Promise<Attainment[]> {
	const rows = await queryAttainment(engine, filters, by);
	return rows.map((row) => groupAttainment(row, thresholds));
}

/** The places a ranking ranks. */
export type RankedDimension = Exclude<AttainmentDimension, 'indicator'>;

const RANKED: RankedDimension[] = ['state', 'municipality', 'project'];
const OWN_FILTER = { state: 'states', municipality: 'municipalities', project: 'projects' } as const;

/** A ranking's filters: the page's for one indicator, without its own place filter (every bar stays). */
export function rankingFilters(filters: Filters, by: RankedDimension, indicatorId: string): Filters {
	return { ...filters, [OWN_FILTER[by]]: [], indicators: [indicatorId] };
}

/** Each result converted once: the three ranking views of a page share one query result. */
const rankingRows = new WeakMap<Table, Record<RankedDimension, Attainment[]>>();

/**
 * Attainment of one indicator per Land, municipality and project (each with rankingFilters), from
 * one statement: the three attainmentSql queries stacked. In the browser's single-threaded engine
 * every statement costs milliseconds beyond its work.
 */
export async function attainmentRankings(
	engine: Engine,
	filters: Filters,
	indicatorId: string
): Promise<Record<RankedDimension, Attainment[]>> {
	const held = await heldSlice(engine, filters);
	if (held) {
		const rank = (by: RankedDimension) =>
			attainmentOfSlice(
				held.slice,
				held.targets,
				held.indicators,
				rankingFilters(filters, by, indicatorId),
				by
			).map((row) => groupAttainment(row));
		return derived(held, JSON.stringify(['rankings', indicatorId, filters]), () => ({
			state: rank('state'),
			municipality: rank('municipality'),
			project: rank('project')
		}));
	}
	const sources = inlineSources(filters);
	const parts = RANKED.map((by) => attainmentSql(rankingFilters(filters, by, indicatorId), by, sources));
	const sql = `${parts.map((part, i) => `SELECT ${i} AS ranking, * FROM (${part.sql})`).join('\nUNION ALL\n')}
ORDER BY ranking, "indicatorId", key`;
	const table = await engine.query(
		sql,
		parts.flatMap((part) => part.params)
	);
	let rankings = rankingRows.get(table);
	if (!rankings) {
		rankings = { state: [], municipality: [], project: [] };
		for (const { ranking, ...row } of toRows<AttainmentRow & { ranking: number }>(table))
			rankings[RANKED[ranking]!].push(groupAttainment(row));
		rankingRows.set(table, rankings);
	}
	return rankings;
}

/**
 * The indicator a single-indicator chart shows: the first of the indicator filter, else the first
 * indicator with a total target (ESF codes first), else the first indicator at all.
 */
export async function headlineIndicator(engine: Engine, filters: Filters): Promise<string | null> {
	if (filters.indicators.length) return filters.indicators[0]!;
	const [row] = toRows<{ id: string }>(
		await engine.query(`SELECT i.indicator_id AS id FROM indicators i
			ORDER BY EXISTS (SELECT 1 FROM targets t WHERE t.indicator_id = i.indicator_id AND t.target_type = 'target') DESC,
				i.esf_code IS NULL, i.esf_code, i.indicator_id
			LIMIT 1`)
	);
	return row?.id ?? null;
}

/** Name, unit and ESF code of one indicator, or null if unknown. */
export async function indicatorInfo(
	engine: Engine,
	indicatorId: string
): Promise<{
	indicatorId: string;
	name: string;
	unit: string | null;
	esfCode: string | null;
	aggregation: string;
} | null> {
	const [row] = toRows<{
		indicatorId: string;
		name: string;
		unit: string | null;
		esfCode: string | null;
		aggregation: string;
	}>(
		await engine.query(
			'SELECT indicator_id AS "indicatorId", name, unit, esf_code AS "esfCode", aggregation FROM indicators WHERE indicator_id = ?',
			[indicatorId]
		)
	);
	return row ?? null;
}
