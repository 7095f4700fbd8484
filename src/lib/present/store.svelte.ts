import { NO_FILTERS, type Filters } from '../metrics/filters';
import { deckReducer, type Deck, type DeckAction } from './deck';
import { validateDeck } from './validate';

const STORAGE_KEY = 'wirkung.decks.v1';

interface Stored {
	activeId: string | null;
	decks: Deck[];
}

function newId(): string {
	return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}

/** Reads the stored decks; anything that does not validate is dropped rather than trusted. */
function read(): Stored {
	try {
		const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
		if (typeof raw !== 'object' || raw === null) return { activeId: null, decks: [] };
		const { activeId, decks } = raw as { activeId?: unknown; decks?: unknown };
		const valid = (Array.isArray(decks) ? decks : []).flatMap((d) => {
			const result = validateDeck(d);
			return result.ok ? [result.deck] : [];
		});
		return {
			activeId:
				typeof activeId === 'string' && valid.some((d) => d.id === activeId)
					? activeId
					: (valid[0]?.id ?? null),
			decks: valid
		};
	} catch {
		return { activeId: null, decks: [] };
	}
}

/**
 * The decks of this browser, kept in localStorage. Other windows (the presentation, the speaker
 * view, a second analyst tab) follow through the `storage` event, which fires in every window of
 * the origin except the writer.
 */
class DeckStore {
	decks: Deck[] = $state([]);
	activeId: string | null = $state(null);
	#started = false;

	/** Loads the stored decks once per window and follows changes made in other windows. */
	start(): void {
		if (this.#started || typeof localStorage === 'undefined') return;
		this.#started = true;
		this.#load();
		window.addEventListener('storage', (event) => {
			if (event.key === STORAGE_KEY) this.#load();
		});
	}

	get active(): Deck | null {
		return this.decks.find((d) => d.id === this.activeId) ?? null;
	}

	/** Applies an editor action to the active deck (creating a first deck if there is none). */
	dispatch(action: DeckAction, untitled: string): Deck {
		const deck = this.active ?? this.create(untitled);
		const next = deckReducer(deck, action);
		if (next !== deck) this.#replace({ ...next, updatedAt: new Date().toISOString() });
		return this.active!;
	}

	/** Adds a chart slide to the active deck; returns its 1-based slide number. */
	addChart(viewId: string, filters: Filters = NO_FILTERS, untitled: string): number {
		return this.dispatch({ type: 'add-chart', id: newId(), viewId, filters }, untitled).slides.length;
	}

	addText(title: string, untitled: string): string {
		const id = newId();
		this.dispatch({ type: 'add-text', id, title }, untitled);
		return id;
	}

	create(title: string): Deck {
		const deck: Deck = { id: newId(), title, slides: [], updatedAt: new Date().toISOString() };
		this.decks = [...this.decks, deck];
		this.activeId = deck.id;
		this.#save();
		return deck;
	}

	/** Adds an imported deck as a new one (never overwriting a deck of the same id) and selects it. */
	add(deck: Deck): Deck {
		const added = { ...deck, id: this.decks.some((d) => d.id === deck.id) ? newId() : deck.id };
		this.decks = [...this.decks, added];
		this.activeId = added.id;
		this.#save();
		return added;
	}

	select(id: string): void {
		if (!this.decks.some((d) => d.id === id)) return;
		this.activeId = id;
		this.#save();
	}

	remove(id: string): void {
		this.decks = this.decks.filter((d) => d.id !== id);
		if (this.activeId === id) this.activeId = this.decks[0]?.id ?? null;
		this.#save();
	}

	#replace(deck: Deck): void {
		this.decks = this.decks.map((d) => (d.id === deck.id ? deck : d));
		this.#save();
	}

	#load(): void {
		const stored = read();
		this.decks = stored.decks;
		this.activeId = stored.activeId;
	}

	#save(): void {
		const stored: Stored = { activeId: this.activeId, decks: $state.snapshot(this.decks) };
		localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
	}
}

/** The decks of this window. */
export const decks = new DeckStore();
