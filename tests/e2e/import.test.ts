import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'ingest', 'e2e-istwerte-cp1252.csv');
const DATA = join(import.meta.dirname, '..', '..', 'data');
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

test('a Windows-1252 semicolon file with bad lines: mapping, rejects, reconciliation, dashboard, persistence', async ({
	page
}) => {
	test.setTimeout(180_000);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/import');
	await expect(page.getByRole('link', { name: 'Daten importieren' })).toHaveAttribute('aria-current', 'page');
	await expect(page.locator('[data-source]')).toHaveAttribute('data-source', 'sample', { timeout: 30_000 });

	await page.locator('input[type="file"]').setInputFiles(FIXTURE);
	const card = page.locator('article[data-file="e2e-istwerte-cp1252.csv"]');
	await expect(card).toHaveAttribute('data-state', 'mapping', { timeout: 30_000 });
	await expect(card.locator('dl')).toContainText('Windows-1252');
	await expect(card.locator('dl')).toContainText('Semikolon (;)');
	await expect(card.getByLabel('Tabelle')).toHaveValue('actuals');
	await expect(card.locator('select[data-header="Istwert"]')).toHaveValue('value');
	await expect(card.locator('select[data-header="Geschlecht"]')).toHaveValue('gender');
	await card.locator('details summary').click();
	await page.screenshot({ path: join(SHOTS, 'import-mapping.png'), fullPage: true });

	await card.getByRole('button', { name: 'Importieren' }).click();
	await expect(card).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
	await expect(card.locator('[data-reconciliation]')).toHaveText(
		'20 Zeilen gelesen = 17 geladen + 3 abgewiesen (+ 1 Leerzeilen übersprungen)'
	);
	await expect(card.locator('[data-rejects] li')).toHaveText([
		'Zeile 6, Spalte Istwert: „12,5,3“ ist keine Zahl',
		'Zeile 14, Spalte Zeitraum von: „31.02.2021“ ist kein Datum (erwartet z. B. 31.12.2021, 12/2021, Q4/2021 oder 2021)',
		'Zeile 22, Spalte Geschlecht: „unbekannt“ ist kein gültiger Wert (erwartet: weiblich, männlich, divers)'
	]);
	await page.screenshot({ path: join(SHOTS, 'import-report.png'), fullPage: true });

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		card.getByRole('button', { name: 'Abgewiesene Zeilen herunterladen (CSV)' }).click()
	]);
	expect(download.suggestedFilename()).toBe('e2e-istwerte-cp1252-abgewiesen.csv');
	const csv = readFileSync((await download.path())!, 'utf8');
	expect(csv.split('\r\n')).toEqual([
		'\uFEFFDatei;Zeile;Spalte;Wert;Grund',
		'e2e-istwerte-cp1252.csv;6;Istwert;12,5,3;„12,5,3“ ist keine Zahl',
		'e2e-istwerte-cp1252.csv;14;Zeitraum von;31.02.2021;„31.02.2021“ ist kein Datum (erwartet z. B. 31.12.2021, 12/2021, Q4/2021 oder 2021)',
		'e2e-istwerte-cp1252.csv;22;Geschlecht;unbekannt;„unbekannt“ ist kein gültiger Wert (erwartet: weiblich, männlich, divers)'
	]);

	// The first own file takes the workspace off the sample entirely: no figure mixes the two.
	await expect(page.locator('[data-sample-left]')).toBeVisible();
	await page.getByRole('link', { name: 'Zur Übersicht' }).click();
	await expect(page.locator('[data-badge]')).toHaveText('Eigene Daten: e2e-istwerte-cp1252.csv', {
		timeout: 30_000
	});
	await expect(
		page.locator(
			'.tiles ~ * [data-view="attainment-by-indicator"] [data-missing], [data-view="attainment-by-indicator"] [data-missing]'
		)
	).toHaveAttribute('data-missing', 'indicators targets');
	await expect(page.locator('[data-view="attainment-by-indicator"]')).toContainText(
		'„Zielerreichung nach Indikator“: Dafür fehlt noch eine Datei mit Indikatoren, Zielwerte.'
	);
	await expect(page.locator('p[data-missing]')).toHaveAttribute(
		'data-missing',
		'projects indicators targets'
	);
	await expect(page.locator('[data-kpi="participants"] .value')).toHaveText('–');
	await page.screenshot({ path: join(SHOTS, 'home-own-data-missing.png'), fullPage: true });

	// An own indicators file, named like the sample's: participants = CO01 totals (11 × 10, "–" = 0).
	await page.getByRole('link', { name: 'Daten importieren' }).first().click();
	await page.locator('input[type="file"]').setInputFiles(join(DATA, 'indikatoren.csv'));
	const indicators = page.locator('article[data-file="indikatoren.csv"]');
	await expect(indicators).toHaveAttribute('data-state', 'mapping', { timeout: 30_000 });
	await indicators.getByRole('button', { name: 'Importieren' }).click();
	await expect(indicators).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
	await page.getByRole('link', { name: 'Zur Übersicht' }).click();
	await expect(page.locator('[data-kpi="participants"] .value')).toHaveText('110', { timeout: 30_000 });
	await expect(page.locator('[data-badge]')).toHaveText(
		'Eigene Daten: e2e-istwerte-cp1252.csv, indikatoren.csv'
	);
	await page.screenshot({ path: join(SHOTS, 'home-own-data.png') });

	// Kept across a reload, without the sample coming back.
	await page.reload();
	await expect(page.locator('[data-kpi="participants"] .value')).toHaveText('110', { timeout: 30_000 });
	await page.goto('/import');
	await expect(page.locator('[data-source]')).toHaveAttribute('data-source', 'saved', { timeout: 30_000 });

	// The same export maps by itself next time (preset), and "Alle Daten entfernen" empties everything.
	await page.locator('input[type="file"]').setInputFiles(FIXTURE);
	await expect(card).toHaveAttribute('data-state', 'mapping', { timeout: 30_000 });
	await expect(card).toContainText('Gespeicherte Zuordnung für diesen Export verwendet.');
	await page.getByRole('button', { name: 'Alle Daten entfernen' }).click();
	await page.getByRole('button', { name: 'Ja, alles entfernen' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Alle Daten wurden entfernt.' })).toBeVisible();
	await page.reload();
	await expect(page.locator('[data-source]')).toHaveAttribute('data-source', 'saved', { timeout: 30_000 });
	expect(errors).toEqual([]);
});

test('"Beispieldaten wieder laden" replaces own data only after a confirmation, and stays after a reload', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.goto('/');
	const participants = page.locator('[data-kpi="participants"] .value');
	await expect(participants).not.toHaveText('', { timeout: 60_000 });
	const sample = await participants.textContent();
	await page.goto('/import');
	await expect(page.locator('[data-source]')).toHaveAttribute('data-source', 'sample', { timeout: 30_000 });
	await expect(page.getByRole('button', { name: 'Beispieldaten wieder laden' })).toHaveCount(0);
	await page.locator('input[type="file"]').setInputFiles(FIXTURE);
	const card = page.locator('article[data-file="e2e-istwerte-cp1252.csv"]');
	await expect(card).toHaveAttribute('data-state', 'mapping', { timeout: 30_000 });
	await card.getByRole('button', { name: 'Importieren' }).click();
	await expect(card).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
	await expect(page.locator('[data-source]')).toHaveAttribute('data-source', 'saved');

	await page.getByRole('button', { name: 'Beispieldaten wieder laden' }).click();
	await expect(page.getByText('Ihre eigenen Daten (e2e-istwerte-cp1252.csv) werden')).toBeVisible();
	await page.getByRole('button', { name: 'Nein, behalten' }).click();
	await expect(page.locator('[data-source]')).toHaveAttribute('data-source', 'saved');
	await page.getByRole('button', { name: 'Beispieldaten wieder laden' }).click();
	await page.getByRole('button', { name: 'Ja, eigene Daten durch Beispieldaten ersetzen' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Die Beispieldaten sind wieder geladen.' })
	).toBeVisible({
		timeout: 60_000
	});
	await expect(page.locator('[data-source]')).toHaveAttribute('data-source', 'sample');
	await page.reload();
	await expect(page.locator('[data-source]')).toHaveAttribute('data-source', 'sample', { timeout: 30_000 });
	await page.getByRole('link', { name: 'Übersicht', exact: true }).click();
	await expect(participants).toHaveText(sample!, { timeout: 30_000 });
	await expect(page.locator('[data-badge]')).toHaveText('Beispieldaten (synthetisch)');
	await expect(page.locator('[data-missing]')).toHaveCount(0);
});

test('refused files say why, before anything is loaded', async ({ page }) => {
	await page.goto('/import');
	await page.locator('input[type="file"]').setInputFiles([
		{ name: 'leer.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) },
		{
			name: 'mappe.xlsx',
			mimeType: 'application/octet-stream',
			buffer: Buffer.from('PK\u0003\u0004xxxx', 'latin1')
		},
		{ name: 'ragged.csv', mimeType: 'text/csv', buffer: Buffer.from('a;b;c\n1;2;3\n4;5\n') }
	]);
	await expect(page.locator('article[data-file="leer.csv"] [role="alert"]')).toHaveText(
		'Die Datei ist leer (0 Bytes).'
	);
	await expect(page.locator('article[data-file="mappe.xlsx"] [role="alert"]')).toContainText('ZIP-Archiv');
	await expect(page.locator('article[data-file="ragged.csv"] [role="alert"]')).toContainText(
		'Zeile 3 hat 2 statt 3 Spalten'
	);
	await page.screenshot({ path: join(SHOTS, 'import-refused.png'), fullPage: true });
});

test('a file with lines before and after its table: the card lists them, the header row can be moved, the report counts them', async ({
	page
}) => {
	// Reads the file three times (the header row moved twice) and loads it: more than one file's time.
	test.setTimeout(180_000);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/import');
	await expect(page.locator('[data-source]')).toHaveAttribute('data-source', 'sample', { timeout: 60_000 });
	const file = 'preamble-title-stand.csv';
	const bytes = Buffer.concat([
		readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ingest', file)),
		Buffer.from('__________\r\n© Statistisches Bundesamt (Destatis), 2026\r\n', 'latin1')
	]);
	await page.locator('input[type="file"]').setInputFiles({ name: file, mimeType: 'text/csv', buffer: bytes });
	const card = page.locator(`article[data-file="${file}"]`);
	await expect(card).toHaveAttribute('data-state', 'mapping', { timeout: 30_000 });
	const range = card.locator('[data-table-range]');
	await expect(range.locator('[data-header-line]')).toHaveValue('5');
	await expect(range.locator('[data-skipped] li')).toHaveText([
		/^Zeile 1\s*Vorspann\s*Monitoring BIWAQ – Istwerte je Projekt$/,
		/^Zeile 2\s*Vorspann\s*Stand: 30\.09\.2026$/,
		/^Zeile 3\s*Vorspann\s*Erstellt von:;Programmbehörde;;;;$/,
		/^Zeile 4\s*Leerzeile/,
		/^Zeile 9\s*Trennlinie\s*__________$/,
		/^Zeile 10\s*Fußnote\s*© Statistisches Bundesamt/
	]);
	await expect(card.locator('select[data-header="Istwert"]')).toHaveValue('value');

	// Moved to a title line, the headers are what that line holds; moved back, the table is found again.
	await range.locator('[data-header-line]').fill('3');
	await range.getByRole('button', { name: 'Kopfzeile verschieben' }).click();
	await expect(card.locator('select[data-header="Programmbehörde"]')).toBeVisible({ timeout: 30_000 });
	await expect(range).toContainText('erkannt: Zeile 5');
	await range.locator('[data-header-line]').fill('5');
	await range.getByRole('button', { name: 'Kopfzeile verschieben' }).click();
	await expect(card.locator('select[data-header="Istwert"]')).toHaveValue('value', { timeout: 30_000 });
	await page.screenshot({ path: join(SHOTS, 'import-table-range.png'), fullPage: true });

	await card.getByRole('button', { name: 'Importieren' }).click();
	await expect(card).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
	await expect(card.locator('[data-reconciliation]')).toHaveText(
		'3 Zeilen gelesen = 3 geladen + 0 abgewiesen (+ 0 Leerzeilen + 6 Zeilen vor oder nach der Tabelle übersprungen)'
	);
	expect(errors).toEqual([]);
});

/**
 * A large, valid actuals export from Excel-de: Windows-1252 (so it is not loaded from its head
 * while the rest is read, and its load starts when "Importieren" is clicked), ~28 MB for 600 000
 * rows, with values the fast read parses as text (percentages, quarters): its fast read runs for
 * seconds in one statement, so a cancel has one to interrupt.
 */
function largeExport(rows: number): Buffer {
	const lines = ['Indikator-ID;Projekt-Nr.;Zeitraum von;Zeitraum bis;Istwert;Geschlecht'];
	for (let i = 0; i < rows; i++)
		lines.push(
			`CO0${1 + (i % 9)};BQ-19-${String(1 + (i % 70)).padStart(3, '0')};Q${1 + (i % 4)}/2021;Q${1 + (i % 4)}/2021;${i % 1000},5 %;${i % 2 ? 'weiblich' : 'männlich'}`
		);
	return Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
}

test('a file larger than its head loads while it is scanned: bad lines after the head are listed, the counts reconcile', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/import');
	await expect(page.locator('[data-source]')).toHaveAttribute('data-source', 'sample', { timeout: 30_000 });
	// ~6 MB of day dates and decimal commas (the fast types), two bad lines near the end.
	const rows = 120_000;
	const lines = ['Indikator-ID;Projekt-Nr.;Zeitraum von;Zeitraum bis;Istwert;Geschlecht'];
	for (let i = 0; i < rows; i++)
		lines.push(
			`CO0${1 + (i % 9)};BQ-20-${String(1 + (i % 70)).padStart(3, '0')};01.0${1 + (i % 9)}.2021;28.0${1 + (i % 9)}.2021;${i % 1000},5;${['weiblich', 'männlich', ''][i % 3]}`
		);
	lines[rows - 10] = 'CO01;BQ-20-001;01.01.2021;31.01.2021;zwölf;weiblich';
	lines[rows - 5] = 'CO01;BQ-20-001;01.01.2021;31.01.2021;3;unbekannt';
	const path = join(mkdtempSync(join(tmpdir(), 'wirkung-head-')), 'gross-ok.csv');
	writeFileSync(path, lines.join('\r\n') + '\r\n');
	await page.locator('input[type="file"]').setInputFiles(path);
	const card = page.locator('article[data-file="gross-ok.csv"]');
	await expect(card).toHaveAttribute('data-state', 'mapping', { timeout: 60_000 });
	await card.getByRole('button', { name: 'Importieren' }).click();
	await expect(card).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
	await expect(card.locator('[data-reconciliation]')).toHaveText(
		'120.000 Zeilen gelesen = 119.998 geladen + 2 abgewiesen (+ 0 Leerzeilen übersprungen)'
	);
	await expect(card.locator('[data-rejects] li')).toHaveText([
		`Zeile ${rows - 9}, Spalte Istwert: „zwölf“ ist keine Zahl`,
		`Zeile ${rows - 4}, Spalte Geschlecht: „unbekannt“ ist kein gültiger Wert (erwartet: weiblich, männlich, divers)`
	]);
	await page.screenshot({ path: join(SHOTS, 'import-large.png'), fullPage: true });
});

test('cancelling a running load interrupts its running step, keeps the data as it was, and the next import works', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/');
	const participants = page.locator('[data-kpi="participants"] .value');
	await expect(participants).not.toHaveText('', { timeout: 60_000 });
	const before = await participants.textContent();

	await page.goto('/import');
	await expect(page.locator('[data-source]')).toHaveAttribute('data-source', 'sample', { timeout: 30_000 });
	// A path, not a buffer: Playwright streams big files from disk.
	const path = join(mkdtempSync(join(tmpdir(), 'wirkung-cancel-')), 'gross.csv');
	writeFileSync(path, largeExport(600_000));
	await page.locator('input[type="file"]').setInputFiles(path);
	const card = page.locator('article[data-file="gross.csv"]');
	await expect(card).toHaveAttribute('data-state', 'mapping', { timeout: 60_000 });
	await card.getByRole('button', { name: 'Importieren' }).click();
	// No clock: cancel once the card says the fast read (the long step of a big file) is under
	// way; the report then names the step whose running statement the cancel interrupted. A
	// cancel that waited for the statement would leave it unnamed.
	await expect(card.locator('[data-step="fast_read"]')).toHaveText('Die Zeilen werden gelesen …');
	await card.getByRole('button', { name: 'Abbrechen' }).click();
	await expect(card).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 });
	await expect(card).toHaveAttribute('data-interrupted', 'fast_read');
	await expect(card).toContainText('Import abgebrochen: es wurde nichts geladen.');
	await page.screenshot({ path: join(SHOTS, 'import-cancelled.png'), fullPage: true });

	// Nothing of the file was kept: still the sample, with the same figures.
	await expect(page.locator('[data-source]')).toHaveAttribute('data-source', 'sample');
	await page.getByRole('link', { name: 'Übersicht', exact: true }).click();
	await expect(participants).toHaveText(before!, { timeout: 30_000 });
	await expect(page.locator('[data-badge]')).toHaveText('Beispieldaten (synthetisch)');

	// The engine takes the next import as usual.
	await page.getByRole('link', { name: 'Daten importieren' }).click();
	await page.locator('input[type="file"]').setInputFiles(FIXTURE);
	const next = page.locator('article[data-file="e2e-istwerte-cp1252.csv"]');
	await expect(next).toHaveAttribute('data-state', 'mapping', { timeout: 30_000 });
	await next.getByRole('button', { name: 'Importieren' }).click();
	await expect(next).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
	await expect(next.locator('[data-reconciliation]')).toHaveText(
		'20 Zeilen gelesen = 17 geladen + 3 abgewiesen (+ 1 Leerzeilen übersprungen)'
	);
});
