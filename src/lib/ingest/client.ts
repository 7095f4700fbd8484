import type { Engine } from '../engine';
import { DEFAULT_SIZE_LIMIT } from './encoding';
import { finishLoad, stageLoad, type ImportReport, type LoadOptions, type StagedLoad } from './load';
import { sameBasis, type PreparedCsv } from './prepare';
import type { WorkerReply, WorkerRequest } from './protocol';

/** Thrown when the user cancels while the file is read; the worker is gone, nothing was loaded. */
export class PrepareCancelled extends Error {}

export interface PrepareInWorkerOptions {
	sizeLimit?: number;
	onProgress?: (bytes: number) => void;
	/**
	 * Called with the file's head prepared (prepareHead) while the rest is still read and scanned,
	 * when the head can stand for the file; the load may start from it (stageHead).
	 */
	onHead?: (head: PreparedCsv) => void;
	signal?: AbortSignal;
	/** 1-based header line chosen on the import card (overrides the detection; no head is reported). */
	headerLine?: number;
}

const startWorker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

/** An ingest worker started before its file was picked (warmIngestWorker); the next read takes it. */
let spare: Worker | null = null;

/**
 * Starts an ingest worker ahead of the file it will read, so reading a picked file does not wait
 * for the worker's script to load and start (~50 ms, twice that on a busy machine). The import
 * page calls it when it opens, as it opens the database; prepareInWorker takes it.
 */
export function warmIngestWorker(): void {
	spare ??= startWorker();
}

/** Stops the worker warmIngestWorker started, if no read took it (the page is left). */
export function dropIngestWorker(): void {
	spare?.terminate();
	spare = null;
}

/**
 * Reads and prepares a picked file in its own Web Worker (browser only), the warm one if there is
 * one. Cancelling terminates the worker at once, wherever it is. When a head was reported, the
 * whole file's `utf8` may be left out (the whole file reads as the head said): wholeBytes reads
 * it again when needed.
 */
export function prepareInWorker(file: File, options: PrepareInWorkerOptions = {}): Promise<PreparedCsv> {
	return new Promise((resolve, reject) => {
		const worker = spare ?? startWorker();
		spare = null;
		const stop = () => {
			worker.terminate();
			reject(new PrepareCancelled());
		};
		if (options.signal?.aborted) return stop();
		options.signal?.addEventListener('abort', stop, { once: true });
		worker.onmessage = (event: MessageEvent<WorkerReply>) => {
			const reply = event.data;
			if (reply.type === 'progress') return options.onProgress?.(reply.bytes);
			if (reply.type === 'head') return options.onHead?.(reply.prepared);
			options.signal?.removeEventListener('abort', stop);
			worker.terminate();
			resolve(reply.prepared);
		};
		worker.onerror = (event) => {
			options.signal?.removeEventListener('abort', stop);
			worker.terminate();
			reject(new Error(event.message || 'Der Import-Worker ist abgestürzt.'));
		};
		const request: WorkerRequest = {
			file,
			sizeLimit: options.sizeLimit ?? DEFAULT_SIZE_LIMIT,
			head: options.onHead !== undefined && options.headerLine === undefined,
			headerLine: options.headerLine
		};
		worker.postMessage(request);
	});
}

/** The file's bytes from `bodyOffset` on, read on this thread: what a head's load registers. */
export async function bodyBytes(file: File, prepared: PreparedCsv): Promise<Uint8Array> {
	return new Uint8Array(await file.arrayBuffer()).subarray(prepared.bodyOffset, prepared.bodyEnd);
}

/**
 * Starts loading a file from its head (see stageLoad). A file that starts with its header is
 * handed to DuckDB as it is (read in DuckDB's worker); otherwise its bytes are read here first.
 */
export async function stageHead(
	engine: Engine,
	file: File,
	head: PreparedCsv,
	options: LoadOptions = {}
): Promise<StagedLoad | null> {
	return stageLoad(engine, head, head.bodyOffset === 0 ? file : await bodyBytes(file, head), options);
}

/**
 * Completes a load begun with stageHead (or loads the whole prepared file when there is none or it
 * does not fit). A prepared file without bytes (left out by the worker) gets them read again.
 */
export async function finishHead(
	engine: Engine,
	file: File,
	staged: StagedLoad | null,
	prepared: PreparedCsv,
	options: LoadOptions = {}
): Promise<ImportReport> {
	if ((staged && sameBasis(staged.basis, prepared)) || prepared.utf8 || prepared.error)
		return finishLoad(engine, staged, prepared, options);
	return finishLoad(engine, staged, { ...prepared, utf8: await bodyBytes(file, prepared) }, options);
}
