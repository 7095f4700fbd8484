import { NO_FILTERS, type Filters } from '../metrics/filters';
import { cellId, viewFilters } from './cube';
import { countsUnits } from './rules';
import type { CubeCell, CubeFilters, CubeMeta, CubeView } from './schema';

/**
 * Disclosure control across publications of the same data (issue 20.2; README "Disclosure control
 * across shares"). Each cube passes k on its own, but two cubes whose filters nest (one selects a
 * subset of what the other selects: Leipzig ⊂ Leipzig + Dresden, one project ⊂ the programme, a
 * period inside a longer one) publish the same cell twice, and the difference of the two values
 * counts exactly the units in the larger selection and not in the smaller one. When that
 * difference is between 1 and k − 1, it is a small cell as surely as if it had been published.
 * The audit finds those pairs; the server refuses the newer publication (the older one stays
 * live), and an export (PowerPoint, …) calls the same function against what it exported before.
 */

/** A cube already published (or exported) and still readable. */
export interface PublishedCube {
	id: string;
	meta: CubeMeta;
	cells: CubeCell[];
}

/** A count that two publications together reveal. */
export interface Disclosure {
	/** The earlier publication. */
	other: string;
	/** The cell published in both (view|dim1|dim2). */
	cell: string;
	/** What their difference reveals: a count between 1 and k − 1. */
	difference: number;
}

/** A cube's published filters as Filters (absent = the whole programme). */
function filtersOf(meta: CubeMeta): Filters {
	const f: CubeFilters | undefined = meta.filters;
	if (!f) return NO_FILTERS;
	return {
		...NO_FILTERS,
		periodFrom: f.periodFrom,
		periodTo: f.periodTo,
		states: f.states,
		municipalities: f.municipalities,
		projects: f.projects.map((p) => p.id),
		indicators: f.indicators.map((i) => i.id)
	};
}

/** Whether list filter `outer` selects everything `inner` selects (an empty list selects all). */
const listContains = (outer: string[], inner: string[]) =>
	outer.length === 0 || (inner.length > 0 && inner.every((v) => outer.includes(v)));

/** Whether period filter `outer` covers `inner` (null ends are open). */
const periodContains = (outer: Filters, inner: Filters) =>
	(outer.periodFrom === null || (inner.periodFrom !== null && inner.periodFrom >= outer.periodFrom)) &&
	(outer.periodTo === null || (inner.periodTo !== null && inner.periodTo <= outer.periodTo));

/** Whether everything `inner` selects is also selected by `outer` (equal filters included). */
export function contains(outer: Filters, inner: Filters): boolean {
	return (
		periodContains(outer, inner) &&
		(['states', 'municipalities', 'projects', 'indicators'] as const).every((key) =>
			listContains(outer[key], inner[key])
		)
	);
}

/**
 * The counts `cube` would reveal together with `others`: for every view both publish under
 * nested filters (as the view applies them, see viewFilters), every unit-counting cell shown in
 * both whose values differ by 1 … k − 1 (k the larger of the two). Equal filters count as nested:
 * the same view republished after a data update differences to the units added meanwhile.
 */
export function auditAgainst(
	cube: { meta: CubeMeta; cells: CubeCell[] },
	others: PublishedCube[]
): Disclosure[] {
	const found: Disclosure[] = [];
	const mine = filtersOf(cube.meta);
	const shown = (cells: CubeCell[], view: CubeView) =>
		new Map(
			cells
				.filter((c) => c.view === view && !c.suppressed && c.value !== null && countsUnits(c))
				.map((c) => [cellId(c), c.value!])
		);
	for (const other of others) {
		const theirs = filtersOf(other.meta);
		const k = Math.max(cube.meta.k, other.meta.k);
		for (const view of cube.meta.views.filter((v) => other.meta.views.includes(v))) {
			const a = viewFilters(view, mine);
			const b = viewFilters(view, theirs);
			if (!contains(a, b) && !contains(b, a)) continue;
			const theirCells = shown(other.cells, view);
			for (const [id, value] of shown(cube.cells, view)) {
				const their = theirCells.get(id);
				if (their === undefined) continue;
				const difference = Math.round(Math.abs(value - their));
				if (difference > 0 && difference < k) found.push({ other: other.id, cell: id, difference });
			}
		}
	}
	return found;
}
