/** A published share as the list shows it (no token, no payload). Times are ISO 8601 UTC strings. */
export interface ShareRecord {
	id: string;
	title: string;
	createdAt: string;
	expiresAt: string | null;
	revokedAt: string | null;
	views: number;
	lastViewedAt: string | null;
	bytes: number;
}

export interface NewShare {
	id: string;
	tokenHash: string;
	title: string;
	createdAt: string;
	expiresAt: string | null;
	payload: Uint8Array;
}

/**
 * Where shares live. Every write is one atomic statement or transaction: a crash leaves either the
 * whole share or none. Implemented by the embedded DuckDB file (one app instance) and PostgreSQL
 * (several instances for one organisation); the same tests run against both.
 */
export interface ShareStore {
	readonly kind: 'duckdb' | 'postgres';
	/** Applies pending schema migrations (idempotent); returns the schema version now in place. */
	migrate(): Promise<number>;
	create(share: NewShare): Promise<void>;
	/** The share with this token hash and its payload, or null; revoked/expired ones included. */
	find(tokenHash: string): Promise<{ record: ShareRecord; payload: Uint8Array } | null>;
	list(): Promise<ShareRecord[]>;
	/** Id and payload of every share neither revoked nor expired at `now` (ISO), for the audit. */
	live(now: string): Promise<{ id: string; payload: Uint8Array }[]>;
	/** Marks a share revoked; false when there is no such live share. */
	revoke(id: string, at: string): Promise<boolean>;
	/** Adds counted views (batched by the service) and the time of the last one. */
	addViews(counts: Map<string, number>, at: string): Promise<void>;
	close(): Promise<void>;
}

/** One schema migration: the version it brings the store to and the SQL for each dialect. */
export interface Migration {
	version: number;
	duckdb: string;
	postgres: string;
}

/** The share schema's history. Append only: a released migration is never edited. */
export const MIGRATIONS: Migration[] = [
	{
		version: 1,
		duckdb: `CREATE TABLE shares (
			id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
			created_at TEXT NOT NULL, expires_at TEXT, revoked_at TEXT,
			views BIGINT NOT NULL DEFAULT 0, payload BLOB NOT NULL)`,
		postgres: `CREATE TABLE shares (
			id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
			created_at TEXT NOT NULL, expires_at TEXT, revoked_at TEXT,
			views BIGINT NOT NULL DEFAULT 0, payload BYTEA NOT NULL)`
	},
	{
		version: 2,
		duckdb: `ALTER TABLE shares ADD COLUMN last_viewed_at TEXT`,
		postgres: `ALTER TABLE shares ADD COLUMN last_viewed_at TEXT`
	}
];

/** The schema version this code expects. A store newer than this is refused (no silent downgrade). */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** Columns selected for a ShareRecord, the same in both dialects. */
export const RECORD_COLUMNS = `id, title, created_at, expires_at, revoked_at, views, last_viewed_at, octet_length(payload) AS bytes`;

/** A database row (either driver) → ShareRecord. */
export function toRecord(row: Record<string, unknown>): ShareRecord {
	const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
	return {
		id: String(row.id),
		title: String(row.title),
		createdAt: String(row.created_at),
		expiresAt: text(row.expires_at),
		revokedAt: text(row.revoked_at),
		views: Number(row.views),
		lastViewedAt: text(row.last_viewed_at),
		bytes: Number(row.bytes)
	};
}
