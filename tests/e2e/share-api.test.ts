import { expect, test } from '@playwright/test';
import {
	Field,
	makeData,
	RecordBatch,
	Schema,
	Struct,
	Table,
	tableToIPC,
	Utf8,
	vectorFromArray
} from 'apache-arrow';
import http from 'node:http';
import pg from 'pg';
import { participationCells } from '../../src/lib/share/cube';
import { decodeCube, encodeCube } from '../../src/lib/share/payload';
import type { CubeMeta } from '../../src/lib/share/schema';
import { publish, samplePayload } from '../support/cube';
import { startPostgres, type ThrowawayPostgres } from '../support/postgres';
import { startServer, type RunningServer } from '../support/server';

// The API against a real server on the PostgreSQL store (the DuckDB store has the UI and crash tests).
test.describe.configure({ mode: 'serial' });

let db: ThrowawayPostgres;
let server: RunningServer;
let payload: Uint8Array;
let filtered: Uint8Array;
let token: string;
let id: string;

const noStack = (body: string) => expect(body).not.toMatch(/\n\s+at |node_modules|\.js:\d+|\.ts:\d+/);

test.beforeAll(async () => {
	db = startPostgres();
	server = await startServer({
		env: { WIRKUNG_DATABASE_URL: db.url, WIRKUNG_PUBLISH_RATE: '40' }
	});
	payload = await samplePayload();
	// Built up front: the node engine blocks the event loop, and a keep-alive socket the server
	// closed meanwhile would be reused by the next request.
	filtered = await samplePayload(3, { states: ['Sachsen'], periodFrom: '2020-01-01' });
});
test.afterAll(async () => {
	await server?.stop();
	db?.stop();
});

test('publishing needs the publish key and an Arrow body', async () => {
	const attempts: Record<string, string>[] = [
		{},
		{ authorization: 'Bearer wrong' },
		{ authorization: server.key }
	];
	for (const headers of attempts) {
		const response = await fetch(`${server.origin}/api/shares`, {
			method: 'POST',
			headers,
			body: payload as BodyInit
		});
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ error: 'publish key missing or wrong' });
	}
	const response = await fetch(`${server.origin}/api/shares`, {
		method: 'POST',
		headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
		body: '{"respondent_ref":"B-001"}'
	});
	expect(response.status).toBe(415);
});

test('a payload with row-level columns is refused', async () => {
	const fields = ['session_id', 'answer', 'respondent_ref', 'comment'].map(
		(n) => new Field(n, new Utf8(), true)
	);
	const children = fields.map(
		(f) => vectorFromArray([f.name === 'comment' ? 'Gute Moderation' : 'x'], new Utf8()).data[0]!
	);
	const rows = tableToIPC(
		new Table([
			new RecordBatch(
				new Schema(fields),
				makeData({ type: new Struct(fields), length: 1, nullCount: 0, children })
			)
		]),
		'stream'
	);
	const response = await publish(server.origin, server.key, rows);
	expect(response.status).toBe(422);
	expect(await response.json()).toEqual({
		error: 'row-level columns refused: answer, respondent_ref, comment'
	});
	expect(
		(
			await (
				await fetch(`${server.origin}/api/shares`, { headers: { authorization: `Bearer ${server.key}` } })
			).json()
		).shares
	).toEqual([]);
});

test('a cube with an unsuppressed small cell is refused', async () => {
	const cells = participationCells([
		{ sessionId: 'S1', title: 'Auftakt', date: '2020-11-11', role: 'BMI/BBSR', participants: 1 },
		{ sessionId: 'S1', title: 'Auftakt', date: '2020-11-11', role: 'Kommune', participants: 9 }
	]);
	const response = await publish(
		server.origin,
		server.key,
		encodeCube(cells, { title: 'x', k: 3, views: ['participation'], asOf: null })
	);
	expect(response.status).toBe(422);
	expect((await response.json()).error).toMatch(/n = 1 < k = 3 and is not suppressed/);
});

test('bodies over the limit are refused, declared or streamed', async () => {
	const big = new Uint8Array(300 * 1024);
	expect((await publish(server.origin, server.key, big)).status).toBe(413);
	// Chunked, without Content-Length: the server must stop reading and answer 413 mid-stream.
	const streamed = await new Promise<number>((resolve, reject) => {
		const req = http.request(`${server.origin}/api/shares`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${server.key}`,
				'content-type': 'application/vnd.apache.arrow.stream'
			}
		});
		req.on('response', (res) => resolve(res.statusCode!));
		req.on('error', reject);
		const chunk = new Uint8Array(16 * 1024);
		let sent = 0;
		const write = () => {
			if (sent++ < 20) req.write(chunk, () => setTimeout(write, 5));
			else req.end();
		};
		write();
	});
	expect(streamed).toBe(413);
});

test('a valid cube is published: {id, url, expires_at}, and the link serves the dashboard', async ({
	request
}) => {
	const response = await publish(server.origin, server.key, payload, '?expires_days=30');
	expect(response.status).toBe(201);
	const body = await response.json();
	expect(Object.keys(body).sort()).toEqual(['expires_at', 'id', 'url']);
	const match = /\/s\/([A-Za-z0-9_-]{43})$/.exec(body.url);
	expect(match).not.toBeNull();
	token = match![1]!;
	id = body.id;
	expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
	const days = (Date.parse(body.expires_at) - Date.now()) / 86_400_000;
	expect(days).toBeGreaterThan(29.9);
	expect(days).toBeLessThanOrEqual(30);

	const page = await request.get(`${server.origin}/s/${token}`);
	expect(page.status()).toBe(200);
	const html = await page.text();
	expect(html).toContain('data-chart="attainment-by-indicator"');
	expect(html).toContain('data-chart="participation"');
	expect(html).toContain('BIWAQ – Test');
	expect(html).not.toMatch(/duckdb|\.wasm/);
	const headers = page.headers();
	expect(headers['content-security-policy']).toContain("script-src 'none'");
	expect(headers['content-security-policy']).not.toContain('wasm-unsafe-eval');
	for (const name of [
		'x-content-type-options',
		'x-frame-options',
		'referrer-policy',
		'cross-origin-opener-policy'
	])
		expect(headers[name], name).toBeTruthy();

	// Only the token's hash is stored.
	const client = new pg.Client({ connectionString: db.url });
	await client.connect();
	const { rows } = await client.query('SELECT token_hash FROM shares WHERE id = $1', [id]);
	await client.end();
	expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
	expect(rows[0].token_hash).not.toContain(token);
});

test('the list shows shares with view counts and no tokens', async () => {
	await fetch(`${server.origin}/s/${token}`);
	const response = await fetch(`${server.origin}/api/shares`, {
		headers: { authorization: `Bearer ${server.key}` }
	});
	const { shares } = await response.json();
	expect(shares).toHaveLength(1);
	expect(shares[0]).toMatchObject({ id, title: 'BIWAQ – Test', revokedAt: null });
	expect(shares[0].views).toBeGreaterThanOrEqual(2);
	expect(JSON.stringify(shares)).not.toContain(token);
});

test('a cube for a Land is published with its filters; filters that are not the cube filters are refused', async () => {
	const response = await publish(server.origin, server.key, filtered);
	expect(response.status).toBe(201);
	const html = await (await fetch((await response.json()).url)).text();
	expect(html).toMatch(/data-filter="states"[\s\S]*?Sachsen/);
	expect(html).toMatch(/data-filter="period"[\s\S]*?01\.01\.2020 bis offen/);

	const { meta, cells } = decodeCube(filtered);
	for (const filters of [
		{ ...meta.filters, gender: 'w' },
		{ ...meta.filters, municipalities: [{ respondent_ref: 'B-001' }] }
	]) {
		const refused = await publish(
			server.origin,
			server.key,
			encodeCube(cells, { ...meta, filters } as CubeMeta)
		);
		expect(refused.status).toBe(422);
		expect((await refused.json()).error).toMatch(/^filters: /);
	}
});

test('unknown tokens are 404, and take as long as near misses of a real one', async () => {
	const random = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
	const nearMiss = () => token.slice(0, 42) + (token[42] === 'A' ? 'B' : 'A');
	for (const path of [random(), nearMiss(), 'short', "'%20OR%201=1--", token.toUpperCase()])
		expect((await fetch(`${server.origin}/s/${path}`)).status, path).toBe(404);
	const times: Record<'random' | 'near', number[]> = { random: [], near: [] };
	for (let i = 0; i < 120; i++) {
		for (const [kind, path] of [
			['random', random()],
			['near', nearMiss()]
		] as const) {
			const start = performance.now();
			await (await fetch(`${server.origin}/s/${path}`)).text();
			times[kind].push(performance.now() - start);
		}
	}
	const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
	const [a, b] = [median(times.random), median(times.near)];
	test.info().annotations.push({
		type: 'median 404 ms',
		description: `random ${a.toFixed(2)}, near miss ${b.toFixed(2)}`
	});
	expect(Math.abs(a - b)).toBeLessThan(Math.max(2, 0.25 * Math.min(a, b)));
});

test('an expired share answers 410', async () => {
	const response = await publish(server.origin, server.key, payload, '?expires_days=1');
	const { url, id: expiring } = await response.json();
	expect((await fetch(url)).status).toBe(200);
	const client = new pg.Client({ connectionString: db.url });
	await client.connect();
	await client.query(`UPDATE shares SET expires_at = '2020-01-01T00:00:00.000Z' WHERE id = $1`, [expiring]);
	await client.end();
	const gone = await fetch(url);
	expect(gone.status).toBe(410);
	expect(await gone.text()).toContain('Dieser Link ist nicht mehr gültig');
});

test('revoking makes the link answer 410; revoking again is 404', async () => {
	const del = (key: string) =>
		fetch(`${server.origin}/api/shares/${id}`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${key}` }
		});
	expect((await del('wrong')).status).toBe(401);
	expect((await fetch(`${server.origin}/s/${token}`)).status).toBe(200);
	expect((await del(server.key)).status).toBe(204);
	const gone = await fetch(`${server.origin}/s/${token}`);
	expect(gone.status).toBe(410);
	expect(await gone.text()).toContain('widerrufen oder ist abgelaufen');
	expect((await del(server.key)).status).toBe(404);
});

test('errors never carry stack traces', async () => {
	const bodies: string[] = [];
	for (const [path, init] of [
		[
			'/api/shares',
			{
				method: 'POST',
				headers: {
					authorization: `Bearer ${server.key}`,
					'content-type': 'application/vnd.apache.arrow.stream'
				},
				body: 'ARROW1\0\0garbage'
			}
		],
		[
			'/api/shares?expires_days=abc',
			{
				method: 'POST',
				headers: {
					authorization: `Bearer ${server.key}`,
					'content-type': 'application/vnd.apache.arrow.stream'
				},
				body: payload as BodyInit
			}
		],
		['/api/shares/%00', { method: 'DELETE', headers: { authorization: `Bearer ${server.key}` } }],
		['/s/%E0%A4%A', {}],
		['/api/shares', { method: 'PUT' }]
	] as [string, RequestInit][]) {
		const response = await fetch(`${server.origin}${path}`, init);
		expect(response.status, path).toBeGreaterThanOrEqual(400);
		bodies.push(await response.text());
	}
	for (const body of bodies) noStack(body);
});

test('authenticated requests are rate limited per client', async () => {
	let limited: Response | undefined;
	for (let i = 0; i < 45 && !limited; i++) {
		const response = await fetch(`${server.origin}/api/shares`, {
			headers: { authorization: `Bearer ${server.key}` }
		});
		if (response.status === 429) limited = response;
	}
	expect(limited).toBeDefined();
	expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
	expect(await limited!.json()).toEqual({ error: 'too many requests' });
	// Stakeholder views are not limited by it.
	expect((await fetch(`${server.origin}/s/${'A'.repeat(43)}`)).status).toBe(404);
});

test('two instances on one PostgreSQL database serve, count and revoke the same shares', async () => {
	const second = await startServer({ env: { WIRKUNG_DATABASE_URL: db.url }, key: server.key });
	try {
		const { url, id: shared } = await (await publish(second.origin, second.key, payload)).json();
		const token = url.split('/s/')[1];
		expect((await fetch(`${server.origin}/s/${token}`)).status).toBe(200);
		expect((await fetch(`${second.origin}/s/${token}`)).status).toBe(200);
		const del = await fetch(`${second.origin}/api/shares/${shared}`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${second.key}` }
		});
		expect(del.status).toBe(204);
		expect((await fetch(`${server.origin}/s/${token}`)).status).toBe(410);
		const list = await fetch(`${second.origin}/api/shares`, {
			headers: { authorization: `Bearer ${second.key}` }
		});
		const row = (await list.json()).shares.find((s: { id: string }) => s.id === shared);
		expect(row.views).toBeGreaterThanOrEqual(1);
	} finally {
		await second.stop();
	}
});
