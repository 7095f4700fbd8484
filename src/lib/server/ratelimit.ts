/** A fixed-window limiter: at most `limit` requests per key (client address) per `windowMs`. */
export interface RateLimiter {
	/** Counts one request at `now` (ms); says whether it may proceed and, if not, when to retry (s). */
	take(key: string, now: number): { allowed: boolean; retryAfter: number };
}

export function createRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }): RateLimiter {
	const windows = new Map<string, { start: number; count: number }>();
	return {
		take(key, now) {
			// Forget finished windows so the map cannot grow without bound.
			if (windows.size > 10_000)
				for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
			let window = windows.get(key);
			if (!window || now - window.start >= windowMs) {
				window = { start: now, count: 0 };
				windows.set(key, window);
			}
			window.count++;
			const allowed = window.count <= limit;
			return { allowed, retryAfter: allowed ? 0 : Math.ceil((window.start + windowMs - now) / 1000) };
		}
	};
}
