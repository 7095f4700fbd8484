import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { securityHeaders, shareService } from '$lib/server';

/** Opens the share store at start, so a generated publish key is printed before the first request. */
export const init: ServerInit = async () => {
	await shareService();
};

/**
 * Security headers on every response SvelteKit produces; shared views (no script) get a stricter
 * CSP. server.js applies the same to static files, which never reach this hook.
 */
export const handle: Handle = async ({ event, resolve }) => {
	let response = await resolve(event);
	const extra = securityHeaders(
		event.url.pathname,
		response.headers.get('content-type'),
		response.headers.get('content-security-policy')
	);
	try {
		for (const [name, value] of Object.entries(extra)) response.headers.set(name, value);
	} catch {
		// Responses passed through from fetch have immutable headers: copy, then set.
		response = new Response(response.body, response);
		for (const [name, value] of Object.entries(extra)) response.headers.set(name, value);
	}
	return response;
};

/** Unexpected errors are logged on the server; clients only ever see a generic message. */
export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) console.error(error);
	return { message: status >= 500 ? 'Internal Error' : message };
};
