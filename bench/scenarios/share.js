// Share: the stakeholder view /s/<token> of the sample dashboard, published through the analyst UI.
// Measures navigation → first drawn chart (element timing `wirkung:first-chart`) with a cold cache,
// the initial JavaScript (gzip) and that no wasm is fetched, then 30 s of load with autocannon.
// Budgets (DESIGN.md §7): first chart ≤ 300 ms, initial JS ≤ 150 KB gzip, no wasm; load: 0 errors.
import autocannon from 'autocannon';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { summary } from '../stats.js';

const BUDGET_FIRST_CHART_MS = 300;
const BUDGET_JS_GZIP_KB = 150;
const LOAD_SECONDS = Number(process.env.WIRKUNG_LOAD_SECONDS ?? 30);

/** Publishes the sample dashboard the way an analyst does and returns the share link. */
async function publishSample(browser, baseURL, key) {
	const page = await browser.newPage();
	await page.goto(`${baseURL}/veroeffentlichen`);
	await page.getByTestId('preview-summary').waitFor({ timeout: 60_000 });
	await page.getByLabel('Veröffentlichungsschlüssel').fill(key);
	await page.getByRole('button', { name: 'Veröffentlichen' }).click();
	const url = await page.getByTestId('share-url').textContent({ timeout: 30_000 });
	await page.close();
	return url;
}

export async function run({ browser, emit, runs = 5, startServer }) {
	const key = 'bench-publish-key';
	const server = await startServer({
		WIRKUNG_DATA_DIR: mkdtempSync(join(tmpdir(), 'wirkung-bench-')),
		WIRKUNG_PUBLISH_KEY: key
	});
	try {
		const url = await publishSample(browser, server.baseURL, key);
		const firstChart = [];
		const firstPaint = [];
		let scripts = [];
		for (let i = 0; i < runs; i++) {
			const context = await browser.newContext();
			const page = await context.newPage();
			const loaded = [];
			page.on('response', (response) => {
				const type = response.request().resourceType();
				if (type === 'script' || /\.wasm$/.test(response.url())) loaded.push(response);
			});
			await page.goto(url);
			// The bars' labels carry elementtiming="wirkung:first-chart": the chart is drawn when the
			// last of them was painted (the page runs no script, so there is no mark to set).
			firstChart.push(
				await page.evaluate(
					() =>
						new Promise((resolve) => {
							new PerformanceObserver((list) => {
								const times = list
									.getEntries()
									.filter((e) => e.identifier === 'wirkung:first-chart')
									.map((e) => e.renderTime || e.loadTime);
								if (times.length) resolve(Math.max(...times));
							}).observe({ type: 'element', buffered: true });
							setTimeout(() => resolve(NaN), 10_000);
						})
				)
			);
			// First contentful paint shows the server-rendered figures and tables (no script needed).
			firstPaint.push(
				await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN)
			);
			await page.waitForLoadState('load');
			scripts = loaded;
			await context.close().catch(() => {});
		}
		emit({ metric: 'first_chart_cold_ms', unit: 'ms', ...summary(firstChart) });
		emit({ metric: 'first_contentful_paint_cold_ms', unit: 'ms', ...summary(firstPaint) });

		// Initial JS as gzip would send it: the bodies of the scripts the first view loaded.
		const bodies = await Promise.all(
			scripts.map(async (r) => ({ url: r.url(), body: await fetch(r.url()).then((x) => x.arrayBuffer()) }))
		);
		const gzipBytes = bodies.reduce(
			(sum, { body }) => sum + gzipSync(Buffer.from(body), { level: 9 }).length,
			0
		);
		const wasm = bodies.filter(({ url }) => /wasm|duckdb/.test(url)).length;
		const jsKb = Math.round((gzipBytes / 1024) * 10) / 10;
		emit({ metric: 'initial_js_gzip_kb', unit: 'KB', value: jsKb, files: bodies.length, wasm_files: wasm });

		const load = await autocannon({ url, connections: 10, duration: LOAD_SECONDS });
		emit({
			metric: 'load',
			unit: 'ms',
			seconds: LOAD_SECONDS,
			requests: load.requests.total,
			rps: Math.round(load.requests.average),
			p50: load.latency.p50,
			p99: load.latency.p99,
			errors: load.errors + load.timeouts + load.non2xx
		});

		const median = summary(firstChart).median;
		emit({
			metric: 'budget_first_chart_cold',
			unit: 'ms',
			value: median,
			budget: BUDGET_FIRST_CHART_MS,
			within: median <= BUDGET_FIRST_CHART_MS
		});
		emit({
			metric: 'budget_initial_js_gzip',
			unit: 'KB',
			value: jsKb,
			budget: BUDGET_JS_GZIP_KB,
			within: jsKb <= BUDGET_JS_GZIP_KB && wasm === 0
		});
		emit({
			metric: 'budget_load_errors',
			unit: 'count',
			value: load.errors + load.timeouts + load.non2xx,
			budget: 0,
			within: load.errors + load.timeouts + load.non2xx === 0
		});
	} finally {
		server.stop();
	}
}
