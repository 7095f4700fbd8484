import { literal } from '../engine/sql';
import { normalizeHeader, PLACEHOLDERS, TOTAL_SPELLINGS, VOCABULARIES, type ColumnDef } from '../model';

/** How a number column writes its numbers, decided from the column's own values. */
export type NumberStyle = 'de' | 'en';

/** SQL that folds a text value the way normalizeHeader does (trim, lower case, umlauts). */
export function normalizedSql(expr: string): string {
	return `replace(replace(replace(replace(regexp_replace(lower(trim(${expr})), '\\s+', ' ', 'g'), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss')`;
}

const placeholderList = Object.keys(PLACEHOLDERS)
	.map((p) => literal(p))
	.join(', ');

/** SQL condition: the raw cell is a statistics placeholder ("-", "k.A.", "*", empty …). */
export function isPlaceholderSql(raw: string): string {
	return `(${raw} IS NULL OR lower(trim(${raw})) IN (${placeholderList}))`;
}

/** SQL parsing a number cell in the given style; placeholders give 0 ("-") or NULL. */
export function numberSql(raw: string, style: NumberStyle): string {
	const cleaned = `regexp_replace(trim(${raw}), '[\\s%]', '', 'g')`;
	const canonical =
		style === 'de' ? `replace(replace(${cleaned}, '.', ''), ',', '.')` : `replace(${cleaned}, ',', '')`;
	const zeros = Object.entries(PLACEHOLDERS)
		.filter(([, p]) => p.value === 0)
		.map(([k]) => literal(k))
		.join(', ');
	return `CASE WHEN trim(${raw}) IN (${zeros}) THEN 0 WHEN ${isPlaceholderSql(raw)} THEN NULL ELSE TRY_CAST(${canonical} AS DOUBLE) END`;
}

/** Which end of a period a date column wants: "Q3/2021" starts 01.07.2021 and ends 30.09.2021. */
export type PeriodEdge = 'start' | 'end';

/**
 * SQL parsing a calendar date or a period and taking its start or end: DD.MM.YYYY, D.M.YY, ISO,
 * MM/YYYY, quarters (Q3/2021, 3. Quartal 2021, 2021-Q3), half years (1. Halbjahr 2021, H1/2021)
 * and years (2021). Only DATE arithmetic: never through a timezone.
 */
export function dateSql(raw: string, edge: PeriodEdge = 'start'): string {
	const v = `lower(trim(${raw}))`;
	// The digit count picks the format: strptime's %Y would read "15.3.21" as the year 21.
	const day = `CAST(CASE WHEN regexp_full_match(${v}, '\\d{1,2}\\.\\d{1,2}\\.\\d{4}') THEN try_strptime(${v}, '%d.%m.%Y')
		WHEN regexp_full_match(${v}, '\\d{1,2}\\.\\d{1,2}\\.\\d{2}') THEN try_strptime(${v}, '%d.%m.%y')
		WHEN regexp_full_match(${v}, '\\d{4}-\\d{2}-\\d{2}') THEN try_strptime(${v}, '%Y-%m-%d') END AS DATE)`;
	const int = (pattern: string, group: number) =>
		`CAST(regexp_extract(${v}, '${pattern}', ${group}) AS INTEGER)`;
	const month = '^(\\d{1,2})[/.](\\d{4})$';
	const quarter = [
		{ re: '^q\\s*([1-4])\\s*[/.-]?\\s*(\\d{4})$', q: 1, y: 2 },
		{ re: '^([1-4])\\.?\\s*quartal\\s*(\\d{4})$', q: 1, y: 2 },
		{ re: '^(\\d{4})\\s*[/-]?\\s*q([1-4])$', q: 2, y: 1 }
	];
	const half = [
		{ re: '^h\\s*([12])\\s*[/.-]?\\s*(\\d{4})$', h: 1, y: 2 },
		{ re: '^([12])\\.?\\s*halbjahr\\s*(\\d{4})$', h: 1, y: 2 }
	];
	const span = (year: string, firstMonth: string, months: number) =>
		edge === 'start'
			? `make_date(${year}, ${firstMonth}, 1)`
			: `last_day(make_date(${year}, ${firstMonth} + ${months - 1}, 1))`;
	const branches = [
		`WHEN ${day} IS NOT NULL THEN ${day}`,
		`WHEN regexp_full_match(${v}, '${month}') AND ${int(month, 1)} BETWEEN 1 AND 12 THEN ${span(int(month, 2), int(month, 1), 1)}`,
		...quarter.map(
			(p) =>
				`WHEN regexp_full_match(${v}, '${p.re}') THEN ${span(int(p.re, p.y), `(${int(p.re, p.q)} - 1) * 3 + 1`, 3)}`
		),
		...half.map(
			(p) =>
				`WHEN regexp_full_match(${v}, '${p.re}') THEN ${span(int(p.re, p.y), `(${int(p.re, p.h)} - 1) * 6 + 1`, 6)}`
		),
		`WHEN regexp_full_match(${v}, '^\\d{4}$') THEN ${span(`CAST(${v} AS INTEGER)`, '1', 12)}`
	];
	return `(CASE ${branches.join(' ')} END)`;
}

/** Normalised spelling → code of a vocabulary column (a spelling listed twice: the later code). */
function spellingCodes(column: ColumnDef): Map<string, string> {
	const entries = new Map<string, string>();
	for (const [code, spellings] of Object.entries(VOCABULARIES[column.vocabulary!]))
		for (const spelling of [code, ...spellings]) entries.set(normalizeHeader(spelling), code);
	return entries;
}

/**
 * SQL mapping a vocabulary value to its canonical code; total spellings and empty → NULL.
 * One MAP lookup on the normalised value: a CASE per code would normalise the cell once per branch,
 * which made typing 65 000 sample rows take over half a second.
 */
export function vocabularySql(raw: string, column: ColumnDef): string {
	const entries = spellingCodes(column);
	// "insgesamt" means the total row only for breakdown dimensions; elsewhere "Summe" is a value.
	const isDimension = column.vocabulary === 'gender' || column.vocabulary === 'age_group';
	const totals = isDimension ? TOTAL_SPELLINGS : [];
	const map = [...entries].map(([spelling, code]) => `${literal(spelling)}: ${literal(code)}`).join(', ');
	const lookup = `MAP {${map}}[${normalizedSql(raw)}]`;
	const code = totals.length
		? `CASE WHEN ${normalizedSql(raw)} IN (${totals.map((t) => literal(t)).join(', ')}) THEN NULL ELSE ${lookup} END`
		: lookup;
	return column.type === 'boolean' ? `CAST(${code} AS BOOLEAN)` : code;
}

/** Text the JS twins below fold exactly as the SQL does: printable ASCII, whitespace, German letters. */
const FOLDABLE = /^[\x20-\x7e\t\n\f\räöüÄÖÜß]*$/;

/** DuckDB's trim: spaces only. */
const trimSpaces = (v: string) => v.replace(/^ +| +$/g, '');

/** normalizedSql in JS, for FOLDABLE text (RE2's \s is [\t\n\f\r ]). */
function normalizedValue(v: string): string {
	return trimSpaces(v)
		.toLowerCase()
		.replace(/[\t\n\f\r ]+/g, ' ')
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss');
}

/**
 * What vocabularySql and isPlaceholderSql make of a cell, worked out in JS so the fast read needs
 * no SQL round trip per spelling: its code (null for totals and placeholders, a boolean column's
 * code as text) and whether the cell is a placeholder. Undefined for text outside FOLDABLE, which
 * is left to the SQL.
 */
export function vocabularyValue(
	raw: string,
	column: ColumnDef
): { code: string | null; placeholder: boolean } | undefined {
	if (!FOLDABLE.test(raw)) return undefined;
	const placeholder = Object.hasOwn(PLACEHOLDERS, trimSpaces(raw).toLowerCase());
	const key = normalizedValue(raw);
	const isDimension = column.vocabulary === 'gender' || column.vocabulary === 'age_group';
	if (isDimension && TOTAL_SPELLINGS.includes(key)) return { code: null, placeholder };
	return { code: spellingCodes(column).get(key) ?? null, placeholder };
}

/** Human-readable list of accepted spellings for a vocabulary column, for reject reasons. */
export function vocabularyHint(column: ColumnDef): string {
	const vocabulary = VOCABULARIES[column.vocabulary!];
	return Object.entries(vocabulary)
		.map(([code, spellings]) => spellings[0] ?? code)
		.join(', ');
}

/** SQL encoding a text value as a JSON string literal (DuckDB's json extension is not bundled). */
export function jsonStringSql(raw: string): string {
	const escaped = `replace(replace(replace(replace(replace(${raw}, '\\', '\\\\'), '"', '\\"'), chr(10), '\\n'), chr(13), '\\r'), chr(9), '\\t')`;
	return `'"' || regexp_replace(${escaped}, '[\\x00-\\x1f]', '', 'g') || '"'`;
}

/**
 * SQL building a JSON object text of the file's extra columns ({"Bemerkung": "geprüft"}): kept on
 * every row (`_extra`), empty cells left out. Text, so it survives the CSV snapshot unchanged.
 */
export function extrasSql(headers: string[], ident: (name: string) => string): string {
	if (!headers.length) return 'CAST(NULL AS VARCHAR)';
	const members = headers.map(
		(h) =>
			`CASE WHEN ${ident(h)} IS NULL THEN NULL ELSE ${literal(JSON.stringify(h) + ':')} || ${jsonStringSql(ident(h))} END`
	);
	return `'{' || concat_ws(',', ${members.join(', ')}) || '}'`;
}
