import { join } from 'node:path';
import { openDuckDbStore } from './duckdb';
import { openPostgresStore } from './postgres';
import type { ShareStore } from './types';

/**
 * Opens the configured store and migrates it: PostgreSQL when `databaseUrl` is set
 * (WIRKUNG_DATABASE_URL), otherwise the DuckDB file `shares.duckdb` in the data directory.
 */
export async function openStore(options: { dataDir: string; databaseUrl?: string }): Promise<ShareStore> {
	const file = join(options.dataDir, 'shares.duckdb');
	const store = options.databaseUrl
		? await openPostgresStore(options.databaseUrl)
		: await openDuckDbStore(file).catch((error: unknown) => {
				// The usual cause: a second app instance on the same data directory (DuckDB locks its file).
				const reason = error instanceof Error ? error.message : String(error);
				throw new Error(
					`cannot open the share store ${file} (${reason}); several instances need WIRKUNG_DATABASE_URL (PostgreSQL)`
				);
			});
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
