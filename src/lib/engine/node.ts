import { createRequire } from 'node:module';
import { setImmediate } from 'node:timers/promises';
import { tableFromIPC, type Table } from 'apache-arrow';
import type { DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import {
	checkInterruptible,
	Interrupted,
	QUERY_CONFIG,
	type Engine,
	type Preparing,
	type SqlParam
} from './index';

const require = createRequire(import.meta.url);

/**
 * The same engine on duckdb-wasm's node build (synchronous, in-process), so unit tests and the CLI
 * run exactly the SQL the browser runs. Never imported by client code.
 */
export async function createNodeEngine(
	options: {
		/**
		 * Milliseconds a signalled statement runs before the event loop turns (DuckDB's default:
		 * 100). Tests of a cancel set 1, so any statement of more than a few chunks is still
		 * running when the abort comes, on however fast a machine.
		 */
		queryPollingInterval?: number;
	} = {}
): Promise<Engine & Preparing> {
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
	await db.open({ query: { ...QUERY_CONFIG, ...options } });
	const conn = db.connect();
	return {
		async exec(sql, signal, params: SqlParam[] = []) {
			checkInterruptible(signal, params);
			if (signal) {
				await interruptible(conn, sql, signal);
				return;
			}
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
		async query(sql, params: SqlParam[] = [], signal?: AbortSignal) {
			checkInterruptible(signal, params);
			if (signal) return interruptible(conn, sql, signal);
			if (params.length === 0)
				return conn.useUnsafe((bindings, id) => tableFromIPC(bindings.runQuery(id, sql)));
			const statement = prepare(conn, sql);
			try {
				return statement.query(params);
			} finally {
				statement.close();
			}
		},
		async prepare(sql) {
			const statement = prepare(conn, sql);
			return { query: async (params) => statement.query(params), close: async () => statement.close() };
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
		async insertArrow(name, ipc) {
			conn.insertArrowFromIPCStream(ipc, { name, create: true });
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

/**
 * Statements prepared through the bindings, with results as this module's apache-arrow classes: the node build requires the CommonJS apache-arrow,
 * whose Tables the ESM one (tableToIPC, instanceof checks) does not take for its own. The bindings
 * hand out the IPC bytes the node build would read itself.
 */
function prepare(conn: DuckDBConnection, sql: string) {
	const statement = conn.useUnsafe((bindings, id) => bindings.createPrepared(id, sql));
	return {
		query: (params: SqlParam[]): Table =>
			conn.useUnsafe((bindings, id) => tableFromIPC(bindings.runPrepared(id, statement, params))),
		close: () => conn.useUnsafe((bindings, id) => bindings.closePrepared(id, statement))
	};
}

/**
 * Runs one statement as a pending query, as the browser engine does: DuckDB runs it in slices of at
 * most `queryPollingInterval`, and between two slices the event loop turns, so an abort (a timer,
 * an I/O callback) is seen and the statement cancelled there. Rejects with Interrupted when the
 * cancel stopped it.
 */
function interruptible(conn: DuckDBConnection, sql: string, signal: AbortSignal): Promise<Table> {
	return conn.useUnsafe(async (bindings, id) => {
		let header = bindings.startPendingQuery(id, sql, false);
		while (header === null) {
			await setImmediate();
			if (signal.aborted && bindings.cancelPendingQuery(id)) throw new Interrupted();
			header = bindings.pollPendingQuery(id);
		}
		const chunks = [header];
		for (;;) {
			const chunk = bindings.fetchQueryResults(id);
			if (chunk === null) continue;
			if (chunk.length === 0) break;
			chunks.push(chunk);
		}
		return tableFromIPC(chunks);
	});
}
