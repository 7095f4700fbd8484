import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import { QUERY_CONFIG, type Engine, type Preparing, type SqlParam } from './index';

/**
 * Bundles are served by the app itself (hashed under /_app/immutable, precompressed, cached for a
 * year): presentation venues may have no internet, so no CDN.
 */
const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

/** Which bundle this browser gets: 'eh' (wasm exceptions) on current browsers, 'mvp' otherwise. */
export async function browserBundle(): Promise<'eh' | 'mvp'> {
	const bundle = await duckdb.selectBundle(BUNDLES);
	return bundle.mainModule === ehWasm ? 'eh' : 'mvp';
}

/** Starts duckdb-wasm in a Web Worker and returns an Engine bound to one connection. */
export async function createBrowserEngine(): Promise<Engine & Preparing> {
	const bundle = await duckdb.selectBundle(BUNDLES);
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({ query: QUERY_CONFIG });
	const conn = await db.connect();
	return {
		async exec(sql, signal, params = []) {
			const statement = params.length ? await conn.prepare(sql) : null;
			try {
				if (!signal) {
					await (statement ? statement.query(...params) : conn.query(sql));
					return;
				}
				// send() runs the statement in slices the worker polls, so a cancel stops it in between.
				if (signal.aborted) throw new Error('Abgebrochen');
				const cancel = () => void conn.cancelSent();
				signal.addEventListener('abort', cancel, { once: true });
				try {
					const reader = await (statement ? statement.send(...params) : conn.send(sql));
					while (!(await reader.next()).done);
				} finally {
					signal.removeEventListener('abort', cancel);
				}
			} finally {
				await statement?.close();
			}
		},
		async query(sql, params: SqlParam[] = []) {
			if (params.length === 0) return conn.query(sql);
			const statement = await conn.prepare(sql);
			try {
				return await statement.query(...params);
			} finally {
				await statement.close();
			}
		},
		async prepare(sql) {
			const statement = await conn.prepare(sql);
			return { query: (params) => statement.query(...params), close: () => statement.close() };
		},
		async registerFile(name, bytes) {
			await db.registerFileBuffer(name, bytes);
		},
		async registerBlob(name, blob) {
			await db.registerFileHandle(name, blob, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
		},
		async dropFile(name) {
			await db.dropFile(name);
		},
		async copyFileToBuffer(name) {
			return db.copyFileToBuffer(name);
		},
		async version() {
			return db.getVersion();
		},
		async close() {
			await conn.close();
			await db.terminate();
		}
	};
}
