import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishKey, readConfig } from './config';

describe('publishKey', () => {
	it('is generated, persisted and printed once when WIRKUNG_PUBLISH_KEY is unset', () => {
		const dir = join(mkdtempSync(join(tmpdir(), 'wirkung-key-')), 'data');
		const printed: string[] = [];
		const key = publishKey(dir, {}, (l) => printed.push(l));
		expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(printed.join()).toContain(key);
		expect(publishKey(dir, {}, (l) => printed.push(l))).toBe(key);
		expect(printed).toHaveLength(1);
		expect(readFileSync(join(dir, 'publish-key'), 'utf8').trim()).toBe(key);
		expect(statSync(join(dir, 'publish-key')).mode & 0o077).toBe(0);
	});

	it('comes from the environment when set, and then nothing is written', () => {
		const dir = join(mkdtempSync(join(tmpdir(), 'wirkung-key-')), 'data');
		expect(publishKey(dir, { WIRKUNG_PUBLISH_KEY: 'secret' }, () => {})).toBe('secret');
		expect(() => statSync(dir)).toThrow();
	});
});

describe('readConfig', () => {
	it.each([
		[{}, { maxShareBytes: 262144, publishPerMinute: 30, defaultExpiryDays: 90, databaseUrl: undefined }],
		[
			{ WIRKUNG_MAX_SHARE_BYTES: '1000', WIRKUNG_PUBLISH_RATE: '2', WIRKUNG_SHARE_DAYS: '7' },
			{ maxShareBytes: 1000, publishPerMinute: 2, defaultExpiryDays: 7 }
		],
		[
			{ WIRKUNG_MAX_SHARE_BYTES: '-5', WIRKUNG_PUBLISH_RATE: 'many' },
			{ maxShareBytes: 262144, publishPerMinute: 30 }
		],
		[{ WIRKUNG_DATABASE_URL: 'postgresql://x' }, { databaseUrl: 'postgresql://x' }]
	])('%j', (env, expected) => {
		expect(readConfig(env)).toMatchObject(expected);
	});

	it('defaults the data directory to ./.wirkung', () => {
		expect(readConfig({}).dataDir).toBe(join(process.cwd(), '.wirkung'));
	});
});
