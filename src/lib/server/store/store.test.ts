import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type ThrowawayPostgres } from '../../../../tests/support/postgres';
import { openStore, SCHEMA_VERSION, type NewShare, type ShareStore } from './index';

const share = (id: string, over: Partial<NewShare> = {}): NewShare => ({
	id,
	tokenHash: `hash-${id}`,
	title: `Share ${id}`,
	createdAt: `2026-01-0${id.length}T10:00:00.000Z`,
	expiresAt: null,
	payload: new Uint8Array([1, 2, 3, id.length]),
	...over
});

/** The same behaviour is required of both adapters. */
const adapters: {
	name: string;
	open: () => Promise<{ store: () => Promise<ShareStore>; done: () => void }>;
}[] = [
	{
		name: 'duckdb',
		async open() {
			const dir = mkdtempSync(join(tmpdir(), 'wirkung-store-'));
			return {
				store: () => openStore({ dataDir: dir }),
				done: () => rmSync(dir, { recursive: true, force: true })
			};
		}
	},
	{
		name: 'postgres',
		async open() {
			const server: ThrowawayPostgres = startPostgres();
			return { store: () => openStore({ dataDir: '', databaseUrl: server.url }), done: () => server.stop() };
		}
	}
];

describe.each(adapters)('share store on $name', ({ name, open }) => {
	let env: Awaited<ReturnType<typeof open>>;
	let store: ShareStore;
	beforeAll(async () => {
		env = await open();
		store = await env.store();
	}, 60_000);
	afterAll(async () => {
		await store?.close();
		env?.done();
	});

	it('is migrated to the current schema version, and migrating again changes nothing', async () => {
		expect(store.kind).toBe(name);
		expect(await store.migrate()).toBe(SCHEMA_VERSION);
		expect(await store.migrate()).toBe(SCHEMA_VERSION);
	});

	it('stores a share and finds it by token hash only', async () => {
		await store.create(share('a'));
		const found = await store.find('hash-a');
		expect(found?.record).toEqual({
			id: 'a',
			title: 'Share a',
			createdAt: '2026-01-01T10:00:00.000Z',
			expiresAt: null,
			revokedAt: null,
			views: 0,
			lastViewedAt: null,
			bytes: 4
		});
		expect([...found!.payload]).toEqual([1, 2, 3, 1]);
		expect(await store.find('a')).toBeNull();
		expect(await store.find('hash-unknown')).toBeNull();
	});

	it('refuses a second share with the same token hash or id, leaving the first intact', async () => {
		await expect(store.create(share('a', { title: 'other' }))).rejects.toThrow();
		await expect(store.create(share('zz', { tokenHash: 'hash-a' }))).rejects.toThrow();
		expect((await store.find('hash-a'))?.record.title).toBe('Share a');
	});

	it('lists shares newest first, counts views and revokes once', async () => {
		await store.create(share('bb', { expiresAt: '2030-01-01T00:00:00.000Z' }));
		await store.addViews(
			new Map([
				['a', 3],
				['bb', 1]
			]),
			'2026-02-01T00:00:00.000Z'
		);
		await store.addViews(new Map([['a', 2]]), '2026-02-02T00:00:00.000Z');
		const list = await store.list();
		expect(list.map((r) => [r.id, r.views, r.lastViewedAt, r.expiresAt])).toEqual([
			['bb', 1, '2026-02-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'],
			['a', 5, '2026-02-02T00:00:00.000Z', null]
		]);
		expect(await store.revoke('a', '2026-03-01T00:00:00.000Z')).toBe(true);
		expect(await store.revoke('a', '2026-03-02T00:00:00.000Z')).toBe(false);
		expect(await store.revoke('nope', '2026-03-02T00:00:00.000Z')).toBe(false);
		expect((await store.find('hash-a'))?.record.revokedAt).toBe('2026-03-01T00:00:00.000Z');
	});

	it('keeps everything across a reopen', async () => {
		await store.close();
		store = await env.store();
		expect((await store.list()).map((r) => r.id)).toEqual(['bb', 'a']);
	});

	it('round-trips a payload of every byte value', async () => {
		const payload = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
		await store.create(share('ccc', { payload }));
		expect(Buffer.from((await store.find('hash-ccc'))!.payload).equals(Buffer.from(payload))).toBe(true);
	});
});

describe('postgres migrations', () => {
	it('run once when two instances start together, and a newer schema is refused', async () => {
		const server = startPostgres();
		try {
			const [a, b] = await Promise.all([
				openStore({ dataDir: '', databaseUrl: server.url }),
				openStore({ dataDir: '', databaseUrl: server.url })
			]);
			await Promise.all([a.close(), b.close()]);
			const client = new pg.Client({ connectionString: server.url });
			await client.connect();
			const { rows } = await client.query('SELECT version FROM schema_version ORDER BY version');
			expect(rows.map((r) => r.version)).toEqual([1, 2]);
			await client.query(`INSERT INTO schema_version VALUES (99, 'future')`);
			await client.end();
			await expect(openStore({ dataDir: '', databaseUrl: server.url })).rejects.toThrow(
				/newer than this app/
			);
		} finally {
			server.stop();
		}
	}, 60_000);
});
