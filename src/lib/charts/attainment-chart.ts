import type { IndicatorAttainment } from '../metrics';
import { plottedPercent } from './format';

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
