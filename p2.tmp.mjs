import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '/work/wt/shapes/scripts/chromium.js';
const port = process.argv[2];
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (let i = 0; i < 2; i++) {
	const page = await (await browser.newContext()).newPage();
	const t0 = Date.now();
	await page.goto(`http://127.0.0.1:${port}/`);
	await page.locator('[data-badge]').waitFor({ timeout: 90000 });
	const t1 = Date.now() - t0;
	await page.locator('[data-kpi="participants"] .value').waitFor({ timeout: 90000 });
	console.log(port, 'badge', t1, 'tiles', Date.now() - t0);
}
await browser.close();
