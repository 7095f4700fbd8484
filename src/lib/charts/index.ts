/**
 * charts — Chart.js wrappers as Svelte components, each a `<figure data-chart>` with a data table
 * holding exactly the plotted numbers; de-DE formats via Intl; colour-blind-safe palette. Charts
 * receive typed metric rows; they never query DuckDB.
 */
export { default as AttainmentChart } from './AttainmentChart.svelte';
export { default as ChartFigure } from './ChartFigure.svelte';
export { default as KpiTile } from './KpiTile.svelte';
export { formatters, plottedPercent, type Formatters } from './format';
export { OKABE_ITO, STATUS_STYLE } from './palette';
