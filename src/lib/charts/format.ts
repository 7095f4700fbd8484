import { INTL_LOCALE, type Locale } from '../i18n';

/** Formatters for one locale, all through Intl (de-DE by default: 1.234,5 and 30.09.2022). */
export function formatters(locale: Locale) {
	const tag = INTL_LOCALE[locale];
	const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
	const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
	const percent = new Intl.NumberFormat(tag, {
		style: 'percent',
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	});
	const date = new Intl.DateTimeFormat(tag, {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		timeZone: 'UTC'
	});
	return {
		/** Counts: 1.234 */
		count: (value: number | null) => (value === null ? '–' : integer.format(value)),
		/** Measured values: 1.234,5 */
		number: (value: number | null) => (value === null ? '–' : decimal.format(value)),
		/** Ratios as percent with one decimal: 0.753 → 75,3 % */
		percent: (ratio: number | null) => (ratio === null ? '–' : percent.format(ratio)),
		/** ISO calendar date (YYYY-MM-DD) → 30.09.2022, without any timezone shift. */
		date: (iso: string | null) => (iso === null ? '–' : date.format(new Date(`${iso}T00:00:00Z`))),
		/** A period of ISO dates: 01.01.2019–30.09.2022 */
		period: (from: string | null, to: string | null) =>
			from === null && to === null
				? '–'
				: `${from === null ? '…' : date.format(new Date(`${from}T00:00:00Z`))}–${to === null ? '…' : date.format(new Date(`${to}T00:00:00Z`))}`
	};
}

export type Formatters = ReturnType<typeof formatters>;

/** Attainment ratio → the percentage value plotted (one decimal), so chart and table agree. */
export function plottedPercent(ratio: number): number {
	return Math.round(ratio * 1000) / 10;
}
