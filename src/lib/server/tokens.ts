import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A share token: 256 random bits, URL-safe (43 characters). Only its hash is stored. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** SHA-256 of a token, hex. Lookups go by this hash, so the stored value never reveals a token. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A share's public id for the list and revocation (not a secret; it opens nothing). */
export function newShareId(): string {
	return randomBytes(9).toString('base64url');
}

/** Whether a string has the shape of a token; anything else is an unknown token. */
export function isTokenShaped(value: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** Constant-time comparison of a presented publish key with the configured one. */
export function keyMatches(presented: string | null, key: string): boolean {
	const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
	return timingSafeEqual(digest(presented ?? ''), digest(key)) && presented !== null;
}
