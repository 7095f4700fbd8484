import { Worker } from 'node:worker_threads';
import { checkHeader, cubeFromRaw, PayloadError, type RawTable } from '../share/payload';
import type { CubeCell, CubeMeta } from '../share/schema';
import source from './decode-worker.cjs?raw';
import { ClientError } from './http';

/** A decoded, schema-checked cube (the privacy rules are validate.ts's job). */
export interface DecodedCube {
	meta: CubeMeta;
	cells: CubeCell[];
}

/** Decodes payloads off the request thread, one at a time, each within a time and memory budget. */
export interface Decoder {
	/** Header check here (bounded), Arrow decoding in the worker; PayloadError for bad bytes or a spent budget. */
	decode(bytes: Uint8Array): Promise<DecodedCube>;
	close(): Promise<void>;
}

export interface DecoderOptions {
	/** Time one decode may take in the worker before the worker is terminated. */
	timeoutMs: number;
	/** Heap of the worker; a payload that needs more ends the worker (and is refused). */
	maxHeapMb: number;
	/** Decodes waiting beyond this many are refused with 503 rather than queued. */
	maxQueue: number;
}

export const DECODER_DEFAULTS: DecoderOptions = { timeoutMs: 500, maxHeapMb: 64, maxQueue: 32 };

type Job = {
	bytes: Uint8Array;
	resolve: (raw: RawTable) => void;
	reject: (error: Error) => void;
};

/**
 * Why a worker: apache-arrow's decoder trusts the counts in a message and runs synchronously, so a
 * crafted payload could hold the event loop (every request, static files included) for minutes.
 * The header check (ipc.ts) bounds what it may claim; the worker is the backstop for whatever that
 * misses: it is terminated when its budget is spent, and the request gets a 422.
 */
export function createDecoder(options: Partial<DecoderOptions> = {}): Decoder {
	const { timeoutMs, maxHeapMb, maxQueue } = { ...DECODER_DEFAULTS, ...options };
	const queue: Job[] = [];
	let worker: Worker | null = null;
	/** Whether `worker` has loaded apache-arrow: a job's time budget starts only then. */
	let ready = false;
	let current: { job: Job; id: number; timer: ReturnType<typeof setTimeout>; on: Worker } | null = null;
	let nextId = 0;
	let closed = false;

	const spawn = (): Worker => {
		const created = new Worker(source, {
			eval: true,
			workerData: { base: import.meta.url },
			resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 16 }
		});
		created.unref();
		let started = false;
		created.on('message', (reply: { ready?: true; id: number; raw?: RawTable; error?: string }) => {
			if (reply.ready) {
				started = true;
				if (worker === created) ready = true;
				next();
				return;
			}
			if (!current || reply.id !== current.id) return;
			const { job, timer } = current;
			clearTimeout(timer);
			current = null;
			if (reply.raw) job.resolve(reply.raw);
			else job.reject(new PayloadError(reply.error ?? 'not an Arrow IPC stream'));
			next();
		});
		// Out of memory or a crash: this job is refused, the next one gets a fresh worker.
		const lost = (why: string) => {
			if (worker === created) worker = null;
			if (!started) {
				// It could not even load apache-arrow: a server error, not the payloads' fault.
				const failure = new Error('the decoding worker did not start');
				for (const job of queue.splice(0)) job.reject(failure);
				return;
			}
			// A worker terminated for its time budget exits later: its job is already answered.
			if (!current || current.on !== created) return;
			const { job, timer } = current;
			clearTimeout(timer);
			current = null;
			job.reject(new PayloadError(why));
			next();
		};
		created.on('error', () => lost('payload exceeds the decoding budget'));
		created.on('exit', () => lost('payload exceeds the decoding budget'));
		return created;
	};

	const next = () => {
		if (current || closed || queue.length === 0) return;
		if (!worker) {
			ready = false;
			worker = spawn();
		}
		if (!ready) return;
		const job = queue.shift()!;
		const on = worker;
		const id = ++nextId;
		const timer = setTimeout(() => {
			if (current?.id !== id) return;
			current = null;
			const stuck = worker;
			worker = null;
			void stuck?.terminate();
			job.reject(new PayloadError(`payload took longer than ${timeoutMs} ms to decode`));
			next();
		}, timeoutMs);
		current = { job, id, timer, on };
		on.postMessage({ id, bytes: job.bytes });
	};

	// Started now, so the first publish does not wait for apache-arrow to load.
	worker = spawn();

	return {
		async decode(bytes) {
			const header = checkHeader(bytes);
			if (queue.length >= maxQueue) throw new ClientError(503, 'busy decoding, try again');
			const raw = await new Promise<RawTable>((resolve, reject) => {
				queue.push({ bytes, resolve, reject });
				next();
			});
			return cubeFromRaw(header, raw);
		},
		async close() {
			closed = true;
			if (current) clearTimeout(current.timer);
			for (const job of queue.splice(0)) job.reject(new PayloadError('server stopping'));
			await worker?.terminate();
			worker = null;
		}
	};
}
