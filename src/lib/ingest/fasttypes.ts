import type { NumberStyle } from './typing';

/** A type read_csv parses itself; VARCHAR columns get the precise SQL parse of typing.ts instead. */
export type FastType = 'DOUBLE' | 'DATE' | 'VARCHAR';

/** What a mapped column holds, as far as the fast read cares. */
export type ColumnKind = 'number' | 'date' | 'other';

/** The read_csv options of one fast read: one decimal style and date format per call. */
export interface FastPlan {
	/** File header → type read_csv casts it to. */
	types: Record<string, FastType>;
	/** Number style of the DOUBLE columns (sets decimal_separator and thousands). */
	style: NumberStyle;
	/** dateformat of the DATE columns; null when there is none. */
	dateformat: string | null;
}

/**
 * Share of a column's sample values that may miss the fast form: those rows are re-read through
 * the precise path, so a few are cheap, but a column full of them is faster read as text.
 */
export const FAST_MISS_SHARE = 0.01;

const DE = /^-?(\d{1,3}(\.\d{3})+(,\d+)?|\d+,\d+)\s?%?$/;
const EN = /^-?(\d{1,3}(,\d{3})+(\.\d+)?|\d+\.\d+)\s?%?$/;
/** Plain numbers read_csv reads the same way as numberSql: digits, one decimal mark, thousands groups. */
const PLAIN: Record<NumberStyle, RegExp> = {
	de: /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/,
	en: /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/
};
/** German day dates with a four-digit year: strptime's %Y would also read "15.3.21" as the year 21. */
const DAY_DATE = /^\d{1,2}\.\d{1,2}\.\d{4}$/;

/**
 * German (1.234,5) against English (1,234.5) style of a number column, counted over its values as
 * numberStyleProbeSql does; ties go to German, the exports this app is for.
 */
export function decideNumberStyle(values: readonly string[]): NumberStyle {
	let de = 0;
	let en = 0;
	for (const raw of values) {
		const v = raw.trim();
		if (DE.test(v)) de++;
		if (EN.test(v)) en++;
	}
	return en > de ? 'en' : 'de';
}

function fits(values: readonly string[], test: (v: string) => boolean): boolean {
	let misses = 0;
	for (const raw of values) {
		const v = raw.trim();
		if (v !== '' && !test(v)) misses++;
	}
	return misses <= values.length * FAST_MISS_SHARE;
}

/**
 * Decides per column, from a sample of its values, the type read_csv can cast it to itself.
 * Number columns in the file's majority style become DOUBLE, day-date columns DATE; every other
 * column, and a column whose sample holds more than FAST_MISS_SHARE other values (placeholders,
 * percentages, quarters), stays VARCHAR and is parsed by the precise SQL.
 */
export function decideFastPlan(
	columns: readonly { header: string; kind: ColumnKind; style?: NumberStyle }[],
	sample: (header: string) => readonly string[]
): FastPlan {
	const numbers = columns.filter((c) => c.kind === 'number');
	const eligible = numbers.filter((c) => fits(sample(c.header), (v) => PLAIN[c.style ?? 'de'].test(v)));
	const de = eligible.filter((c) => (c.style ?? 'de') === 'de').length;
	const style: NumberStyle = eligible.length - de > de ? 'en' : 'de';
	const types: Record<string, FastType> = {};
	for (const c of columns) types[c.header] ??= 'VARCHAR';
	for (const c of eligible) if ((c.style ?? 'de') === style) types[c.header] = 'DOUBLE';
	let dates = 0;
	for (const c of columns)
		if (
			c.kind === 'date' &&
			types[c.header] === 'VARCHAR' &&
			fits(sample(c.header), (v) => DAY_DATE.test(v))
		) {
			types[c.header] = 'DATE';
			dates++;
		}
	// A header mapped to two kinds (rare) is read as text.
	for (const c of columns)
		if (columns.some((o) => o.header === c.header && o.kind !== c.kind)) types[c.header] = 'VARCHAR';
	return { types, style, dateformat: dates ? '%d.%m.%Y' : null };
}

/** The read_csv options for a plan's numbers: decimal mark and the thousands mark numberSql strips. */
export function numberOptions(style: NumberStyle): { decimal: string; thousands: string } {
	return style === 'de' ? { decimal: ',', thousands: '.' } : { decimal: '.', thousands: ',' };
}
