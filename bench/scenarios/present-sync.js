// Live presentation: time from a filter change of a chart slide in the analyst window (the deck
// editor) to the presentation window showing the slide's data for the new filters — deck through
// localStorage, data request and answer over BroadcastChannel, query in the analyst's engine, chart
// drawn. Baseline in the same run: a bare BroadcastChannel message between the same two windows,
// timed the same way. Then the same for a linked slide (it follows the dashboard filters): time from
// choosing a Land in the overview's filter bar (the analyst's own charts re-query at the same time)
// to the presentation showing the slide for that Land. Budget (issue 5): within 1 s.
import { quantile, summary } from '../stats.js';

const BUDGET_MS = 1000;
const PERIOD_ENDS = ['2020-12-31', '2021-06-30', '2021-12-31', '2022-06-30'];

export async function run({ baseURL, browser, emit, runs = 20 }) {
	const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
	const analyst = await context.newPage();
	await analyst.goto(`${baseURL}/`);
	await analyst.locator('[data-add-to-deck="attainment-by-indicator"]').click({ timeout: 60_000 });
	await analyst.goto(`${baseURL}/present/edit`);
	const present = await context.newPage();
	await present.setViewportSize({ width: 1920, height: 1080 });
	await present.goto(`${baseURL}/present`);
	for (const [name, page] of [
		['analyst', analyst],
		['presentation', present]
	])
		page.on('crash', () => console.error(`the ${name} window crashed`));
	const slide = present.locator('[data-present="audience"] [data-kind="chart"]');
	await slide.locator('canvas[data-rendered="true"]').waitFor({ timeout: 60_000 });
	await analyst.locator('[data-field="periodTo"]').waitFor({ timeout: 60_000 });

	/** Waits until the presentation's chart slide shows the data of `key`, drawn. */
	const showsKey = (key) =>
		present.waitForFunction(
			(k) => {
				const el = document.querySelector('[data-present="audience"] [data-kind="chart"]');
				return (
					el?.getAttribute('data-key') === k &&
					el.getAttribute('data-state') === 'ready' &&
					!!el.querySelector('canvas[data-rendered="true"]')
				);
			},
			key,
			{ polling: 'raf', timeout: 10_000 }
		);
	const sync = [];
	const bare = [];
	for (let i = 0; i < runs; i++) {
		const periodTo = PERIOD_ENDS[i % PERIOD_ENDS.length];
		const key = `attainment-by-indicator?bis=${periodTo}`;
		let started = performance.now();
		await analyst.locator('[data-field="periodTo"]').fill(periodTo);
		await showsKey(key);
		sync.push(performance.now() - started);

		// The baseline, timed the same way: one BroadcastChannel message, seen by the same polling.
		const token = `bench-${i}`;
		await present.evaluate(() => {
			const channel = new BroadcastChannel('wirkung-bench');
			channel.onmessage = (e) => {
				window.benchReceived = e.data;
				channel.close();
			};
		});
		started = performance.now();
		await analyst.evaluate((t) => {
			const channel = new BroadcastChannel('wirkung-bench');
			channel.postMessage(t);
			channel.close();
		}, token);
		await present.waitForFunction((t) => window.benchReceived === t, token, {
			polling: 'raf',
			timeout: 10_000
		});
		bare.push(performance.now() - started);
	}

	// A linked slide: the analyst filters the overview, the slide follows.
	await analyst.locator('[data-slide-item] .pick').first().click();
	await analyst.locator('[data-field="linked"]').check();
	await analyst.getByRole('link', { name: 'Übersicht', exact: true }).click();
	const land = analyst.locator('select[name="land"]');
	await land.locator('option:not([value=""])').first().waitFor({ state: 'attached', timeout: 60_000 });
	const states = await land.locator('option:not([value=""])').evaluateAll((os) => os.map((o) => o.value));
	const linked = [];
	await showsKey('attainment-by-indicator');
	for (let i = 0; i < runs; i++) {
		const state = states[i % states.length];
		const started = performance.now();
		await land.selectOption(state);
		await showsKey(`attainment-by-indicator?land=${encodeURIComponent(state).replace(/%20/g, '+')}`);
		linked.push(performance.now() - started);
		await analyst.getByRole('button', { name: 'Alle Filter zurücksetzen' }).click();
		await showsKey('attainment-by-indicator');
	}
	await context.close();

	emit({ metric: 'filter_to_slide_ms', unit: 'ms', ...summary(sync), p95: Math.round(quantile(sync, 0.95)) });
	emit({ metric: 'bare_channel_ms', unit: 'ms', ...summary(bare), p95: Math.round(quantile(bare, 0.95)) });
	emit({
		metric: 'filter_to_slide_over_bare',
		unit: 'ratio',
		value: Math.round((summary(sync).median / summary(bare).median) * 100) / 100
	});
	const p95 = quantile(sync, 0.95);
	emit({
		metric: 'budget_filter_to_slide_p95',
		unit: 'ms',
		value: Math.round(p95),
		budget: BUDGET_MS,
		within: p95 <= BUDGET_MS
	});
	emit({
		metric: 'dashboard_filter_to_linked_slide_ms',
		unit: 'ms',
		...summary(linked),
		p95: Math.round(quantile(linked, 0.95))
	});
	const linkedP95 = quantile(linked, 0.95);
	emit({
		metric: 'budget_dashboard_filter_to_linked_slide_p95',
		unit: 'ms',
		value: Math.round(linkedP95),
		budget: BUDGET_MS,
		within: linkedP95 <= BUDGET_MS
	});
}
