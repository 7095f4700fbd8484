import type { Engine } from '../engine';
import { toRows } from '../engine/rows';

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

/** SQL for the overview tiles. Participants use the ESF rule total = CO01 + CO03 + CO05. */
export function programmeOverviewSql(): string {
	return `
SELECT
	(SELECT count(*) FROM projects) AS projects,
	(SELECT count(DISTINCT municipality) FROM projects) AS municipalities,
	(SELECT count(DISTINCT state) FROM projects) AS states,
	(SELECT sum(a.value) FROM actuals a JOIN indicators i USING (indicator_id)
		WHERE a.gender IS NULL AND a.age_group IS NULL AND NOT a.cumulative AND i.esf_code IN ('CO01', 'CO03', 'CO05')) AS participants,
	(SELECT sum(a.value) FROM actuals a JOIN indicators i USING (indicator_id)
		WHERE a.gender IS NULL AND a.age_group IS NULL AND NOT a.cumulative AND i.esf_code = 'CO23') AS enterprises,
	(SELECT strftime(max(period_end), '%Y-%m-%d') FROM actuals WHERE value IS NOT NULL) AS "asOf"`;
}

export async function programmeOverview(engine: Engine): Promise<ProgrammeOverview> {
	const [row] = toRows<ProgrammeOverview>(await engine.query(programmeOverviewSql()));
	return row!;
}
