import type { IndicatorAttainment } from '../metrics/attainment';
import { NO_FILTERS, type Filters } from '../metrics/filters';
import { attainmentStatus } from '../metrics/status';
import { viewFilters } from './cube';
import type { CubeCell, CubeFilters, CubeView } from './schema';

/** A figure as the stakeholder sees it: a number, or hidden because too few units are behind it. */
export interface SharedFigure {
	value: number | null;
	hidden: boolean;
}

const figure = (c: CubeCell | undefined): SharedFigure => ({
	value: c?.value ?? null,
	hidden: !!c?.suppressed
});

/** Overview tiles from the overview cells. */
export function sharedOverview(cells: CubeCell[]): Record<string, SharedFigure> | null {
	const overview = cells.filter((c) => c.view === 'overview');
	if (overview.length === 0) return null;
	return Object.fromEntries(overview.map((c) => [c.dim1, figure(c)]));
}

/** Attainment rows for the attainment chart; hidden indicators are listed apart, never as 0 %. */
export function sharedAttainment(
	cells: CubeCell[],
	since: string | null = null
): { rows: IndicatorAttainment[]; hidden: string[] } | null {
	const attainment = cells.filter((c) => c.view === 'attainment-by-indicator');
	if (attainment.length === 0) return null;
	return {
		rows: attainment
			.filter((c) => !c.suppressed)
			.map((c) => ({
				indicatorId: c.dim1,
				name: c.label1 ?? c.dim1,
				unit: c.unit,
				esfCode: c.code,
				actual: c.value,
				target: c.target,
				attainment: c.ratio,
				status: attainmentStatus(c.ratio),
				projects: c.projects ?? 0,
				n: c.n ?? 0,
				asOf: c.as_of,
				since
			})),
		hidden: attainment.filter((c) => c.suppressed).map((c) => `${c.code || c.dim1} ${c.label1 ?? ''}`.trim())
	};
}

export interface SharedSession {
	id: string;
	title: string;
	date: string | null;
	total: SharedFigure;
	roles: { role: string; participants: SharedFigure }[];
}

/** Participation per session with its roles. */
export function sharedParticipation(cells: CubeCell[]): SharedSession[] | null {
	const participation = cells.filter((c) => c.view === 'participation');
	if (participation.length === 0) return null;
	return participation
		.filter((c) => c.dim2 === null)
		.map((total) => ({
			id: total.dim1,
			title: total.label1 ?? total.dim1,
			date: total.as_of,
			total: figure(total),
			roles: participation
				.filter((c) => c.dim1 === total.dim1 && c.dim2 !== null)
				.map((c) => ({ role: c.dim2!, participants: figure(c) }))
		}));
}

export interface SharedQuestion {
	id: string;
	text: string;
	session: string | null;
	higherIsBetter: boolean;
	total: SharedFigure;
	answers: { answer: number; count: SharedFigure }[];
	/** Mean and top-2-box share only when no answer count is hidden (else they would reveal it). */
	mean: number | null;
	topTwo: number | null;
}

/** Feedback distributions per question, with mean and top-2-box where every count is shown. */
export function sharedFeedback(cells: CubeCell[]): SharedQuestion[] | null {
	const feedback = cells.filter((c) => c.view === 'feedback');
	if (feedback.length === 0) return null;
	return feedback
		.filter((c) => c.dim2 === null)
		.map((total) => {
			const answers = feedback
				.filter((c) => c.dim1 === total.dim1 && c.dim2 !== null)
				.map((c) => ({ answer: Number(c.dim2), count: figure(c) }))
				.sort((a, b) => a.answer - b.answer);
			const higherIsBetter = total.code !== 'down';
			const complete = !total.suppressed && answers.every((a) => !a.count.hidden) && (total.value ?? 0) > 0;
			const n = total.value ?? 0;
			const best = higherIsBetter ? answers.slice(-2) : answers.slice(0, 2);
			return {
				id: total.dim1,
				text: total.label1 ?? total.dim1,
				session: total.label2,
				higherIsBetter,
				total: figure(total),
				answers,
				mean: complete ? answers.reduce((s, a) => s + a.answer * a.count.value!, 0) / n : null,
				topTwo: complete ? best.reduce((s, a) => s + a.count.value!, 0) / n : null
			};
		});
}

export type SharedFilterKey = 'period' | 'states' | 'municipalities' | 'projects' | 'indicators';

/** The filters a share was published for, as the stakeholder view states them. */
export interface SharedFilters {
	period: { from: string | null; to: string | null } | null;
	lists: { key: Exclude<SharedFilterKey, 'period'>; values: string[] }[];
	/** Published views that some of the set filters do not reach (see viewFilters), and which. */
	notApplied: { view: CubeView; keys: SharedFilterKey[] }[];
}

/** States the published filters; null when the share shows the whole programme. */
export function sharedFilters(filters: CubeFilters | undefined, views: CubeView[]): SharedFilters | null {
	if (!filters) return null;
	const asFilters: Filters = {
		...NO_FILTERS,
		periodFrom: filters.periodFrom,
		periodTo: filters.periodTo,
		states: filters.states,
		municipalities: filters.municipalities,
		projects: filters.projects.map((p) => p.id),
		indicators: filters.indicators.map((i) => i.id)
	};
	const set = (f: Filters): SharedFilterKey[] => [
		...(f.periodFrom !== null || f.periodTo !== null ? (['period'] as const) : []),
		...(['states', 'municipalities', 'projects', 'indicators'] as const).filter((key) => f[key].length > 0)
	];
	const all = set(asFilters);
	if (all.length === 0) return null;
	const lists = (
		[
			['states', filters.states],
			['municipalities', filters.municipalities],
			['projects', filters.projects.map((p) => p.name)],
			['indicators', filters.indicators.map((i) => i.name)]
		] as const
	)
		.filter(([, values]) => values.length > 0)
		.map(([key, values]) => ({ key, values: [...values] }));
	return {
		period: all.includes('period') ? { from: filters.periodFrom, to: filters.periodTo } : null,
		lists,
		notApplied: views
			.map((view) => {
				const reached = set(viewFilters(view, asFilters));
				return { view, keys: all.filter((key) => !reached.includes(key)) };
			})
			.filter((v) => v.keys.length > 0)
	};
}
