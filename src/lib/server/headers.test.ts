import { describe, expect, it } from 'vitest';
import { securityHeaders, withoutWasm } from './headers';

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

	it('withoutWasm drops only wasm-unsafe-eval', () => {
		expect(withoutWasm("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-x'")).toBe(
			"default-src 'self'; script-src 'self' 'nonce-x'"
		);
	});
});
