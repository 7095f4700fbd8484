import { expect, test, type Download, type Page } from '@playwright/test';
import JSZip from 'jszip';

// Building a deck, starting the engine and writing the file: slow on a busy machine.
test.setTimeout(180_000);

/** The downloaded file, opened as the zip of XML it is. */
async function openDownload(download: Download) {
	const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
	const zip = await JSZip.loadAsync(bytes);
	const text = (name: string) => zip.file(name)!.async('string');
	const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
	const charts = Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
	return { zip, text, slides, charts, bytes };
}

/** A 4-slide deck from the sample data: attainment (from the overview), a text slide, trajectory, feedback. */
async function buildDeck(page: Page) {
	await page.goto('/');
	await expect(
		page.locator('figure[data-chart="attainment-by-indicator"] canvas[data-rendered="true"]')
	).toBeVisible({
		timeout: 90_000
	});
	await page.locator('[data-add-to-deck="attainment-by-indicator"]').click();
	await expect(page.getByRole('status').filter({ hasText: 'Als Folie 1 hinzugefügt' })).toBeVisible();
	await page.getByRole('link', { name: 'Präsentation', exact: true }).click();
	await expect(page.locator('[data-slide-item]')).toHaveCount(1);
	await page.locator('[data-field="notes"]').fill('Zuerst die Gesamtsicht.');
	await page.locator('[data-add-text]').click();
	await page.locator('[data-field="title"]').fill('Agenda');
	await page
		.locator('[data-field="body"]')
		.fill('Stand der Zielerreichung\n\n- Beschäftigung\n- Lokale Ökonomie');
	await page.locator('[data-field="notes"]').fill('Begrüßung.');
	for (const view of ['trajectory', 'feedback-by-question']) {
		await page.locator('.add select').selectOption(view);
		await page.locator('[data-add-chart]').click();
	}
	await expect(page.locator('[data-slide-item]')).toHaveCount(4);
}

test('the deck editor exports a 4-slide deck as PowerPoint with native charts, notes and the privacy note', async ({
	page
}) => {
	await buildDeck(page);
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 60_000 }),
		page.getByRole('button', { name: 'Als PowerPoint exportieren' }).click()
	]);
	expect(download.suggestedFilename()).toBe('Neue-Präsentation.pptx');
	const status = page.locator('[data-pptx-state="done"]');
	await expect(status).toContainText('Folien: 4; die Diagramme sind in PowerPoint bearbeitbar');
	await expect(status).toContainText('Werte mit weniger als 3 Fällen ausgeblendet');
	// The sample's feedback has answers given by fewer than 3 people: the export says where.
	await expect(status.locator('[data-pptx-privacy]')).toContainText(/auf Folie (\d+, )*4\b/);
	await page.screenshot({ path: 'test-results/screenshots/pptx-export-editor.png' });

	const file = await openDownload(download);
	expect(file.slides).toHaveLength(4);
	expect(file.charts).toHaveLength(3);
	const charts = await Promise.all(file.charts.sort().map(file.text));
	expect(charts[0]).toMatch(/<c:barChart>[\s\S]*<c:barDir val="bar"\/>/);
	expect(charts[1]).toContain('<c:lineChart>');
	expect(charts[2]).toMatch(/<c:grouping val="stacked"\/>/);
	// The attainment chart holds what the overview's table shows (CO01 at 106,0 % in the sample).
	const attainment = charts[0]!;
	expect(attainment).toContain('CO01 · Arbeitslose, auch Langzeitarbeitslose');
	const text = await file.text('ppt/slides/slide2.xml');
	expect(text).toContain('Lokale Ökonomie');
	const notes = await Promise.all(
		Object.keys(file.zip.files)
			.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
			.map(file.text)
	);
	expect(notes.join('\n')).toContain('Zuerst die Gesamtsicht.');
	expect(notes.join('\n')).toContain('Begrüßung.');
	expect(await file.text('ppt/slides/slide1.xml')).toMatch(/Quelle: [^<]*\.csv[^<]*, Stand 30\.09\.2022/);
});

test('the presentation window exports the deck it shows', async ({ page }) => {
	await page.goto('/');
	await page.locator('[data-add-to-deck="attainment-by-indicator"]').click();
	await expect(page.getByRole('status').filter({ hasText: 'Als Folie 1 hinzugefügt' })).toBeVisible();
	await page.goto('/present');
	// The export loads what the window does not hold yet itself: no need to wait for the drawing.
	await expect(page.locator('[data-present="audience"]')).toHaveAttribute('data-count', '1');
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 150_000 }),
		page.getByRole('button', { name: 'Als PowerPoint exportieren' }).click({ force: true })
	]);
	const file = await openDownload(download);
	expect(file.slides).toHaveLength(1);
	expect(file.charts).toHaveLength(1);
	await expect(page.locator('[data-pptx-state="done"]')).toContainText('Folien: 1;');
});
