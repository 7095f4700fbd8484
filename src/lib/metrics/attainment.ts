import type { Engine } from '../engine';
import { toRows } from '../engine/rows';
import { hasBreakdownFilter, NO_FILTERS, type Filters } from './filters';
import { attainmentOfSlice, withGroup, type ProjectActual } from './slice';
import { derived, factsOf, sliceOf, type HeldFacts } from './sources';
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
	/** What the target is (see pickedTargets in slice.ts); null without one, absent in a published cube. */
	basis?: TargetBasis | null;
	/** Under a gender or age-group filter: the group's actuals; the other fields are the total's. */
	group?: GroupActual;
}

/**
 * What a target compares with: the targets of the period (or of the range's period), a milestone
 * due at the range's end (against the running total up to it), or targets pro-rated to the range.
 */
export type TargetBasis = 'period' | 'milestone' | 'prorated';

/** The actuals of a gender or age group beside the total's attainment (see withGroup in slice.ts). */
export interface GroupActual {
	actual: number | null;
	/** actual / the total's actual; null for rates or without a positive total. */
	share: number | null;
	n: number;
	projects: number;
	derived: number;
}

/** Goal attainment of one indicator over the whole selection. */
export interface IndicatorAttainment extends Omit<Attainment, 'key' | 'label'> {
	name: string;
	unit: string | null;
	esfCode: string | null;
}

/** A row of attainmentOfSlice (slice.ts), before the status is judged. */
export type AttainmentRow = Omit<Attainment, 'status'> & {
	name: string;
	unit: string | null;
	esfCode: string | null;
};

/** An attainment row grouped by indicator, with its status (thresholds per indicator). */
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
		derived,
		basis,
		group
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
		derived,
		basis,
		...(group ? { group } : {})
	};
}

/** An attainment row grouped by project, municipality or Land, with its status. */
export function groupAttainment(
	{
		key,
		label,
		indicatorId,
		actual,
		target,
		attainment,
		projects,
		n,
		asOf,
		since,
		derived,
		basis,
		group
	}: AttainmentRow,
	thresholds: Record<string, Thresholds> = {}
): Attainment {
	const status = attainmentStatus(attainment, thresholdsFor(indicatorId, thresholds));
	return {
		key,
		label,
		indicatorId,
		actual,
		target,
		attainment,
		status,
		projects,
		n,
		asOf,
		since,
		derived,
		basis,
		...(group ? { group } : {})
	};
}

/** The slices of per-project actuals attainment reads for one filter state. */
interface AttainmentInputs {
	facts: HeldFacts;
	/** The filters' slice. */
	slice: ProjectActual[];
	/** The same without the gender and age-group filter (the slice itself without one). */
	total: ProjectActual[];
	/** The total's slice from the beginning up to the range's end (milestones compare with it). */
	cumulative: ProjectActual[];
}

async function attainmentInputs(engine: Engine, filters: Filters): Promise<AttainmentInputs> {
	const facts = await factsOf(engine);
	const totals = { ...filters, gender: null, ageGroup: null };
	const breakdown = hasBreakdownFilter(filters);
	const running = filters.periodFrom !== null && filters.periodTo !== null;
	const [slice, total, cumulative] = await Promise.all([
		sliceOf(engine, filters, facts),
		breakdown ? sliceOf(engine, totals, facts) : null,
		running ? sliceOf(engine, { ...totals, periodFrom: null }, facts) : null
	]);
	return { facts, slice, total: total ?? slice, cumulative: cumulative ?? total ?? slice };
}

/**
 * Attainment rows of the filters (see attainmentOfSlice for the rules); under a gender or
 * age-group filter the total's, with the group's actuals beside them (withGroup).
 */
function attainmentRows(
	inputs: AttainmentInputs,
	filters: Filters,
	by: AttainmentDimension
): AttainmentRow[] {
	const { facts, slice, total, cumulative } = inputs;
	return derived({ ...facts, slice }, JSON.stringify(['attainment', by, filters]), () => {
		const totals = { ...filters, gender: null, ageGroup: null };
		const rows = attainmentOfSlice(total, facts.targets, facts.indicators, totals, by, cumulative);
		if (!hasBreakdownFilter(filters)) return rows;
		const group = attainmentOfSlice(slice, facts.targets, facts.indicators, filters, by);
		return withGroup(rows, group, facts.indicators);
	});
}

async function queryAttainment(engine: Engine, filters: Filters, by: AttainmentDimension) {
	return attainmentRows(await attainmentInputs(engine, filters), filters, by);
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

const OWN_FILTER = { state: 'states', municipality: 'municipalities', project: 'projects' } as const;

/** A ranking's filters: the page's for one indicator, without its own place filter (every bar stays). */
export function rankingFilters(filters: Filters, by: RankedDimension, indicatorId: string): Filters {
	return { ...filters, [OWN_FILTER[by]]: [], indicators: [indicatorId] };
}

/** Attainment of one indicator per Land, municipality and project (each with rankingFilters). */
export async function attainmentRankings(
	engine: Engine,
	filters: Filters,
	indicatorId: string
): Promise<Record<RankedDimension, Attainment[]>> {
	const inputs = await attainmentInputs(engine, filters);
	const rank = (by: RankedDimension) =>
		attainmentRows(inputs, rankingFilters(filters, by, indicatorId), by).map((row) => groupAttainment(row));
	const [state, municipality, project] = [rank('state'), rank('municipality'), rank('project')];
	return { state, municipality, project };
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
