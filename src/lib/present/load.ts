import type { Engine } from '../engine';
import { isViewId, VIEWS, type ViewDef } from '../views';
import type { Need } from './sync';

/** Loads one need through its catalogued view; a failure becomes the slide's "data missing" text. */
export async function loadNeed(engine: Engine, need: Need): Promise<{ data: unknown; error: string | null }> {
	if (!isViewId(need.viewId)) return { data: null, error: `unknown view ${need.viewId}` };
	const view = VIEWS[need.viewId] as ViewDef<unknown>;
	try {
		return { data: await view.load(engine, need.filters), error: null };
	} catch (e) {
		return { data: null, error: e instanceof Error ? e.message : String(e) };
	}
}
