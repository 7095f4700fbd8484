import type {
	BreakdownData,
	MatrixData,
	RankingData,
	RetentionData,
	TrajectoryData
} from '../../charts/types';
import type {
	GroupParticipation,
	IndicatorAttainment,
	QuestionFeedback,
	SessionParticipation
} from '../../metrics';
import { attainmentCells, feedbackCells, participationCells, suppressCells } from '../../share/cube';
import { suppress, type CountCell, type Margin } from '../../share/suppress';
import type { ViewId } from '../../views';

/**
 * Units whose count is the number of people (or enterprises) itself; for other indicators the
 * units behind a value are the reporting projects — the rule the published cube follows (share/cube).
 */
const COUNTED_UNITS = ['Personen', 'Unternehmen'];

const units = (unit: string | null | undefined, actual: number | null, reporting: number) =>
	unit && COUNTED_UNITS.includes(unit) ? Math.round(actual ?? 0) : reporting;

const hiddenIds = (cells: CountCell[], margins: Margin[], k: number) =>
	new Set(suppress(cells, margins, k).keys());

/**
 * Which values of a view's data a file leaving the browser must not show: small-cell suppression
 * with k and secondary suppression, exactly as a published share applies it (share/suppress), over
 * the cells the slide shows and the sums a reader could recompute them from. Returns the keys the
 * slide mappers (spec.ts) check: indicator ids, ranking keys, `session|role`, `session/question|answer`, ….
 */
export function hiddenKeys(viewId: ViewId, data: unknown, k: number): Set<string> {
	switch (viewId) {
		case 'attainment-by-indicator': {
			const cells = suppressCells(attainmentCells(data as IndicatorAttainment[]), k);
			return new Set(cells.filter((c) => c.suppressed).map((c) => c.dim1));
		}
		case 'status-distribution':
			// Counts of indicators per status: no person behind a cell, nothing to hide.
			return new Set();
		case 'attainment-by-municipality':
		case 'attainment-by-state':
		case 'attainment-by-project': {
			const { rows, indicator } = data as RankingData;
			return hiddenIds(
				rows.map((r) => ({ id: r.key, n: units(indicator?.unit, r.actual, r.projects) })),
				[],
				k
			);
		}
		case 'trajectory': {
			const { trajectory, indicator } = data as TrajectoryData;
			return hiddenIds(
				(trajectory?.points ?? []).map((p) => ({ id: p.date, n: units(indicator?.unit, p.actual, p.n) })),
				[],
				k
			);
		}
		case 'breakdown': {
			const { rows, indicator } = data as BreakdownData;
			const id = (r: { dimension: string; value: string | null }) => `${r.dimension}:${r.value ?? ''}`;
			const cells: CountCell[] = rows.map((r) => ({ id: id(r), n: units(indicator?.unit, r.actual, r.n) }));
			const margins: Margin[] = [];
			// Each dimension's parts (with "not stated") add up to the indicator's total, which the shares reveal.
			for (const dimension of new Set(rows.map((r) => r.dimension))) {
				const parts = rows.filter((r) => r.dimension === dimension);
				const total = `${dimension}:*`;
				cells.push({ id: total, n: parts.reduce((s, r) => s + units(indicator?.unit, r.actual, r.n), 0) });
				margins.push({ total, parts: parts.map(id) });
			}
			return hiddenIds(cells, margins, k);
		}
		case 'participation-by-session': {
			const rows = data as SessionParticipation[];
			return hiddenIds(
				rows.flatMap((r) => [
					{ id: `${r.sessionId}|participants`, n: r.participants },
					{ id: `${r.sessionId}|registered`, n: r.registered ?? 0 }
				]),
				[],
				k
			);
		}
		case 'participation-by-group':
			return hiddenIds(
				(data as GroupParticipation[]).map((r) => ({ id: r.groupId, n: r.participants })),
				[],
				k
			);
		case 'participation-by-role':
		case 'participation-by-municipality': {
			const { cells, sessions } = data as MatrixData;
			const suppressed = suppressCells(
				participationCells(
					cells.map((c) => {
						const s = sessions.find((x) => x.sessionId === c.sessionId);
						return {
							sessionId: c.sessionId,
							title: s?.title ?? null,
							date: s?.date ?? null,
							role: c.key,
							participants: c.participants
						};
					})
				),
				k
			);
			return new Set(
				suppressed.filter((c) => c.suppressed && c.dim2 !== null).map((c) => `${c.dim1}|${c.dim2}`)
			);
		}
		case 'retention': {
			const { rows } = data as RetentionData;
			const id = (what: string, role: string | null) => `${what}|${role ?? '*'}`;
			const cells = rows.flatMap((r) => [
				{ id: id('kickoff', r.role), n: r.kickoff },
				{ id: id('closing', r.role), n: r.closing }
			]);
			const parts = rows.filter((r) => r.role !== null);
			const margins = ['kickoff', 'closing'].map((what) => ({
				total: id(what, null),
				parts: parts.map((r) => id(what, r.role))
			}));
			const hidden = hiddenIds(cells, margins, k);
			return new Set(
				rows
					.filter((r) => hidden.has(id('kickoff', r.role)) || hidden.has(id('closing', r.role)))
					.map((r) => r.role ?? '*')
			);
		}
		case 'feedback-by-question': {
			const { questions } = data as { questions: QuestionFeedback[] };
			const rows = questions.flatMap((q) =>
				q.distribution.map((answers, i) => ({
					sessionId: q.sessionId,
					sessionTitle: null,
					questionId: q.questionId,
					questionText: q.question,
					answer: q.scaleMin + i,
					answers,
					scaleMin: q.scaleMin,
					scaleMax: q.scaleMax,
					higherIsBetter: q.higherIsBetter
				}))
			);
			const suppressed = suppressCells(feedbackCells(rows), k);
			return new Set(
				suppressed.filter((c) => c.suppressed).map((c) => (c.dim2 === null ? c.dim1 : `${c.dim1}|${c.dim2}`))
			);
		}
	}
}
