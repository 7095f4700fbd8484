import { join } from 'node:path';
import { openDuckDbStore } from './duckdb';
import { openPostgresStore } from './postgres';
import type { ShareStore } from './types';

/**
 * Opens the configured store and migrates it: PostgreSQL when `databaseUrl` is set
 * (WIRKUNG_DATABASE_URL), otherwise the DuckDB file `shares.duckdb` in the data directory.
 */
export async function openStore(options: { dataDir: string; databaseUrl?: string }): Promise<ShareStore> {
	const store = options.databaseUrl
		? await openPostgresStore(options.databaseUrl)
		: await openDuckDbStore(join(options.dataDir, 'shares.duckdb'));
	try {
		await store.migrate();
	} catch (error) {
		await store.close();
		throw error;
	}
	return store;
}

export { openDuckDbStore, openPostgresStore };
export * from './types';
