import type { ChartConfiguration, Plugin, Scale } from 'chart.js';
import { categoryLayout, fitLabel } from './labels';
import { roundTicks } from './ticks';

/** One series of a bar chart. */
export interface BarSeries {
	label: string;
	values: (number | null)[];
	/** One colour for the series, or one per bar (status colours). */
	color: string | string[];
}

/** What a bar chart shows; plain data, so the same spec feeds the canvas and the data table. */
export interface BarChartSpec {
	labels: string[];
	series: BarSeries[];
	horizontal?: boolean;
	stacked?: boolean;
	/** Axis title of the value axis. */
	axis: string;
	/** Formats a value on the axis and in the tooltip. */
	format: (value: number) => string;
	/** Text drawn at the end of each bar of the first series (value, status icon and label). */
	barLabels?: string[];
	/** Reference lines on the value axis (e.g. 80 and 100 %). */
	references?: number[];
	/** Fixed upper end of the value axis. */
	max?: number;
	/** Indexes of selected bars; the others are drawn paler. */
	selected?: number[];
	/** Extra room above the largest value, as a share of it (for bar labels); the top tick stays round. */
	headroom?: number;
	/** The values are counts: whole-number ticks only. */
	integer?: boolean;
	/**
	 * Category labels of a horizontal chart: at most `lines` lines of about `width` characters
	 * (default 2 × 40); longer ones are cut with "…", the data table keeps the full text.
	 */
	labelFit?: { width: number; lines: number };
}

/** The largest value the value axis must show: the tallest stack or bar, or a reference line. */
export function valueMax(spec: Pick<BarChartSpec, 'series' | 'stacked' | 'references'>): number {
	const length = Math.max(0, ...spec.series.map((s) => s.values.length));
	const bars = spec.stacked
		? Array.from({ length }, (_, i) => spec.series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0))
		: spec.series.flatMap((s) => s.values.map((v) => v ?? 0));
	return Math.max(0, ...bars, ...(spec.references ?? []));
}

/** Lightens a #rrggbb colour towards white, for bars that are not selected. */
export function pale(color: string): string {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
	if (!m) return color;
	const mix = (hex: string) => Math.round(parseInt(hex, 16) * 0.35 + 255 * 0.65);
	return `rgb(${mix(m[1]!)}, ${mix(m[2]!)}, ${mix(m[3]!)})`;
}

/** Height of a horizontal chart not shared by its bars: the value axis and its title (70 px), a legend. */
function reservedHeight(spec: BarChartSpec): number {
	return spec.series.length > 1 ? 105 : 70;
}

function annotations(spec: BarChartSpec): Plugin<'bar'> {
	return {
		id: 'wirkungBarAnnotations',
		afterDatasetsDraw(chart) {
			const { ctx, chartArea, scales } = chart;
			const axis = spec.horizontal ? scales.x! : scales.y!;
			ctx.save();
			for (const [i, value] of (spec.references ?? []).entries()) {
				const px = axis.getPixelForValue(value);
				ctx.strokeStyle = '#1d2b36';
				ctx.lineWidth = 1.5;
				ctx.setLineDash(i === 0 ? [4, 4] : []);
				ctx.beginPath();
				if (spec.horizontal) {
					ctx.moveTo(px, chartArea.top);
					ctx.lineTo(px, chartArea.bottom);
				} else {
					ctx.moveTo(chartArea.left, px);
					ctx.lineTo(chartArea.right, px);
				}
				ctx.stroke();
			}
			ctx.setLineDash([]);
			if (spec.barLabels) {
				const meta = chart.getDatasetMeta(0);
				const size = spec.horizontal
					? categoryLayout(chart.height, spec.labels.length, 1, reservedHeight(spec)).size
					: 12;
				ctx.font = `600 ${size}px ${String(chart.options.font?.family ?? 'sans-serif')}`;
				ctx.textBaseline = spec.horizontal ? 'middle' : 'bottom';
				ctx.textAlign = spec.horizontal ? 'left' : 'center';
				meta.data.forEach((element, i) => {
					const label = spec.barLabels![i];
					if (!label) return;
					const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
					const width = ctx.measureText(label).width;
					// A light backdrop keeps the label readable where it crosses the reference lines.
					ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
					if (spec.horizontal) ctx.fillRect(x + 3, y - size * 0.7, width + 6, size * 1.4);
					else ctx.fillRect(x - width / 2 - 3, y - 20, width + 6, 18);
					ctx.fillStyle = '#1d2b36';
					if (spec.horizontal) ctx.fillText(label, x + 6, y);
					else ctx.fillText(label, x, y - 4);
				});
			}
			ctx.restore();
		}
	};
}

/** Chart.js configuration of a bar chart spec; no animation, so a re-render is one frame. */
export function barChartConfig(spec: BarChartSpec): ChartConfiguration<'bar'> {
	const selected = new Set(spec.selected ?? []);
	const colour = (c: string | string[], i: number) => {
		const base = Array.isArray(c) ? c[i]! : c;
		return selected.size && !selected.has(i) ? pale(base) : base;
	};
	const value = spec.horizontal ? 'x' : 'y';
	const category = spec.horizontal ? 'y' : 'x';
	const fit = spec.labelFit ?? { width: 40, lines: 2 };
	const reserved = reservedHeight(spec);
	const layout = (height: number) => categoryLayout(height, spec.labels.length, fit.lines, reserved);
	return {
		type: 'bar',
		data: {
			labels: spec.labels,
			datasets: spec.series.map((s) => ({
				label: s.label,
				data: s.values,
				backgroundColor: spec.labels.map((_, i) => colour(s.color, i)),
				borderColor: '#1d2b36',
				borderWidth: spec.labels.map((_, i) => (selected.has(i) ? 2 : 0)),
				borderRadius: 2,
				barPercentage: 0.8
			}))
		},
		options: {
			indexAxis: spec.horizontal ? 'y' : 'x',
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			layout: {
				padding: {
					right: spec.barLabels && spec.horizontal ? 8 : 0,
					top: spec.barLabels && !spec.horizontal ? 20 : 0
				}
			},
			scales: {
				[value]: {
					min: 0,
					...(spec.max !== undefined
						? { max: spec.max }
						: {
								afterBuildTicks: roundTicks(
									valueMax(spec) * (1 + (spec.headroom ?? 0)),
									spec.integer ?? false
								)
							}),
					stacked: spec.stacked ?? false,
					title: { display: true, text: spec.axis },
					ticks: { callback: (v: string | number) => spec.format(Number(v)) }
				},
				// No grid line per category: the gaps between the bars separate them, and on a ranking
				// of 80 bars Chart.js resolved and drew a line for each.
				[category]: {
					stacked: spec.stacked ?? false,
					grid: { display: false },
					// Horizontal bars: long labels wrap or are cut, and get smaller or lose a line as bars
					// share the height (labels.ts), so that each bar keeps its label and none overlap.
					ticks: spec.horizontal
						? {
								autoSkip: false,
								callback(this: Scale, _value: string | number, index: number) {
									const label = spec.labels[index] ?? '';
									return fitLabel(label, fit.width, layout(this.chart.height).lines);
								},
								font: (c: { chart: { height: number } }) => ({ size: layout(c.chart.height).size })
							}
						: { autoSkip: false, font: { size: 12 } }
				}
			},
			plugins: {
				legend: { display: spec.series.length > 1, position: 'bottom' },
				tooltip: {
					callbacks: {
						label: (item) => `${item.dataset.label ?? ''}: ${spec.format(Number(item.raw))}`
					}
				}
			}
		},
		plugins: [annotations(spec)]
	};
}

/**
 * Upper end of a percent axis (a multiple of 20, at least 140) that leaves the longest bar's label
 * ("120,0 %  ✓ erreicht") room to the right: labels have a fixed width, so the room is a share of
 * the axis, not a fixed number of points.
 */
export function percentAxisMax(values: number[], labelShare = 0.3): number {
	return Math.ceil(Math.max(100, ...values) / (1 - labelShare) / 20) * 20;
}
