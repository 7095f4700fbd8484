import type { Engine } from '../engine';
import { toRows } from '../engine/rows';
import { actualsKeys, NO_FILTERS, type Filters } from './filters';
import { overviewOfSlice } from './slice';
import { derived, heldSlice, inlineSources, projectActualsSql, subquery, type Relation } from './sources';

/** Headline figures of the programme overview. */
export interface ProgrammeOverview {
	projects: number;
	municipalities: number;
	states: number;
	/** Participants entering: CO01 + CO03 + CO05 (unemployed + inactive + employed at entry). */
	participants: number | null;
	/** Enterprises supported (CO23). */
	enterprises: number | null;
	/** Latest period end with a reported value, ISO date. */
	asOf: string | null;
}

/**
 * SQL for the overview tiles over the filtered selection, from the per-project actuals of the
 * filters' slice (`source`, see projectActualsSql): projects with any actual row, and sums of
 * values that are not running totals. Participants use the ESF rule total = CO01 + CO03 + CO05;
 * the indicator filter does not apply (the tiles name their indicators).
 */
export function programmeOverviewSql(
	filters: Filters = NO_FILTERS,
	source: Relation = subquery(projectActualsSql(filters)),
	tables: { projects: string; indicators: string } = { projects: 'projects', indicators: 'indicators' }
) {
	const keys = actualsKeys({ ...filters, indicators: [] }, 'pa');
	const sql = `
WITH sel AS (
	SELECT pa.*, i.esf_code FROM ${source.sql} pa JOIN ${tables.indicators} i USING (indicator_id) WHERE ${keys.sql}
),
places AS (
	SELECT count(*) AS projects, count(DISTINCT municipality) AS municipalities, count(DISTINCT state) AS states
	FROM ${tables.projects} WHERE project_id IN (SELECT project_id FROM sel)
),
figures AS (
	SELECT sum(flow) FILTER (WHERE esf_code IN ('CO01', 'CO03', 'CO05')) AS participants,
		sum(flow) FILTER (WHERE esf_code = 'CO23') AS enterprises,
		strftime(max(last_period), '%Y-%m-%d') AS "asOf"
	FROM sel
)
SELECT * FROM places, figures`;
	return { sql, params: [...source.params, ...keys.params] };
}

export async function programmeOverview(
	engine: Engine,
	filters: Filters = NO_FILTERS
): Promise<ProgrammeOverview> {
	const held = await heldSlice(engine, filters);
	if (held)
		return derived(held, JSON.stringify(['overview', filters]), () =>
			overviewOfSlice(held.slice, held.indicators, held.projects, filters)
		);
	const sources = inlineSources(filters);
	const { sql, params } = programmeOverviewSql(filters, sources.actuals, sources);
	const [row] = toRows<ProgrammeOverview>(await engine.query(sql, params));
	return row!;
}
