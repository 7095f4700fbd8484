import Papa from 'papaparse';
import type { Engine } from '../engine';
import { literal } from '../engine/sql';
import { toRows } from '../engine/rows';
import { ensureSchema, type StagedLoad } from '../ingest';
import { finishHead, prepareInWorker, stageHead } from '../ingest/client';

/** One way of reading a CSV file into rows, timed from the File to rows held. */
export interface Measurement {
	method: 'pipeline' | 'read_csv' | 'papaparse';
	ms: number;
	rows: number;
	/** The pipeline's steps (ms): the head prepared, reading the file in the worker, prepare's and the load's steps. */
	steps?: Record<string, number>;
}

const since = (start: number) => Math.round(performance.now() - start);

/**
 * The app's pipeline in a fresh engine, as the import page runs it (cancellable) with the guessed
 * mapping confirmed at once: the worker reads and prepares the file; from the file's head on, the load
 * runs alongside (stageHead), then is checked against the whole file and committed (finishHead).
 * The baseline `npm run bench -- ingest` compares against the two below.
 */
export async function measurePipeline(file: File, engine: Engine): Promise<Measurement> {
	await ensureSchema(engine);
	// Cancellable as on the import page: its statements run as pending queries a cancel can stop.
	const { signal } = new AbortController();
	const start = performance.now();
	let staging: Promise<StagedLoad | null> = Promise.resolve(null);
	// Time until the worker reported the prepared head: the load starts then.
	let head = 0;
	const prepared = await prepareInWorker(file, {
		signal,
		onHead: (prepared) => {
			head = since(start);
			staging = stageHead(engine, file, prepared, { signal });
		}
	});
	// Worker time: reading, decoding and scanning the whole file (the staged load runs meanwhile).
	const read = since(start);
	const report = await finishHead(engine, file, await staging, prepared, { signal });
	if (!report.ok) throw new Error(report.error);
	return {
		method: 'pipeline',
		ms: since(start),
		rows: report.rowsLoaded + report.rowsRejected,
		steps: { head, worker: read, ...prepared.timings, ...report.timings }
	};
}

/** Bare duckdb-wasm: the bytes registered, `read_csv` with its own detection, into a table. */
export async function measureReadCsv(file: File, engine: Engine): Promise<Measurement> {
	const start = performance.now();
	await engine.registerFile('bare.csv', new Uint8Array(await file.arrayBuffer()));
	await engine.exec(`CREATE TABLE bare AS SELECT * FROM read_csv(${literal('bare.csv')})`);
	const [count] = toRows<{ n: number }>(await engine.query('SELECT count(*) AS n FROM bare'));
	return { method: 'read_csv', ms: since(start), rows: count!.n };
}

/** papaparse on the main thread: decode, parse every record into objects by header. */
export async function measurePapaparse(file: File): Promise<Measurement> {
	const start = performance.now();
	const text = await file.text();
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
	return { method: 'papaparse', ms: since(start), rows: parsed.data.length };
}
