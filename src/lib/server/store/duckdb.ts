import { blobValue, DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, RECORD_COLUMNS, SCHEMA_VERSION, toRecord, type ShareStore } from './types';

/**
 * Shares in an embedded DuckDB database file. One connection, one statement at a time (a queue),
 * so no two requests interleave inside a transaction. A share is one INSERT: DuckDB's write-ahead
 * log makes it all or nothing, also when the process is killed mid-write.
 */
export async function openDuckDbStore(path: string): Promise<ShareStore> {
	mkdirSync(dirname(path), { recursive: true });
	const instance = await DuckDBInstance.create(path);
	const connection = await instance.connect();
	let queue: Promise<unknown> = Promise.resolve();
	const serial = <T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> => {
		const next = queue.then(() => work(connection));
		queue = next.catch(() => {});
		return next;
	};
	const rows = async (c: DuckDBConnection, sql: string, params: DuckDBValue[] = []) =>
		(await c.runAndReadAll(sql, params)).getRowObjectsJS() as Record<string, unknown>[];

	return {
		kind: 'duckdb',
		migrate: () =>
			serial(async (c) => {
				await c.run(
					'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)'
				);
				const [row] = await rows(c, 'SELECT coalesce(max(version), 0) AS v FROM schema_version');
				let version = Number(row!.v);
				if (version > SCHEMA_VERSION)
					throw new Error(`share store schema ${version} is newer than this app (${SCHEMA_VERSION})`);
				for (const migration of MIGRATIONS.filter((m) => m.version > version)) {
					await c.run('BEGIN TRANSACTION');
					try {
						await c.run(migration.duckdb);
						await c.run('INSERT INTO schema_version VALUES ($1, $2)', [
							migration.version,
							new Date().toISOString()
						]);
						await c.run('COMMIT');
					} catch (error) {
						await c.run('ROLLBACK');
						throw error;
					}
					version = migration.version;
				}
				return version;
			}),
		create: (share) =>
			serial(async (c) => {
				await c.run(
					'INSERT INTO shares (id, token_hash, title, created_at, expires_at, payload) VALUES ($1, $2, $3, $4, $5, $6)',
					[share.id, share.tokenHash, share.title, share.createdAt, share.expiresAt, blobValue(share.payload)]
				);
			}),
		find: (tokenHash) =>
			serial(async (c) => {
				const [row] = await rows(c, `SELECT ${RECORD_COLUMNS}, payload FROM shares WHERE token_hash = $1`, [
					tokenHash
				]);
				return row ? { record: toRecord(row), payload: new Uint8Array(row.payload as Buffer) } : null;
			}),
		list: () =>
			serial(async (c) =>
				(await rows(c, `SELECT ${RECORD_COLUMNS} FROM shares ORDER BY created_at DESC, id`)).map(toRecord)
			),
		live: (now) =>
			serial(async (c) =>
				(
					await rows(
						c,
						'SELECT id, payload FROM shares WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $1) ORDER BY created_at, id',
						[now]
					)
				).map((row) => ({ id: String(row.id), payload: new Uint8Array(row.payload as Buffer) }))
			),
		revoke: (id, at) =>
			serial(async (c) => {
				const result = await rows(
					c,
					'UPDATE shares SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
					[id, at]
				);
				return result.length === 1;
			}),
		addViews: (counts, at) =>
			serial(async (c) => {
				if (counts.size === 0) return;
				await c.run('BEGIN TRANSACTION');
				try {
					for (const [id, n] of counts)
						await c.run('UPDATE shares SET views = views + $2, last_viewed_at = $3 WHERE id = $1', [
							id,
							n,
							at
						]);
					await c.run('COMMIT');
				} catch (error) {
					await c.run('ROLLBACK');
					throw error;
				}
			}),
		close: () =>
			serial(async (c) => {
				c.closeSync();
				instance.closeSync();
			})
	};
}
