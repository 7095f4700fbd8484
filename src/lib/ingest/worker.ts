/// <reference lib="webworker" />
/**
 * Web Worker: reads a picked file in chunks (reporting bytes read), then decodes, sniffs and scans
 * it (prepareCsv), so a 50 MB file never blocks the page. Asked for, it first prepares the file's
 * head (prepareHead), so the load can start while the rest is read and scanned. The SQL load runs
 * in DuckDB's own worker.
 */
import { checkSize, InputError } from './encoding';
import { HEAD_BYTES, prepareCsv, prepareHead, sameBasis, type PreparedCsv } from './prepare';
import type { WorkerReply, WorkerRequest } from './protocol';

const worker = self as unknown as DedicatedWorkerGlobalScope;
const PROGRESS_EVERY = 1024 * 1024;

worker.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const { file, sizeLimit, headerLine } = event.data;
	const post = (reply: WorkerReply, transfer: Transferable[] = []) => worker.postMessage(reply, transfer);
	try {
		checkSize(file.size, sizeLimit);
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		post({ type: 'done', prepared: { file: file.name, size: file.size, error: error.message } });
		return;
	}
	const head =
		event.data.head && file.size > HEAD_BYTES
			? prepareHead(file.name, new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()), file.size)
			: null;
	if (head) post({ type: 'head', prepared: head });
	const bytes = new Uint8Array(file.size);
	const reader = file.stream().getReader();
	let read = 0;
	let reported = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes.set(value.subarray(0, Math.max(0, bytes.length - read)), read);
		read += value.length;
		if (read - reported >= PROGRESS_EVERY) {
			post({ type: 'progress', bytes: read });
			reported = read;
		}
	}
	post({ type: 'progress', bytes: read });
	const prepared: PreparedCsv = prepareCsv(file.name, bytes.subarray(0, read), { sizeLimit, headerLine });
	if (head && sameBasis(head, prepared)) delete prepared.utf8;
	post({ type: 'done', prepared }, prepared.utf8 ? [prepared.utf8.buffer] : []);
};
