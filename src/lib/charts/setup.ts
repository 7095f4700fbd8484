import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
	type ChartConfiguration,
	type Plugin
} from 'chart.js';

// Register only what the charts use, so the bundle stays small.
Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Legend,
	Tooltip
);
Chart.defaults.font.family = "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
Chart.defaults.color = '#1d2b36';

export { Chart, type ChartConfiguration, type Plugin };

/**
 * Marks a canvas as drawn (tests wait for `canvas[data-rendered]`) and records the page's first
 * drawn chart as the performance mark `wirkung:first-chart`, which `npm run bench -- startup` reads.
 * The chart stays reachable from its canvas (`wirkungChart`), so a test can measure what was drawn
 * (e.g. the boxes of the axis labels) without reading pixels.
 */
export function markRendered(canvas: HTMLCanvasElement, chart: Chart): void {
	canvas.dataset.rendered = 'true';
	if ((canvas as { wirkungChart?: Chart }).wirkungChart !== chart)
		Object.defineProperty(canvas, 'wirkungChart', { value: chart, configurable: true });
	if (performance.getEntriesByName('wirkung:first-chart').length === 0)
		performance.mark('wirkung:first-chart');
}
