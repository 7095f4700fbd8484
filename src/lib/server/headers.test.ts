import { describe, expect, it } from 'vitest';
import { securityHeaders, sharedViewCsp } from './headers';

describe('securityHeaders', () => {
	it.each([
		['/', 'text/html', false, false],
		['/s/abc', 'text/html', false, true],
		['/api/shares', 'application/json', true, true],
		['/sample/istwerte.csv', 'text/csv', true, false]
	])('%s (%s): own CSP %s, no-store %s', (path, type, ownCsp, noStore) => {
		const h = securityHeaders(path, type);
		expect(h['x-content-type-options']).toBe('nosniff');
		expect(h['referrer-policy']).toBe('no-referrer');
		expect(h['x-frame-options']).toBe('DENY');
		expect('content-security-policy' in h).toBe(ownCsp);
		expect(h['cache-control'] === 'no-store').toBe(noStore);
	});

	it.each([
		[
			"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-x'; worker-src 'self' blob:",
			"default-src 'self'; script-src 'none'; worker-src 'none'"
		],
		[
			"default-src 'self'; style-src 'self' 'unsafe-inline'",
			"default-src 'self'; style-src 'self' 'unsafe-inline'"
		]
	])('sharedViewCsp(%s) = %s', (csp, expected) => {
		expect(sharedViewCsp(csp)).toBe(expected);
	});
});
