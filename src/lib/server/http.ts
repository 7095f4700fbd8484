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
 * Reads a request body up to `max` bytes. Refuses early by Content-Length; a chunked body that
 * grows past `max` is read on but not kept (cancelling would make adapter-node drop the socket
 * before the 413 is sent), and adapter-node's BODY_SIZE_LIMIT ends even that.
 */
export async function readBody(request: Request, max: number): Promise<Uint8Array> {
	// The rest of the body stays unread: the connection must not be reused for another request.
	const tooLarge = () => new ClientError(413, `body larger than ${max} bytes`, { connection: 'close' });
	const declared = Number(request.headers.get('content-length'));
	if (declared > max) throw tooLarge();
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		let next: ReadableStreamReadResult<Uint8Array>;
		try {
			next = await reader.read();
		} catch {
			throw tooLarge();
		}
		if (next.done) break;
		size += next.value.byteLength;
		if (size <= max) chunks.push(next.value);
	}
	if (size > max) throw tooLarge();
	const body = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		body.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return body;
}
