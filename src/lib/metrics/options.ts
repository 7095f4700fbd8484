import type { Engine } from '../engine';
import { toRows } from '../engine/rows';

/** The values a filter bar offers, from the loaded data. */
export interface FilterOptions {
	states: string[];
	municipalities: { municipality: string; state: string | null }[];
	projects: { projectId: string; name: string; municipality: string | null }[];
	indicators: { indicatorId: string; name: string; esfCode: string | null }[];
	/** Reporting period starts and ends (ISO dates), for the period range. */
	periodStarts: string[];
	periodEnds: string[];
}

/** Reads the filter choices; small queries over dimension tables and the distinct periods. */
export async function filterOptions(engine: Engine): Promise<FilterOptions> {
	const list = async <T>(sql: string) => toRows<T>(await engine.query(sql));
	const [states, municipalities, projects, indicators, periods] = await Promise.all([
		list<{ state: string }>('SELECT DISTINCT state FROM projects WHERE state IS NOT NULL ORDER BY state'),
		list<{ municipality: string; state: string | null }>(
			'SELECT municipality, any_value(state) AS state FROM projects WHERE municipality IS NOT NULL GROUP BY municipality ORDER BY municipality'
		),
		list<FilterOptions['projects'][number]>(
			'SELECT project_id AS "projectId", name, municipality FROM projects ORDER BY project_id'
		),
		list<FilterOptions['indicators'][number]>(
			'SELECT indicator_id AS "indicatorId", name, esf_code AS "esfCode" FROM indicators ORDER BY esf_code IS NULL, esf_code, indicator_id'
		),
		list<{ kind: string; d: string }>(
			`SELECT 'start' AS kind, strftime(d, '%Y-%m-%d') AS d FROM (SELECT DISTINCT period_start AS d FROM actuals)
			UNION ALL SELECT 'end', strftime(d, '%Y-%m-%d') FROM (SELECT DISTINCT period_end AS d FROM actuals)
			ORDER BY 2`
		)
	]);
	return {
		states: states.map((s) => s.state),
		municipalities,
		projects,
		indicators,
		periodStarts: periods.filter((p) => p.kind === 'start').map((p) => p.d),
		periodEnds: periods.filter((p) => p.kind === 'end').map((p) => p.d)
	};
}

/** One project with its place and duration, for the project page. */
export async function projectInfo(
	engine: Engine,
	projectId: string
): Promise<{
	projectId: string;
	name: string;
	municipality: string | null;
	state: string | null;
	neighbourhood: string | null;
	start: string | null;
	end: string | null;
} | null> {
	const [row] = toRows<NonNullable<Awaited<ReturnType<typeof projectInfo>>>>(
		await engine.query(
			`SELECT project_id AS "projectId", name, municipality, state, neighbourhood,
				strftime(start_date, '%Y-%m-%d') AS start, strftime(end_date, '%Y-%m-%d') AS "end"
			FROM projects WHERE project_id = ?`,
			[projectId]
		)
	);
	return row ?? null;
}
