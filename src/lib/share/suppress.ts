/** Why a cell is hidden: its own n is under k, or it hides another cell (DESIGN.md §6). */
export type Suppression = 'primary' | 'secondary';

/** A cell as suppression sees it: an id and the number of units (persons, answers, projects) behind it. */
export interface CountCell {
	id: string;
	n: number;
}

/** A published additive relation: the parts sum to the total, so a lone hidden part could be recomputed. */
export interface Margin {
	total: string;
	parts: string[];
}

/**
 * Small-cell suppression with secondary suppression. Primary: every cell with 0 < n < k. Secondary,
 * repeated until nothing changes: in every margin whose total is still shown, the hidden parts must
 * be at least two and together hold at least k units; otherwise the smallest shown part with n > 0
 * (then a zero part, then the total itself) is hidden too. Zero cells reveal nobody and stay shown
 * unless needed. Deterministic: ties go to the smaller id.
 */
export function suppress(cells: CountCell[], margins: Margin[], k: number): Map<string, Suppression> {
	const n = new Map(cells.map((c) => [c.id, c.n]));
	const hidden = new Map<string, Suppression>();
	for (const cell of cells) if (cell.n > 0 && cell.n < k) hidden.set(cell.id, 'primary');

	const units = (id: string) => n.get(id) ?? 0;
	const relevant = margins.filter((m) => n.has(m.total) && m.parts.every((p) => n.has(p)));
	let changed = true;
	while (changed) {
		changed = false;
		for (const margin of relevant) {
			if (hidden.has(margin.total)) continue;
			const hiddenParts = margin.parts.filter((p) => hidden.has(p));
			if (hiddenParts.length === 0) continue;
			const hiddenUnits = hiddenParts.reduce((sum, p) => sum + units(p), 0);
			if (hiddenParts.length >= 2 && hiddenUnits >= k) continue;
			const candidate = margin.parts
				.filter((p) => !hidden.has(p))
				.sort((a, b) => rank(units(a)) - rank(units(b)) || (a < b ? -1 : a > b ? 1 : 0))[0];
			hidden.set(candidate ?? margin.total, 'secondary');
			changed = true;
		}
	}
	return hidden;
}

/** Order for picking a secondary cell: smallest positive count first, zero cells last. */
function rank(units: number): number {
	return units > 0 ? units : Number.MAX_SAFE_INTEGER;
}
