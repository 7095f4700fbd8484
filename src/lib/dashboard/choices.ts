import type { FilterOptions, Filters } from '../metrics';

/** Municipalities and projects the filter bar offers but hides: outside the chosen Länder and municipalities. */
export interface HiddenChoices {
	municipalities: Set<string>;
	projects: Set<string>;
}

/**
 * Which municipality and project options lie outside the place filters: a municipality outside
 * the chosen Länder, a project outside the chosen municipalities or in a municipality of another
 * Land. Options without a place are outside whenever the filter they miss is set.
 */
export function hiddenChoices(options: FilterOptions, filters: Filters): HiddenChoices {
	const { states, municipalities } = filters;
	const offMunicipalities = new Set(
		options.municipalities
			.filter((m) => states.length > 0 && (m.state === null || !states.includes(m.state)))
			.map((m) => m.municipality)
	);
	const projects = new Set(
		options.projects
			.filter(
				(p) =>
					(municipalities.length > 0 &&
						(p.municipality === null || !municipalities.includes(p.municipality))) ||
					(states.length > 0 && (p.municipality === null || offMunicipalities.has(p.municipality)))
			)
			.map((p) => p.projectId)
	);
	return { municipalities: offMunicipalities, projects };
}

/**
 * Runs `task` when the browser is idle (within a second at most), for DOM work nobody waits for;
 * returns a handle for `cancelIdle`. Browsers without requestIdleCallback (Safari) run it a little later.
 */
export function whenIdle(task: () => void): number {
	if (typeof requestIdleCallback === 'function') return requestIdleCallback(task, { timeout: 1000 });
	return window.setTimeout(task, 50);
}

export function cancelIdle(handle: number): void {
	if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
	else clearTimeout(handle);
}
