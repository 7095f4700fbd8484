/**
 * charts — Chart.js wrappers as Svelte components, each a `<figure data-chart>` with a data table
 * holding exactly the plotted numbers; PNG/CSV export; de-DE formats via Intl; colour-blind-safe
 * palette. Charts receive typed metric rows; they never query DuckDB.
 */
export { default as AttainmentChart } from './AttainmentChart.svelte';
export { default as BarChart } from './BarChart.svelte';
export { default as BreakdownChart } from './BreakdownChart.svelte';
export { default as ChartFigure } from './ChartFigure.svelte';
export { default as FeedbackChart } from './FeedbackChart.svelte';
export { default as GroupChart } from './GroupChart.svelte';
export { default as KpiTile } from './KpiTile.svelte';
export { default as ParticipationMatrixChart } from './ParticipationMatrixChart.svelte';
export { default as RankingChart } from './RankingChart.svelte';
export { default as RetentionChart } from './RetentionChart.svelte';
export { default as SessionChart } from './SessionChart.svelte';
export { default as StatusChart } from './StatusChart.svelte';
export { default as TrajectoryChart } from './TrajectoryChart.svelte';
export { formatters, plottedPercent, type Formatters } from './format';
export { exportFileName, neutraliseCell, tableToCsv } from './export';
export { OKABE_ITO, RANK_COLORS, SERIES_COLORS, STATUS_STYLE } from './palette';
export type { ChartProps } from './types';
