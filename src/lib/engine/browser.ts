import * as duckdb from '@duckdb/duckdb-wasm';
import { Table } from 'apache-arrow';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import {
	checkInterruptible,
	Interrupted,
	QUERY_CONFIG,
	type Engine,
	type Preparing,
	type SqlParam
} from './index';

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
			checkInterruptible(signal, params);
			if (signal) {
				await interruptible(conn, sql, signal);
				return;
			}
			if (params.length === 0) {
				await conn.query(sql);
				return;
			}
			const statement = await conn.prepare(sql);
			try {
				await statement.query(...params);
			} finally {
				await statement.close();
			}
		},
		async query(sql, params: SqlParam[] = [], signal?: AbortSignal) {
			checkInterruptible(signal, params);
			if (signal) return interruptible(conn, sql, signal);
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
		async insertArrow(name, ipc) {
			await conn.insertArrowFromIPCStream(ipc, { name, create: true });
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

/**
 * Runs one statement as a pending query: send() has the worker run it in slices it polls (at most
 * `queryPollingInterval` each), so a cancel sent on abort is taken between two slices and the
 * statement stops there, whatever it is doing. Rejects with Interrupted when the cancel stopped
 * it; a statement that finished before the cancel arrived resolves as usual.
 */
async function interruptible(
	conn: duckdb.AsyncDuckDBConnection,
	sql: string,
	signal: AbortSignal
): Promise<Table> {
	let cancelled: Promise<boolean> | null = null as Promise<boolean> | null;
	const cancel = () => {
		cancelled = conn.cancelSent();
	};
	signal.addEventListener('abort', cancel, { once: true });
	try {
		const reader = await conn.send(sql);
		return new Table(reader.schema, await reader.readAll());
	} catch (error) {
		if (cancelled && (await cancelled)) throw new Interrupted();
		throw error;
	} finally {
		signal.removeEventListener('abort', cancel);
	}
}
