/**
 * Security headers for every response the SvelteKit handler produces. Pages get their CSP from
 * kit.csp; API responses get a CSP that allows nothing. Shared views and the API must never be
 * cached or leak their URL (the token) through the Referer header.
 */
export function securityHeaders(pathname: string, contentType: string | null): Record<string, string> {
	const headers: Record<string, string> = {
		'x-content-type-options': 'nosniff',
		'x-frame-options': 'DENY',
		'referrer-policy': 'no-referrer',
		'cross-origin-opener-policy': 'same-origin',
		'cross-origin-resource-policy': 'same-origin',
		'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
		'strict-transport-security': 'max-age=31536000'
	};
	if (!contentType?.startsWith('text/html'))
		headers['content-security-policy'] = "default-src 'none'; frame-ancestors 'none'";
	if (pathname.startsWith('/s/') || pathname.startsWith('/api/')) {
		headers['cache-control'] = 'no-store';
		headers['x-robots-tag'] = 'noindex, nofollow';
	}
	return headers;
}

/**
 * The page CSP for shared views: they run no script at all (server-rendered, csr off), so scripts,
 * workers and wasm are refused outright instead of allowed from 'self'.
 */
export function sharedViewCsp(csp: string): string {
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
