// Startup: time from navigation to the first drawn chart of `/`, with a cold cache (new browser
// context) and a warm one (reload in the same context), beside the bare duckdb-wasm instantiate time
// of /diagnostics measured in the same run. Budget (DESIGN.md §7): cold first chart ≤ 2.5 s on loopback.
import { summary } from '../stats.js';

const BUDGET_COLD_MS = 2500;

/** Navigates and returns the named performance mark's time since navigation start. */
async function timeTo(page, url, mark) {
	await page.goto(url);
	const handle = await page.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, mark, {
		timeout: 180_000,
		polling: 20
	});
	return handle.jsonValue();
}

export async function run({ baseURL, browser, emit, runs = 5 }) {
	const results = { bare_cold: [], bare_warm: [], first_chart_cold: [], first_chart_warm: [] };
	for (let i = 0; i < runs; i++) {
		for (const [kind, url, mark] of [
			['bare', `${baseURL}/diagnostics`, 'wirkung:engine-ready'],
			['first_chart', `${baseURL}/`, 'wirkung:first-chart']
		]) {
			const context = await browser.newContext();
			const page = await context.newPage();
			results[`${kind}_cold`].push(await timeTo(page, url, mark));
			results[`${kind}_warm`].push(await timeTo(page, url, mark));
			await context.close();
		}
	}
	for (const [metric, values] of Object.entries(results))
		emit({ metric: `${metric}_ms`, unit: 'ms', ...summary(values) });
	for (const cache of ['cold', 'warm']) {
		const app = summary(results[`first_chart_${cache}`]).median;
		const bare = summary(results[`bare_${cache}`]).median;
		emit({
			metric: `first_chart_over_bare_${cache}`,
			unit: 'ratio',
			value: Math.round((app / bare) * 100) / 100
		});
	}
	const cold = summary(results.first_chart_cold).median;
	emit({
		metric: 'budget_first_chart_cold',
		unit: 'ms',
		value: cold,
		budget: BUDGET_COLD_MS,
		within: cold <= BUDGET_COLD_MS
	});
}
