import { DEFAULT_SIZE_LIMIT } from './encoding';
import type { PreparedCsv } from './prepare';
import type { WorkerReply, WorkerRequest } from './protocol';

/** Thrown when the user cancels while the file is read; the worker is gone, nothing was loaded. */
export class PrepareCancelled extends Error {}

export interface PrepareInWorkerOptions {
	sizeLimit?: number;
	onProgress?: (bytes: number) => void;
	signal?: AbortSignal;
}

/**
 * Reads and prepares a picked file in its own Web Worker (browser only). Cancelling terminates the
 * worker at once, wherever it is.
 */
export function prepareInWorker(file: File, options: PrepareInWorkerOptions = {}): Promise<PreparedCsv> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
		const stop = () => {
			worker.terminate();
			reject(new PrepareCancelled());
		};
		if (options.signal?.aborted) return stop();
		options.signal?.addEventListener('abort', stop, { once: true });
		worker.onmessage = (event: MessageEvent<WorkerReply>) => {
			const reply = event.data;
			if (reply.type === 'progress') return options.onProgress?.(reply.bytes);
			options.signal?.removeEventListener('abort', stop);
			worker.terminate();
			resolve(reply.prepared);
		};
		worker.onerror = (event) => {
			options.signal?.removeEventListener('abort', stop);
			worker.terminate();
			reject(new Error(event.message || 'Der Import-Worker ist abgestürzt.'));
		};
		const request: WorkerRequest = { file, sizeLimit: options.sizeLimit ?? DEFAULT_SIZE_LIMIT };
		worker.postMessage(request);
	});
}
