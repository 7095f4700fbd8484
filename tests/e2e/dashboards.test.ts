import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { Engine } from '../../src/lib/engine';
import { dashboardSqlEngine, parseNumber, rows } from './dashboard-sql';
import { unfold } from './figures';

const EVENT = '/events/BIWAQ-Themenwerkstatt%202020';

let sql: Engine;
test.beforeAll(async () => {
	sql = await dashboardSqlEngine();
});
test.afterAll(() => sql.close());

/** Waits until every view of the page has loaded and drawn (or shows its empty state). */
async function settled(page: Page) {
	await expect(page.locator('[data-view]').first()).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('[data-view][aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
}

/** Key → numeric value of one column of a chart's table (data-value when present, else the text). */
async function column(figure: Locator, index: number, key = 'data-key'): Promise<Record<string, number>> {
	await unfold(figure);
	const out: Record<string, number> = {};
	for (const row of await figure.locator('tbody tr').all()) {
		const cell = row.locator('td').nth(index);
		const value = await cell.getAttribute('data-value');
		out[(await row.getAttribute(key))!] =
			value !== null ? Number(value) : parseNumber(await cell.innerText());
	}
	return out;
}

const close = (shown: Record<string, number>, expected: Record<string, number>) => {
	expect(Object.keys(shown).sort()).toEqual(Object.keys(expected).sort());
	for (const [k, v] of Object.entries(expected)) expect(shown[k], k).toBeCloseTo(v, 1);
};

/** Attainment in percent per indicator over the given projects, from project targets (independent SQL). */
async function expectedAttainment(projectsWhere: string, params: string[]) {
	const result = await rows<{ id: string; pct: number }>(
		sql,
		`WITH p AS (SELECT project FROM prj WHERE ${projectsWhere}),
		a AS (SELECT act.id, project, CASE WHEN any_value(unit) = '%' THEN avg(value) ELSE sum(value) END AS v
			FROM act JOIN ind USING (id) WHERE gender IS NULL AND age IS NULL AND project IN (SELECT project FROM p) GROUP BY 1, 2),
		aa AS (SELECT a.id, CASE WHEN any_value(unit) = '%' THEN avg(v) ELSE sum(v) END AS v FROM a JOIN ind USING (id) GROUP BY 1),
		t AS (SELECT id, CASE WHEN any_value(unit) = '%' THEN avg(value) ELSE sum(value) END AS v
			FROM tgt JOIN ind USING (id) WHERE level = 'Projekt' AND kind = 'Zielwert' AND ref IN (SELECT project FROM p) GROUP BY 1)
		SELECT aa.id, 100 * aa.v / t.v AS pct FROM aa JOIN t USING (id) WHERE t.v > 0`,
		params
	);
	return Object.fromEntries(result.map((r) => [r.id, r.pct]));
}

test('overview: a Land in the URL filters every chart; a click cross-filters; back undoes it', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/?land=Bayern');
	await settled(page);

	const attainment = page.locator('figure[data-chart="attainment-by-indicator"]');
	close(await column(attainment, 2, 'data-indicator'), await expectedAttainment('state = ?', ['Bayern']));

	// The municipality ranking (headline indicator CO01) lists the municipalities of Bayern.
	const ranking = page.locator('figure[data-chart="attainment-by-municipality"]');
	const perMunicipality = await rows<{ municipality: string; pct: number }>(
		sql,
		`SELECT municipality, 100 * sum(a) / sum(t) AS pct FROM (
			SELECT prj.municipality, prj.project,
				(SELECT sum(value) FROM act WHERE act.project = prj.project AND id = 'CO01' AND gender IS NULL AND age IS NULL) AS a,
				(SELECT sum(value) FROM tgt WHERE ref = prj.project AND id = 'CO01' AND level = 'Projekt' AND kind = 'Zielwert') AS t
			FROM prj WHERE state = 'Bayern') GROUP BY 1`
	);
	close(await column(ranking, 2), Object.fromEntries(perMunicipality.map((r) => [r.municipality, r.pct])));
	await expect(page.locator('[data-kpi="projects"] .value')).toHaveText(
		String((await rows<{ n: number }>(sql, "SELECT count(*) AS n FROM prj WHERE state = 'Bayern'"))[0]!.n)
	);

	// Clicking a municipality (its bar, or its row in the table) narrows every other chart to it.
	const first = perMunicipality.map((r) => r.municipality).sort()[0]!;
	await ranking.locator(`tr[data-key="${first}"] button.drill`).click();
	await expect(page).toHaveURL(new RegExp(`kommune=${encodeURIComponent(first)}`));
	await settled(page);
	await expect(ranking.locator(`tr[data-key="${first}"]`)).toHaveClass(/selected/);
	close(await column(attainment, 2, 'data-indicator'), await expectedAttainment('municipality = ?', [first]));

	await page.goBack();
	await expect(page).not.toHaveURL(/kommune=/);
	await settled(page);
	close(await column(attainment, 2, 'data-indicator'), await expectedAttainment('state = ?', ['Bayern']));

	// Clicking a bar on the canvas drills down too (here: the first indicator bar).
	const canvas = attainment.locator('canvas');
	const box = (await canvas.boundingBox())!;
	await canvas.click({ position: { x: box.width * 0.35, y: 30 } });
	await expect(page).toHaveURL(/\/indicators\/[^?]+\?land=Bayern/);
	await settled(page);
	expect(errors).toEqual([]);
});

test('a filter chosen in the filter bar lands in the URL, and the link reproduces the view', async ({
	page
}) => {
	await page.goto('/');
	await settled(page);
	await page.locator('select[name="geschlecht"]').selectOption('w');
	await expect(page).toHaveURL(/geschlecht=w/);
	await settled(page);
	// Targets exist for totals only: the total's attainment stays, with the women's actual beside it.
	const attainment = page.locator('figure[data-chart="attainment-by-indicator"]');
	await expect(attainment).toContainText('Zielwerte gibt es nur insgesamt');
	const women = await rows<{ id: string; v: number }>(
		sql,
		`SELECT id, sum(value) AS v FROM act JOIN ind USING (id)
		WHERE gender = 'weiblich' AND age IS NULL AND unit <> '%' GROUP BY 1`
	);
	const shown = await column(attainment, 4, 'data-indicator');
	for (const { id, v } of women) if (id in shown) expect(shown[id], id).toBeCloseTo(v, 1);
	expect(Object.keys(shown).length).toBeGreaterThan(5);
	const url = page.url();
	await page.goto('about:blank');
	await page.goto(url);
	await settled(page);
	await expect(page.locator('select[name="geschlecht"]')).toHaveValue('w');
	await page.getByRole('button', { name: 'Alle Filter zurücksetzen' }).click();
	await expect(page).not.toHaveURL(/geschlecht/);
});

test('the project list offers the projects of the chosen Land that are not chosen yet', async ({ page }) => {
	const projects = await rows<{ project: string; state: string }>(sql, 'SELECT project, state FROM prj');
	const inBayern = projects
		.filter((p) => p.state === 'Bayern')
		.map((p) => p.project)
		.sort();
	const select = page.locator('select[name="projekt"]');
	const offered = () =>
		select.locator('option').evaluateAll((os) =>
			(os as HTMLOptionElement[])
				.filter((o) => o.value && !o.hidden && !o.disabled)
				.map((o) => o.value)
				.sort()
		);
	await page.goto('/?land=Bayern');
	await settled(page);
	// Written once the page is idle, without anyone touching the list ...
	await expect.poll(offered).toEqual(inBayern);
	await select.selectOption(inBayern[0]!);
	await expect(page).toHaveURL(
		new RegExp(`land=Bayern.*projekt=${inBayern[0]}|projekt=${inBayern[0]}.*land=Bayern`)
	);
	await settled(page);
	// ... and at once when the list is focused, before it can open.
	await page.locator('select[name="geschlecht"]').focus();
	await select.focus();
	expect(await offered()).toEqual(inBayern.slice(1));
	await page.locator('button.chip[data-filter="states"]').click();
	await expect(page).not.toHaveURL(/land=/);
	await settled(page);
	await select.focus();
	expect(await offered()).toEqual(
		projects
			.map((p) => p.project)
			.filter((p) => p !== inBayern[0])
			.sort()
	);
});

/** Per indicator: 100 × actual (totals of sum indicators) / programme target or milestone, by independent SQL. */
async function programmeAttainment(actualsWhere: string, target: string) {
	const result = await rows<{ id: string; pct: number }>(
		sql,
		`WITH a AS (SELECT id, sum(value) AS v FROM act JOIN ind USING (id)
			WHERE gender IS NULL AND age IS NULL AND unit <> '%' AND ${actualsWhere} GROUP BY 1),
		t AS (SELECT id, ${target} AS v FROM tgt WHERE level = 'Programm' GROUP BY 1)
		SELECT id, 100 * a.v / t.v AS pct FROM a JOIN t USING (id) WHERE t.v > 0`
	);
	return Object.fromEntries(result.map((r) => [r.id, r.pct]));
}

test('period ranges: the milestone due at the range end, else the target pro-rated; the subtitle says which', async ({
	page
}) => {
	const attainment = page.locator('figure[data-chart="attainment-by-indicator"]');
	const rates = (await rows<{ id: string }>(sql, "SELECT id FROM ind WHERE unit = '%'")).map((r) => r.id);
	const shown = async () => {
		const all = await column(attainment, 2, 'data-indicator');
		for (const id of rates) delete all[id];
		return all;
	};
	// Up to the end of 2020, when the programme milestones are due: cumulative actuals against them.
	await page.goto('/?bis=2020-12-31');
	await settled(page);
	await expect(attainment).toContainText('Etappenziel zum Ende des Zeitraums');
	close(
		await shown(),
		await programmeAttainment(
			"period_end <= DATE '2020-12-31'",
			"sum(value) FILTER (WHERE kind = 'Etappenziel' AND period_end = DATE '2020-12-31')"
		)
	);
	// Up to the end of 2021 no milestone is due: the 2019–2022 target, 1096 of 1461 days.
	await page.goto('/?bis=2021-12-31');
	await settled(page);
	await expect(attainment).toContainText('anteilig');
	close(
		await shown(),
		await programmeAttainment(
			"period_end <= DATE '2021-12-31'",
			"sum(value) FILTER (WHERE kind = 'Zielwert') * 1096 / 1461"
		)
	);
	// A start date alone: from it to the end of the target period (2021–2022: 730 of 1461 days).
	await page.goto('/?von=2021-01-01');
	await settled(page);
	close(
		await shown(),
		await programmeAttainment(
			"period_start >= DATE '2021-01-01'",
			"sum(value) FILTER (WHERE kind = 'Zielwert') * 730 / 1461"
		)
	);
	// Beyond every target period: said in words.
	await page.goto('/?von=2023-01-01&bis=2023-12-31');
	await settled(page);
	await expect(attainment.locator('.empty')).toHaveText('Keine Zielwerte für diesen Zeitraum');
});

test('indicator page: trajectory, breakdown and project ranking match SQL on the raw CSVs', async ({
	page
}) => {
	await page.goto('/indicators/CO01');
	await settled(page);
	await expect(page.locator('h1')).toContainText('CO01');

	const cumulative = await rows<{ d: string; v: number }>(
		sql,
		`SELECT strftime(period_end, '%Y-%m-%d') AS d, sum(sum(value)) OVER (ORDER BY period_end) AS v
		FROM act WHERE id = 'CO01' AND gender IS NULL AND age IS NULL AND value IS NOT NULL GROUP BY period_end`
	);
	close(
		await column(page.locator('figure[data-chart="trajectory"]'), 0),
		Object.fromEntries(cumulative.map((r) => [r.d, r.v]))
	);
	await expect(page.locator('[data-expected]')).toContainText('Zum Stand 30.09.2022 erwartet');

	const byGender = await rows<{ k: string; v: number }>(
		sql,
		`SELECT CASE gender WHEN 'weiblich' THEN 'gender:w' WHEN 'männlich' THEN 'gender:m' ELSE 'gender:d' END AS k, sum(value) AS v
		FROM act WHERE id = 'CO01' AND gender IS NOT NULL AND age IS NULL GROUP BY 1`
	);
	const breakdown = await column(page.locator('figure[data-chart="breakdown"]'), 0);
	for (const r of byGender) expect(breakdown[r.k], r.k).toBeCloseTo(r.v, 1);

	const perProject = await rows<{ project: string; pct: number }>(
		sql,
		`SELECT t.ref AS project, 100 * a.v / t.value AS pct FROM tgt t
		JOIN (SELECT project, sum(value) AS v FROM act WHERE id = 'CO01' AND gender IS NULL AND age IS NULL GROUP BY 1) a ON a.project = t.ref
		WHERE t.id = 'CO01' AND t.level = 'Projekt' AND t.kind = 'Zielwert' AND t.value > 0`
	);
	close(
		await column(page.locator('figure[data-chart="attainment-by-project"]'), 2),
		Object.fromEntries(perProject.map((r) => [r.project, r.pct]))
	);
	// Clicking a gender cross-filters: the trajectory then follows women only (no plan: targets are totals).
	await unfold(page.locator('figure[data-chart="breakdown"]'));
	await page.locator('figure[data-chart="breakdown"] tr[data-key="gender:w"] button.drill').click();
	await expect(page).toHaveURL(/geschlecht=w/);
	await settled(page);
	const women = await rows<{ v: number }>(
		sql,
		"SELECT sum(value) AS v FROM act WHERE id = 'CO01' AND gender = 'weiblich'"
	);
	const trajectory = await column(page.locator('figure[data-chart="trajectory"]'), 0);
	expect(trajectory['2022-09-30']).toBeCloseTo(women[0]!.v, 1);
});

test('project page: attainment per indicator against the project targets', async ({ page }) => {
	await page.goto('/projects/BQ-19-001');
	await settled(page);
	await expect(page.locator('h1')).toHaveText('Wege in Arbeit Berlin-Brückenviertel');
	close(
		await column(page.locator('figure[data-chart="attainment-by-indicator"]'), 2, 'data-indicator'),
		await expectedAttainment('project = ?', ['BQ-19-001'])
	);
});

test('event page: participation, retention and feedback of the Themenwerkstatt 2020', async ({ page }) => {
	await page.goto(EVENT);
	await settled(page);
	await expect(page.locator('h1')).toHaveText('BIWAQ-Themenwerkstatt 2020');

	const sessions = await rows<{ session: string; n: number }>(
		sql,
		'SELECT session, sum(participants) AS n FROM tn GROUP BY 1'
	);
	close(
		await column(page.locator('figure[data-chart="participation-by-session"]'), 1),
		Object.fromEntries(sessions.map((r) => [r.session, r.n]))
	);
	const groups = await rows<{ grp: string; n: number }>(
		sql,
		'SELECT grp, sum(participants) AS n FROM tn WHERE grp IS NOT NULL GROUP BY 1'
	);
	close(
		await column(page.locator('figure[data-chart="participation-by-group"]'), 0),
		Object.fromEntries(groups.map((r) => [r.grp, r.n]))
	);
	const [total] = await rows<{ r: number }>(
		sql,
		`SELECT 100 * sum(participants) FILTER (WHERE s.kind = 'Abschluss') / sum(participants) FILTER (WHERE s.kind = 'Auftakt') AS r
		FROM tn JOIN ses s USING (session)`
	);
	expect((await column(page.locator('figure[data-chart="retention"]'), 2))['']).toBeCloseTo(total!.r, 1);

	const feedback = await rows<{ k: string; n: number; top: number }>(
		sql,
		`SELECT session || ':' || question AS k, count(*) AS n,
			count(*) FILTER (WHERE CASE WHEN hib THEN answer >= hi - 1 ELSE answer <= lo + 1 END) / count(*) AS top
		FROM fb GROUP BY 1`
	);
	const figure = page.locator('figure[data-chart="feedback-by-question"]');
	close(await column(figure, 0), Object.fromEntries(feedback.map((r) => [r.k, r.n])));
	const top = await column(figure, 2);
	for (const r of feedback) expect(top[r.k], r.k).toBeCloseTo(r.top, 3);
	// The school grade (lower is better) is turned round: grade 1 is the best level.
	await expect(figure.locator('tr[data-key="TW20-ABS:F7"]')).toContainText('(1)');
});

test('exports: CSV of the table (neutralised, German Excel) and PNG of the chart', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	const figure = page.locator('figure[data-chart="attainment-by-indicator"]');
	const [csv] = await Promise.all([
		page.waitForEvent('download'),
		figure.locator('[data-export="csv"]').click()
	]);
	expect(csv.suggestedFilename()).toBe('wirkung-attainment-by-indicator.csv');
	const text = await readFile((await csv.path())!, 'utf8');
	expect(text.startsWith('\ufeffIndikator;Ist;Soll;Zielerreichung;Status\r\n')).toBe(true);
	await unfold(figure);
	expect(text.split('\r\n')).toHaveLength((await figure.locator('tbody tr').count()) + 1);
	const [png] = await Promise.all([
		page.waitForEvent('download'),
		figure.locator('[data-export="png"]').click()
	]);
	const bytes = await readFile((await png.path())!);
	expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});

test('a ranking with fewer bars after a filter: its PNG is the figure as shown, its folded table exports every row', async ({
	page
}) => {
	await page.goto('/');
	await settled(page);
	const ranking = page.locator('figure[data-chart="attainment-by-municipality"]');
	const canvas = ranking.locator('canvas');
	const tallest = await canvas.evaluate((c: HTMLCanvasElement) => c.height);
	await page.locator('select[name="land"]').selectOption('Sachsen');
	await settled(page);
	// Fewer bars: the figure is shorter, the canvas keeps its height and is drawn in its top part.
	const { backing, box } = await canvas.evaluate((c: HTMLCanvasElement) => ({
		backing: c.height,
		box: Math.round(c.closest('.canvas')!.clientHeight * devicePixelRatio)
	}));
	expect(backing).toBe(tallest);
	expect(box).toBeLessThan(backing);
	const [png] = await Promise.all([
		page.waitForEvent('download'),
		ranking.locator('[data-export="png"]').click()
	]);
	const bytes = await readFile((await png.path())!);
	// IHDR: width and height, big-endian, at bytes 16 and 20.
	expect(bytes.readUInt32BE(20)).toBe(box);
	expect(bytes.readUInt32BE(16)).toBe(await canvas.evaluate((c: HTMLCanvasElement) => c.width));
	// On white, not transparent: the corner pixels of the image are opaque white.
	const corners = await page.evaluate(async (base64) => {
		const image = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]));
		const context = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
		context.drawImage(image, 0, 0);
		return [context.getImageData(0, 0, 1, 1).data, context.getImageData(0, image.height - 1, 1, 1).data].map(
			(d) => [...d]
		);
	}, bytes.toString('base64'));
	expect(corners).toEqual([
		[255, 255, 255, 255],
		[255, 255, 255, 255]
	]);

	await page.locator('button.chip[data-filter="states"]').click();
	await settled(page);
	await expect(ranking.locator(':scope > details')).not.toHaveAttribute('open');
	await expect(ranking.locator('tbody tr')).toHaveCount(0);
	const [csv] = await Promise.all([
		page.waitForEvent('download'),
		ranking.locator('[data-export="csv"]').click()
	]);
	const lines = (await readFile((await csv.path())!, 'utf8')).split('\r\n').filter((l) => l !== '');
	await unfold(ranking);
	const rows = await ranking.locator('tbody tr').count();
	expect(rows).toBeGreaterThan(16);
	expect(lines).toHaveLength(rows + 1);
	// The exported cells hold the table's text, not the empty text of cells that were not shown.
	const firstRow = await ranking.locator('tbody tr').first().locator('th, td').allInnerTexts();
	expect(lines[1]!.split(';').slice(0, 2)).toEqual(firstRow.slice(0, 2).map((c) => c.trim()));
});

test('switching the language keeps the filters', async ({ page }) => {
	await page.goto('/indicators/CO01?land=Sachsen&geschlecht=w');
	await settled(page);
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/indicators\/CO01\?land=Sachsen&geschlecht=w&lang=en$/);
	await expect(page.locator('button.chip[data-filter="states"]')).toContainText('Sachsen');
	await expect(page.locator('select[name="geschlecht"]')).toHaveValue('w');
	await expect(page.locator('figure[data-chart="trajectory"] h2')).toContainText('Trajectory');
	await page.getByRole('link', { name: 'Deutsch' }).click();
	await expect(page).toHaveURL(/\/indicators\/CO01\?land=Sachsen&geschlecht=w&lang=de$/);
	await expect(page.locator('button.chip[data-filter="states"]')).toContainText('Sachsen');
});

test('each filter change is a history entry; links carry the filters shown, also before the entry is written', async ({
	page
}) => {
	await page.goto('/?land=Sachsen');
	await settled(page);
	const gender = page.locator('select[name="geschlecht"]');
	await gender.selectOption('w');
	await expect(page).toHaveURL(/\/\?land=Sachsen&geschlecht=w$/);
	await gender.selectOption('m');
	await expect(page).toHaveURL(/\/\?land=Sachsen&geschlecht=m$/);
	await settled(page);
	await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute(
		'href',
		'?land=Sachsen&geschlecht=m&lang=en'
	);
	await page.goBack();
	await expect(page).toHaveURL(/geschlecht=w$/);
	await expect(gender).toHaveValue('w');
	await page.goBack();
	await expect(page).toHaveURL(/\/\?land=Sachsen$/);
	await expect(gender).toHaveValue('');
	await page.goForward();
	await expect(gender).toHaveValue('w');
	await gender.selectOption('');
	await expect(page).toHaveURL(/\/\?land=Sachsen$/);
	await settled(page);
	await unfold(page.locator('figure[data-chart="attainment-by-indicator"]'));

	// A change and a drill-down in one task: the change reaches the history before the navigation.
	await page.evaluate(() => {
		const land = document.querySelector<HTMLSelectElement>('select[name="land"]')!;
		land.value = 'Bayern';
		land.dispatchEvent(new Event('change', { bubbles: true }));
		document
			.querySelector<HTMLButtonElement>('figure[data-chart="attainment-by-indicator"] button.drill')!
			.click();
	});
	await expect(page).toHaveURL(/\/indicators\/[^?]+\?land=Bayern&land=Sachsen$/);
	await page.goBack();
	await expect(page).toHaveURL(/\/\?land=Bayern&land=Sachsen$/);
	await expect(page.locator('button.chip[data-filter="states"]')).toHaveCount(2);
	await page.goBack();
	await expect(page).toHaveURL(/\/\?land=Sachsen$/);
	await expect(page.locator('button.chip[data-filter="states"]')).toHaveCount(1);
	await page.goBack();
	await expect(gender).toHaveValue('w');
});

const PAGES = [
	['overview', '/'],
	['indicator', '/indicators/CO01'],
	['project', '/projects/BQ-19-001'],
	['events', '/events'],
	['event', EVENT],
	['overview-en', '/?lang=en&land=Sachsen']
] as const;

for (const [name, path] of PAGES) {
	test(`${name}: no serious or critical accessibility violations; screenshots`, async ({ page }) => {
		for (const [width, height] of [
			[1366, 768],
			[1920, 1080]
		] as const) {
			await page.setViewportSize({ width, height });
			await page.goto(path);
			if (name === 'events')
				await expect(page.locator('ul.events a').first()).toBeVisible({ timeout: 30_000 });
			else await settled(page);
			await page.screenshot({
				path: `test-results/screenshots/${name}-${width}x${height}.png`,
				fullPage: true
			});
		}
		const results = await new AxeBuilder({ page }).analyze();
		const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	});
}
