import type { PreparedCsv } from './prepare';

/** Main thread → ingest worker: one file to read and prepare. */
export interface WorkerRequest {
	file: File;
	sizeLimit: number;
}

/** Ingest worker → main thread. */
export type WorkerReply = { type: 'progress'; bytes: number } | { type: 'done'; prepared: PreparedCsv };
