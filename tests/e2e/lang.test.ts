import { expect, test } from '@playwright/test';

/** `<html lang>` follows the UI language (issue 21.5): in the HTML sent, and after switching. */
const langOf = (html: string) => /<html lang="([^"]*)"/.exec(html)?.[1];

test('the HTML sent names the UI language, shared views included', async ({ request }) => {
	for (const [path, lang] of [
		['/', 'de'],
		['/?lang=en', 'en'],
		['/import?lang=en', 'en'],
		// A share link's pages load no script: only what is sent counts (here the unknown-link page).
		['/s/unbekannt', 'de'],
		['/s/unbekannt?lang=en', 'en']
	] as const) {
		const response = await request.get(path);
		expect(langOf(await response.text()), path).toBe(lang);
	}
});

test('switching the language in the app changes <html lang>', async ({ page }) => {
	await page.goto('/import');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/lang=en/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
