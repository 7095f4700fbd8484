import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { publish, samplePayload } from '../support/cube';
import { startServer, type RunningServer } from '../support/server';

// The security headers against the real server entry (server.js), for what SvelteKit renders and
// for the files adapter-node serves itself, which never pass through hooks.server.ts.
test.describe.configure({ mode: 'serial' });

const ASSETS = join(import.meta.dirname, '..', '..', 'build', 'client', '_app', 'immutable');
const REQUIRED = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'no-referrer',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin',
	'strict-transport-security': 'max-age=31536000'
};

let server: RunningServer;
let payload: Uint8Array;

// The cube is built first: the node engine blocks the event loop for seconds, and a keep-alive
// socket the server closed meanwhile would be reused by the next request.
test.beforeAll(async () => {
	payload = await samplePayload();
	server = await startServer();
});
test.afterAll(async () => {
	await server?.stop();
});

/** GETs a path and checks the headers every response carries; returns the response for more. */
async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
	const response = await fetch(`${server.origin}${path}`, { headers });
	await response.arrayBuffer();
	for (const [name, value] of Object.entries(REQUIRED))
		expect(response.headers.get(name), `${path} ${name}`).toBe(value);
	expect(response.headers.get('permissions-policy'), path).toContain('camera=()');
	expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
	return response;
}

const csp = (r: Response) => r.headers.get('content-security-policy') ?? '';

test('a static JavaScript file carries the headers and the app CSP its workers run under', async () => {
	const entry = readdirSync(join(ASSETS, 'entry')).find((f) => f.endsWith('.js'));
	const response = await get(`/_app/immutable/entry/${entry}`, { 'accept-encoding': 'gzip' });
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toContain('javascript');
	expect(response.headers.get('cache-control')).toContain('immutable');
	expect(csp(response)).toContain("script-src 'self' 'wasm-unsafe-eval'");
	expect(csp(response)).toContain("connect-src 'self'");
});

test('a wasm bundle carries the headers, still brotli-compressed and cached immutably', async () => {
	const wasm = readdirSync(join(ASSETS, 'assets')).filter((f) => f.endsWith('.wasm'));
	expect(wasm.length).toBeGreaterThanOrEqual(2);
	for (const file of wasm) {
		const response = await get(`/_app/immutable/assets/${file}`, { 'accept-encoding': 'br, gzip' });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/wasm');
		expect(response.headers.get('content-encoding')).toBe('br');
		expect(response.headers.get('cache-control')).toContain('immutable');
		expect(csp(response)).toBe("default-src 'none'; frame-ancestors 'none'");
	}
	const gzip = await get(`/_app/immutable/assets/${wasm[0]}`, { 'accept-encoding': 'gzip' });
	expect(gzip.headers.get('content-encoding')).toBe('gzip');
});

test('the service worker carries the headers, also when revalidated (304)', async () => {
	const response = await get('/service-worker.js');
	expect(response.status).toBe(200);
	expect(csp(response)).toContain("script-src 'self' 'wasm-unsafe-eval'");
	const etag = response.headers.get('etag')!;
	expect(etag).toBeTruthy();
	const revalidated = await get('/service-worker.js', { 'if-none-match': etag });
	expect(revalidated.status).toBe(304);
	expect(csp(revalidated)).toBe(csp(response));
});

test('a file from static/ and a missing file under /_app carry the headers', async () => {
	const favicon = await get('/favicon.svg');
	expect(favicon.status).toBe(200);
	expect(csp(favicon)).toBe("default-src 'none'; frame-ancestors 'none'");
	const missing = await get('/_app/immutable/chunks/does-not-exist.js');
	expect(missing.status).toBe(404);
});

test('a page and a 404 page carry the headers and SvelteKit’s page CSP with its nonce', async () => {
	for (const [path, status] of [
		['/', 200],
		['/no-such-page', 404]
	] as const) {
		const response = await get(path);
		expect(response.status, path).toBe(status);
		expect(response.headers.get('content-type'), path).toContain('text/html');
		expect(csp(response), path).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'nonce-[^']+'/);
	}
});

test('the shared view keeps its CSP that refuses every script and worker', async () => {
	const { url } = await (await publish(server.origin, server.key, payload)).json();
	const response = await get(new URL(url).pathname);
	expect(response.status).toBe(200);
	expect(csp(response)).toContain("script-src 'none'");
	expect(csp(response)).toContain("worker-src 'none'");
	expect(csp(response)).not.toContain('wasm-unsafe-eval');
	expect(response.headers.get('cache-control')).toBe('no-store');
});
