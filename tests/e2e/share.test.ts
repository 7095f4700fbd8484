import { DuckDBInstance } from '@duckdb/node-api';
import { expect, test } from '@playwright/test';
import { parseStored } from '../../src/lib/server/stored';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toRows } from '../../src/lib/engine';
import { createNodeEngine } from '../../src/lib/engine/node';
import { CUBE_COLUMNS } from '../../src/lib/share/schema';
import { startServer, type RunningServer } from '../support/server';
import { expectedAttainment, sampleEngine } from './sample-sql';

const DATA = join(import.meta.dirname, '..', '..', 'data');

/** Participants per session and the personal values of the feedback file, read independently of the app. */
async function sampleFacts() {
	const engine = await createNodeEngine();
	for (const name of ['teilnahme.csv', 'feedback.csv'])
		await engine.registerFile(name, new Uint8Array(readFileSync(join(DATA, name))));
	const totals = toRows<{ id: string; n: number }>(
		await engine.query(`SELECT "Veranstaltungs-ID" AS id, CAST(sum(Teilnehmende) AS INTEGER) AS n
			FROM read_csv('teilnahme.csv', delim=';', header=true, encoding='latin-1') GROUP BY 1`)
	);
	const personal = toRows<{ v: string }>(
		await engine.query(`SELECT DISTINCT "Bogen-Nr." AS v FROM read_csv('feedback.csv', delim=';', header=true, all_varchar=true)
			UNION SELECT DISTINCT Kommentar FROM read_csv('feedback.csv', delim=';', header=true, all_varchar=true) WHERE length(Kommentar) > 3`)
	).map((r) => r.v);
	await engine.close();
	return { totals, personal };
}

test.describe.configure({ mode: 'serial' });

let server: RunningServer;
let shareUrl: string;

test.beforeAll(async () => {
	server = await startServer();
});
test.afterAll(async () => {
	await server?.stop();
});

test('the analyst previews exactly what leaves the browser and publishes it', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(`${server.origin}/`);
	await page.getByRole('link', { name: 'Veröffentlichen' }).click();
	await expect(page.getByRole('heading', { name: 'Dashboard veröffentlichen' })).toBeVisible();
	const summary = page.getByTestId('preview-summary');
	await expect(summary).toContainText('unterdrückt', { timeout: 30_000 });
	// Suppressed cells are in the preview, marked, without numbers.
	const primary = page.locator('tr[data-suppressed="primary"]');
	const secondary = page.locator('tr[data-suppressed="secondary"]');
	expect(await primary.count()).toBeGreaterThan(0);
	expect(await secondary.count()).toBeGreaterThan(0);
	await expect(primary.first().locator('td').nth(4)).toHaveText('–');
	await expect(page.getByTestId('preview-meta')).toContainText('k = 3');
	await page.screenshot({ path: 'test-results/screenshots/publish-preview.png', fullPage: true });

	// k = 10 hides more.
	const before = await primary.count();
	await page.getByLabel('Mindestfallzahl k').fill('10');
	await expect.poll(() => primary.count()).toBeGreaterThan(before);
	await page.getByLabel('Mindestfallzahl k').fill('3');
	await expect.poll(() => primary.count()).toBe(before);

	await page.getByLabel('Veröffentlichungsschlüssel').fill('wrong');
	await page.getByRole('button', { name: 'Veröffentlichen' }).click();
	await expect(page.getByRole('alert')).toContainText('publish key missing or wrong');

	await page.getByLabel('Veröffentlichungsschlüssel').fill(server.key);
	await page.getByRole('button', { name: 'Veröffentlichen' }).click();
	const link = page.getByTestId('share-url');
	await expect(link).toBeVisible();
	shareUrl = (await link.textContent())!;
	expect(shareUrl).toMatch(new RegExp(`^${server.origin}/s/[A-Za-z0-9_-]{43}$`));
	await expect(page.locator('table.shares tbody tr')).toHaveCount(1);
	expect(errors).toEqual([]);
});

test('the stakeholder view renders the published numbers on the server, without wasm', async ({
	page,
	request
}) => {
	const { totals } = await sampleFacts();
	// The numbers are in the server-rendered HTML, before any script runs.
	const html = await (await request.get(shareUrl)).text();
	for (const { id, n } of totals)
		expect(html).toMatch(new RegExp(`data-session="${id}" data-role="">[\\s\\S]*?>${n}<`));

	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(shareUrl);
	const attainment = page.locator('figure[data-chart="attainment-by-indicator"]');
	await expect(attainment.locator('.plot[data-rendered="true"]')).toBeVisible();
	// The same attainment as computed independently from the CSV files (nothing is suppressed here).
	const engine = await sampleEngine();
	const expected = Object.fromEntries(await expectedAttainment(engine));
	await engine.close();
	const shown: Record<string, number> = {};
	for (const row of await attainment.locator('tbody tr').all())
		shown[(await row.getAttribute('data-indicator'))!] = Number(
			await row.locator('td[data-value]').getAttribute('data-value')
		);
	expect(shown).toEqual(expected);
	await expect(page.locator('figure[data-chart="participation"]')).toBeVisible();
	await expect(page.locator('figure[data-chart="feedback"]')).toBeVisible();
	await expect(page.locator('[data-kpi="projects"] .value')).toHaveText(/^\d+$/);
	await expect(page.getByText('Werte aus weniger als 3 Fällen sind unterdrückt')).toBeVisible();
	await expect(page.getByRole('navigation')).toHaveCount(0);
	expect(requests.filter((u) => /wasm|duckdb|\/sample\//.test(u))).toEqual([]);
	// Server-rendered only: not a single script, so no service worker either.
	expect(requests.filter((u) => /\.js(\?|$)/.test(u))).toEqual([]);
	await page.screenshot({ path: 'test-results/screenshots/shared-view.png', fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'test-results/screenshots/shared-view-phone.png', fullPage: true });

	const response = await request.get(shareUrl);
	expect(response.headers()['content-security-policy']).toContain("script-src 'none'");
	expect(response.headers()['referrer-policy']).toBe('no-referrer');
	expect(response.headers()['cache-control']).toBe('no-store');
	expect(errors).toEqual([]);
});

test('the list counts views; a revoked link shows a clear 410 page', async ({ page }) => {
	await page.goto(`${server.origin}/veroeffentlichen`);
	await page.getByLabel('Veröffentlichungsschlüssel').fill(server.key);
	await page.getByRole('button', { name: 'Liste laden' }).click();
	const row = page.locator('table.shares tbody tr').first();
	await expect(row.locator('[data-views]')).toHaveText(/^[1-9]\d*$/);
	await row.getByRole('button', { name: 'Widerrufen' }).click();
	await expect(row).toContainText('widerrufen');

	const response = await page.goto(shareUrl);
	expect(response!.status()).toBe(410);
	await expect(page.getByRole('heading', { name: 'Dieser Link ist nicht mehr gültig' })).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/shared-view-410.png' });
	const unknown = await page.goto(`${server.origin}/s/${'A'.repeat(43)}`);
	expect(unknown!.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Dieses Dashboard gibt es nicht' })).toBeVisible();
});

test('a municipality gets its own view: the dashboard filters are published and stated', async ({
	page,
	request
}) => {
	// Participants per session in Hannover, read from the CSV apart from the app.
	const engine = await createNodeEngine();
	await engine.registerFile('teilnahme.csv', new Uint8Array(readFileSync(join(DATA, 'teilnahme.csv'))));
	const hannover = toRows<{ id: string; n: number }>(
		await engine.query(`SELECT "Veranstaltungs-ID" AS id, CAST(sum(Teilnehmende) AS INTEGER) AS n
			FROM read_csv('teilnahme.csv', delim=';', header=true, encoding='latin-1')
			WHERE Kommune = 'Hannover' GROUP BY 1`)
	);
	await engine.close();
	expect(hannover.length).toBeGreaterThan(0);

	// The analyst filters the dashboard to a Land; the nav link carries the filter to publishing.
	await page.goto(`${server.origin}/?land=Niedersachsen`);
	await expect(page.locator('[data-kpi="projects"] .value')).toHaveText(/^\d+$/, { timeout: 30_000 });
	await page.getByRole('link', { name: 'Veröffentlichen' }).click();
	await expect(page).toHaveURL(/\/veroeffentlichen\?land=Niedersachsen$/);
	await page.getByLabel('Kommune').selectOption('Hannover');
	await expect(page).toHaveURL(/kommune=Hannover/);
	const stated = page.getByTestId('preview').getByTestId('shared-filters');
	await expect(stated.locator('[data-filter="municipalities"]')).toHaveText(/Kommune\s*Hannover/);
	await expect(stated.locator('[data-filter="states"]')).toHaveText(/Land\s*Niedersachsen/);
	await expect(stated.locator('[data-not-applied="feedback"]')).toContainText('Land, Kommune');
	// The preview is rebuilt for the filter: only Hannover's sessions remain.
	const sessions = page.locator('tr[data-view="participation"][data-dim2=""]');
	await expect.poll(() => sessions.count()).toBe(hannover.length);
	await page.getByLabel('Titel').fill('BIWAQ – Hannover');
	await page.screenshot({ path: 'test-results/screenshots/publish-filtered.png' });

	await page.getByLabel('Veröffentlichungsschlüssel').fill(server.key);
	await page.getByRole('button', { name: 'Veröffentlichen' }).click();
	const url = (await page.getByTestId('share-url').textContent())!;

	const response = await request.get(url);
	expect(response.headers()['content-security-policy']).toContain("script-src 'none'");
	const html = await response.text();
	for (const { id, n } of hannover) {
		const cell = new RegExp(`data-session="${id}" data-role="">[\\s\\S]*?<td class="num"[^>]*>([^<]*)<`).exec(
			html
		);
		expect(cell, id).not.toBeNull();
		expect(cell![1], id).toBe(n >= 3 ? String(n) : '–*');
	}
	await page.goto(url);
	await expect(page.getByRole('heading', { name: 'BIWAQ – Hannover' })).toBeVisible();
	const filters = page.getByTestId('shared-filters');
	await expect(filters).toContainText('Diese Ansicht zeigt nur:');
	await expect(filters.locator('[data-filter="municipalities"]')).toHaveText(/Kommune\s*Hannover/);
	await expect(filters.locator('[data-not-applied="feedback"]')).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/shared-view-filtered.png' });
	await page.goto(`${url}?lang=en`);
	await expect(page.getByTestId('shared-filters')).toContainText('This view shows only:');
	await expect(page.getByTestId('shared-filters').locator('[data-filter="municipalities"]')).toHaveText(
		/Municipality\s*Hannover/
	);
});

test('the stored payload holds no cell under k, no row-level column and no personal value', async () => {
	await server.stop();
	const { personal } = await sampleFacts();
	const file = join(server.dataDir, 'shares.duckdb');
	const instance = await DuckDBInstance.create(file);
	const connection = await instance.connect();
	const rows = (await connection.runAndReadAll('SELECT * FROM shares')).getRowObjectsJS();
	connection.closeSync();
	instance.closeSync();
	// The whole programme and the Hannover view (filtered: fewer units per cell, more suppressed).
	expect(rows).toHaveLength(2);
	const filtered: string[][] = [];
	for (const row of rows) {
		const payload = new Uint8Array(row.payload as Buffer);
		const { meta, cells } = parseStored(payload);
		expect(meta.k).toBe(3);
		for (const cell of cells) if (!cell.suppressed && cell.n! > 0) expect(cell.n).toBeGreaterThanOrEqual(3);
		expect(cells.filter((c) => c.suppressed).length).toBeGreaterThan(0);
		const text = new TextDecoder().decode(payload);
		for (const value of personal) expect(text.includes(value), value).toBe(false);
		for (const name of ['respondent_ref', 'comment', 'Kommentar', 'Bogen']) expect(text).not.toContain(name);
		if (meta.filters) filtered.push(meta.filters.municipalities);
	}
	expect(filtered).toEqual([['Hannover']]);
	expect(Object.keys(rows[0]!).sort()).toEqual(
		[
			'created_at',
			'expires_at',
			'id',
			'last_viewed_at',
			'payload',
			'revoked_at',
			'title',
			'token_hash',
			'views'
		].sort()
	);
	// The token itself is nowhere in the database file, only its hash.
	const token = shareUrl.split('/s/')[1]!;
	expect(readFileSync(file).includes(Buffer.from(token))).toBe(false);
	expect(CUBE_COLUMNS.map((c) => c.name)).not.toContain('respondent_ref');
});
