import { expect, test } from '@playwright/test';
import { toRows } from '../../src/lib/engine';
import { unfold } from './figures';
import { expectedAttainment, sampleEngine } from './sample-sql';

/** de-DE "111,8 %" → 111.8 */
const parsePercent = (text: string) =>
	Number(
		text
			.replace(/\s|%|\u00a0/g, '')
			.replace('.', '')
			.replace(',', '.')
	);

test('the overview shows the attainment chart computed in the browser from the sample data', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/');
	await expect(page.getByRole('status')).toBeVisible();
	const figure = page.locator('figure[data-chart="attainment-by-indicator"]');
	await expect(figure.locator('canvas[data-rendered="true"]')).toBeVisible({ timeout: 30_000 });

	const engine = await sampleEngine();
	const expected = await expectedAttainment(engine);
	await unfold(figure);
	const rows = figure.locator('tbody tr');
	await expect(rows).toHaveCount(expected.size);
	const shown = new Map<string, number>();
	for (const row of await rows.all()) {
		shown.set(
			(await row.getAttribute('data-indicator'))!,
			parsePercent(await row.locator('td').nth(2).innerText())
		);
	}
	expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));

	// n and as-of date are stated, in German formats.
	await expect(figure.locator('.subtitle')).toContainText('Stand 30.09.2022');
	const [count] = toRows<{ projects: number }>(
		await engine.query('SELECT count(DISTINCT project) AS projects FROM act')
	);
	await expect(page.locator('[data-kpi="projects"] .value')).toHaveText(String(count!.projects));
	await expect(figure).toContainText('Ohne Zielwert');
	await engine.close();

	await page.screenshot({ path: 'test-results/screenshots/home-1366x768.png', fullPage: true });
	expect(errors).toEqual([]);
});

test('English is available and formats numbers the English way', async ({ page }) => {
	await page.goto('/?lang=en');
	const figure = page.locator('figure[data-chart="attainment-by-indicator"]');
	await expect(figure.locator('canvas[data-rendered="true"]')).toBeVisible({ timeout: 30_000 });
	await expect(figure.locator('h2')).toHaveText('Goal attainment by indicator');
	await expect(figure.locator('.subtitle')).toContainText('as of 30/09/2022');
});

test('a browser without WebAssembly gets a clear explanation instead of a broken page', async ({ page }) => {
	await page.addInitScript(() => {
		// @ts-expect-error: simulating a browser without WebAssembly
		delete window.WebAssembly;
	});
	await page.goto('/');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Dieser Browser kann Wirkung nicht ausführen');
	await expect(alert).toContainText('WebAssembly');
});

test('duckdb-wasm is served by the app itself, compressed and cached for a year', async ({
	page,
	request
}) => {
	const wasm: string[] = [];
	page.on('request', (r) => {
		if (r.url().endsWith('.wasm')) wasm.push(r.url());
	});
	await page.goto('/');
	await expect(page.locator('canvas[data-rendered="true"]').first()).toBeVisible({ timeout: 30_000 });
	expect(wasm.length).toBe(1);
	const url = new URL(wasm[0]!);
	expect(url.origin).toBe(new URL(page.url()).origin);
	const response = await request.get(url.pathname, { headers: { 'accept-encoding': 'br, gzip' } });
	expect(response.headers()['content-encoding']).toBe('br');
	expect(response.headers()['cache-control']).toContain('immutable');
	expect(response.headers()['content-type']).toBe('application/wasm');
});
