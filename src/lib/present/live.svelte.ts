import { onMount } from 'svelte';
import { workspace } from '../workspace';
import { openChannel, type Channel } from './channel';
import { dashboardFilters } from './dashboard.svelte';
import { loadNeed } from './load';
import { resolveSlide, type Slide } from './deck';
import { actionForKey, clampNav, navigate, START, type NavAction, type NavState } from './keys';
import { decks } from './store.svelte';
import { dataKey, deckNeeds, replaces, type DataEntry, type Message, type Need } from './sync';

/** How long a presentation window waits for an analyst tab before loading the data itself. */
const ANALYST_WAIT_MS = 1500;

/**
 * A presentation or speaker window's link: the slides' data (from an analyst tab, or loaded by this
 * window's own engine when no analyst tab answers, e.g. offline at the venue) and the navigation
 * state, which the audience and speaker windows of a deck share.
 */
export class PresentationLink {
	entries: Record<string, DataEntry> = $state.raw({});
	nav: NavState = $state(START);
	/** The active deck's slides as shown: linked slides with the analyst's dashboard filters. */
	slides: Slide[] = $derived(
		(decks.active?.slides ?? []).map((slide) => resolveSlide(slide, dashboardFilters.filters))
	);
	#channel: Channel | null = null;
	#needs: Need[] = [];
	#needKeys: string | null = null;
	#deckId: string | null = null;
	#localTimer: ReturnType<typeof setTimeout> | undefined;
	#local = false;

	/** Call during a component's initialisation: shows the browser's active deck, live. */
	follow(): void {
		onMount(() => {
			decks.start();
			dashboardFilters.start();
			return this.start();
		});
		$effect(() => {
			const deck = decks.active;
			this.show(deck?.id ?? null, deckNeeds(deck, dashboardFilters.filters), deck?.slides.length ?? 0);
		});
		$effect(() => this.localChanged(workspace.version));
	}

	start(): () => void {
		this.#channel = openChannel((message) => this.#receive(message));
		const bye = () => this.#channel?.post({ type: 'bye' });
		window.addEventListener('pagehide', bye);
		return () => {
			bye();
			window.removeEventListener('pagehide', bye);
			clearTimeout(this.#localTimer);
			this.#channel?.close();
		};
	}

	/** The data of a chart slide, if any has arrived. */
	entry(slide: Slide): DataEntry | undefined {
		return slide.kind === 'chart' ? this.entries[dataKey(slide)] : undefined;
	}

	/** The deck shown and the data its chart slides need; asks analyst tabs, then falls back to local. */
	show(deckId: string | null, needs: Need[], count: number): void {
		if (deckId !== this.#deckId) {
			this.#deckId = deckId;
			this.nav = START;
			if (deckId) this.#channel?.post({ type: 'nav?', deckId });
		}
		this.nav = clampNav(this.nav, count);
		// Typing a note changes the deck but not what data it needs: ask only when that changes.
		const keys = needs.map(dataKey).join('\n');
		if (keys === this.#needKeys) return;
		this.#needKeys = keys;
		// Deck objects are reactive proxies, which BroadcastChannel cannot clone.
		this.#needs = $state.snapshot(needs);
		if (needs.length === 0) return;
		this.#channel?.post({ type: 'need', needs: this.#needs });
		clearTimeout(this.#localTimer);
		if (this.#local) this.#loadLocally();
		else this.#localTimer = setTimeout(() => this.#loadLocally(), ANALYST_WAIT_MS);
	}

	/** Call with this window's workspace.version: local data changed (e.g. reloaded from storage). */
	localChanged(version: number): void {
		if (version > 0 && this.#local) this.#loadLocally(true);
	}

	/** Handles a key press; returns what the window itself must do (full screen), if anything. */
	key(event: KeyboardEvent, count: number): NavAction | null {
		// Typing stays typing; a focused button keeps Enter and Space for itself, arrows still navigate.
		const target = event.target instanceof Element ? event.target : null;
		if (target?.closest('input, textarea, select, [contenteditable]')) return null;
		if (target?.closest('button, a') && (event.key === ' ' || event.key === 'Enter')) return null;
		const action = actionForKey(event, this.nav.digits !== '');
		if (!action) return null;
		event.preventDefault();
		this.go(action, count);
		return action;
	}

	go(action: NavAction, count: number): void {
		const before = this.nav;
		this.nav = navigate(before, action, count);
		if (this.#deckId && (before.index !== this.nav.index || before.blank !== this.nav.blank))
			this.#channel?.post({
				type: 'nav',
				deckId: this.#deckId,
				index: this.nav.index,
				blank: this.nav.blank
			});
	}

	#receive(message: Message): void {
		switch (message.type) {
			case 'data':
				this.#accept(message.key, {
					origin: 'analyst',
					changedAt: message.changedAt,
					data: message.data,
					error: message.error
				});
				break;
			case 'source':
				if (this.#needs.length) this.#channel?.post({ type: 'need', needs: this.#needs });
				break;
			case 'nav':
				if (message.deckId === this.#deckId)
					this.nav = { index: message.index, blank: message.blank, digits: '' };
				break;
			case 'nav?':
				if (message.deckId === this.#deckId)
					this.#channel?.post({
						type: 'nav',
						deckId: message.deckId,
						index: this.nav.index,
						blank: this.nav.blank
					});
				break;
		}
	}

	#accept(key: string, entry: DataEntry): void {
		if (!replaces(this.entries[key], entry)) return;
		this.entries = { ...this.entries, [key]: entry };
	}

	/** Loads what no analyst tab provided with this window's own engine. */
	async #loadLocally(reload = false): Promise<void> {
		const missing = this.#needs.filter((need) => {
			const entry = this.entries[dataKey(need)];
			return !entry || (reload && entry.origin === 'local');
		});
		if (missing.length === 0) return;
		this.#local = true;
		const engine = await workspace.open().catch(() => null);
		for (const need of missing) {
			const result = engine
				? await loadNeed(engine, need)
				: { data: null, error: workspace.error ?? 'engine failed' };
			this.#accept(dataKey(need), { origin: 'local', changedAt: Date.now(), ...result });
		}
	}
}
