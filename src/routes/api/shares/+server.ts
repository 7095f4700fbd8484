import { json } from '@sveltejs/kit';
import { shareService } from '$lib/server';
import { respond } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** Publishes a cube (Arrow IPC body) → 201 {id, url, expires_at}. */
export const POST: RequestHandler = ({ request, url, getClientAddress }) =>
	respond(async () => {
		const service = await shareService();
		service.authorize(request, getClientAddress());
		// The link is built for the origin the publisher's browser is on (its Origin header): without
		// ORIGIN set, adapter-node assumes https, which is wrong on a plain-http intranet install.
		const header = request.headers.get('origin') ?? '';
		const origin = /^https?:\/\/[\w.:[\]-]+$/.test(header) ? header : url.origin;
		return json(await service.publish(request, origin), { status: 201 });
	});

/** Lists shares with view counts (no tokens: they are stored only as hashes). */
export const GET: RequestHandler = ({ request, getClientAddress }) =>
	respond(async () => {
		const service = await shareService();
		service.authorize(request, getClientAddress());
		return json({ shares: await service.list() });
	});
