import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, formatCsp, NOTHING_CSP, securityHeaders, sharedViewCsp } from './headers';

const APP = formatCsp(CSP_DIRECTIVES);
const KIT_PAGE =
	"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-x'; worker-src 'self' blob:";

describe('securityHeaders', () => {
	it.each([
		// path, content type, CSP already on the response, expected CSP, no-store
		['/', 'text/html', KIT_PAGE, KIT_PAGE, false],
		['/missing', 'text/html; charset=utf-8', undefined, APP, false],
		['/s/abc', 'text/html', KIT_PAGE, "default-src 'self'; script-src 'none'; worker-src 'none'", true],
		['/s/abc', 'text/html', undefined, sharedViewCsp(APP), true],
		['/api/shares', 'application/json', undefined, NOTHING_CSP, true],
		['/sample/istwerte.csv', 'text/csv', undefined, NOTHING_CSP, false],
		['/_app/immutable/entry/start.js', 'text/javascript', undefined, APP, false],
		['/service-worker.js', 'application/javascript; charset=utf-8', undefined, APP, false],
		['/service-worker.js', undefined, undefined, APP, false],
		['/_app/immutable/assets/duckdb-eh.wasm', 'application/wasm', undefined, NOTHING_CSP, false],
		['/favicon.svg', 'image/svg+xml', undefined, NOTHING_CSP, false],
		['/favicon.svg', undefined, undefined, NOTHING_CSP, false]
	])('%s (%s, page CSP %s) → %s, no-store %s', (path, type, pageCsp, csp, noStore) => {
		const h = securityHeaders(path, type, pageCsp);
		expect(h['content-security-policy']).toBe(csp);
		expect(h['x-content-type-options']).toBe('nosniff');
		expect(h['referrer-policy']).toBe('no-referrer');
		expect(h['x-frame-options']).toBe('DENY');
		expect(h['cache-control'] === 'no-store').toBe(noStore);
	});

	it('quotes keywords the way SvelteKit does, schemes bare', () => {
		expect(formatCsp({ 'default-src': ['self'], 'img-src': ['self', 'data:'], 'object-src': ['none'] })).toBe(
			"default-src 'self'; img-src 'self' data:; object-src 'none'"
		);
		expect(APP).toContain("script-src 'self' 'wasm-unsafe-eval'");
	});

	it.each([
		[KIT_PAGE, "default-src 'self'; script-src 'none'; worker-src 'none'"],
		[
			"default-src 'self'; style-src 'self' 'unsafe-inline'",
			"default-src 'self'; style-src 'self' 'unsafe-inline'"
		]
	])('sharedViewCsp(%s) = %s', (csp, expected) => {
		expect(sharedViewCsp(csp)).toBe(expected);
	});
});
