import type { Engine } from '../engine';
import { toRows } from '../engine/rows';
import {
	actualsWhere,
	attainmentByIndicator,
	NO_FILTERS,
	participationWhere,
	programmeOverview,
	type Filters,
	type IndicatorAttainment,
	type ProgrammeOverview,
	type SqlCondition
} from '../metrics';
import { MIN_K, type CubeCell, type CubeFilters, type CubeMeta, type CubeView } from './schema';
import { checkCube } from './rules';
import { suppress, type Margin } from './suppress';

/** Units whose values count persons or enterprises: the value itself is the cell's n. */
const COUNTED_UNITS = ['Personen', 'Unternehmen'];

export interface CubeOptions {
	views: CubeView[];
	k: number;
	title: string;
	/** The dashboard filters to publish for (see publishFilters); none = the whole programme. */
	filters?: Filters;
}

/**
 * The filters a cube can be built for: period, Land, municipality, project and indicator. Gender
 * and age group are dropped: they select breakdown rows that have no targets, and events and
 * feedback have no such breakdown, so a published view would mix filtered and unfiltered parts.
 */
export function publishFilters(filters: Filters): Filters {
	return { ...filters, gender: null, ageGroup: null };
}

/** Whether any filter a cube is built for is set. */
export function hasPublishFilter(filters: Filters): boolean {
	const f = publishFilters(filters);
	return (
		f.periodFrom !== null ||
		f.periodTo !== null ||
		f.states.length + f.municipalities.length + f.projects.length + f.indicators.length > 0
	);
}

/**
 * Which filters reach which view, as the dashboard applies them: overview and attainment take all;
 * events are not tied to projects or indicators (participation: period and place only), feedback
 * sheets carry no place (period only).
 */
export function viewFilters(view: CubeView, filters: Filters): Filters {
	const f = publishFilters(filters);
	if (view === 'participation')
		return {
			...NO_FILTERS,
			periodFrom: f.periodFrom,
			periodTo: f.periodTo,
			states: f.states,
			municipalities: f.municipalities
		};
	if (view === 'feedback') return { ...NO_FILTERS, periodFrom: f.periodFrom, periodTo: f.periodTo };
	return f;
}

/** What the publisher previews and sends: cells (suppressed ones emptied) and the metadata. */
export interface Cube {
	meta: CubeMeta;
	cells: CubeCell[];
}

/** Participants per session and role, summed over municipalities and chat groups. */
export interface ParticipationRow {
	sessionId: string;
	title: string | null;
	date: string | null;
	role: string;
	participants: number;
}

/** Answers per question and answer value. */
export interface FeedbackRow {
	sessionId: string;
	sessionTitle: string | null;
	questionId: string;
	questionText: string | null;
	answer: number;
	answers: number;
	scaleMin: number;
	scaleMax: number;
	higherIsBetter: boolean;
}

/**
 * SQL: participants per session × role, for the period and place filters (participationWhere).
 * Person-level rows (participants = 1 each) sum the same way.
 */
export function participationCubeSql(filters: Filters = NO_FILTERS): SqlCondition {
	const where = participationWhere(viewFilters('participation', filters), null);
	return {
		sql: `
SELECT pt.session_id AS "sessionId", any_value(s.title) AS title, strftime(any_value(s.date), '%Y-%m-%d') AS date,
	coalesce(pt.role, '–') AS role, CAST(coalesce(sum(pt.participants), 0) AS DOUBLE) AS participants
FROM participation pt LEFT JOIN sessions s USING (session_id)
WHERE ${where.sql}
GROUP BY pt.session_id, coalesce(pt.role, '–')
ORDER BY min(s.date), pt.session_id, role`,
		params: where.params
	};
}

/** SQL: answer counts per question in the period; respondent_ref and comment are never selected. */
export function feedbackCubeSql(filters: Filters = NO_FILTERS): SqlCondition {
	const where = participationWhere(viewFilters('feedback', filters), null);
	return {
		sql: `
SELECT f.session_id AS "sessionId", any_value(s.title) AS "sessionTitle", f.question_id AS "questionId",
	any_value(f.question_text) AS "questionText", f.answer, CAST(count(*) AS DOUBLE) AS answers,
	min(f.scale_min) AS "scaleMin", max(f.scale_max) AS "scaleMax", bool_and(coalesce(f.higher_is_better, true)) AS "higherIsBetter"
FROM feedback f LEFT JOIN sessions s USING (session_id)
WHERE f.answer IS NOT NULL AND ${where.sql}
GROUP BY f.session_id, f.question_id, f.answer
ORDER BY f.session_id, f.question_id, f.answer`,
		params: where.params
	};
}

const blank = (view: CubeView, dim1: string, dim2: string | null = null): CubeCell => ({
	view,
	dim1,
	dim2,
	label1: null,
	label2: null,
	unit: null,
	code: null,
	value: null,
	target: null,
	ratio: null,
	n: null,
	projects: null,
	as_of: null,
	suppressed: null
});

/** A cell's id for suppression: unique within a cube. */
export const cellId = (c: Pick<CubeCell, 'view' | 'dim1' | 'dim2'>) => `${c.view}|${c.dim1}|${c.dim2 ?? ''}`;

/** Overview figures; participants and enterprises are totals of attainment cells (see margins). */
export function overviewCells(o: ProgrammeOverview): CubeCell[] {
	const figures = ['projects', 'municipalities', 'states', 'participants', 'enterprises'] as const;
	return figures.map((f) => ({ ...blank('overview', f), value: o[f], n: o[f] ?? 0, as_of: o.asOf }));
}

/** Attainment cells: n is the count itself for persons/enterprises, otherwise the reporting projects. */
export function attainmentCells(rows: IndicatorAttainment[]): CubeCell[] {
	return rows.map((r) => ({
		...blank('attainment-by-indicator', r.indicatorId),
		label1: r.name,
		unit: r.unit,
		code: r.esfCode,
		value: r.actual,
		target: r.target,
		ratio: r.attainment,
		n: r.unit && COUNTED_UNITS.includes(r.unit) ? Math.round(r.actual ?? 0) : r.projects,
		projects: r.projects,
		as_of: r.asOf
	}));
}

/** Participation cells: one per session and role plus the session total (dim2 null). */
export function participationCells(rows: ParticipationRow[]): CubeCell[] {
	const cells: CubeCell[] = [];
	const sessions = [...new Set(rows.map((r) => r.sessionId))];
	for (const session of sessions) {
		const parts = rows.filter((r) => r.sessionId === session);
		const label = { label1: parts[0]!.title, as_of: parts[0]!.date };
		const total = parts.reduce((sum, r) => sum + r.participants, 0);
		cells.push({ ...blank('participation', session), ...label, value: total, n: total });
		for (const r of parts)
			cells.push({
				...blank('participation', session, r.role),
				...label,
				value: r.participants,
				n: r.participants
			});
	}
	return cells;
}

/** Feedback cells: every answer of the scale per question (zeros included) plus the question total. */
export function feedbackCells(rows: FeedbackRow[]): CubeCell[] {
	const cells: CubeCell[] = [];
	const questions = [...new Set(rows.map((r) => `${r.sessionId}/${r.questionId}`))];
	for (const question of questions) {
		const answers = rows.filter((r) => `${r.sessionId}/${r.questionId}` === question);
		const first = answers[0]!;
		const scaleMin = Math.min(first.scaleMin, ...answers.map((a) => a.answer));
		const scaleMax = Math.max(first.scaleMax, ...answers.map((a) => a.answer));
		const shared = {
			label1: first.questionText,
			label2: first.sessionTitle,
			unit: `${scaleMin}–${scaleMax}`,
			code: first.higherIsBetter ? 'up' : 'down'
		};
		const total = answers.reduce((sum, a) => sum + a.answers, 0);
		cells.push({ ...blank('feedback', question), ...shared, value: total, n: total });
		for (let answer = scaleMin; answer <= scaleMax; answer++) {
			const count = answers.find((a) => a.answer === answer)?.answers ?? 0;
			cells.push({ ...blank('feedback', question, String(answer)), ...shared, value: count, n: count });
		}
	}
	return cells;
}

/** Additive relations a reader could use to recompute a hidden cell. */
export function cubeMargins(cells: CubeCell[]): Margin[] {
	const margins: Margin[] = [];
	for (const view of ['participation', 'feedback'] as const) {
		for (const total of cells.filter((c) => c.view === view && c.dim2 === null)) {
			const parts = cells.filter((c) => c.view === view && c.dim1 === total.dim1 && c.dim2 !== null);
			margins.push({ total: cellId(total), parts: parts.map(cellId) });
		}
	}
	// The overview's participants are CO01 + CO03 + CO05, its enterprises are CO23.
	const byCode = (codes: string[]) =>
		cells.filter((c) => c.view === 'attainment-by-indicator' && codes.includes(c.code ?? '')).map(cellId);
	const overview = (figure: string) => cellId({ view: 'overview', dim1: figure, dim2: null });
	margins.push({ total: overview('participants'), parts: byCode(['CO01', 'CO03', 'CO05']) });
	margins.push({ total: overview('enterprises'), parts: byCode(['CO23']) });
	return margins.filter((m) => m.parts.length > 0);
}

/**
 * Applies small-cell suppression to cells: hidden cells lose value, target, ratio and n; the
 * reason is kept so the preview and the stakeholder view can say why a figure is missing.
 */
export function suppressCells(cells: CubeCell[], k: number): CubeCell[] {
	const hidden = suppress(
		cells.map((c) => ({ id: cellId(c), n: c.n ?? 0 })),
		cubeMargins(cells),
		k
	);
	return cells.map((c) => {
		const reason = hidden.get(cellId(c));
		if (reason)
			return { ...c, value: null, target: null, ratio: null, n: null, projects: null, suppressed: reason };
		// A project count is a count too: under k it is not published, whatever the cell's own n.
		return c.projects !== null && c.projects > 0 && c.projects < k ? { ...c, projects: null } : c;
	});
}

/** The unsuppressed cells of the chosen views for the filters; never leaves the browser as such. */
export async function collectCells(
	engine: Engine,
	views: CubeView[],
	filters: Filters = NO_FILTERS
): Promise<CubeCell[]> {
	const chosen = new Set(views);
	const cells: CubeCell[] = [];
	const rows = async <T>({ sql, params }: SqlCondition) => toRows<T>(await engine.query(sql, params));
	if (chosen.has('overview'))
		cells.push(...overviewCells(await programmeOverview(engine, viewFilters('overview', filters))));
	if (chosen.has('attainment-by-indicator'))
		cells.push(
			...attainmentCells(await attainmentByIndicator(engine, viewFilters('attainment-by-indicator', filters)))
		);
	if (chosen.has('participation'))
		cells.push(...participationCells(await rows<ParticipationRow>(participationCubeSql(filters))));
	if (chosen.has('feedback')) cells.push(...feedbackCells(await rows<FeedbackRow>(feedbackCubeSql(filters))));
	return cells;
}

/** The published filters with the names of the chosen projects and indicators, for the stakeholder. */
export async function cubeFilters(engine: Engine, filters: Filters): Promise<CubeFilters> {
	const f = publishFilters(filters);
	const named = async (table: 'projects' | 'indicators', ids: string[]) => {
		if (ids.length === 0) return [];
		const id = table === 'projects' ? 'project_id' : 'indicator_id';
		const name = table === 'projects' ? 'name' : "concat_ws(' · ', esf_code, name)";
		const found = toRows<{ id: string; name: string | null }>(
			await engine.query(
				`SELECT ${id} AS id, ${name} AS name FROM ${table} WHERE ${id} IN (${ids.map(() => '?').join(', ')})`,
				ids
			)
		);
		return ids.map((v) => ({ id: v, name: found.find((r) => r.id === v)?.name || v }));
	};
	return {
		periodFrom: f.periodFrom,
		periodTo: f.periodTo,
		states: f.states,
		municipalities: f.municipalities,
		projects: await named('projects', f.projects),
		indicators: await named('indicators', f.indicators)
	};
}

/** The first reported period start of the filtered data: the "Zeitraum" the stakeholder reads. */
async function firstPeriod(engine: Engine, filters: Filters): Promise<string | null> {
	const where = actualsWhere(filters, 'a');
	const [row] = toRows<{ since: string | null }>(
		await engine.query(
			`SELECT strftime(min(a.period_start), '%Y-%m-%d') AS since FROM actuals a WHERE a.value IS NOT NULL AND ${where.sql}`,
			where.params
		)
	);
	return row?.since ?? null;
}

/** Builds the suppressed cube for the chosen views and filters from the analyst's data, in the browser. */
export async function buildCube(engine: Engine, options: CubeOptions): Promise<Cube> {
	const k = Math.max(MIN_K, Math.floor(options.k));
	const views = [...new Set(options.views)];
	const filters = publishFilters(options.filters ?? NO_FILTERS);
	const { asOf } = await programmeOverview(engine, filters);
	const since = await firstPeriod(engine, filters);
	const meta: CubeMeta = { title: options.title.trim().slice(0, 200), k, views, asOf, since };
	if (hasPublishFilter(filters)) meta.filters = await cubeFilters(engine, filters);
	const cells = suppressCells(await collectCells(engine, views, filters), k);
	// The rules the server applies, checked here first: a cube the server would refuse is never sent.
	checkCube(meta, cells);
	return { meta, cells };
}
