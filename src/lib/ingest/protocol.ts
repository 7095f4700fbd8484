import type { PreparedCsv } from './prepare';

/** Main thread → ingest worker: one file to read and prepare; `head`: report the head first. */
export interface WorkerRequest {
	file: File;
	sizeLimit: number;
	head: boolean;
	/** 1-based header line chosen on the import card (overrides the detection). */
	headerLine?: number;
}

/**
 * Ingest worker → main thread. `head` comes before the whole file is read when asked for and the
 * head can stand for the file (prepareHead); `done` then leaves out the bytes when the whole file
 * reads as the head said (the main thread loads its own copy).
 */
export type WorkerReply =
	| { type: 'progress'; bytes: number }
	| { type: 'head'; prepared: PreparedCsv }
	| { type: 'done'; prepared: PreparedCsv };
