import type { Engine } from '../engine';
import { toRows } from '../engine/rows';
import { actualsWhere, NO_FILTERS, type Filters } from './filters';

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
 * SQL for the overview tiles over the filtered selection. Participants use the ESF rule total =
 * CO01 + CO03 + CO05; the indicator filter does not apply (the tiles name their indicators).
 */
export function programmeOverviewSql(filters: Filters = NO_FILTERS) {
	const where = actualsWhere({ ...filters, indicators: [] }, 'a');
	const sql = `
WITH sel AS (
	SELECT a.*, i.esf_code FROM actuals a JOIN indicators i USING (indicator_id) WHERE ${where.sql}
),
places AS (SELECT * FROM projects WHERE project_id IN (SELECT project_id FROM sel))
SELECT
	(SELECT count(*) FROM places) AS projects,
	(SELECT count(DISTINCT municipality) FROM places) AS municipalities,
	(SELECT count(DISTINCT state) FROM places) AS states,
	(SELECT sum(value) FROM sel WHERE NOT coalesce(cumulative, false) AND esf_code IN ('CO01', 'CO03', 'CO05')) AS participants,
	(SELECT sum(value) FROM sel WHERE NOT coalesce(cumulative, false) AND esf_code = 'CO23') AS enterprises,
	(SELECT strftime(max(period_end), '%Y-%m-%d') FROM sel WHERE value IS NOT NULL) AS "asOf"`;
	return { sql, params: where.params };
}

export async function programmeOverview(
	engine: Engine,
	filters: Filters = NO_FILTERS
): Promise<ProgrammeOverview> {
	const { sql, params } = programmeOverviewSql(filters);
	const [row] = toRows<ProgrammeOverview>(await engine.query(sql, params));
	return row!;
}
