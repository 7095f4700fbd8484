import { getContext, setContext } from 'svelte';
import type { Filters } from '../metrics';
import { workspace } from '../workspace';
import type { Coordinator } from '../workspace/coordinator';

/**
 * The filters a dashboard is about to show: set when a filter is chosen, before the page has
 * navigated to them, so the figures on it can start their queries at once. When the page's filters
 * arrive, the coordinator has those queries running or done (an identical query runs once).
 */
export type FilterIntent = () => Filters | null;

const KEY = Symbol('filter-intent');

export function setFilterIntent(intent: FilterIntent): void {
	setContext(KEY, intent);
}

/**
 * Runs `load` for the filters of the dashboard around the calling component as soon as they are
 * chosen (nothing outside a dashboard, e.g. on a slide). Call during component initialisation.
 * Errors are left to the component's own load of the page's filters, which reports them.
 * `first`: the engine runs one query at a time, in the order asked; a figure whose drawing takes
 * longest asks first, so it is drawn while the others' queries run. The others ask a task later.
 */
export function followFilterIntent(
	load: (engine: Coordinator, filters: Filters) => Promise<unknown>,
	first: () => boolean = () => false
): void {
	const intent = getContext<FilterIntent | undefined>(KEY);
	if (!intent) return;
	$effect(() => {
		const next = intent();
		if (next === null || workspace.version === 0) return;
		const start = () =>
			workspace
				.queries()
				.then((engine) => load(engine, next))
				.catch(() => {});
		if (first()) start();
		else setTimeout(start);
	});
}
