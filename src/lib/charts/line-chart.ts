import type { ChartConfiguration } from 'chart.js';
import { roundTicks } from './ticks';

/** One line of a line chart. */
export interface LineSeries {
	label: string;
	values: (number | null)[];
	color: string;
	dashed?: boolean;
}

/** Chart.js configuration of lines over categories (period ends); no animation. */
export function lineChartConfig(spec: {
	labels: string[];
	series: LineSeries[];
	axis: string;
	format: (value: number) => string;
}): ChartConfiguration<'line'> {
	return {
		type: 'line',
		data: {
			labels: spec.labels,
			datasets: spec.series.map((s, i) => ({
				label: s.label,
				data: s.values,
				borderColor: s.color,
				backgroundColor: s.color,
				borderWidth: 3,
				borderDash: s.dashed ? [8, 5] : [],
				pointRadius: 3,
				// Different point shapes keep the lines apart without colour.
				pointStyle: i === 0 ? 'circle' : 'rectRot',
				spanGaps: true
			}))
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			scales: {
				y: {
					min: 0,
					afterBuildTicks: roundTicks(
						Math.max(0, ...spec.series.flatMap((s) => s.values.map((v) => v ?? 0))),
						false
					),
					title: { display: true, text: spec.axis },
					ticks: { callback: (v) => spec.format(Number(v)) }
				},
				x: { ticks: { maxRotation: 0, autoSkip: true } }
			},
			plugins: {
				legend: { position: 'bottom', labels: { usePointStyle: true } },
				tooltip: {
					callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${spec.format(Number(item.raw))}` }
				}
			}
		}
	};
}
