import { NO_FILTERS, filtersToSearchParams, type Filters } from '../metrics/filters';
import { filters as validFilters } from './validate';

const STORAGE_KEY = 'wirkung.dashboard-filters.v1';

/** Reads the stored filters; anything that does not validate means "no filters". */
function read(): Filters {
	try {
		const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
		return raw === null ? NO_FILTERS : validFilters(raw, 'filters');
	} catch {
		return NO_FILTERS;
	}
}

/**
 * The filters the analyst last set on a dashboard page, which linked slides show. Kept in
 * localStorage like the decks, so presentation windows follow through the `storage` event and a
 * presentation opened later (or offline) starts where the analyst left off.
 */
class DashboardFilters {
	filters: Filters = $state(NO_FILTERS);
	#started = false;

	start(): void {
		if (this.#started || typeof localStorage === 'undefined') return;
		this.#started = true;
		this.filters = read();
		window.addEventListener('storage', (event) => {
			if (event.key === STORAGE_KEY) this.filters = read();
		});
	}

	/** Called by analyst windows whenever a dashboard page's filters change. */
	publish(filters: Filters): void {
		this.start();
		const same = filtersToSearchParams(filters).toString() === filtersToSearchParams(this.filters).toString();
		if (same) return;
		this.filters = filters;
		localStorage.setItem(STORAGE_KEY, JSON.stringify(filters));
	}
}

/** The dashboard filters as this window knows them. */
export const dashboardFilters = new DashboardFilters();
