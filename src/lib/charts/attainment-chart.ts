import type { MessageKey } from '../i18n';
import type { IndicatorAttainment } from '../metrics';
import { DERIVED } from '../metrics/totals';
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

/** What the attainment chart's subtitle states: how many values from how many projects, over when. */
export interface AttainmentSummary {
	/** Values behind the plotted bars. */
	values: number;
	/** The most projects behind any one bar. */
	projects: number;
	/** First and last reported period of all rows (ISO dates), null when none is known. */
	since: string | null;
	asOf: string | null;
}

/** The subtitle figures of the attainment chart, shared by the canvas chart and the shared view. */
export function attainmentSummary(rows: IndicatorAttainment[], bars: AttainmentBar[]): AttainmentSummary {
	let since: string | null = null;
	let asOf: string | null = null;
	for (const r of rows) {
		if (r.since && (!since || r.since < since)) since = r.since;
		if (r.asOf && (!asOf || r.asOf > asOf)) asOf = r.asOf;
	}
	return {
		values: bars.reduce((sum, b) => sum + b.row.n, 0),
		projects: Math.max(0, ...bars.map((b) => b.row.projects)),
		since,
		asOf
	};
}

/** The phrase per DERIVED flag (metrics/totals.ts), in the order the subtitle names them. */
const DERIVED_NOTES: [number, MessageKey][] = [
	[DERIVED.gender, 'derived.gender'],
	[DERIVED.ageGroup, 'derived.ageGroup'],
	[DERIVED.genderAge, 'derived.genderAge'],
	[DERIVED.notDerivable, 'derived.notDerivable']
];

/**
 * What the subtitle says about figures derived from breakdown rows (totals.ts): one phrase per
 * kind of derivation among the rows, e.g. "Summe der Aufschlüsselung nach Geschlecht"; none when
 * every figure is as reported.
 */
export function derivedNotes(rows: { derived?: number }[]): MessageKey[] {
	const flags = rows.reduce((all, r) => all | (r.derived ?? 0), 0);
	return DERIVED_NOTES.filter(([flag]) => flags & flag).map(([, key]) => key);
}

/** The phrase per target basis (metrics TargetBasis), in the order the subtitle names them. */
const BASIS_NOTES: [string, MessageKey][] = [
	['period', 'basis.period'],
	['milestone', 'basis.milestone'],
	['prorated', 'basis.prorated']
];

/** What the plotted bars compare with, one phrase per basis among them (README "Attainment under a period range"). */
export function basisNotes(bars: AttainmentBar[]): MessageKey[] {
	const bases = new Set(bars.map((b) => b.row.basis));
	return BASIS_NOTES.filter(([basis]) => bases.has(basis as never)).map(([, key]) => key);
}
