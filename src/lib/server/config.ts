import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Server settings from the environment (README "Configuration"). */
export interface ServerConfig {
	dataDir: string;
	databaseUrl: string | undefined;
	/** Largest accepted publish body in bytes. */
	maxShareBytes: number;
	/** Authenticated API requests per client address and minute. */
	publishPerMinute: number;
	/** Requests with a missing or wrong publish key per client address and minute (counted apart). */
	wrongKeyPerMinute: number;
	/** Expiry of a share when the publisher names none, in days. */
	defaultExpiryDays: number;
}

export function readConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
	const int = (value: string | undefined, fallback: number) => {
		const n = Number(value);
		return value && Number.isInteger(n) && n > 0 ? n : fallback;
	};
	return {
		dataDir: resolve(env.WIRKUNG_DATA_DIR || '.wirkung'),
		databaseUrl: env.WIRKUNG_DATABASE_URL || undefined,
		maxShareBytes: int(env.WIRKUNG_MAX_SHARE_BYTES, 256 * 1024),
		publishPerMinute: int(env.WIRKUNG_PUBLISH_RATE, 30),
		wrongKeyPerMinute: int(env.WIRKUNG_WRONG_KEY_RATE, 10),
		defaultExpiryDays: int(env.WIRKUNG_SHARE_DAYS, 90)
	};
}

/**
 * The publish key: WIRKUNG_PUBLISH_KEY when set; otherwise the one persisted in the data directory,
 * generated (256 random bits) and printed once, on the first start, so the operator can hand it on.
 */
export function publishKey(
	dataDir: string,
	env: Record<string, string | undefined> = process.env,
	print: (line: string) => void = console.log
): string {
	if (env.WIRKUNG_PUBLISH_KEY) return env.WIRKUNG_PUBLISH_KEY;
	const file = join(dataDir, 'publish-key');
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	mkdirSync(dataDir, { recursive: true });
	const key = randomBytes(32).toString('base64url');
	// 'wx': if another process created the file meanwhile, its key wins and ours is not printed.
	try {
		writeFileSync(file, `${key}\n`, { flag: 'wx', mode: 0o600 });
	} catch {
		return readFileSync(file, 'utf8').trim();
	}
	print(`Wirkung: publish key generated (stored in ${file}; shown only this once):\n  ${key}`);
	return key;
}
