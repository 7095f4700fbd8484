/** Content-hashed files (/_app/immutable): kept across app versions while the build still lists them. */
export const IMMUTABLE_CACHE = 'wirkung-immutable';

/** Pages and sample data, one cache per app version. */
export function pagesCache(version: string): string {
	return `wirkung-pages-${version}`;
}

export type Bundle = 'eh' | 'mvp';

const ENGINE_ASSET = /\/duckdb-(?:browser-)?(eh|mvp)(?:\.worker)?\.[^/]*\.(?:wasm|js)$/;

/** Whether a build file is one of duckdb-wasm's bundles (wasm or its worker), and which. */
export function engineBundleOf(path: string): Bundle | null {
	return (ENGINE_ASSET.exec(path)?.[1] as Bundle | undefined) ?? null;
}

/** Pages fetched at install, so a presentation opens offline even if only the overview was visited. */
export const INSTALL_PAGES = ['/', '/present', '/present/edit'];

/** What the worker installs up front: the app's code and static files, not the engine bundles. */
export function installList(build: readonly string[], files: readonly string[]): string[] {
	return [...build.filter((path) => engineBundleOf(path) === null), ...files];
}

/** The build files of the one engine bundle this browser uses (~35 MB; the other is never fetched). */
export function engineAssets(build: readonly string[], bundle: Bundle): string[] {
	return build.filter((path) => engineBundleOf(path) === bundle);
}

export type Strategy = 'cache-first' | 'network-first' | 'network';

export interface RequestInfo {
	method: string;
	path: string;
	/** Request.mode: 'navigate' for page loads. */
	mode: string;
	sameOrigin: boolean;
}

/**
 * How the service worker answers a request. Hashed files never change: cache first. Pages and
 * sample data: network first, so an online user always gets the current version, the cache only
 * when offline. Shared views (/s/…), APIs and anything else go to the network untouched.
 */
export function strategyFor(request: RequestInfo): Strategy {
	if (request.method !== 'GET' || !request.sameOrigin) return 'network';
	const { path } = request;
	if (path.startsWith('/_app/immutable/')) return 'cache-first';
	if (path.startsWith('/sample/')) return 'network-first';
	if (path.startsWith('/s/') || path.startsWith('/api/') || path.startsWith('/_app/')) return 'network';
	if (request.mode === 'navigate') return 'network-first';
	return 'network';
}

/** A page's request to keep files for offline use: the engine bundle it runs and the sample it loaded. */
export interface KeepMessage {
	type: 'keep';
	bundle: Bundle;
	samples: string[];
}

/** The prebuilt sample's manifest and Arrow files (src/routes/sample): a name, never a path. */
const SAMPLE_PATH = /^\/sample\/[A-Za-z0-9_-]+\.(?:json|arrow)$/;

/** The paths a keep message may make the worker fetch; anything else in it is ignored. */
export function keepList(message: unknown, build: readonly string[]): string[] {
	if (typeof message !== 'object' || message === null) return [];
	const { type, bundle, samples } = message as Partial<Record<keyof KeepMessage, unknown>>;
	if (type !== 'keep' || (bundle !== 'eh' && bundle !== 'mvp')) return [];
	const sampleList = Array.isArray(samples)
		? samples.filter((s): s is string => typeof s === 'string' && SAMPLE_PATH.test(s))
		: [];
	return [...engineAssets(build, bundle), ...sampleList];
}
