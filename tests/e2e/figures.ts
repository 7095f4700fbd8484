import { expect, type Locator } from '@playwright/test';

/** Unfolds a chart's data table (dashboard tables start folded, and a folded table's rows are not built). */
export async function unfold(figure: Locator) {
	const details = figure.locator(':scope > details');
	if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
	await expect(figure.locator('table')).toBeAttached();
}
