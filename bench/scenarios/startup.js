// Startup: time from navigation to the first drawn chart of `/`, with a cold cache (new browser
// context) and a warm one (reload in the same context), beside the bare duckdb-wasm instantiate +
// open of /diagnostics (a page that starts nothing else) measured in the same run, alternating.
// Budgets (issue 17, DESIGN.md §7): cold ≤ 1.3× bare cold, warm ≤ 1.2× bare warm, cold ≤ 2.5 s.
// WIRKUNG_BENCH_COMPARE=<other checkout, built> adds that build's first chart, run for run, so two
// builds are compared in one run (bench/README.md).
import { summary } from '../stats.js';

const BUDGET_COLD_MS = 2500;
const BUDGETS = { cold: 1.3, warm: 1.2 };

/** Navigates and returns the named performance mark's time since navigation start. */
async function timeTo(page, url, mark) {
	await page.goto(url);
	const handle = await page.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, mark, {
		timeout: 180_000,
		polling: 20
	});
	return handle.jsonValue();
}

export async function run({ baseURL, browser, emit, runs = 5, startServer }) {
	const other = process.env.WIRKUNG_BENCH_COMPARE;
	const compared = other ? await startServer({}, other) : null;
	const kinds = [
		['bare', `${baseURL}/diagnostics`, 'wirkung:engine-ready'],
		['first_chart', `${baseURL}/`, 'wirkung:first-chart'],
		...(compared ? [['compared_first_chart', `${compared.baseURL}/`, 'wirkung:first-chart']] : [])
	];
	const results = Object.fromEntries(
		kinds.flatMap(([kind]) => [
			[`${kind}_cold`, []],
			[`${kind}_warm`, []]
		])
	);
	try {
		for (let i = 0; i < runs; i++) {
			// Rotated, so no kind always runs right after another.
			for (const [kind, url, mark] of [
				...kinds.slice(i % kinds.length),
				...kinds.slice(0, i % kinds.length)
			]) {
				const context = await browser.newContext();
				const page = await context.newPage();
				results[`${kind}_cold`].push(await timeTo(page, url, mark));
				results[`${kind}_warm`].push(await timeTo(page, url, mark));
				await context.close();
			}
		}
	} finally {
		compared?.stop();
	}
	for (const [metric, values] of Object.entries(results))
		emit({
			metric: `${metric}_ms`,
			unit: 'ms',
			...summary(values),
			...(metric.startsWith('compared') ? { build: other } : {})
		});
	for (const cache of ['cold', 'warm']) {
		const app = summary(results[`first_chart_${cache}`]).median;
		const bare = summary(results[`bare_${cache}`]).median;
		const ratio = Math.round((app / bare) * 100) / 100;
		emit({
			metric: `first_chart_over_bare_${cache}`,
			unit: 'ratio',
			ratio,
			budget: BUDGETS[cache],
			within: ratio <= BUDGETS[cache]
		});
		if (compared) {
			const before = summary(results[`compared_first_chart_${cache}`]).median;
			emit({
				metric: `first_chart_over_compared_${cache}`,
				unit: 'ratio',
				ratio: Math.round((app / before) * 100) / 100
			});
		}
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
