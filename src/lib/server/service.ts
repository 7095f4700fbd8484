import { auditAgainst } from '../share/audit';
import { PayloadError } from '../share/payload';
import type { CubeCell, CubeMeta } from '../share/schema';
import { publishKey, readConfig, type ServerConfig } from './config';
import { ClientError, readBody } from './http';
import { createRateLimiter } from './ratelimit';
import { openStore, type ShareRecord, type ShareStore } from './store';
import { hashToken, isTokenShaped, keyMatches, newShareId, newToken } from './tokens';
import { createDecoder } from './decode';
import { readStored, storedForm } from './stored';
import { validateCube } from './validate';

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
	/** Whether a token names a live, a gone (revoked/expired) or no share; counts no view. */
	status(token: string): Promise<OpenResult['status']>;
	list(): Promise<ShareRecord[]>;
	revoke(id: string): Promise<boolean>;
	close(): Promise<void>;
}

/** The one content type a publish body may have. */
const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

/** Keeps decoded payloads of recently viewed shares; payloads never change once stored. */
const CACHE_SIZE = 64;
/** Views are counted in memory and written in batches, so a busy share is not a write per view. */
const FLUSH_MS = 2000;

export async function createShareService(config: ServerConfig, key: string): Promise<ShareService> {
	const store: ShareStore = await openStore(config);
	const limiter = createRateLimiter({ limit: config.publishPerMinute, windowMs: 60_000 });
	const failures = createRateLimiter({ limit: config.wrongKeyPerMinute, windowMs: 60_000 });
	const cache = new Map<string, { meta: CubeMeta; cells: CubeCell[] }>();
	const decoder = createDecoder();
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

	/**
	 * Every token is hashed and looked up the same way, well-formed or not: the work done does not
	 * depend on whether a share exists, and the hash hides which prefix matched.
	 */
	const find = async (
		token: string
	): Promise<{ status: 'unknown' | 'gone' } | { status: 'ok'; record: ShareRecord; payload: Uint8Array }> => {
		const found = await store.find(hashToken(isTokenShaped(token) ? token : `invalid:${token}`));
		if (!found || !isTokenShaped(token)) return { status: 'unknown' };
		const { record } = found;
		if (record.revokedAt || (record.expiresAt && record.expiresAt <= new Date().toISOString()))
			return { status: 'gone' };
		return { status: 'ok', ...found };
	};

	return {
		config,
		authorize(request, client) {
			// Wrong keys count against their own budget: a client guessing (or a stale key in a
			// script behind the same address) must not use up the publisher's requests.
			const header = request.headers.get('authorization');
			const presented = header?.startsWith('Bearer ') ? header.slice(7) : null;
			const valid = keyMatches(presented, key);
			const { allowed, retryAfter } = (valid ? limiter : failures).take(client, Date.now());
			if (!allowed) throw new ClientError(429, 'too many requests', { 'retry-after': String(retryAfter) });
			if (!valid) throw new ClientError(401, 'publish key missing or wrong');
		},
		async publish(request, origin) {
			// Exactly the Arrow stream type (no prefix match: "…stream-evil", no parameters).
			const type = (request.headers.get('content-type') ?? '').trim().toLowerCase();
			if (type !== ARROW_STREAM) throw new ClientError(415, `body must be ${ARROW_STREAM}`);
			const url = new URL(request.url);
			const given = url.searchParams.getAll('expires_days');
			// Decimal digits only: Number() would also take "0x10", "1e3", " 7" and "".
			if (given.length > 1 || (given.length === 1 && !/^[1-9][0-9]{0,3}$/.test(given[0]!)))
				throw new ClientError(400, 'expires_days: a whole number of days from 1 to 3650');
			const days = given.length === 1 ? Number(given[0]) : config.defaultExpiryDays;
			if (days > 3650) throw new ClientError(400, 'expires_days: a whole number of days from 1 to 3650');
			const body = await readBody(request, config.maxShareBytes);
			let cube: { meta: CubeMeta; cells: CubeCell[] };
			try {
				cube = validateCube(await decoder.decode(body));
			} catch (error) {
				if (error instanceof PayloadError) throw new ClientError(422, error.message);
				throw error;
			}
			// Disclosure control across shares: refused when, differenced with a live share of nested
			// filters, one of its counts reveals a count under k (share/audit.ts, README).
			const live = await Promise.all(
				(await store.live(new Date().toISOString())).map(async ({ id, payload }) => ({
					id,
					...(cache.get(id) ?? (await readStored(payload, decoder)))
				}))
			);
			const [disclosure, ...more] = auditAgainst(cube, live);
			if (disclosure)
				throw new ClientError(
					409,
					`together with live share ${disclosure.other}, ${disclosure.cell} would reveal a count of ${disclosure.difference} < k = ${cube.meta.k}${more.length ? ` (and ${more.length} more)` : ''}: revoke that share or publish a wider selection`
				);
			const token = newToken();
			const now = new Date();
			const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
			const id = newShareId();
			await store.create({
				id,
				tokenHash: hashToken(token),
				title: cube.meta.title,
				createdAt: now.toISOString(),
				expiresAt,
				payload: storedForm(cube)
			});
			return { id, url: `${origin}/s/${token}`, expires_at: expiresAt };
		},
		async status(token) {
			return (await find(token)).status;
		},
		async open(token) {
			const found = await find(token);
			if (found.status !== 'ok') return { status: found.status };
			const { record, payload } = found;
			let cube = cache.get(record.id);
			if (!cube) {
				try {
					cube = await readStored(payload, decoder);
				} catch (error) {
					console.error(`share ${record.id} not served:`, error instanceof Error ? error.message : error);
					throw error;
				}
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
			await decoder.close();
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
