import type { Engine } from '../engine';
import { toRows } from '../engine/rows';
import { NO_FILTERS, type Filters } from './filters';
import { participationWhere } from './participation';

/** Answers to one feedback question of one session. */
export interface QuestionFeedback {
	sessionId: string;
	questionId: string;
	question: string;
	scaleMin: number;
	scaleMax: number;
	higherIsBetter: boolean;
	/** Count per answer value, scaleMin..scaleMax in order (zeros included). */
	distribution: number[];
	/** Answers inside the scale; answers outside it are not counted. */
	n: number;
	/** Mean answer on the question's own scale; null when n = 0. */
	mean: number | null;
	/**
	 * Share of answers in the two best categories: the two highest values, or the two lowest where
	 * lower is better (school grades, "1 = trifft voll zu"); null when n = 0.
	 */
	topTwoBox: number | null;
}

/** The best two answer values of a scale, for top-2-box. */
export function topTwoValues(scaleMin: number, scaleMax: number, higherIsBetter: boolean): [number, number] {
	return higherIsBetter ? [scaleMax, scaleMax - 1] : [scaleMin, scaleMin + 1];
}

/**
 * Distribution, mean, top-2-box share and n per question (DESIGN.md §5), for the sessions of an
 * event inside the period range. Free-text comments and sheet numbers are never read here.
 */
export async function feedbackByQuestion(
	engine: Engine,
	filters: Filters = NO_FILTERS,
	event: string | null = null
): Promise<QuestionFeedback[]> {
	// Feedback has no municipality: only the event and the period apply.
	const where = participationWhere(
		{ ...NO_FILTERS, periodFrom: filters.periodFrom, periodTo: filters.periodTo },
		event
	);
	const rows = toRows<{
		sessionId: string;
		questionId: string;
		question: string;
		scaleMin: number;
		scaleMax: number;
		higherIsBetter: boolean;
		answer: number;
		count: number;
	}>(
		await engine.query(
			`SELECT f.session_id AS "sessionId", f.question_id AS "questionId",
				coalesce(any_value(f.question_text), f.question_id) AS question,
				f.scale_min AS "scaleMin", f.scale_max AS "scaleMax", coalesce(f.higher_is_better, true) AS "higherIsBetter",
				f.answer, CAST(count(*) AS INTEGER) AS count
			FROM feedback f JOIN sessions s USING (session_id)
			WHERE f.answer BETWEEN f.scale_min AND f.scale_max AND ${where.sql}
			GROUP BY f.session_id, f.question_id, f.scale_min, f.scale_max, coalesce(f.higher_is_better, true), f.answer
			ORDER BY min(s.date), f.session_id, f.question_id, f.answer`,
			where.params
		)
	);
	return summariseFeedback(rows);
}

/** Folds answer counts into one summary per question (pure, so it is tested on its own). */
export function summariseFeedback(
	rows: {
		sessionId: string;
		questionId: string;
		question: string;
		scaleMin: number;
		scaleMax: number;
		higherIsBetter: boolean;
		answer: number;
		count: number;
	}[]
): QuestionFeedback[] {
	const out = new Map<string, QuestionFeedback>();
	for (const r of rows) {
		const key = `${r.sessionId}\u0000${r.questionId}\u0000${r.scaleMin}\u0000${r.scaleMax}\u0000${r.higherIsBetter}`;
		let q = out.get(key);
		if (!q) {
			q = {
				sessionId: r.sessionId,
				questionId: r.questionId,
				question: r.question,
				scaleMin: r.scaleMin,
				scaleMax: r.scaleMax,
				higherIsBetter: r.higherIsBetter,
				distribution: Array.from({ length: Math.max(0, r.scaleMax - r.scaleMin + 1) }, () => 0),
				n: 0,
				mean: null,
				topTwoBox: null
			};
			out.set(key, q);
		}
		const index = r.answer - r.scaleMin;
		if (index < 0 || index >= q.distribution.length) continue;
		q.distribution[index]! += r.count;
		q.n += r.count;
	}
	for (const q of out.values()) {
		if (q.n === 0) continue;
		const top = topTwoValues(q.scaleMin, q.scaleMax, q.higherIsBetter);
		q.mean = q.distribution.reduce((s, c, i) => s + c * (q.scaleMin + i), 0) / q.n;
		q.topTwoBox = q.distribution.reduce((s, c, i) => s + (top.includes(q.scaleMin + i) ? c : 0), 0) / q.n;
	}
	return [...out.values()];
}
