// The server's Arrow decoding worker (see decode.ts): apache-arrow's tableFromIPC runs here, off the
// request thread, under a time budget and a heap limit set by the parent, which terminates this
// thread when the budget is spent. Loaded as source text (eval), so it resolves apache-arrow from
// the parent's location (workerData.base). Does the same as payload.ts rawTable.
/* eslint-disable @typescript-eslint/no-require-imports */
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const { tableFromIPC } = createRequire(workerData.base)('apache-arrow');

parentPort.postMessage({ ready: true });

parentPort.on('message', (/** @type {{ id: number, bytes: Uint8Array }} */ { id, bytes }) => {
	let reply;
	try {
		const table = tableFromIPC(bytes);
		const fields = table.schema.fields;
		reply = {
			id,
			raw: {
				names: fields.map((/** @type {{ name: string }} */ f) => f.name),
				types: fields.map((/** @type {{ type: unknown }} */ f) => String(f.type)),
				columns: fields.map((/** @type {unknown} */ _, /** @type {number} */ i) => [
					...(table.getChildAt(i) ?? [])
				])
			}
		};
	} catch {
		reply = { id, error: 'not an Arrow IPC stream' };
	}
	parentPort.postMessage(reply);
});
