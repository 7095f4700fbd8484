import pg from 'pg';
import { MIGRATIONS, RECORD_COLUMNS, SCHEMA_VERSION, toRecord, type ShareStore } from './types';

/** Any constant: the advisory lock that serialises migrations between app instances. */
const MIGRATION_LOCK = 0x5769726b;

/**
 * Shares in PostgreSQL, for several app instances serving one organisation. Statements run on a
 * pool; migrations take an advisory lock so instances starting together migrate once.
 */
export async function openPostgresStore(connectionString: string): Promise<ShareStore> {
	const pool = new pg.Pool({ connectionString, max: 8 });
	// Idle clients that lose their server emit errors; without a listener they would crash the process.
	pool.on('error', (error) => console.error('share store (postgres):', error.message));

	const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
		const client = await pool.connect();
		try {
			await client.query('BEGIN');
			const result = await work(client);
			await client.query('COMMIT');
			return result;
		} catch (error) {
			await client.query('ROLLBACK');
			throw error;
		} finally {
			client.release();
		}
	};

	return {
		kind: 'postgres',
		migrate: () =>
			transaction(async (client) => {
				await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
				await client.query(
					'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)'
				);
				const { rows } = await client.query('SELECT coalesce(max(version), 0) AS v FROM schema_version');
				let version = Number(rows[0].v);
				if (version > SCHEMA_VERSION)
					throw new Error(`share store schema ${version} is newer than this app (${SCHEMA_VERSION})`);
				for (const migration of MIGRATIONS.filter((m) => m.version > version)) {
					await client.query(migration.postgres);
					await client.query('INSERT INTO schema_version VALUES ($1, $2)', [
						migration.version,
						new Date().toISOString()
					]);
					version = migration.version;
				}
				return version;
			}),
		async create(share) {
			await pool.query(
				'INSERT INTO shares (id, token_hash, title, created_at, expires_at, payload) VALUES ($1, $2, $3, $4, $5, $6)',
				[share.id, share.tokenHash, share.title, share.createdAt, share.expiresAt, Buffer.from(share.payload)]
			);
		},
		async find(tokenHash) {
			const { rows } = await pool.query(
				`SELECT ${RECORD_COLUMNS}, payload FROM shares WHERE token_hash = $1`,
				[tokenHash]
			);
			const row = rows[0];
			return row ? { record: toRecord(row), payload: new Uint8Array(row.payload as Buffer) } : null;
		},
		async list() {
			const { rows } = await pool.query(`SELECT ${RECORD_COLUMNS} FROM shares ORDER BY created_at DESC, id`);
			return rows.map(toRecord);
		},
		async live(now) {
			const { rows } = await pool.query(
				'SELECT id, payload FROM shares WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $1) ORDER BY created_at, id',
				[now]
			);
			return rows.map((row) => ({ id: String(row.id), payload: new Uint8Array(row.payload as Buffer) }));
		},
		async revoke(id, at) {
			const { rowCount } = await pool.query(
				'UPDATE shares SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL',
				[id, at]
			);
			return rowCount === 1;
		},
		async addViews(counts, at) {
			if (counts.size === 0) return;
			await transaction(async (client) => {
				for (const [id, n] of counts)
					await client.query('UPDATE shares SET views = views + $2, last_viewed_at = $3 WHERE id = $1', [
						id,
						n,
						at
					]);
			});
		},
		async close() {
			await pool.end();
		}
	};
}
