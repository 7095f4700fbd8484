/** A failure a client should see as-is: an HTTP status and a message without internals. */
export class ClientError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly headers: Record<string, string> = {}
	) {
		super(message);
	}
}

/**
 * Reads a request body up to `max` bytes. Refuses early by Content-Length and, for chunked or lying
 * clients, while streaming, so an oversized body is never held in memory.
 */
export async function readBody(request: Request, max: number): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length'));
	if (declared > max) throw new ClientError(413, `body larger than ${max} bytes`);
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > max) {
			await reader.cancel();
			throw new ClientError(413, `body larger than ${max} bytes`);
		}
		chunks.push(value);
	}
	const body = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		body.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return body;
}
