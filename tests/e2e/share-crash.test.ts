import { DuckDBInstance } from '@duckdb/node-api';
import { expect, test } from '@playwright/test';
import http from 'node:http';
import { join } from 'node:path';
import { parseStored } from '../../src/lib/server/stored';
import { publish, samplePayload } from '../support/cube';
import { startServer } from '../support/server';

/** Starts a publish whose body trickles in, so the server is mid-request when it is killed. */
function slowPublish(origin: string, key: string, payload: Uint8Array): Promise<number> {
	return new Promise((resolve) => {
		const req = http.request(`${origin}/api/shares`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${key}`,
				'content-type': 'application/vnd.apache.arrow.stream',
				'content-length': payload.byteLength
			}
		});
		req.on('response', (res) => resolve(res.statusCode!));
		req.on('error', () => resolve(0));
		req.write(payload.subarray(0, payload.byteLength >> 1));
	});
}

test('kill -9 during publishing leaves a consistent store; old shares still serve', async () => {
	test.setTimeout(120_000);
	const payload = await samplePayload();
	let server = await startServer();
	const { dataDir, key } = server;
	// Tokens, not URLs: each restart gets a fresh free port, so the origin changes.
	const token = (url: string) => url.split('/s/')[1];
	const first = await (await publish(server.origin, key, payload)).json();
	const published = [token(first.url)];
	let attempted = 1;

	for (let round = 0; round < 4; round++) {
		// A burst of publishes, one of them stalled half-way, then SIGKILL at a varying moment.
		const stalled = slowPublish(server.origin, key, payload);
		const burst = Array.from({ length: 8 }, () =>
			publish(server.origin, key, payload)
				.then(async (r) => (r.status === 201 ? token((await r.json()).url) : null))
				.catch(() => null)
		);
		attempted += 9;
		await new Promise((r) => setTimeout(r, 5 + round * 15));
		await server.kill();
		published.push(...(await Promise.all(burst)).filter((u): u is string => u !== null));
		expect(await stalled).toBe(0);
		server = await startServer({ dataDir, key });

		const list = await fetch(`${server.origin}/api/shares`, { headers: { authorization: `Bearer ${key}` } });
		expect(list.status).toBe(200);
		const { shares } = await list.json();
		// Every acknowledged share survived; nothing beyond what was attempted appeared.
		expect(shares.length).toBeGreaterThanOrEqual(published.length);
		expect(shares.length).toBeLessThanOrEqual(attempted);
		for (const t of published) expect((await fetch(`${server.origin}/s/${t}`)).status, t).toBe(200);
	}
	test.info().annotations.push({
		type: 'shares',
		description: `${published.length} acknowledged of ${attempted} attempted`
	});

	// Every stored share is whole: its payload is a complete, valid cube (in the stored JSON form).
	await server.stop();
	const instance = await DuckDBInstance.create(join(dataDir, 'shares.duckdb'));
	const connection = await instance.connect();
	const rows = (await connection.runAndReadAll('SELECT id, payload FROM shares')).getRowObjectsJS();
	connection.closeSync();
	instance.closeSync();
	for (const row of rows)
		expect(() => parseStored(new Uint8Array(row.payload as Buffer)), String(row.id)).not.toThrow();
});

test('a second instance on the same DuckDB data directory refuses to start and says why', async () => {
	const first = await startServer();
	try {
		await expect(startServer({ dataDir: first.dataDir })).rejects.toThrow(
			/cannot open the share store .*several instances need WIRKUNG_DATABASE_URL/
		);
		expect((await fetch(`${first.origin}/s/${'A'.repeat(43)}`)).status).toBe(404);
	} finally {
		await first.stop();
	}
});
