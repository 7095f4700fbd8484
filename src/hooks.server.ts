import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { resolveLocale } from '$lib/i18n';
import { securityHeaders, shareService } from '$lib/server';

/** Opens the share store at start, so a generated publish key is printed before the first request. */
export const init: ServerInit = async () => {
	await shareService();
};

/**
 * The page's language in `<html lang>`, and security headers on every response SvelteKit
 * produces; shared views (no script) get a stricter CSP. server.js applies the same to static
 * files, which never reach this hook.
 */
export const handle: Handle = async ({ event, resolve }) => {
	// `<html lang>` follows the UI language (?lang=en), for screen readers and hyphenation; the
	// shared view loads no script, so it must be right in the HTML sent.
	const lang = resolveLocale(event.url.searchParams.get('lang'));
	let response =
		(await sharedViewData(event)) ??
		(await resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%wirkung.lang%', lang)
		}));
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

/**
 * A share's data endpoint (`/s/<token>/__data.json`: SvelteKit would answer it with the load
 * function's JSON) and anything else below a link answer with the share's status and no data: the
 * stakeholder view is server-rendered, so its HTML is all that is published. Gone is 410 here too.
 */
async function sharedViewData(event: RequestEvent): Promise<Response | null> {
	// SvelteKit strips /__data.json from event.url and flags the request instead.
	const token =
		(event.isDataRequest ? /^\/s\/([^/]+)\/?$/.exec(event.url.pathname) : null) ??
		/^\/s\/([^/]+)\/./.exec(event.url.pathname);
	if (!token) return null;
	const gone = (await (await shareService()).status(token[1]!)) === 'gone';
	return new Response(gone ? 'Gone' : 'Not Found', {
		status: gone ? 410 : 404,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
}
