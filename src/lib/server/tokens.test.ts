import { describe, expect, it } from 'vitest';
import { hashToken, isTokenShaped, keyMatches, newShareId, newToken } from './tokens';

describe('tokens', () => {
	it('are 256 random bits, URL-safe and never repeat', () => {
		const tokens = new Set(Array.from({ length: 1000 }, newToken));
		expect(tokens.size).toBe(1000);
		for (const t of tokens) {
			expect(isTokenShaped(t)).toBe(true);
			expect(Buffer.from(t, 'base64url').length).toBe(32);
		}
	});

	it.each([
		['', false],
		['abc', false],
		['a'.repeat(43), true],
		['a'.repeat(42) + '/', false],
		['a'.repeat(44), false],
		["' OR 1=1 --".padEnd(43, 'x'), false]
	])('isTokenShaped(%j) = %s', (value, expected) => {
		expect(isTokenShaped(value)).toBe(expected);
	});

	it('are stored as a SHA-256 hash that differs from the token', () => {
		const token = newToken();
		expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken(token)).not.toContain(token);
		expect(hashToken(token)).toBe(hashToken(token));
	});

	it('share ids are short and distinct from tokens', () => {
		expect(newShareId()).toMatch(/^[A-Za-z0-9_-]{12}$/);
	});

	it.each([
		['the key', 'the key', true],
		['the kez', 'the key', false],
		['', 'the key', false],
		[null, 'the key', false],
		['the key ', 'the key', false]
	])('keyMatches(%j, %j) = %s', (presented, key, expected) => {
		expect(keyMatches(presented, key)).toBe(expected);
	});
});
