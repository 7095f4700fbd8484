/**
 * Totals from breakdowns (DESIGN.md §5, README "Totals from breakdowns"). An export may carry only
 * breakdown rows for an (indicator, project, period) — per gender, per age group, or per gender ×
 * age group — and no total row. The rule, written here once as data (DERIVATIONS, PART_TOTAL) and
 * turned into one SQL statement (reportedActualsSql) that every figure reads instead of `actuals`:
 * the SQL figures directly, the in-memory figures (slice.ts) through the coordinator's facts table,
 * which is materialised from the same statement. So both paths see the same rows by construction.
 *
 * - A row that is reported counts as it is: where a total and its breakdown both exist, the total
 *   counts (a breakdown that does not add up is the data check's business, not a figure's).
 * - A missing total is derived from the most detailed breakdown present: gender × age group, else
 *   gender, else age group. A missing gender row (or age-group row) of a gender × age-group export
 *   is derived from its cells: a gender filter sums over the age groups.
 * - How parts make a whole depends on the indicator's aggregation (PART_TOTAL): counts ('sum') and
 *   stocks at a date ('last') add up over disjoint groups; means and rates ('mean') do not without
 *   each group's count, which the data model does not carry: such a total is not derivable, is kept
 *   as a row without value and flagged (DERIVED.notDerivable), so a figure says why it has no value.
 * - Parts without a value (missing, suppressed) are left out of the sum: the derived total is the
 *   sum of the parts reported.
 * - A derived row carries the flag of the breakdown it was summed from (`derived`, a bit set), and
 *   figures pass the union of their rows' flags on, so a subtitle can say "Summe der
 *   Aufschlüsselung nach Geschlecht".
 */

/** Bit flags of an actual row's `derived` column: 0 = reported as it is. */
export const DERIVED = {
	/** Summed from gender × age-group cells. */
	genderAge: 1,
	/** Summed from the rows per gender. */
	gender: 2,
	/** Summed from the rows per age group. */
	ageGroup: 4,
	/** Not derivable from the parts (a mean without the parts' counts): kept without a value. */
	notDerivable: 8
} as const;

/** How an actual row's breakdown looks: which of gender and age group it names. */
export type RowShape = 'total' | 'gender' | 'age_group' | 'gender_age';

/** One way of deriving a missing row: from which rows, with which flag; lower rank is preferred. */
export interface Derivation {
	/** The row that is missing; a 'gender' row keeps its gender, an 'age_group' row its age group. */
	output: Exclude<RowShape, 'gender_age'>;
	/** The rows it is derived from. */
	from: Exclude<RowShape, 'total'>;
	flag: number;
	rank: number;
}

/** Every derivation, most detailed breakdown first (rank 1). */
export const DERIVATIONS: readonly Derivation[] = [
	{ output: 'total', from: 'gender_age', flag: DERIVED.genderAge, rank: 1 },
	{ output: 'total', from: 'gender', flag: DERIVED.gender, rank: 2 },
	{ output: 'total', from: 'age_group', flag: DERIVED.ageGroup, rank: 3 },
	{ output: 'gender', from: 'gender_age', flag: DERIVED.genderAge, rank: 1 },
	{ output: 'age_group', from: 'gender_age', flag: DERIVED.genderAge, rank: 1 }
];

/** How the parts of a breakdown make the whole, per indicator aggregation; null = not derivable. */
export const PART_TOTAL: Readonly<Record<'sum' | 'last' | 'mean', 'sum' | null>> = {
	sum: 'sum',
	last: 'sum',
	mean: null
};

/** A row's shape as SQL over alias `a`. */
const SHAPE_SQL = (a: string) => `CASE WHEN ${a}.gender IS NULL AND ${a}.age_group IS NULL THEN 'total'
		WHEN ${a}.age_group IS NULL THEN 'gender' WHEN ${a}.gender IS NULL THEN 'age_group' ELSE 'gender_age' END`;

/** The reporting key of an actual row. */
const KEY = 'indicator_id, project_id, period_start, period_end';

/**
 * SQL of the actual rows every figure reads: the reported rows (`derived` = 0) and, for each
 * reporting key, the rows DERIVATIONS derive where the reported rows lack them. Columns:
 * indicator_id, project_id, period_start, period_end, value, cumulative, gender, age_group,
 * derived. `actuals`: the table of reported rows.
 */
export function reportedActualsSql(actuals = 'actuals'): string {
	const derivable = Object.entries(PART_TOTAL)
		.filter(([, how]) => how === 'sum')
		.map(([aggregation]) => `'${aggregation}'`)
		.join(', ');
	const candidates = DERIVATIONS.map(
		(d) => `SELECT ${KEY}, ${d.output === 'gender' ? 'gender' : 'NULL'} AS gender,
		${d.output === 'age_group' ? 'age_group' : 'NULL'} AS age_group, ${d.rank} AS rank, ${d.flag} AS flag, value, cumulative
	FROM parts WHERE shape = '${d.from}'`
	).join('\n\tUNION ALL ');
	return `WITH shaped AS (
	SELECT ${KEY}, value, cumulative, gender, age_group, ${SHAPE_SQL('a')} AS shape FROM ${actuals} a
),
open_keys AS (
	-- Keys where a row may be missing: no total, or gender × age-group cells (whose margins may be missing).
	SELECT ${KEY} FROM shaped GROUP BY ALL HAVING NOT bool_or(shape = 'total') OR bool_or(shape = 'gender_age')
),
parts AS (SELECT s.* FROM shaped s SEMI JOIN open_keys k USING (${KEY})),
candidates AS (
	-- What is reported (rank 0) wins over what could be derived.
	SELECT ${KEY}, gender, age_group, 0 AS rank, 0 AS flag, NULL::DOUBLE AS value, NULL::BOOLEAN AS cumulative
	FROM parts WHERE shape <> 'gender_age'
	UNION ALL ${candidates}
),
sums AS (
	SELECT ${KEY}, gender, age_group, rank, any_value(flag) AS flag, sum(value) AS value, bool_or(cumulative) AS cumulative
	FROM candidates GROUP BY ${KEY}, gender, age_group, rank
	QUALIFY rank = min(rank) OVER (PARTITION BY ${KEY}, gender, age_group)
)
SELECT ${KEY}, value, cumulative, gender, age_group, 0::UTINYINT AS derived FROM ${actuals}
UNION ALL
SELECT s.indicator_id, s.project_id, s.period_start, s.period_end,
	CASE WHEN coalesce(i.aggregation, 'sum') IN (${derivable}) THEN s.value END AS value,
	s.cumulative, s.gender, s.age_group,
	(CASE WHEN coalesce(i.aggregation, 'sum') IN (${derivable}) THEN s.flag ELSE ${DERIVED.notDerivable} END)::UTINYINT AS derived
FROM sums s LEFT JOIN (SELECT indicator_id, any_value(aggregation) AS aggregation FROM indicators GROUP BY ALL) i USING (indicator_id)
WHERE s.rank > 0`;
}
