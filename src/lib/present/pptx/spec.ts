import { plottedPercent, type Formatters } from '../../charts/format';
import { attainmentBars, attainmentSummary } from '../../charts/attainment-chart';
import { percentAxisMax } from '../../charts/bar-chart';
import { topAndBottom } from '../../charts/ranking';
import { rankShares } from '../../charts/feedback-chart';
import { participationMatrix } from '../../charts/matrix';
import { OKABE_ITO, RANK_COLORS, SERIES_COLORS, STATUS_STYLE } from '../../charts/palette';
import type {
	BreakdownData,
	MatrixData,
	RankingData,
	RetentionData,
	SessionRef,
	TrajectoryData
} from '../../charts/types';
import type { MessageKey, Translate } from '../../i18n';
import {
	statusDistribution,
	type AttainmentStatus,
	type GroupParticipation,
	type IndicatorAttainment,
	type QuestionFeedback,
	type SessionParticipation
} from '../../metrics';
import { DEFAULT_THRESHOLDS } from '../../metrics/status';
import type { ViewId } from '../../views';

/** One data series of a native chart; `color` per point paints each bar in its own colour (status). */
export interface SeriesSpec {
	name: string;
	/** null = no value (suppressed or not computable): a gap, never a zero. */
	values: (number | null)[];
	color: string | string[];
	/** Lines only: drawn dashed (the plan). */
	dashed?: boolean;
}

/** A vertical marker across a horizontal bar chart, e.g. 100 % (achieved) and 80 % (on track). */
export interface ReferenceSpec {
	value: number;
	/** Written at the line: "80 %". */
	label: string;
	/** Written in the legend: "80 % = auf Kurs". */
	meaning: string;
}

/** What a native PowerPoint chart shows: the same order, labels, colours and markers as on screen. */
export interface ChartSpec {
	type: 'bar' | 'line';
	/** Bars grow to the right, first category on top (as on screen). */
	horizontal: boolean;
	stacked: boolean;
	labels: string[];
	series: SeriesSpec[];
	axisTitle: string;
	/** Excel number format of the values (axis and data labels); PowerPoint applies its locale's separators. */
	numberFormat: string;
	/** Upper end of the value axis; undefined = PowerPoint chooses. */
	max?: number;
	references: ReferenceSpec[];
	/** Legend entries drawn beside the chart where colours mean something beyond the series (status). */
	legend: { label: string; color: string }[];
	dataLabels: boolean;
}

/** The slide's data table: header row and body rows, as formatted text. */
export interface TableSpec {
	head: string[];
	rows: string[][];
}

/** A chart slide's content: what the live slide's figure states, ready for PowerPoint. */
export interface ChartContent {
	title: string;
	subtitle: string;
	/** null = nothing to plot (the slide says `empty` instead, as the live slide does). */
	chart: ChartSpec | null;
	empty: string;
	table: TableSpec;
	/** The data's as-of date (ISO) if the view has one, for the source line. */
	asOf: string | null;
}

/** What a mapper needs besides the data. */
export interface SpecContext {
	fmt: Formatters;
	t: Translate;
	/** Keys of values hidden by small-cell suppression (see suppress.ts); their cells read `hiddenMark`. */
	hidden: ReadonlySet<string>;
	/** A ranking's best and worst bars on this slide (the deck's per-slide setting), as the live slide shows. */
	rankRows?: { top: number; bottom: number };
}

/** What a hidden cell reads in the data table. */
export const HIDDEN_MARK = '•';

const PERCENT = '0.0" %"';
const COUNT = '#,##0';
const NUMBER = '#,##0.0';

const indicatorText = (i: { indicatorId: string; esfCode: string | null; name: string } | null) =>
	i ? `${i.esfCode || i.indicatorId} · ${i.name}` : '–';
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
const latest = (dates: (string | null | undefined)[]) =>
	dates.reduce<string | null>((m, d) => (d && (!m || d > m) ? d : m), null);
const earliest = (dates: (string | null | undefined)[]) =>
	dates.reduce<string | null>((m, d) => (d && (!m || d < m) ? d : m), null);

/** The status markers of attainment charts: 100 % achieved and the on-track threshold. */
function statusReferences({ fmt, t }: SpecContext): ReferenceSpec[] {
	const { onTrack, achieved } = DEFAULT_THRESHOLDS;
	return [
		{
			value: plottedPercent(onTrack),
			label: wholePercent(fmt, onTrack),
			meaning: t('pptx.reference.onTrack', { value: wholePercent(fmt, onTrack) })
		},
		{
			value: plottedPercent(achieved),
			label: wholePercent(fmt, achieved),
			meaning: t('pptx.reference.achieved', { value: wholePercent(fmt, achieved) })
		}
	];
}

/** 0.8 → "80 %" (the screen's axis labels drop the ",0" the same way). */
const wholePercent = (fmt: Formatters, ratio: number) => fmt.percent(ratio).replace(/[,.]0(?=\s|%)/, '');

function statusLegend(t: Translate): ChartSpec['legend'] {
	return (['achieved', 'on_track', 'behind'] as const).map((s) => ({
		label: `${STATUS_STYLE[s].icon} ${t(`status.${s}`)}`,
		color: STATUS_STYLE[s].color
	}));
}

/** The axis end for percentages as on screen, with a smaller share for PowerPoint's short data labels. */
const percentMax = (values: number[]) => percentAxisMax(values, 0.12);

function bar(
	spec: Omit<ChartSpec, 'type' | 'stacked' | 'references' | 'legend' | 'dataLabels'> & Partial<ChartSpec>
) {
	return {
		type: 'bar',
		stacked: false,
		references: [],
		legend: [],
		dataLabels: true,
		...spec
	} satisfies ChartSpec;
}

function attainment(rows: IndicatorAttainment[], context: SpecContext): ChartContent {
	const { fmt, t, hidden } = context;
	const bars = attainmentBars(rows);
	const { values, projects, since, asOf } = attainmentSummary(rows, bars);
	const shown = (id: string) => !hidden.has(id);
	return {
		title: t('chart.attainment.title'),
		subtitle: t('chart.attainment.subtitle', {
			indicators: bars.length,
			values: fmt.count(values),
			projects,
			period: fmt.period(since, asOf),
			asOf: fmt.date(asOf)
		}),
		chart: bars.length
			? bar({
					horizontal: true,
					labels: bars.map((b) => b.label),
					series: [
						{
							name: t('col.attainment'),
							values: bars.map((b) => (shown(b.indicatorId) ? b.percent : null)),
							color: bars.map((b) => STATUS_STYLE[b.row.status].color)
						}
					],
					axisTitle: t('chart.attainment.axis'),
					numberFormat: PERCENT,
					max: percentMax(bars.map((b) => b.percent)),
					references: statusReferences(context),
					legend: statusLegend(t)
				})
			: null,
		empty: t('empty.noTargets'),
		table: {
			head: [t('col.indicator'), t('col.actual'), t('col.target'), t('col.attainment'), t('col.status')],
			rows: bars.map((b) =>
				shown(b.indicatorId)
					? [
							b.label,
							fmt.number(b.row.actual),
							fmt.number(b.row.target),
							fmt.percent(b.row.attainment),
							statusText(b.row.status, t)
						]
					: [b.label, HIDDEN_MARK, HIDDEN_MARK, HIDDEN_MARK, HIDDEN_MARK]
			)
		},
		asOf
	};
}

const statusText = (s: AttainmentStatus, t: Translate) => `${STATUS_STYLE[s].icon} ${t(`status.${s}`)}`;

/** Ties in attainment are ordered by name, as on screen. */
const byLabel = new Intl.Collator().compare;

function ranking(data: RankingData, context: SpecContext): ChartContent {
	const { fmt, t, hidden } = context;
	const ranked = data.rows
		.filter((r) => r.attainment !== null)
		.map((r) => ({ ...r, percent: plottedPercent(r.attainment!) }))
		.sort((a, b) => b.percent - a.percent || byLabel(a.label, b.label));
	const limited = ranked.slice(0, data.limit ?? Infinity);
	// The slide's best and worst bars, with one empty category counting those in between.
	const bars = context.rankRows
		? topAndBottom(limited, context.rankRows.top, context.rankRows.bottom)
		: limited.map((row) => ({ row }));
	const plotted = bars.flatMap((b) => ('row' in b ? [b.row] : []));
	const gap = (count: number) => t('chart.ranking.gap', { count: fmt.count(count) });
	const asOf = latest(data.rows.map((r) => r.asOf));
	const shown = (key: string) => !hidden.has(key);
	return {
		title: t(`dash.ranking.${data.by}` as MessageKey, { indicator: indicatorText(data.indicator) }),
		subtitle: t('dash.ranking.subtitle', {
			n: plotted.length,
			values: fmt.count(plotted.reduce((s, r) => s + r.n, 0)),
			period: fmt.period(earliest(data.rows.map((r) => r.since)), asOf),
			asOf: fmt.date(asOf)
		}),
		chart: plotted.length
			? bar({
					horizontal: true,
					labels: bars.map((b) => ('row' in b ? b.row.label : gap(b.omitted))),
					series: [
						{
							name: t('col.attainment'),
							values: bars.map((b) => ('row' in b && shown(b.row.key) ? b.row.percent : null)),
							color: bars.map((b) => ('row' in b ? STATUS_STYLE[b.row.status].color : OKABE_ITO.grey))
						}
					],
					axisTitle: t('chart.attainment.axis'),
					numberFormat: PERCENT,
					max: percentMax(plotted.map((r) => r.percent)),
					references: statusReferences(context),
					legend: statusLegend(t)
				})
			: null,
		empty: t('empty.noTargets'),
		table: {
			head: [
				t(`dash.col.${data.by}` as MessageKey),
				t('col.actual'),
				t('col.target'),
				t('col.attainment'),
				t('col.status')
			],
			rows: plotted.map((r) =>
				shown(r.key)
					? [
							r.label,
							fmt.number(r.actual),
							fmt.number(r.target),
							fmt.percent(r.attainment),
							statusText(r.status, t)
						]
					: [r.label, HIDDEN_MARK, HIDDEN_MARK, HIDDEN_MARK, HIDDEN_MARK]
			)
		},
		asOf
	};
}

function status(rows: IndicatorAttainment[], { fmt, t }: SpecContext): ChartContent {
	const counts = statusDistribution(rows);
	const asOf = latest(rows.map((r) => r.asOf));
	return {
		title: t('dash.status.title'),
		subtitle: t('dash.status.subtitle', {
			n: rows.length,
			period: fmt.period(earliest(rows.map((r) => r.since)), asOf),
			asOf: fmt.date(asOf)
		}),
		chart: rows.length
			? bar({
					horizontal: false,
					labels: counts.map((c) => statusText(c.status, t)),
					series: [
						{
							name: t('dash.status.count'),
							values: counts.map((c) => c.count),
							color: counts.map((c) => STATUS_STYLE[c.status].color)
						}
					],
					axisTitle: t('dash.status.axis'),
					numberFormat: COUNT
				})
			: null,
		empty: t('dash.empty.noData'),
		table: {
			head: [t('col.status'), t('dash.status.count')],
			rows: counts.map((c) => [statusText(c.status, t), fmt.count(c.count)])
		},
		asOf
	};
}

function trajectoryContent(data: TrajectoryData, { fmt, t, hidden }: SpecContext): ChartContent {
	const points = data.trajectory?.points ?? [];
	const cumulative = data.trajectory?.cumulative ?? true;
	const hasPlan = points.some((p) => p.plan !== null);
	const asOf = data.trajectory?.asOf ?? null;
	const actual = points.map((p) => (hidden.has(p.date) ? null : round1(p.actual)));
	const series: SeriesSpec[] = [
		{
			name: cumulative ? t('dash.trajectory.actual') : t('dash.trajectory.actualRate'),
			values: actual,
			color: OKABE_ITO.blue
		}
	];
	if (hasPlan)
		series.push({
			name: t('dash.trajectory.plan'),
			values: points.map((p) => round1(p.plan)),
			color: OKABE_ITO.orange,
			dashed: true
		});
	return {
		title: t('dash.trajectory.title', { indicator: indicatorText(data.indicator) }),
		subtitle: t('dash.trajectory.subtitle', {
			n: fmt.count(points.reduce((s, p) => s + p.n, 0)),
			period: fmt.period(points[0]?.date ?? null, asOf),
			asOf: fmt.date(asOf)
		}),
		chart: points.length
			? {
					type: 'line',
					horizontal: false,
					stacked: false,
					labels: points.map((p) => fmt.date(p.date)),
					series,
					axisTitle: data.indicator?.unit ?? '',
					numberFormat: series.every((x) => x.values.every((v) => v === null || Number.isInteger(v)))
						? COUNT
						: NUMBER,
					references: [],
					legend: [],
					dataLabels: false
				}
			: null,
		empty: t('dash.empty.noData'),
		table: {
			head: [t('dash.col.periodEnd'), ...series.map((s) => s.name)],
			rows: points.map((p, i) => [
				fmt.date(p.date),
				...series.map((s) =>
					s.values[i] === null && hidden.has(p.date) && s === series[0]
						? HIDDEN_MARK
						: fmt.number(s.values[i] ?? null)
				)
			])
		},
		asOf
	};
}

function breakdownContent(data: BreakdownData, { fmt, t, hidden }: SpecContext): ChartContent {
	const rows = data.rows;
	const key = (r: { dimension: string; value: string | null }) => `${r.dimension}:${r.value ?? ''}`;
	const valueLabel = (r: { dimension: string; value: string | null }) =>
		r.value === null ? t('dash.breakdown.notStated') : t(`dash.${r.dimension}.${r.value}` as MessageKey);
	const labels = rows.map((r) => `${t(`dash.breakdown.${r.dimension}` as MessageKey)}: ${valueLabel(r)}`);
	return {
		title: t('dash.breakdown.title', { indicator: indicatorText(data.indicator) }),
		subtitle: t('dash.breakdown.subtitle', { n: fmt.count(rows.reduce((s, r) => s + r.n, 0)) }),
		chart: rows.length
			? bar({
					horizontal: true,
					labels,
					series: [
						{
							name: t('col.actual'),
							values: rows.map((r) => (hidden.has(key(r)) ? null : round1(r.actual))),
							color: rows.map((r) =>
								r.value === null
									? OKABE_ITO.grey
									: r.dimension === 'gender'
										? OKABE_ITO.blue
										: OKABE_ITO.bluishGreen
							)
						}
					],
					axisTitle: data.indicator?.unit ?? '',
					numberFormat: NUMBER
				})
			: null,
		empty: t('dash.empty.noBreakdown'),
		table: {
			head: ['', t('col.actual'), t('dash.col.share')],
			rows: rows.map((r, i) =>
				hidden.has(key(r))
					? [labels[i]!, HIDDEN_MARK, HIDDEN_MARK]
					: [labels[i]!, fmt.number(round1(r.actual)), fmt.percent(r.share)]
			)
		},
		asOf: null
	};
}

function sessions(rows: SessionParticipation[], { fmt, t, hidden }: SpecContext): ChartContent {
	const value = (r: SessionParticipation, what: 'registered' | 'participants') =>
		hidden.has(`${r.sessionId}|${what}`) ? null : r[what];
	const labels = rows.map((r) => `${r.title} (${fmt.date(r.date)})`);
	const cell = (v: number | null, hiddenCell: boolean) => (hiddenCell ? HIDDEN_MARK : fmt.count(v));
	return {
		title: t('dash.sessions.title'),
		subtitle: t('dash.sessions.subtitle', {
			n: fmt.count(rows.reduce((s, r) => s + r.n, 0)),
			period: fmt.period(rows[0]?.date ?? null, rows.at(-1)?.date ?? null)
		}),
		chart: rows.length
			? bar({
					horizontal: false,
					labels,
					series: [
						{
							name: t('dash.col.registered'),
							values: rows.map((r) => value(r, 'registered')),
							color: SERIES_COLORS[0]!
						},
						{
							name: t('dash.col.participants'),
							values: rows.map((r) => value(r, 'participants')),
							color: SERIES_COLORS[1]!
						}
					],
					axisTitle: t('dash.axis.people'),
					numberFormat: COUNT
				})
			: null,
		empty: t('dash.empty.noParticipation'),
		table: {
			head: [t('dash.col.session'), t('dash.col.registered'), t('dash.col.participants')],
			rows: rows.map((r, i) => [
				labels[i]!,
				cell(r.registered, hidden.has(`${r.sessionId}|registered`)),
				cell(r.participants, hidden.has(`${r.sessionId}|participants`))
			])
		},
		asOf: latest(rows.map((r) => r.date))
	};
}

function groups(rows: GroupParticipation[], { fmt, t, hidden }: SpecContext): ChartContent {
	const shown = (r: GroupParticipation) => !hidden.has(r.groupId);
	return {
		title: t('dash.groups.title'),
		subtitle: t('dash.groups.subtitle', {
			groups: rows.length,
			n: fmt.count(rows.reduce((s, r) => s + r.n, 0))
		}),
		chart: rows.length
			? bar({
					horizontal: true,
					labels: rows.map((r) => r.topic),
					series: [
						{
							name: t('dash.col.participants'),
							values: rows.map((r) => (shown(r) ? r.participants : null)),
							color: SERIES_COLORS[1]!
						},
						{
							name: t('dash.col.posts'),
							values: rows.map((r) => (shown(r) ? r.posts : null)),
							color: SERIES_COLORS[2]!
						}
					],
					axisTitle: t('dash.axis.count'),
					numberFormat: COUNT
				})
			: null,
		empty: t('dash.empty.noParticipation'),
		table: {
			head: [t('dash.col.group'), t('dash.col.participants'), t('dash.col.posts')],
			rows: rows.map((r) =>
				shown(r)
					? [r.topic, fmt.count(r.participants), fmt.count(r.posts)]
					: [r.topic, HIDDEN_MARK, HIDDEN_MARK]
			)
		},
		asOf: null
	};
}

function matrix(data: MatrixData, { fmt, t, hidden }: SpecContext): ChartContent {
	const m = participationMatrix(
		data.cells,
		data.sessions.map((s) => s.sessionId),
		data.limit ?? Infinity
	);
	const label = (key: string) => (key === '' ? t('dash.breakdown.notStated') : key);
	const isHidden = (s: SessionRef, key: string) => hidden.has(`${s.sessionId}|${key}`);
	const series = data.sessions.map((s, i) => ({
		name: s.title,
		values: m.keys.map((k, j) => (isHidden(s, k) ? null : m.values[i]![j]!)),
		color: SERIES_COLORS[i % SERIES_COLORS.length]!
	}));
	return {
		title: t(`dash.matrix.${data.by}` as MessageKey),
		subtitle: t('dash.matrix.subtitle', {
			keys: m.keys.length,
			n: fmt.count(data.cells.reduce((s, c) => s + c.participants, 0)),
			period: fmt.period(data.sessions[0]?.date ?? null, data.sessions.at(-1)?.date ?? null)
		}),
		chart: m.keys.length
			? bar({
					horizontal: true,
					labels: m.keys.map(label),
					series,
					axisTitle: t('dash.axis.people'),
					numberFormat: COUNT,
					dataLabels: false
				})
			: null,
		empty: t('dash.empty.noParticipation'),
		table: {
			head: [
				t(data.by === 'role' ? 'dash.col.role' : 'dash.col.municipality'),
				...data.sessions.map((s) => s.title)
			],
			rows: m.keys.map((k, j) => [
				label(k),
				...data.sessions.map((s, i) => (isHidden(s, k) ? HIDDEN_MARK : fmt.count(m.values[i]![j]!)))
			])
		},
		asOf: latest(data.sessions.map((s) => s.date))
	};
}

function retentionContent(data: RetentionData, context: SpecContext): ChartContent {
	const { fmt, t, hidden } = context;
	const label = (role: string | null) =>
		role === null ? t('dash.retention.all') : role === '' ? t('dash.breakdown.notStated') : role;
	const plotted = data.rows.filter((r) => r.retention !== null);
	const isHidden = (role: string | null) => hidden.has(role ?? '*');
	const total = data.rows.find((r) => r.role === null);
	return {
		title: t('dash.retention.title'),
		subtitle: t('dash.retention.subtitle', {
			kickoff: isHidden(null) ? HIDDEN_MARK : fmt.count(total?.kickoff ?? 0),
			closing: isHidden(null) ? HIDDEN_MARK : fmt.count(total?.closing ?? 0),
			period: fmt.period(data.kickoff?.date ?? null, data.closing?.date ?? null)
		}),
		chart: plotted.length
			? bar({
					horizontal: true,
					labels: plotted.map((r) => label(r.role)),
					series: [
						{
							name: t('dash.retention.axis'),
							values: plotted.map((r) => (isHidden(r.role) ? null : plottedPercent(r.retention!))),
							color: plotted.map((r) => (r.role === null ? OKABE_ITO.blue : OKABE_ITO.skyBlue))
						}
					],
					axisTitle: t('dash.retention.axis'),
					numberFormat: PERCENT,
					max: percentMax(plotted.map((r) => plottedPercent(r.retention!))),
					references: [statusReferences(context)[1]!]
				})
			: null,
		empty: t('dash.empty.noRetention'),
		table: {
			head: [
				t('dash.col.role'),
				t('dash.retention.kickoff'),
				t('dash.retention.closing'),
				t('dash.retention.axis')
			],
			rows: plotted.map((r) =>
				isHidden(r.role)
					? [label(r.role), HIDDEN_MARK, HIDDEN_MARK, HIDDEN_MARK]
					: [label(r.role), fmt.count(r.kickoff), fmt.count(r.closing), fmt.percent(r.retention)]
			)
		},
		asOf: data.closing?.date ?? null
	};
}

function feedback(
	data: { questions: QuestionFeedback[]; sessions: SessionRef[] },
	{ fmt, t, hidden }: SpecContext
): ChartContent {
	const questions = data.questions;
	const ranks = Math.max(0, ...questions.map((q) => q.distribution.length));
	const shares = questions.map(rankShares);
	/** Rank i of a question counts the answer value at that rank (best first). */
	const answerAt = (q: QuestionFeedback, i: number) => (q.higherIsBetter ? q.scaleMax - i : q.scaleMin + i);
	const qKey = (q: QuestionFeedback) => `${q.sessionId}/${q.questionId}`;
	const isHidden = (q: QuestionFeedback, i: number) =>
		hidden.has(qKey(q)) || hidden.has(`${qKey(q)}|${answerAt(q, i)}`);
	const session = (id: string) => data.sessions.find((s) => s.sessionId === id)?.title ?? id;
	const rankLabel = (i: number) =>
		i === 0
			? t('dash.feedback.best')
			: i === 1
				? t('dash.feedback.second')
				: t('dash.feedback.rank', { rank: i + 1 });
	const labels = questions.map((q) => `${session(q.sessionId)} ${q.questionId}: ${q.question}`);
	const series = Array.from({ length: ranks }, (_, i) => ({
		name: rankLabel(i),
		values: questions.map((q, j) => (isHidden(q, i) ? null : (shares[j]![i] ?? null))),
		color: RANK_COLORS[i] ?? RANK_COLORS[RANK_COLORS.length - 1]!
	}));
	return {
		title: t('dash.feedback.title'),
		subtitle: t('dash.feedback.subtitle', {
			questions: questions.length,
			n: fmt.count(questions.reduce((s, q) => s + q.n, 0)),
			period: fmt.period(data.sessions[0]?.date ?? null, data.sessions.at(-1)?.date ?? null)
		}),
		chart: questions.length
			? bar({
					horizontal: true,
					stacked: true,
					labels,
					series,
					axisTitle: t('dash.feedback.axis'),
					numberFormat: PERCENT,
					max: 100,
					dataLabels: false
				})
			: null,
		empty: t('dash.empty.noFeedback'),
		table: {
			head: [t('dash.col.question'), ...series.map((s) => s.name), 'n'],
			rows: questions.map((q, j) => [
				labels[j]!,
				...series.map((s, i) =>
					isHidden(q, i) ? HIDDEN_MARK : fmt.percent(s.values[j] === null ? null : s.values[j]! / 100)
				),
				hidden.has(qKey(q)) ? HIDDEN_MARK : fmt.count(q.n)
			])
		},
		asOf: latest(data.sessions.map((s) => s.date))
	};
}

/**
 * A chart slide's content from its view's data (the data the live slide shows), after suppression.
 * Every catalogued view maps to a native chart.
 */
export function chartContent(viewId: ViewId, data: unknown, context: SpecContext): ChartContent {
	switch (viewId) {
		case 'attainment-by-indicator':
			return attainment(data as IndicatorAttainment[], context);
		case 'status-distribution':
			return status(data as IndicatorAttainment[], context);
		case 'attainment-by-municipality':
		case 'attainment-by-state':
		case 'attainment-by-project':
			return ranking(data as RankingData, context);
		case 'trajectory':
			return trajectoryContent(data as TrajectoryData, context);
		case 'breakdown':
			return breakdownContent(data as BreakdownData, context);
		case 'participation-by-session':
			return sessions(data as SessionParticipation[], context);
		case 'participation-by-group':
			return groups(data as GroupParticipation[], context);
		case 'participation-by-role':
		case 'participation-by-municipality':
			return matrix(data as MatrixData, context);
		case 'retention':
			return retentionContent(data as RetentionData, context);
		case 'feedback-by-question':
			return feedback(data as { questions: QuestionFeedback[]; sessions: SessionRef[] }, context);
	}
}
