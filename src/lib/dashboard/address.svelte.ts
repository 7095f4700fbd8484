import { pushState } from '$app/navigation';
import { page } from '$app/state';
import { cancelIdle, whenIdle } from './choices';

/**
 * The query a dashboard page shows and links with: the filters and the language. A filter change is
 * shown at once and becomes a history entry when the page is idle, as a shallow entry (`pushState`
 * of `$app/navigation`): a SvelteKit navigation per change cost ~10 ms (and a forced layout) before
 * any chart could be redrawn. SvelteKit's `page.url` keeps the address of the last real navigation,
 * so everything that reads the filters reads them here, never from `page.url`.
 */
class Address {
	/** A change not yet in the history, and the navigation it was made on. */
	#shown = $state.raw<{ on: URL; search: string } | null>(null);
	/** Hrefs of the changes not yet in the history, oldest first: each becomes its own entry. */
	#queue: string[] = [];
	#idle: number | undefined;

	/** The shown query, without `?`. */
	get search(): string {
		const shown = this.#shown;
		if (shown && shown.on === page.url) return shown.search;
		return page.state.search ?? page.url.search.slice(1);
	}

	get params(): URLSearchParams {
		return new URLSearchParams(this.search);
	}

	/** Shows `href` (same path, new query) now; its history entry follows when the page is idle. */
	show(href: string): void {
		this.#shown = { on: page.url, search: new URL(href, page.url).search.slice(1) };
		this.#queue.push(href);
		this.#idle ??= whenIdle(() => this.commit());
	}

	/**
	 * Writes the pending changes to the history now. Called before any navigation, so a drill-down
	 * right after a filter change still leaves the change in the history to come back to.
	 */
	commit(): void {
		const shown = this.#shown;
		const queue = this.#queue.splice(0);
		this.forget();
		// Shown on a page that has been left since: its entries would land on the wrong page.
		if (!shown || shown.on !== page.url) return;
		for (const href of queue) pushState(href, { search: new URL(href, page.url).search.slice(1) });
	}

	/** Drops the pending changes (the back button was pressed before they reached the history). */
	forget(): void {
		if (this.#idle !== undefined) cancelIdle(this.#idle);
		this.#idle = undefined;
		this.#queue = [];
		this.#shown = null;
	}
}

/** The address of the dashboard pages of this window. */
export const address = new Address();
