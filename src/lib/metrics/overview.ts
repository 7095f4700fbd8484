import type { Engine } from '../engine';
import { NO_FILTERS, type Filters } from './filters';
import { overviewOfSlice } from './slice';
import { derived, heldSlice } from './sources';

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
 * The overview tiles over the filtered selection, from the per-project actuals of the filters'
 * slice (see overviewOfSlice): projects with any actual row, and sums of values that are not
 * running totals. Participants use the ESF rule total = CO01 + CO03 + CO05; the indicator filter
 * does not apply (the tiles name their indicators).
 */
export async function programmeOverview(
	engine: Engine,
	filters: Filters = NO_FILTERS
): Promise<ProgrammeOverview> {
	const held = await heldSlice(engine, filters);
	return derived(held, JSON.stringify(['overview', filters]), () =>
		overviewOfSlice(held.slice, held.indicators, held.projects, filters)
	);
}
