import { shareService } from '$lib/server';
import { respond } from '$lib/server/api';
import { ClientError } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Revokes a share: its link answers 410 from now on. */
export const DELETE: RequestHandler = ({ request, params, getClientAddress }) =>
	respond(async () => {
		const service = await shareService();
		service.authorize(request, getClientAddress());
		if (!(await service.revoke(params.id))) throw new ClientError(404, 'no such live share');
		return new Response(null, { status: 204 });
	});
