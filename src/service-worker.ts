/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';
import { translate } from '$lib/i18n';
import { IMMUTABLE_CACHE, INSTALL_PAGES, installList, keepList, pagesCache, strategyFor } from '$lib/offline';

/**
 * Offline once loaded (a venue without internet): app code at install, the one engine bundle this
 * browser uses and the sample data when a page asks (keepForOffline), pages as they are visited.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const PAGES = pagesCache(version);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		Promise.all([
			caches.open(IMMUTABLE_CACHE).then((cache) => addMissing(cache, installList(build, []))),
			caches.open(PAGES).then((cache) => addMissing(cache, [...files, ...INSTALL_PAGES]))
		])
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys())
				if (key !== PAGES && key !== IMMUTABLE_CACHE) await caches.delete(key);
			// Hashed files of older builds are never asked for again.
			const current = new Set(build);
			const immutable = await caches.open(IMMUTABLE_CACHE);
			for (const request of await immutable.keys())
				if (!current.has(new URL(request.url).pathname)) await immutable.delete(request);
		})()
	);
});

sw.addEventListener('message', (event) => {
	const paths = keepList(event.data, build);
	if (paths.length === 0) return;
	const immutable = paths.filter((p) => p.startsWith('/_app/immutable/'));
	const pages = paths.filter((p) => !p.startsWith('/_app/immutable/'));
	event.waitUntil(
		Promise.all([
			caches.open(IMMUTABLE_CACHE).then((cache) => addMissing(cache, immutable)),
			caches.open(PAGES).then((cache) => addMissing(cache, pages))
		])
	);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	const strategy = strategyFor({
		method: request.method,
		path: url.pathname,
		mode: request.mode,
		sameOrigin: url.origin === sw.location.origin
	});
	if (strategy === 'cache-first') event.respondWith(cacheFirst(request));
	else if (strategy === 'network-first') event.respondWith(networkFirst(request));
});

/** Adds what a cache lacks, one file at a time, so one failure does not lose the rest. */
async function addMissing(cache: Cache, paths: string[]): Promise<void> {
	await Promise.all(
		paths.map(async (path) => {
			if (!(await cache.match(path))) await cache.add(path).catch(() => {});
		})
	);
}

async function cacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(IMMUTABLE_CACHE);
	const cached = await cache.match(request);
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone());
	return response;
}

async function networkFirst(request: Request): Promise<Response> {
	const cache = await caches.open(PAGES);
	try {
		const response = await fetch(request);
		if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
		return response;
	} catch (error) {
		// The same page with other parameters (e.g. /present?view=speaker) is the same app shell.
		const cached = (await cache.match(request)) ?? (await cache.match(request, { ignoreSearch: true }));
		if (cached) return cached;
		if (request.mode !== 'navigate') throw error;
		return new Response(translate('de', 'offline.unavailable'), {
			status: 503,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
}
