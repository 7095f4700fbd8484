import { browserStore, SavedData, type SavedSnapshot } from './persist';
import type { Snapshot } from './snapshot';

/** The bundled sample as the build prebuilt it (sample-build.ts), its streams downloading. */
export async function fetchSample(): Promise<SavedSnapshot> {
	const get = async (name: string) => {
		const response = await fetch(`/sample/${encodeURIComponent(name)}`);
		if (!response.ok) throw new Error(`/sample/${name}: HTTP ${response.status}`);
		return response;
	};
	const snapshot = (await (await get('manifest.json')).json()) as Snapshot;
	const streams = new Map<string, Uint8Array>();
	await Promise.all(
		snapshot.units.map(async (unit) =>
			streams.set(unit.data, new Uint8Array(await (await get(unit.data)).arrayBuffer()))
		)
	);
	return { snapshot, streams };
}

/** This browser's saved data and what it holds; no store (some private modes): nothing persists. */
export async function openSaved(): Promise<{ saved: SavedData | null; snapshot: SavedSnapshot | null }> {
	const store = await browserStore();
	if (!store) return { saved: null, snapshot: null };
	const saved = new SavedData(store);
	return { saved, snapshot: await saved.load().catch(() => null) };
}
