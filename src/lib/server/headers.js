// Plain JavaScript (typed by JSDoc) because two runtimes import it: the SvelteKit bundle (hooks, and
// svelte.config.js for kit.csp) and the custom server entry (server.js), which runs it untranspiled.

/** @typedef {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>} Directives */

/**
 * The app's page CSP, the one list: kit.csp uses it for pages (adding nonces or hashes), and static
 * JavaScript gets it as is, because a worker or the service worker runs under the CSP of its own
 * script response (duckdb-wasm's worker fetches and compiles wasm).
 * @type {Directives}
 */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self', 'wasm-unsafe-eval'],
	'worker-src': ['self', 'blob:'],
	'connect-src': ['self'],
	'img-src': ['self', 'data:', 'blob:'],
	'style-src': ['self', 'unsafe-inline'],
	'font-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};

/** Everything that is neither a page nor a script may load nothing and be framed by no one. */
export const NOTHING_CSP = "default-src 'none'; frame-ancestors 'none'";

const KEYWORDS = new Set([
	'self',
	'none',
	'unsafe-inline',
	'unsafe-eval',
	'wasm-unsafe-eval',
	'strict-dynamic'
]);

/**
 * The directives as a header value, quoted the way SvelteKit quotes them.
 * @param {Directives} directives
 */
export function formatCsp(directives) {
	return Object.entries(directives)
		.map(([name, values]) => {
			const sources = /** @type {string[]} */ (values ?? []);
			return [name, ...sources.map((v) => (KEYWORDS.has(v) ? `'${v}'` : v))].join(' ');
		})
		.join('; ');
}

const APP_CSP = formatCsp(CSP_DIRECTIVES);

/**
 * The page CSP for shared views: they run no script at all (server-rendered, csr off), so scripts,
 * workers and wasm are refused outright instead of allowed from 'self'.
 * @param {string} csp
 */
export function sharedViewCsp(csp) {
	return csp
		.split(';')
		.map((directive) => directive.trim())
		.filter((directive) => directive !== '')
		.map((directive) => {
			const name = directive.split(/\s+/)[0];
			return name === 'script-src' || name === 'worker-src' ? `${name} 'none'` : directive;
		})
		.join('; ');
}

/**
 * Security headers for every response, whoever produced it (SvelteKit or the static file server).
 * Pages keep the CSP SvelteKit gave them (with its nonces; shared views made script-free), scripts
 * get the app CSP, everything else a CSP that allows nothing. Shared views and the API must never
 * be cached or leak their URL (the token) through the Referer header.
 * @param {string} pathname
 * @param {string | null | undefined} contentType
 * @param {string | null | undefined} [pageCsp] the CSP already on the response (SvelteKit's, for pages)
 * @returns {Record<string, string>}
 */
export function securityHeaders(pathname, contentType, pageCsp) {
	/** @type {Record<string, string>} */
	const headers = {
		'x-content-type-options': 'nosniff',
		'x-frame-options': 'DENY',
		'referrer-policy': 'no-referrer',
		'cross-origin-opener-policy': 'same-origin',
		'cross-origin-resource-policy': 'same-origin',
		'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
		'strict-transport-security': 'max-age=31536000'
	};
	const type = (contentType ?? '').toLowerCase();
	// A 304 has no content type, but its headers replace the cached ones: a revalidated service
	// worker must keep the script CSP, so the path decides then.
	const script = type ? /^(text|application)\/javascript/.test(type) : /\.m?js$/.test(pathname);
	let csp = NOTHING_CSP;
	if (type.startsWith('text/html')) csp = pageCsp || APP_CSP;
	else if (script) csp = APP_CSP;
	headers['content-security-policy'] = pathname.startsWith('/s/') ? sharedViewCsp(csp) : csp;
	if (pathname.startsWith('/s/') || pathname.startsWith('/api/')) {
		headers['cache-control'] = 'no-store';
		headers['x-robots-tag'] = 'noindex, nofollow';
	}
	return headers;
}
