import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.js';

const PORT = Number(process.env.WIRKUNG_E2E_PORT ?? 4173);

export default defineConfig({
	// tests/security holds the attack cases of the threat model (README), against real servers.
	testDir: 'tests',
	testMatch: ['e2e/**/*.test.ts', 'security/**/*.test.ts'],
	// tests/security/*.unit.test.ts run in vitest (vite.config.ts), in-process.
	testIgnore: '**/*.unit.test.ts',
	timeout: 60_000,
	workers: 1,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
		viewport: { width: 1366, height: 768 }
	},
	webServer: {
		// The built app behind the custom server entry, as `npm start` runs it.
		command: 'node server.js',
		env: { PORT: String(PORT), HOST: '127.0.0.1' },
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
