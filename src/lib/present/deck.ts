import type { Filters } from '../metrics/filters';

/** A slide showing one catalogued view (src/lib/views) with its filters, live from the data. */
export interface ChartSlide {
	kind: 'chart';
	id: string;
	/** A view id; a deck from another version may name a view this one lacks (the slide says so). */
	viewId: string;
	filters: Filters;
	/**
	 * Linked to the dashboard: the slide shows the filters the analyst last set on a dashboard page
	 * instead of its own, so the audience follows the analyst live ("let's look at Berlin").
	 */
	linked: boolean;
	/** Replaces the chart's own title on the slide; empty = the chart's title. */
	title: string;
	notes: string;
	/** How many of the best and worst bars a long ranking shows on this slide; absent = the default. */
	rows?: SlideRows;
}

/** The best `top` and worst `bottom` bars of a ranking on a slide; the rest is counted, not drawn. */
export interface SlideRows {
	top: number;
	bottom: number;
}

/** 10 best and 10 worst: what fits a 16:9 slide at a readable size (issue 21). */
export const DEFAULT_SLIDE_ROWS: SlideRows = { top: 10, bottom: 10 };

/**
 * At most this many bars at both ends together: 20 bars and the gap are what a slide's plot has
 * room for at a 9 px label with a two-line title above (measured by tests/e2e/slides.test.ts).
 */
export const SLIDE_ROWS_MAX = 20;

/** A slide of plain text: a title and paragraphs or "- " bullet lists. */
export interface TextSlide {
	kind: 'text';
	id: string;
	title: string;
	body: string;
	notes: string;
}

export type Slide = ChartSlide | TextSlide;

export interface Deck {
	id: string;
	title: string;
	slides: Slide[];
	/** ISO timestamp of the last change. */
	updatedAt: string;
}

/** Everything the deck editor can do to a deck. Ids are made by the caller, so this stays pure. */
export type DeckAction =
	| { type: 'add-chart'; id: string; viewId: string; filters: Filters }
	| { type: 'add-text'; id: string; title: string }
	| { type: 'remove'; slideId: string }
	| { type: 'move'; slideId: string; to: number }
	| {
			type: 'update';
			slideId: string;
			patch: Partial<Pick<TextSlide, 'title' | 'body' | 'notes'>> & {
				filters?: Filters;
				linked?: boolean;
				rows?: SlideRows;
			};
	  }
	| { type: 'rename'; title: string };

/** Applies one editor action; returns the same deck object when nothing changes. */
export function deckReducer(deck: Deck, action: DeckAction): Deck {
	switch (action.type) {
		case 'add-chart':
			return withSlides(deck, [
				...deck.slides,
				{
					kind: 'chart',
					id: action.id,
					viewId: action.viewId,
					filters: action.filters,
					linked: false,
					title: '',
					notes: ''
				}
			]);
		case 'add-text':
			return withSlides(deck, [
				...deck.slides,
				{ kind: 'text', id: action.id, title: action.title, body: '', notes: '' }
			]);
		case 'remove': {
			const slides = deck.slides.filter((s) => s.id !== action.slideId);
			return slides.length === deck.slides.length ? deck : withSlides(deck, slides);
		}
		case 'move': {
			const from = deck.slides.findIndex((s) => s.id === action.slideId);
			const to = Math.max(0, Math.min(deck.slides.length - 1, action.to));
			if (from < 0 || from === to) return deck;
			const slides = [...deck.slides];
			const [moved] = slides.splice(from, 1);
			slides.splice(to, 0, moved!);
			return withSlides(deck, slides);
		}
		case 'update': {
			const index = deck.slides.findIndex((s) => s.id === action.slideId);
			if (index < 0) return deck;
			const slide = deck.slides[index]!;
			const { filters, linked, body, rows, ...common } = action.patch;
			const updated: Slide =
				slide.kind === 'chart'
					? {
							...slide,
							...common,
							...(filters ? { filters } : {}),
							...(linked !== undefined ? { linked } : {}),
							...(rows ? { rows } : {})
						}
					: { ...slide, ...common, ...(body !== undefined ? { body } : {}) };
			const slides = [...deck.slides];
			slides[index] = updated;
			return withSlides(deck, slides);
		}
		case 'rename':
			return deck.title === action.title ? deck : { ...deck, title: action.title };
	}
}

/** The slide as shown: a linked chart slide takes the dashboard's filters, every other slide is as is. */
export function resolveSlide(slide: Slide, dashboard: Filters): Slide {
	return slide.kind === 'chart' && slide.linked ? { ...slide, filters: dashboard } : slide;
}

function withSlides(deck: Deck, slides: Slide[]): Deck {
	return { ...deck, slides };
}

/** A block of a text slide's body. */
export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/**
 * Splits a text slide's body into paragraphs (separated by blank lines) and bullet lists (lines
 * starting with "- ", "* " or "• "), so presenters can type plain text and still get bullets.
 */
export function textBlocks(body: string): TextBlock[] {
	const blocks: TextBlock[] = [];
	let paragraph: string[] = [];
	const flush = () => {
		if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
		paragraph = [];
	};
	for (const raw of body.split(/\r\n|\r|\n/)) {
		const line = raw.trim();
		const bullet = /^[-*•]\s+(.*)$/.exec(line);
		if (bullet) {
			flush();
			const last = blocks.at(-1);
			if (last?.kind === 'list') last.items.push(bullet[1]!);
			else blocks.push({ kind: 'list', items: [bullet[1]!] });
		} else if (line === '') flush();
		else paragraph.push(line);
	}
	flush();
	return blocks;
}
