import { PayloadError } from '../share/payload';
import type { CubeCell, CubeMeta } from '../share/schema';
import { publishKey, readConfig, type ServerConfig } from './config';
import { ClientError, readBody } from './http';
import { createRateLimiter } from './ratelimit';
import { openStore, type ShareRecord, type ShareStore } from './store';
import { hashToken, isTokenShaped, keyMatches, newShareId, newToken } from './tokens';
import { validatePayload } from './validate';

/** A decoded share as the stakeholder view renders it. */
export interface OpenedShare {
	record: ShareRecord;
	meta: CubeMeta;
	cells: CubeCell[];
}

export type OpenResult = { status: 'ok'; share: OpenedShare } | { status: 'gone' } | { status: 'unknown' };

export interface PublishedShare {
	id: string;
	url: string;
	expires_at: string | null;
}

/** The share API's logic; routes only translate HTTP to these calls. */
export interface ShareService {
	readonly config: ServerConfig;
	/** Throws ClientError 429 / 401 unless the request may use the authenticated API. */
	authorize(request: Request, client: string): void;
	publish(request: Request, origin: string): Promise<PublishedShare>;
	open(token: string): Promise<OpenResult>;
	list(): Promise<ShareRecord[]>;
	revoke(id: string): Promise<boolean>;
	close(): Promise<void>;
}

/** Keeps decoded payloads of recently viewed shares; payloads never change once stored. */
const CACHE_SIZE = 64;
/** Views are counted in memory and written in batches, so a busy share is not a write per view. */
const FLUSH_MS = 2000;

export async function createShareService(config: ServerConfig, key: string): Promise<ShareService> {
	const store: ShareStore = await openStore(config);
	const limiter = createRateLimiter({ limit: config.publishPerMinute, windowMs: 60_000 });
	const cache = new Map<string, { meta: CubeMeta; cells: CubeCell[] }>();
	let pendingViews = new Map<string, number>();

	const flush = async () => {
		if (pendingViews.size === 0) return;
		const counts = pendingViews;
		pendingViews = new Map();
		await store.addViews(counts, new Date().toISOString()).catch((e: unknown) => {
			console.error('share views not counted:', e instanceof Error ? e.message : e);
		});
	};
	const timer = setInterval(flush, FLUSH_MS);
	timer.unref();

	return {
		config,
		authorize(request, client) {
			const { allowed, retryAfter } = limiter.take(client, Date.now());
			if (!allowed) throw new ClientError(429, 'too many requests', { 'retry-after': String(retryAfter) });
			const header = request.headers.get('authorization');
			const presented = header?.startsWith('Bearer ') ? header.slice(7) : null;
			if (!keyMatches(presented, key)) throw new ClientError(401, 'publish key missing or wrong');
		},
		async publish(request, origin) {
			const type = request.headers.get('content-type') ?? '';
			if (!type.startsWith('application/vnd.apache.arrow.stream'))
				throw new ClientError(415, 'body must be application/vnd.apache.arrow.stream');
			const url = new URL(request.url);
			const days = url.searchParams.has('expires_days')
				? Number(url.searchParams.get('expires_days'))
				: config.defaultExpiryDays;
			if (!Number.isInteger(days) || days < 1 || days > 3650)
				throw new ClientError(400, 'expires_days: a whole number of days from 1 to 3650');
			const body = await readBody(request, config.maxShareBytes);
			let meta: CubeMeta;
			try {
				({ meta } = validatePayload(body));
			} catch (error) {
				if (error instanceof PayloadError) throw new ClientError(422, error.message);
				throw error;
			}
			const token = newToken();
			const now = new Date();
			const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
			const id = newShareId();
			await store.create({
				id,
				tokenHash: hashToken(token),
				title: meta.title,
				createdAt: now.toISOString(),
				expiresAt,
				payload: body
			});
			return { id, url: `${origin}/s/${token}`, expires_at: expiresAt };
		},
		async open(token) {
			// Every token is hashed and looked up the same way, well-formed or not: the work done
			// does not depend on whether a share exists, and the hash hides which prefix matched.
			const found = await store.find(hashToken(isTokenShaped(token) ? token : `invalid:${token}`));
			if (!found || !isTokenShaped(token)) return { status: 'unknown' };
			const { record, payload } = found;
			if (record.revokedAt || (record.expiresAt && record.expiresAt <= new Date().toISOString()))
				return { status: 'gone' };
			let cube = cache.get(record.id);
			if (!cube) {
				cube = validatePayload(payload);
				if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
				cache.set(record.id, cube);
			}
			pendingViews.set(record.id, (pendingViews.get(record.id) ?? 0) + 1);
			return { status: 'ok', share: { record, ...cube } };
		},
		list: async () => {
			await flush();
			return store.list();
		},
		revoke: async (id) => {
			cache.delete(id);
			return store.revoke(id, new Date().toISOString());
		},
		async close() {
			clearInterval(timer);
			await flush();
			await store.close();
		}
	};
}

let service: Promise<ShareService> | null = null;

/** The process's share service, configured from the environment; opened on first use. */
export function shareService(): Promise<ShareService> {
	service ??= (async () => {
		const config = readConfig();
		const created = await createShareService(config, publishKey(config.dataDir));
		// adapter-node emits this on SIGINT/SIGTERM after the server stopped accepting requests.
		process.once('sveltekit:shutdown' as 'exit', () => void created.close());
		return created;
	})();
	return service;
}
