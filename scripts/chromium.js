// Where Debian's Chromium lives and the flags it needs on these machines (closed network, root).
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.WIRKUNG_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Exits with a one-line instruction when Chromium is missing: never a silent skip. */
export function requireChromium() {
	if (!existsSync(CHROMIUM_PATH)) {
		console.error(
			`Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (or set WIRKUNG_CHROMIUM).`
		);
		process.exit(1);
	}
}
