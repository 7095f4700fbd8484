import type { Engine } from '../engine';
import { toRows } from '../engine/rows';
import { actualsWhere, allOf, NO_FILTERS, targetsWhere, type Filters } from './filters';
import { actualsTable } from './sources';

/** One reporting date of a trajectory. */
export interface TrajectoryPoint {
	/** Period end, ISO date. */
	date: string;
	/** Cumulative actual up to this date (for rates: the mean of this period). */
	actual: number | null;
	/** Planned cumulative value at this date (for rates: the target rate); null without a target. */
	plan: number | null;
	/** Values (rows) reported for this period. */
	n: number;
}

export interface Trajectory {
	indicatorId: string;
	/** 'mean' indicators (rates) are not cumulated: each point is the period's mean. */
	cumulative: boolean;
	points: TrajectoryPoint[];
	/** Last reported period end, ISO date: "today" of the data. */
	asOf: string | null;
	/** Plan value expected by the as-of date, and the actual then; null without a target. */
	expected: number | null;
	actualAtAsOf: number | null;
}

/** A cumulative plan point: the planned running total at the end of a day (ISO date). */
export interface PlanAnchor {
	date: string;
	value: number;
}

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/**
 * Planned running total at `date`, linear between anchors (DESIGN.md §5: "linear over the funding
 * period where only a total is given"): 0 before the first anchor, the last value after the last.
 */
export function planAt(anchors: PlanAnchor[], date: string): number | null {
	if (anchors.length === 0) return null;
	const sorted = [...anchors].sort((a, b) => day(a.date) - day(b.date));
	const d = day(date);
	if (d <= day(sorted[0]!.date)) return sorted[0]!.value;
	for (let i = 1; i < sorted.length; i++) {
		const [a, b] = [sorted[i - 1]!, sorted[i]!];
		if (d <= day(b.date)) {
			const span = day(b.date) - day(a.date);
			return span > 0 ? a.value + ((b.value - a.value) * (d - day(a.date))) / span : b.value;
		}
	}
	return sorted[sorted.length - 1]!.value;
}

interface TargetRow {
	scope: string;
	unit: string;
	start: string;
	end: string;
	value: number;
	kind: 'target' | 'milestone';
}

/**
 * Cumulative plan anchors per planning unit (programme, municipality or project — the broadest
 * scope that has a total target, as attainment picks it): the day before the target period starts
 * at 0, each milestone (a running total), and the total at the end.
 */
export function planAnchors(rows: TargetRow[]): PlanAnchor[][] {
	const scope = ['programme', 'municipality', 'project'].find((s) =>
		rows.some((r) => r.scope === s && r.kind === 'target')
	);
	if (!scope) return [];
	const units = new Map<string, PlanAnchor[]>();
	for (const r of rows.filter((r) => r.scope === scope && r.kind === 'target')) {
		const before = new Date((day(r.start) - 1) * DAY).toISOString().slice(0, 10);
		units.set(r.unit, [
			{ date: before, value: 0 },
			{ date: r.end, value: r.value }
		]);
	}
	for (const r of rows.filter((r) => r.scope === scope && r.kind === 'milestone')) {
		units.get(r.unit)?.push({ date: r.end, value: r.value });
	}
	return [...units.values()];
}

/**
 * SQL for the actual side of a trajectory: per period end, the period's sum (flows), running
 * totals carried forward per project (an ASOF join: a project's latest running total at or
 * before each date) and the period's mean (rates). Only the upper end of the period range
 * applies: cumulation always starts at the beginning. `actuals`: the table of actual rows (see
 * actualsTable).
 */
export function trajectorySql(indicatorId: string, filters: Filters, actuals = 'actuals') {
	const where = actualsWhere({ ...filters, periodFrom: null, indicators: [] }, 'a');
	const condition = allOf([
		where,
		{ sql: 'a.indicator_id = ? AND a.value IS NOT NULL', params: [indicatorId] }
	]);
	return {
		sql: `
WITH sel AS (
	SELECT a.project_id, a.period_end, a.value, coalesce(a.cumulative, false) AS cumulative FROM ${actuals} a WHERE ${condition.sql}
),
dates AS (SELECT DISTINCT period_end AS d FROM sel),
flow AS (
	SELECT period_end AS d, sum(value) FILTER (WHERE NOT cumulative) AS v, avg(value) AS m, count(*) AS n FROM sel GROUP BY 1
),
stock_rows AS (SELECT project_id, period_end, value FROM sel WHERE cumulative),
grid AS (SELECT d, project_id FROM dates, (SELECT DISTINCT project_id FROM stock_rows)),
stock AS (
	SELECT grid.d, sum(s.value) AS v FROM grid ASOF JOIN stock_rows s ON grid.project_id = s.project_id AND grid.d >= s.period_end GROUP BY 1
)
SELECT strftime(dates.d, '%Y-%m-%d') AS date,
	coalesce(sum(coalesce(flow.v, 0)) OVER (ORDER BY dates.d), 0) + coalesce(stock.v, 0) AS cumulative,
	flow.m AS mean,
	CAST(coalesce(flow.n, 0) AS INTEGER) AS n
FROM dates LEFT JOIN flow USING (d) LEFT JOIN stock USING (d)
ORDER BY dates.d`,
		params: condition.params
	};
}

/** Cumulative actual vs plan for one indicator, with what was expected by the as-of date. */
export async function trajectory(
	engine: Engine,
	indicatorId: string,
	filters: Filters = NO_FILTERS
): Promise<Trajectory> {
	const [meta] = toRows<{ aggregation: string }>(
		await engine.query('SELECT aggregation FROM indicators WHERE indicator_id = ?', [indicatorId])
	);
	const rate = meta?.aggregation === 'mean';
	const { sql, params } = trajectorySql(indicatorId, filters, await actualsTable(engine));
	const actualRows = toRows<{ date: string; cumulative: number; mean: number | null; n: number }>(
		await engine.query(sql, params)
	);
	const targets = targetsWhere(
		{ ...filters, periodFrom: null, periodTo: null, indicators: [indicatorId] },
		't'
	);
	const targetRows = toRows<TargetRow>(
		await engine.query(
			`SELECT t.scope, coalesce(t.scope_id, '') AS unit, strftime(t.period_start, '%Y-%m-%d') AS start,
				strftime(t.period_end, '%Y-%m-%d') AS "end", t.target_value AS value, t.target_type AS kind
			FROM targets t WHERE t.target_type IN ('target', 'milestone') AND ${targets.sql}`,
			targets.params
		)
	);
	const units = planAnchors(targetRows);
	const plan = (date: string) => {
		if (units.length === 0) return null;
		if (rate) {
			const totals = targetRows.filter((r) => r.kind === 'target');
			return totals.reduce((s, r) => s + r.value, 0) / totals.length;
		}
		return units.reduce((sum, anchors) => sum + (planAt(anchors, date) ?? 0), 0);
	};
	const points = actualRows
		.filter((r) => !filters.periodFrom || r.date >= filters.periodFrom)
		.map((r) => ({ date: r.date, actual: rate ? r.mean : r.cumulative, plan: plan(r.date), n: r.n }));
	const last = points.at(-1) ?? null;
	return {
		indicatorId,
		cumulative: !rate,
		points,
		asOf: last?.date ?? null,
		expected: last ? last.plan : null,
		actualAtAsOf: last ? last.actual : null
	};
}
