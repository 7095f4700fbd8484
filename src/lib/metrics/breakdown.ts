import type { Engine } from '../engine';
import { toRows } from '../engine/rows';
import { actualsScope, NO_FILTERS, type Filters } from './filters';
import { actualsTable } from './sources';

export type BreakdownDimension = 'gender' | 'age_group';

/** Actual of one indicator for one gender or age group, with its share of the total. */
export interface BreakdownRow {
	indicatorId: string;
	dimension: BreakdownDimension;
	/** Code ('w', 'm', 'd', '<25', '25-54', '>54'); null = not stated (total minus the parts). */
	value: string | null;
	actual: number | null;
	/** actual / total of the same indicator; null when the total is not positive. */
	share: number | null;
	n: number;
}

const ORDER = ['w', 'm', 'd', '<25', '25-54', '>54'];

/**
 * SQL for the breakdown by gender and by age group. The sample's breakdowns are marginal: gender
 * rows have no age group and vice versa, and only those rows are summed per dimension. Values are
 * aggregated per project first as attainment does (sum; mean for rates; latest running total).
 * The chart's own filters (gender, age group) are not applied so every group stays visible.
 * `actuals`: the table of actual rows (see actualsTable).
 */
export function breakdownSql(filters: Filters, actuals = 'actuals') {
	const scope = actualsScope(filters, 'a');
	return {
		sql: `
WITH rows AS (
	SELECT a.indicator_id, a.project_id, a.period_end, a.value, coalesce(a.cumulative, false) AS cumulative, i.aggregation,
		CASE WHEN a.gender IS NOT NULL AND a.age_group IS NULL THEN 'gender'
			WHEN a.age_group IS NOT NULL AND a.gender IS NULL THEN 'age_group'
			WHEN a.gender IS NULL AND a.age_group IS NULL THEN 'total' END AS dimension,
		coalesce(a.gender, a.age_group) AS code
	FROM ${actuals} a JOIN indicators i USING (indicator_id)
	WHERE ${scope.sql}
),
per_project AS (
	SELECT indicator_id, dimension, code, project_id, any_value(aggregation) AS aggregation,
		CASE
			WHEN any_value(aggregation) = 'mean' THEN avg(value)
			WHEN any_value(aggregation) = 'last' OR bool_or(cumulative) THEN arg_max(value, period_end) FILTER (WHERE value IS NOT NULL)
			ELSE sum(value)
		END AS actual,
		count(value) AS n
	FROM rows WHERE dimension IS NOT NULL GROUP BY 1, 2, 3, 4
)
SELECT indicator_id AS "indicatorId", dimension, code AS value,
	CASE WHEN any_value(aggregation) = 'mean' THEN avg(actual) ELSE sum(actual) END AS actual,
	CAST(sum(n) AS INTEGER) AS n,
	any_value(aggregation) AS aggregation
FROM per_project GROUP BY 1, 2, 3`,
		params: scope.params
	};
}

/**
 * Breakdown per indicator by gender and by age group, in a fixed order, with a "not stated" row
 * where the parts add up to less than the total (never negative, never for rates).
 */
export async function breakdown(engine: Engine, filters: Filters = NO_FILTERS): Promise<BreakdownRow[]> {
	const { sql, params } = breakdownSql(filters, await actualsTable(engine));
	const rows = toRows<{
		indicatorId: string;
		dimension: BreakdownDimension | 'total';
		value: string | null;
		actual: number | null;
		n: number;
		aggregation: string;
	}>(await engine.query(sql, params));
	const out: BreakdownRow[] = [];
	for (const indicatorId of [...new Set(rows.map((r) => r.indicatorId))].sort()) {
		const total = rows.find((r) => r.indicatorId === indicatorId && r.dimension === 'total')?.actual ?? null;
		const rate = rows.some((r) => r.indicatorId === indicatorId && r.aggregation === 'mean');
		const share = (v: number | null) =>
			rate || v === null || total === null || total <= 0 ? null : v / total;
		for (const dimension of ['gender', 'age_group'] as const) {
			const parts = rows
				.filter((r) => r.indicatorId === indicatorId && r.dimension === dimension)
				.sort((a, b) => ORDER.indexOf(a.value ?? '') - ORDER.indexOf(b.value ?? ''));
			if (parts.length === 0) continue;
			for (const p of parts)
				out.push({
					indicatorId,
					dimension,
					value: p.value,
					actual: p.actual,
					share: share(p.actual),
					n: p.n
				});
			const sum = parts.reduce((s, p) => s + (p.actual ?? 0), 0);
			if (!rate && total !== null && total - sum > 1e-9)
				out.push({
					indicatorId,
					dimension,
					value: null,
					actual: total - sum,
					share: share(total - sum),
					n: 0
				});
		}
	}
	return out;
}
