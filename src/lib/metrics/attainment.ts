import type { Engine } from '../engine';
import { toRows } from '../engine/rows';
import { attainmentStatus, DEFAULT_THRESHOLDS, type AttainmentStatus, type Thresholds } from './status';

/** Goal attainment of one indicator at programme level. */
export interface IndicatorAttainment {
	indicatorId: string;
	name: string;
	unit: string | null;
	esfCode: string | null;
	/** Aggregated actual (sum, mean or latest running total, per the indicator's aggregation). */
	actual: number | null;
	/** Programme target; the sum of project targets where no programme target exists. */
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
}

/**
 * SQL for attainment per indicator (DESIGN.md §5). Totals only (gender and age group NULL):
 * breakdown rows would double count. Per project first: periods are summed, running totals
 * (cumulative) are never summed — the latest one counts — and rates are averaged; then projects are
 * summed (or averaged for rates). Division happens only where the target is positive.
 */
export function attainmentByIndicatorSql(): string {
	return `
WITH project_actuals AS (
	SELECT a.indicator_id, a.project_id, i.aggregation,
		CASE
			WHEN i.aggregation = 'mean' THEN avg(a.value)
			WHEN i.aggregation = 'last' OR bool_or(a.cumulative) THEN arg_max(a.value, a.period_end) FILTER (WHERE a.value IS NOT NULL)
			ELSE sum(a.value)
		END AS actual,
		count(a.value) AS n,
		max(a.period_end) FILTER (WHERE a.value IS NOT NULL) AS last_period
	FROM actuals a JOIN indicators i USING (indicator_id)
	WHERE a.gender IS NULL AND a.age_group IS NULL
	GROUP BY a.indicator_id, a.project_id, i.aggregation
),
indicator_actuals AS (
	SELECT indicator_id,
		CASE WHEN any_value(aggregation) = 'mean' THEN avg(actual) ELSE sum(actual) END AS actual,
		count(*) FILTER (WHERE n > 0) AS projects,
		sum(n) AS n,
		max(last_period) AS last_period
	FROM project_actuals GROUP BY indicator_id
),
indicator_targets AS (
	SELECT indicator_id,
		coalesce(
			sum(target_value) FILTER (WHERE scope = 'programme'),
			sum(target_value) FILTER (WHERE scope = 'project')
		) AS target
	FROM targets
	WHERE target_type = 'target'
	GROUP BY indicator_id
)
SELECT i.indicator_id AS "indicatorId", i.name, i.unit, i.esf_code AS "esfCode",
	ia.actual,
	t.target,
	CASE
		WHEN t.target IS NULL OR t.target <= 0 OR ia.actual IS NULL THEN NULL
		WHEN i.direction = 'down' THEN CASE WHEN ia.actual > 0 THEN t.target / ia.actual END
		ELSE ia.actual / t.target
	END AS attainment,
	coalesce(ia.projects, 0) AS projects,
	CAST(coalesce(ia.n, 0) AS INTEGER) AS n,
	strftime(ia.last_period, '%Y-%m-%d') AS "asOf"
FROM indicators i
LEFT JOIN indicator_actuals ia USING (indicator_id)
LEFT JOIN indicator_targets t USING (indicator_id)
ORDER BY i.indicator_id`;
}

/** Attainment per indicator with status; thresholds may differ per indicator. */
export async function attainmentByIndicator(
	engine: Engine,
	thresholds: Record<string, Thresholds> = {}
): Promise<IndicatorAttainment[]> {
	const rows = toRows<Omit<IndicatorAttainment, 'status'>>(await engine.query(attainmentByIndicatorSql()));
	return rows.map((row) => ({
		...row,
		status: attainmentStatus(row.attainment, thresholds[row.indicatorId] ?? DEFAULT_THRESHOLDS)
	}));
}
