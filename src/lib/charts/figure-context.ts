import { getContext, setContext, type Snippet } from 'svelte';

/**
 * How the page around a chart wants its figure framed, without charts knowing the page: the app
 * layout adds actions to every figure (e.g. "Zur Präsentation hinzufügen"), a presentation slide
 * asks for the full-slide layout and may replace the title, a dashboard folds the data tables.
 */
export interface FigureContext {
	/** Rendered in the figure's caption with the figure's id. */
	actions?: Snippet<[string]>;
	/** Fill the parent's height, large type, data table kept for screen readers only. */
	presenting?: boolean;
	/** A title replacing the chart's own (a retitled slide); empty = the chart's title. */
	title?: () => string;
	/**
	 * Data tables start folded, whatever their length, and stay as the user leaves them: on the
	 * dashboards, where every filter change would rebuild every unfolded table.
	 */
	foldTables?: boolean;
	/**
	 * How many of the best and worst bars a long ranking shows (a slide has room for about 20);
	 * absent = every bar.
	 */
	rankRows?: () => { top: number; bottom: number };
}

const KEY = Symbol('chart-figure');

export function setFigureContext(context: FigureContext): void {
	setContext(KEY, context);
}

export function getFigureContext(): FigureContext {
	return getContext<FigureContext | undefined>(KEY) ?? {};
}

/** What a figure tells the drawing inside it. */
export interface DrawingContext {
	/** The figure shows its empty state: the drawing is hidden and need not follow its config. */
	hidden: () => boolean;
}

const DRAWING = Symbol('chart-drawing');

export function setDrawingContext(context: DrawingContext): void {
	setContext(DRAWING, context);
}

export function getDrawingContext(): DrawingContext {
	return getContext<DrawingContext | undefined>(DRAWING) ?? { hidden: () => false };
}
