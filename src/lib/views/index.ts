/**
 * views — the catalogue of dashboard views. Each view pairs a metrics query with the chart component
 * that renders its result, under a stable id (the `data-chart` id), so dashboard pages, the presenter
 * and the publisher all say "view X with filters F" the same way. Views hold no SQL and draw nothing
 * themselves: metrics queries, charts render.
 */
import type { Component } from 'svelte';
import type { Engine } from '../engine';
import {
	AttainmentChart,
	BreakdownChart,
	FeedbackChart,
	GroupChart,
	ParticipationMatrixChart,
	RankingChart,
	RetentionChart,
	SessionChart,
	StatusChart,
	TrajectoryChart,
	type Formatters
} from '../charts';
import type { IndicatorLabel, RankingData, SessionRef } from '../charts/types';
import type { MessageKey, Translate } from '../i18n';
import type { CanonicalTable } from '../model';
import {
	attainmentByIndicator,
	attainmentRankings,
	breakdown,
	feedbackByQuestion,
	headlineIndicator,
	indicatorInfo,
	participationBy,
	participationByGroup,
	participationBySession,
	retention,
	statusDistribution,
	trajectory,
	type Filters,
	type RankedDimension
} from '../metrics';

/** What a view's chart component receives. */
export interface ViewProps<T> {
	data: T;
	fmt: Formatters;
	t: Translate;
	/** A bar was chosen; the view's `select` turns the key into new filters or a link. */
	onselect?: (key: string) => void;
	/** Keys the current filters select, drawn highlighted. */
	selected?: string[];
}

/** Where a view's figures come from beyond the filters (e.g. which event). */
export interface ViewContext {
	/** Event name (sessions.event) for participation and feedback views; null = all sessions. */
	event?: string | null;
}

/** What choosing a bar does: new filters (cross-filter on the same page) or a link (drill-down). */
export type Selection = { filters: Filters } | { path: string };

export interface ViewDef<T> {
	/** Stable id, equal to the `data-chart` id of the figure the component renders. */
	id: string;
	/** Title in the catalogue (e.g. the presenter's "add chart" list). */
	titleKey: MessageKey;
	load(engine: Engine, filters: Filters, context?: ViewContext): Promise<T>;
	component: Component<ViewProps<T>>;
	/** What clicking a bar with this key does; absent = bars are not clickable. */
	select?: (key: string, filters: Filters, data: T) => Selection;
	/** Keys the filters select (highlighted bars). */
	selected?: (filters: Filters) => string[];
	/**
	 * Tables the figure cannot be drawn without: when one is empty, the view names it and links to
	 * the import instead of drawing (never sample numbers in its place).
	 */
	needs: CanonicalTable[];
}

/** Helps TypeScript check that a view's load result fits its component. */
function view<T>(def: ViewDef<T>): ViewDef<T> {
	return def;
}

/** Adds or removes one value of a list filter (a second click on a bar undoes the first). */
function toggle(values: string[], value: string): string[] {
	return values.includes(value) ? values.filter((v) => v !== value) : [...values, value].sort();
}

async function indicatorLabel(engine: Engine, filters: Filters): Promise<IndicatorLabel | null> {
	const id = await headlineIndicator(engine, filters);
	return id ? indicatorInfo(engine, id) : null;
}

async function sessionsOf(engine: Engine, filters: Filters, event: string | null): Promise<SessionRef[]> {
	return (await participationBySession(engine, filters, event)).map(({ sessionId, title, date }) => ({
		sessionId,
		title,
		date
	}));
}

/**
 * Attainment ranking of the headline indicator; the chart's own place filter is left out so every
 * bar stays (rankingFilters). The three rankings of a page read one attainmentRankings result.
 */
function ranking(by: RankedDimension, titleKey: MessageKey) {
	const own = { municipality: 'municipalities', state: 'states', project: 'projects' } as const;
	return view<RankingData>({
		id: `attainment-by-${by}`,
		titleKey,
		async load(engine, filters) {
			const indicator = await indicatorLabel(engine, filters);
			const rows = indicator ? (await attainmentRankings(engine, filters, indicator.indicatorId))[by] : [];
			return { by, indicator, rows, limit: 80 };
		},
		component: RankingChart,
		needs: ['projects', 'indicators', 'targets', 'actuals'],
		select: (key, filters) =>
			by === 'project'
				? { path: `/projects/${encodeURIComponent(key)}` }
				: { filters: { ...filters, [own[by]]: toggle(filters[own[by]], key) } },
		selected: (filters) => filters[own[by]]
	});
}

export const VIEWS = {
	'attainment-by-indicator': view({
		id: 'attainment-by-indicator',
		titleKey: 'chart.attainment.title',
		load: (engine, filters) => attainmentByIndicator(engine, filters),
		component: AttainmentChart,
		needs: ['indicators', 'targets', 'actuals'],
		select: (key) => ({ path: `/indicators/${encodeURIComponent(key)}` }),
		selected: (filters) => filters.indicators
	}),
	'status-distribution': view({
		id: 'status-distribution',
		titleKey: 'dash.status.title',
		// The indicator filter is this chart's own selection: all indicators stay counted.
		load: (engine, filters) => attainmentByIndicator(engine, { ...filters, indicators: [] }),
		component: StatusChart,
		needs: ['indicators', 'targets', 'actuals'],
		select: (key, filters, data) => {
			const ids = statusDistribution(data).find((s) => s.status === key)?.indicators ?? [];
			const same =
				ids.length === filters.indicators.length && ids.every((id) => filters.indicators.includes(id));
			return { filters: { ...filters, indicators: same ? [] : ids } };
		}
	}),
	'attainment-by-municipality': ranking('municipality', 'dash.catalogue.municipality'),
	'attainment-by-state': ranking('state', 'dash.catalogue.state'),
	'attainment-by-project': ranking('project', 'dash.catalogue.project'),
	trajectory: view({
		id: 'trajectory',
		titleKey: 'dash.catalogue.trajectory',
		async load(engine, filters) {
			const indicator = await indicatorLabel(engine, filters);
			return {
				indicator,
				trajectory: indicator ? await trajectory(engine, indicator.indicatorId, filters) : null
			};
		},
		component: TrajectoryChart,
		needs: ['indicators', 'targets', 'actuals']
	}),
	breakdown: view({
		id: 'breakdown',
		titleKey: 'dash.catalogue.breakdown',
		async load(engine, filters) {
			const indicator = await indicatorLabel(engine, filters);
			return {
				indicator,
				rows: indicator ? await breakdown(engine, { ...filters, indicators: [indicator.indicatorId] }) : []
			};
		},
		component: BreakdownChart,
		needs: ['indicators', 'actuals'],
		select: (key, filters) => {
			const [dimension, value] = key.split(':') as ['gender' | 'age_group', string];
			if (dimension === 'gender') {
				const gender = filters.gender === value ? null : (value as Filters['gender']);
				return { filters: { ...filters, gender } };
			}
			const ageGroup = filters.ageGroup === value ? null : (value as Filters['ageGroup']);
			return { filters: { ...filters, ageGroup } };
		},
		selected: (filters) => [
			...(filters.gender ? [`gender:${filters.gender}`] : []),
			...(filters.ageGroup ? [`age_group:${filters.ageGroup}`] : [])
		]
	}),
	'participation-by-session': view({
		id: 'participation-by-session',
		titleKey: 'dash.sessions.title',
		load: (engine, filters, context) => participationBySession(engine, filters, context?.event ?? null),
		component: SessionChart,
		needs: ['participation']
	}),
	'participation-by-group': view({
		id: 'participation-by-group',
		titleKey: 'dash.groups.title',
		load: (engine, filters, context) => participationByGroup(engine, filters, context?.event ?? null),
		component: GroupChart,
		needs: ['participation']
	}),
	'participation-by-role': view({
		id: 'participation-by-role',
		titleKey: 'dash.matrix.role',
		async load(engine, filters, context) {
			const event = context?.event ?? null;
			return {
				by: 'role' as const,
				sessions: await sessionsOf(engine, filters, event),
				cells: await participationBy(engine, 'role', filters, event)
			};
		},
		component: ParticipationMatrixChart,
		needs: ['participation']
	}),
	'participation-by-municipality': view({
		id: 'participation-by-municipality',
		titleKey: 'dash.matrix.municipality',
		async load(engine, filters, context) {
			const event = context?.event ?? null;
			const scoped = { ...filters, municipalities: [] };
			return {
				by: 'municipality' as const,
				sessions: await sessionsOf(engine, scoped, event),
				cells: (await participationBy(engine, 'municipality', scoped, event)).filter((c) => c.key !== ''),
				limit: 15
			};
		},
		component: ParticipationMatrixChart,
		needs: ['participation'],
		select: (key, filters) => ({
			filters: { ...filters, municipalities: toggle(filters.municipalities, key) }
		}),
		selected: (filters) => filters.municipalities
	}),
	retention: view({
		id: 'retention',
		titleKey: 'dash.retention.title',
		async load(engine, filters, context) {
			const event = context?.event ?? null;
			const sessions = await participationBySession(engine, filters, event);
			const ref = (kind: string) => {
				const s = sessions.find((x) => x.kind === kind);
				return s ? { sessionId: s.sessionId, title: s.title, date: s.date } : null;
			};
			return {
				rows: await retention(engine, filters, event),
				kickoff: ref('kickoff'),
				closing: ref('closing')
			};
		},
		component: RetentionChart,
		needs: ['participation']
	}),
	'feedback-by-question': view({
		id: 'feedback-by-question',
		titleKey: 'dash.feedback.title',
		async load(engine, filters, context) {
			const event = context?.event ?? null;
			const periodOnly = { ...filters, states: [], municipalities: [] };
			return {
				questions: await feedbackByQuestion(engine, filters, event),
				sessions: await sessionsOf(engine, periodOnly, event)
			};
		},
		component: FeedbackChart,
		needs: ['feedback']
	})
};

export type ViewId = keyof typeof VIEWS;

/** Whether a string (from a URL, a saved deck, a share) names a known view. */
export function isViewId(id: string): id is ViewId {
	return Object.hasOwn(VIEWS, id);
}

export { default as View } from './View.svelte';
