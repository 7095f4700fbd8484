import type { KeepMessage } from './policy';

let asked = false;

/**
 * Asks the service worker to keep this browser's engine bundle and the prebuilt sample for offline use.
 * Call once the engine runs: on a first visit those downloads happen before the worker controls
 * the page, so it never sees them; it fetches them again, mostly from the HTTP cache.
 */
export async function keepForOffline(): Promise<void> {
	if (asked || !('serviceWorker' in navigator)) return;
	asked = true;
	// Resolves once a worker is active (never where none is registered, e.g. `vite dev`).
	const ready = await navigator.serviceWorker.ready;
	const { browserBundle } = await import('../engine/browser');
	// The prebuilt sample: its manifest and the files it names (mostly in the HTTP cache already).
	const manifest = (await (await fetch('/sample/manifest.json')).json()) as { units: { data: string }[] };
	const message: KeepMessage = {
		type: 'keep',
		bundle: await browserBundle(),
		samples: ['/sample/manifest.json', ...manifest.units.map((unit) => `/sample/${unit.data}`)]
	};
	ready.active?.postMessage(message);
}
