import { error } from '@sveltejs/kit';
import { shareService } from '$lib/server';
import {
	sharedAttainment,
	sharedFeedback,
	sharedOverview,
	sharedFilters,
	sharedParticipation
} from '$lib/share/shared-view';
import type { PageServerLoad } from './$types';

/**
 * Server-rendered only: every chart of the stakeholder view is drawn in HTML, so the page ships no
 * JavaScript at all (no hydration, no service worker, nothing of the analyst app).
 */
export const csr = false;

/** The stakeholder view: the stored cube, shaped for the charts on the server. */
export const load: PageServerLoad = async ({ params }) => {
	const result = await (await shareService()).open(params.token);
	if (result.status === 'unknown') error(404, 'share.unknown');
	if (result.status === 'gone') error(410, 'share.gone');
	const { record, meta, cells } = result.share;
	return {
		title: meta.title,
		k: meta.k,
		asOf: meta.asOf,
		publishedAt: record.createdAt.slice(0, 10),
		filters: sharedFilters(meta.filters, meta.views),
		overview: sharedOverview(cells),
		attainment: sharedAttainment(cells, meta.since ?? null),
		participation: sharedParticipation(cells),
		feedback: sharedFeedback(cells)
	};
};
