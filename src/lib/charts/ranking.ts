/** A bar of a shortened ranking, or the gap standing for the bars left out between best and worst. */
export type RankedBar<T> = { row: T } | { omitted: number };

/**
 * The best `top` and worst `bottom` rows of a ranking (best first), with one gap entry counting
 * those in between: a slide has room for about 20 readable bars, not 70. A ranking that fits, or
 * would leave out a single row, is kept whole.
 */
export function topAndBottom<T>(rows: T[], top: number, bottom: number): RankedBar<T>[] {
	const head = Math.max(0, top);
	const tail = Math.max(0, bottom);
	if (rows.length <= head + tail + 1) return rows.map((row) => ({ row }));
	return [
		...rows.slice(0, head).map((row) => ({ row })),
		{ omitted: rows.length - head - tail },
		...rows.slice(rows.length - tail).map((row) => ({ row }))
	];
}
