import type { Engine } from '../engine';
import { toRows } from '../engine/rows';
import {
	attainmentByIndicator,
	programmeOverview,
	type IndicatorAttainment,
	type ProgrammeOverview
} from '../metrics';
import { MIN_K, type CubeCell, type CubeMeta, type CubeView } from './schema';
import { suppress, type Margin } from './suppress';

/** Units whose values count persons or enterprises: the value itself is the cell's n. */
const COUNTED_UNITS = ['Personen', 'Unternehmen'];

export interface CubeOptions {
	views: CubeView[];
	k: number;
	title: string;
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

/** SQL: participants per session × role. Person-level rows (participants = 1 each) sum the same way. */
export function participationCubeSql(): string {
	return `
SELECT p.session_id AS "sessionId", any_value(s.title) AS title, strftime(any_value(s.date), '%Y-%m-%d') AS date,
	coalesce(p.role, '–') AS role, CAST(coalesce(sum(p.participants), 0) AS DOUBLE) AS participants
FROM participation p LEFT JOIN sessions s USING (session_id)
GROUP BY p.session_id, coalesce(p.role, '–')
ORDER BY min(s.date), p.session_id, role`;
}

/** SQL: answer counts per question; respondent_ref and comment are never selected. */
export function feedbackCubeSql(): string {
	return `
SELECT f.session_id AS "sessionId", any_value(s.title) AS "sessionTitle", f.question_id AS "questionId",
	any_value(f.question_text) AS "questionText", f.answer, CAST(count(*) AS DOUBLE) AS answers,
	min(f.scale_min) AS "scaleMin", max(f.scale_max) AS "scaleMax", bool_and(coalesce(f.higher_is_better, true)) AS "higherIsBetter"
FROM feedback f LEFT JOIN sessions s USING (session_id)
WHERE f.answer IS NOT NULL
GROUP BY f.session_id, f.question_id, f.answer
ORDER BY f.session_id, f.question_id, f.answer`;
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
		return reason ? { ...c, value: null, target: null, ratio: null, n: null, suppressed: reason } : c;
	});
}

/** The unsuppressed cells of the chosen views; never leaves the browser as such. */
export async function collectCells(engine: Engine, views: CubeView[]): Promise<CubeCell[]> {
	const chosen = new Set(views);
	const cells: CubeCell[] = [];
	if (chosen.has('overview')) cells.push(...overviewCells(await programmeOverview(engine)));
	if (chosen.has('attainment-by-indicator'))
		cells.push(...attainmentCells(await attainmentByIndicator(engine)));
	if (chosen.has('participation'))
		cells.push(...participationCells(toRows<ParticipationRow>(await engine.query(participationCubeSql()))));
	if (chosen.has('feedback'))
		cells.push(...feedbackCells(toRows<FeedbackRow>(await engine.query(feedbackCubeSql()))));
	return cells;
}

/** Builds the suppressed cube for the chosen views from the analyst's data, in the browser. */
export async function buildCube(engine: Engine, options: CubeOptions): Promise<Cube> {
	const k = Math.max(MIN_K, Math.floor(options.k));
	const views = [...new Set(options.views)];
	const { asOf } = await programmeOverview(engine);
	return {
		meta: { title: options.title.trim().slice(0, 200), k, views, asOf },
		cells: suppressCells(await collectCells(engine, views), k)
	};
}
