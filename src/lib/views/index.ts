/**
 * views — the catalogue of dashboard views. Each view pairs a metrics query with the chart component
 * that renders its result, under a stable id (the `data-chart` id), so dashboard pages, the presenter
 * and the publisher all say "view X with filters F" the same way. Views hold no SQL and draw nothing
 * themselves: metrics queries, charts render.
 */
import type { Component } from 'svelte';
import type { Engine } from '../engine';
import { AttainmentChart, type Formatters } from '../charts';
import type { MessageKey, Translate } from '../i18n';
import { attainmentByIndicator, type Filters } from '../metrics';

/** What a view's chart component receives. */
export interface ViewProps<T> {
	data: T;
	fmt: Formatters;
	t: Translate;
}

export interface ViewDef<T> {
	/** Stable id, equal to the `data-chart` id of the figure the component renders. */
	id: string;
	/** Title in the catalogue (e.g. the presenter's "add chart" list). */
	titleKey: MessageKey;
	load(engine: Engine, filters: Filters): Promise<T>;
	component: Component<ViewProps<T>>;
}

/** Helps TypeScript check that a view's load result fits its component. */
function view<T>(def: ViewDef<T>): ViewDef<T> {
	return def;
}

export const VIEWS = {
	'attainment-by-indicator': view({
		id: 'attainment-by-indicator',
		titleKey: 'chart.attainment.title',
		load: (engine) => attainmentByIndicator(engine),
		component: AttainmentChart
	})
};

export type ViewId = keyof typeof VIEWS;

/** Whether a string (from a URL, a saved deck, a share) names a known view. */
export function isViewId(id: string): id is ViewId {
	return Object.hasOwn(VIEWS, id);
}

export { default as View } from './View.svelte';
