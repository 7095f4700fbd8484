import { expect, test } from '@playwright/test';
import autocannon from 'autocannon';
import { publish, samplePayload } from '../support/cube';
import { startServer } from '../support/server';

/** Seconds of load; `npm run bench -- share` runs the same for 30 s. */
const SECONDS = Number(process.env.WIRKUNG_LOAD_SECONDS ?? 10);

test(`the shared view holds ${SECONDS} s of concurrent load on loopback without an error`, async () => {
	test.setTimeout((SECONDS + 60) * 1000);
	const server = await startServer();
	try {
		const { url } = await (await publish(server.origin, server.key, await samplePayload())).json();
		const result = await autocannon({ url, connections: 10, duration: SECONDS });
		const report = `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.total} requests`;
		console.log(`share view under load: ${report}`);
		test.info().annotations.push({ type: 'load', description: report });
		expect(result.errors).toBe(0);
		expect(result.timeouts).toBe(0);
		expect(result.non2xx).toBe(0);
		expect(result.requests.total).toBeGreaterThan(SECONDS * 10);
		// Every view was counted (in batches), and the server still answers.
		const list = await fetch(`${server.origin}/api/shares`, {
			headers: { authorization: `Bearer ${server.key}` }
		});
		// Requests still in flight when the run stopped were served and counted, but not by autocannon.
		const { views } = (await list.json()).shares[0];
		expect(views).toBeGreaterThanOrEqual(result.requests.total);
		expect(views).toBeLessThanOrEqual(result.requests.total + 10);
	} finally {
		await server.stop();
	}
});
