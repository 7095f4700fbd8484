// The production server (`npm start`, `node server.js`): adapter-node's handler inside a plain
// node:http server, so the security headers reach every response, including the static files
// (/_app/immutable, static/, the service worker) that adapter-node serves without SvelteKit's hooks.
// Replaces build/index.js, whose PORT/HOST defaults and graceful SIGTERM shutdown it keeps.
import http from 'node:http';
import process from 'node:process';
import { handler } from './build/handler.js';
import { securityHeaders } from './src/lib/server/headers.js';

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT || 30);

/**
 * Sets the security headers at the moment the status line is written, when the content type is
 * known: sirv passes its headers to writeHead, SvelteKit sets them before (and Node's implicit
 * header write also goes through writeHead).
 *
 * The status line is only committed with the first byte of the body (write/end/flushHeaders):
 * sirv calls writeHead(200) and then pipes a file stream it opens afterwards, so a file deleted or
 * made unreadable since the start (a `*.br` beside its asset, say) fails after "200" was decided.
 * Until a byte is written the response can still become a 404/500 (see failedStream).
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
function withSecurityHeaders(req, res) {
	const { pathname } = new URL(req.url ?? '/', 'http://localhost');
	const writeHead = res.writeHead;
	let committing = false;
	/** @type {typeof res.writeHead} */
	const wrapped = function (statusCode, ...rest) {
		const given = rest.find((arg) => typeof arg === 'object' && arg !== null);
		if (given) {
			const pairs = Array.isArray(given) ? chunk(given) : Object.entries(given);
			for (const [name, value] of pairs) if (value !== undefined) res.setHeader(name, value);
		}
		res.statusCode = statusCode;
		const message = rest.find((arg) => typeof arg === 'string');
		if (message !== undefined) res.statusMessage = message;
		// Node's implicit header write (first write/end) calls writeHead again: commit then.
		if (!committing) return res;
		const type = res.getHeader('content-type');
		const csp = res.getHeader('content-security-policy');
		const headers = securityHeaders(pathname, type?.toString(), csp?.toString());
		for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
		return writeHead.call(res, res.statusCode);
	};
	res.writeHead = wrapped;
	for (const name of /** @type {const} */ (['write', 'end', 'flushHeaders'])) {
		const original = /** @type {(...args: unknown[]) => unknown} */ (res[name]);
		/** @type {any} */ (res)[name] = function (/** @type {unknown[]} */ ...args) {
			committing = true;
			return original.apply(res, args);
		};
	}
	res.on('pipe', (source) => source.on('error', (error) => failedStream(res, error)));
}

/**
 * A stream piped into a response failed (sirv's file stream: ENOENT, EACCES, EISDIR…). Without a
 * listener the stream's 'error' would be uncaught and end the process, taking every other request
 * and shared link with it; instead this one request answers 404 (file gone) or 500, or, when part
 * of the body was already sent, is cut off so the client sees it incomplete.
 * @param {http.ServerResponse} res
 * @param {Error & { code?: string }} error
 */
function failedStream(res, error) {
	console.error(`static file not served: ${error.code ?? ''} ${error.message}`);
	if (res.headersSent) {
		res.destroy();
		return;
	}
	for (const name of res.getHeaderNames()) res.removeHeader(name);
	const missing = error.code === 'ENOENT' || error.code === 'ENOTDIR';
	res.statusCode = missing ? 404 : 500;
	res.statusMessage = http.STATUS_CODES[res.statusCode] ?? '';
	res.setHeader('content-type', 'text/plain; charset=utf-8');
	res.end(missing ? 'Not Found' : 'Internal Server Error');
}

/**
 * writeHead also accepts a flat [name, value, name, value] array.
 * @param {unknown[]} flat
 * @returns {[string, string][]}
 */
function chunk(flat) {
	/** @type {[string, string][]} */
	const pairs = [];
	for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([String(flat[i]), String(flat[i + 1])]);
	return pairs;
}

const server = http.createServer((req, res) => {
	withSecurityHeaders(req, res);
	try {
		handler(req, res, () => {
			res.statusCode = 404;
			res.setHeader('content-type', 'text/plain; charset=utf-8');
			res.end('Not Found');
		});
	} catch (error) {
		// sirv looks files up synchronously; whatever fails there is this request's 500 alone.
		failedStream(res, /** @type {Error} */ (error));
	}
});

server.listen(port, host, () => {
	const address = server.address();
	const bound = typeof address === 'object' && address ? address.port : port;
	console.log(`Listening on http://${host}:${bound}`);
});

// As build/index.js does: stop accepting, let requests finish, then tell the app (the share store
// closes on 'sveltekit:shutdown'); connections still open after SHUTDOWN_TIMEOUT are cut.
let stopping = false;
/** @param {NodeJS.Signals} signal */
function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	server.close(() => {
		clearTimeout(force);
		process.emit('sveltekit:shutdown', signal);
	});
	const force = setTimeout(() => server.closeAllConnections(), shutdownSeconds * 1000);
}
server.on('request', (req) => req.on('close', () => stopping && server.closeIdleConnections()));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
