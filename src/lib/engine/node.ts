import { createRequire } from 'node:module';
import { QUERY_CONFIG, type Engine, type Preparing, type SqlParam } from './index';

const require = createRequire(import.meta.url);

/**
 * The same engine on duckdb-wasm's node build (synchronous, in-process), so unit tests and the CLI
 * run exactly the SQL the browser runs. Never imported by client code.
 */
export async function createNodeEngine(): Promise<Engine & Preparing> {
	const duckdb = require('@duckdb/duckdb-wasm/blocking') as typeof import('@duckdb/duckdb-wasm/blocking');
	const bundles = {
		mvp: {
			mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'),
			mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-mvp.worker.cjs')
		},
		eh: {
			mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'),
			mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-eh.worker.cjs')
		}
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	await db.open({ query: QUERY_CONFIG });
	const conn = db.connect();
	return {
		async exec(sql, signal, params: SqlParam[] = []) {
			if (signal?.aborted) throw new Error('Abgebrochen');
			if (params.length === 0) {
				conn.query(sql);
				return;
			}
			const statement = conn.prepare(sql);
			try {
				statement.query(...params);
			} finally {
				statement.close();
			}
		},
		async query(sql, params: SqlParam[] = []) {
			if (params.length === 0) return conn.query(sql);
			const statement = conn.prepare(sql);
			try {
				return statement.query(...params);
			} finally {
				statement.close();
			}
		},
		async prepare(sql) {
			const statement = conn.prepare(sql);
			return {
				query: async (params) => statement.query(...params),
				close: async () => statement.close()
			};
		},
		async registerFile(name, bytes) {
			db.registerFileBuffer(name, bytes);
		},
		async registerBlob(name, blob) {
			db.registerFileBuffer(name, new Uint8Array(await blob.arrayBuffer()));
		},
		async dropFile(name) {
			db.dropFile(name);
		},
		async copyFileToBuffer(name) {
			return db.copyFileToBuffer(name);
		},
		async version() {
			return db.getVersion();
		},
		async close() {
			conn.close();
		}
	};
}
