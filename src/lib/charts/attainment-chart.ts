import type { ChartConfiguration, Plugin } from 'chart.js';
import type { IndicatorAttainment } from '../metrics';
import type { Formatters } from './format';
import { plottedPercent } from './format';
import { STATUS_STYLE } from './palette';

/** A row as plotted: only indicators with an attainment are drawn. */
export interface AttainmentBar {
	indicatorId: string;
	label: string;
	percent: number;
	row: IndicatorAttainment;
}

/** The bars of the attainment chart, in display order (worst first, so gaps stand out). */
export function attainmentBars(rows: IndicatorAttainment[]): AttainmentBar[] {
	return rows
		.filter((r) => r.attainment !== null)
		.map((r) => ({
			indicatorId: r.indicatorId,
			label: `${r.esfCode || r.indicatorId} · ${r.name}`,
			percent: plottedPercent(r.attainment!),
			row: r
		}))
		.sort((a, b) => a.percent - b.percent || a.indicatorId.localeCompare(b.indicatorId));
}

/** Draws the 80 % and 100 % reference lines and the value + status label at each bar's end. */
function annotations(
	bars: AttainmentBar[],
	fmt: Formatters,
	statusLabel: (s: string) => string
): Plugin<'bar'> {
	return {
		id: 'wirkungAttainmentAnnotations',
		afterDatasetsDraw(chart) {
			const { ctx, chartArea, scales } = chart;
			const x = scales.x!;
			ctx.save();
			for (const [value, dash] of [
				[100, []],
				[80, [4, 4]]
			] as const) {
				const px = x.getPixelForValue(value);
				ctx.strokeStyle = '#1d2b36';
				ctx.lineWidth = 1.5;
				ctx.setLineDash([...dash]);
				ctx.beginPath();
				ctx.moveTo(px, chartArea.top);
				ctx.lineTo(px, chartArea.bottom);
				ctx.stroke();
			}
			ctx.setLineDash([]);
			const meta = chart.getDatasetMeta(0);
			ctx.font = `600 ${Math.round(12 * (chart.width > 900 ? 1.1 : 1))}px ${String(chart.options.font?.family ?? 'sans-serif')}`;
			ctx.textBaseline = 'middle';
			meta.data.forEach((element, i) => {
				const bar = bars[i]!;
				const style = STATUS_STYLE[bar.row.status];
				const { x: endX, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
				const label = `${fmt.percent(bar.row.attainment)}  ${style.icon} ${statusLabel(bar.row.status)}`;
				const width = ctx.measureText(label).width;
				// A light backdrop keeps the label readable where it crosses the reference lines.
				ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
				ctx.fillRect(endX + 3, y - 9, width + 6, 18);
				ctx.fillStyle = '#1d2b36';
				ctx.fillText(label, endX + 6, y);
			});
			ctx.restore();
		}
	};
}

/** Chart.js configuration for the horizontal attainment bars. */
export function attainmentChartConfig(
	bars: AttainmentBar[],
	fmt: Formatters,
	text: { axis: string; status: (s: string) => string }
): ChartConfiguration<'bar'> {
	const max = Math.max(120, ...bars.map((b) => b.percent)) + 35;
	return {
		type: 'bar',
		data: {
			labels: bars.map((b) => b.label),
			datasets: [
				{
					data: bars.map((b) => b.percent),
					backgroundColor: bars.map((b) => STATUS_STYLE[b.row.status].color),
					borderRadius: 3,
					barPercentage: 0.75
				}
			]
		},
		options: {
			indexAxis: 'y',
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			layout: { padding: { right: 8 } },
			scales: {
				x: {
					min: 0,
					max: Math.ceil(max / 20) * 20,
					title: { display: true, text: text.axis },
					ticks: { callback: (v) => fmt.percent(Number(v) / 100).replace(',0', '') }
				},
				y: { ticks: { autoSkip: false, font: { size: 12 } } }
			},
			plugins: {
				tooltip: {
					callbacks: {
						label: (item) => {
							const bar = bars[item.dataIndex]!;
							return `${fmt.percent(bar.row.attainment)} (${fmt.number(bar.row.actual)} / ${fmt.number(bar.row.target)}) – ${text.status(bar.row.status)}`;
						}
					}
				}
			}
		},
		plugins: [annotations(bars, fmt, text.status)]
	};
}
