// Import set: a 6-file export set (indicators, projects, targets, quarterly actuals with bad lines,
// participation, feedback; ≈ 200 KB, made from the sample under other file names) picked at
// /import once the page is ready, "Alle importieren" pressed as soon as every file shows its
// mapping: time from picking to the last card done. Budget (issue 17): ≤ 3 s.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summary } from '../stats.js';

const BUDGET_MS = 3000;

/** The export set's files, written to a temporary folder; returns their paths and total size. */
function exportSet(root) {
	const dir = mkdtempSync(join(tmpdir(), 'wirkung-import-set-'));
	const data = (name) => readFileSync(join(root, 'data', name), 'latin1');
	const lines = data('istwerte.csv').split('\n');
	// Quarterly actuals: the first ~1 400 records and two lines no tool should have written.
	const bad = (line, value) =>
		line
			.split(';')
			.map((cell, i) => (i === 4 ? value : cell))
			.join(';');
	const actuals = [...lines.slice(0, 1400), bad(lines[1], '12,5,3'), bad(lines[2], 'viel')];
	const files = {
		'Indikatoren_Export.csv': data('indikatoren.csv'),
		'Projekte_Export.csv': data('projekte.csv'),
		'Zielwerte_Export.csv': data('zielwerte.csv'),
		'Istwerte_Quartal.csv': actuals.join('\n') + '\n',
		'Teilnahme_Export.csv': data('teilnahme.csv'),
		'Feedback_Export.csv': data('feedback.csv')
	};
	let bytes = 0;
	const paths = Object.entries(files).map(([name, text]) => {
		const path = join(dir, name);
		writeFileSync(path, text, 'latin1');
		bytes += Buffer.byteLength(text, 'latin1');
		return path;
	});
	return { paths, bytes };
}

export async function run({ baseURL, browser, emit, runs = 3, root }) {
	const { paths, bytes } = exportSet(root);
	const total = [];
	const reading = [];
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${baseURL}/import`);
		await page.locator('[data-source]').waitFor({ timeout: 180_000 });
		const cards = page.locator('article[data-file]');
		const start = Date.now();
		await page.locator('input[type="file"]').setInputFiles(paths);
		await page.waitForFunction(
			(n) =>
				[...document.querySelectorAll('article[data-file]')].filter(
					(c) => c.getAttribute('data-state') === 'mapping'
				).length === n,
			paths.length,
			{ timeout: 180_000, polling: 20 }
		);
		reading.push(Date.now() - start);
		await page.getByRole('button', { name: /Alle .*importieren/ }).click();
		await page.waitForFunction(
			(n) =>
				[...document.querySelectorAll('article[data-file]')].filter(
					(c) => c.getAttribute('data-state') === 'done'
				).length === n,
			paths.length,
			{ timeout: 300_000, polling: 20 }
		);
		total.push(Date.now() - start);
		if (i === 0)
			emit({
				metric: 'cards',
				states: await cards.evaluateAll((c) => c.map((x) => x.getAttribute('data-state')))
			});
		await context.close();
	}
	emit({ metric: 'picked_to_mapping_ms', unit: 'ms', ...summary(reading) });
	const median = summary(total).median;
	emit({ metric: 'picked_to_all_done_ms', unit: 'ms', files: paths.length, bytes, ...summary(total) });
	emit({
		metric: 'budget_import_set',
		unit: 'ms',
		value: median,
		budget: BUDGET_MS,
		within: median <= BUDGET_MS
	});
}
