import type { ChartConfiguration } from './setup';

/**
 * How tall a chart's canvas is and how much of it is drawn on.
 *
 * A chart whose height follows its number of bars (rankings) would get a new canvas backing store
 * on each filter change that adds or removes bars, and a new backing store costs more than
 * drawing the chart (a new bitmap, handed to the compositor anew). So the canvas only grows: a
 * shorter chart is drawn in the top part of the tallest canvas it has had, the rest is bottom
 * padding, and the figure clips it. `wanted` is the figure's height in CSS pixels, or null when
 * the layout gives it (slides), where the canvas fills its box and nothing is kept.
 */
export interface DrawingArea {
	/** The canvas's height in CSS pixels, or null to fill its box. */
	canvas: number | null;
	/** Pixels below the drawing, left blank. */
	spare: number;
	/** Whether the canvas gets a new size (and so a new backing store). */
	resized: boolean;
}

/** The drawing area for a figure `wanted` pixels high, given the canvas's current height. */
export function drawingArea(current: number | null, wanted: number | null): DrawingArea {
	if (wanted === null) return { canvas: null, spare: 0, resized: current !== null };
	const canvas = current !== null && current >= wanted ? current : wanted;
	return { canvas, spare: canvas - wanted, resized: canvas !== current };
}

type Padding = number | { top?: number; right?: number; bottom?: number; left?: number };

/** The chart options with `spare` pixels added to the layout's bottom padding. */
export function withSpareBelow<O extends ChartConfiguration['options']>(options: O, spare: number): O {
	if (spare === 0) return options;
	const padding = (options?.layout?.padding ?? 0) as Padding;
	const sides =
		typeof padding === 'number' ? { top: padding, right: padding, bottom: padding, left: padding } : padding;
	return {
		...options,
		layout: { ...options?.layout, padding: { ...sides, bottom: (sides.bottom ?? 0) + spare } }
	} as O;
}
