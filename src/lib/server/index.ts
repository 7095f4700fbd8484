/**
 * server — the share store (DuckDB file or PostgreSQL behind one interface), tokens, the publish key,
 * the publish/revoke API logic and the security headers. Server-only: SvelteKit refuses to bundle
 * $lib/server into client code. Never sees row-level data: payloads are validated cubes.
 */
export { shareService, type ShareService } from './service';
export { securityHeaders } from './headers';
