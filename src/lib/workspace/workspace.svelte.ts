import type { Engine } from '../engine';
import { loadSample, SAMPLE_FILES, type ImportReport } from '../ingest';

/** Why this browser cannot run the engine, or null. Checked before any engine code is loaded. */
function unsupportedReason(): string | null {
	if (typeof WebAssembly !== 'object') return 'WebAssembly ist in diesem Browser nicht verfügbar.';
	if (typeof Worker !== 'function') return 'Web Worker sind in diesem Browser nicht verfügbar.';
	return null;
}

async function fetchSample(name: string): Promise<Uint8Array> {
	const response = await fetch(`/sample/${encodeURIComponent(name)}`);
	if (!response.ok) throw new Error(`/sample/${name}: HTTP ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

export type WorkspacePhase = 'starting' | 'loading' | 'ready' | 'error' | 'unsupported';

class Workspace {
	phase: WorkspacePhase = $state('starting');
	error: string | null = $state(null);
	/** Bumped whenever the data changes; pages re-run their queries when it does. */
	version = $state(0);
	reports: ImportReport[] = $state([]);
	#engine: Promise<Engine> | null = null;

	/** The engine with data loaded; starts it (once per tab) on first call. */
	open(): Promise<Engine> {
		this.#engine ??= this.#start();
		return this.#engine;
	}

	async #start(): Promise<Engine> {
		const unsupported = unsupportedReason();
		if (unsupported) {
			this.phase = 'unsupported';
			this.error = unsupported;
			throw new Error(unsupported);
		}
		try {
			// Sample files download while the wasm bundle compiles; the engine code loads on demand.
			const downloads = new Map(SAMPLE_FILES.map((name) => [name as string, fetchSample(name)]));
			downloads.forEach((download) => download.catch(() => {}));
			const { createBrowserEngine } = await import('../engine/browser');
			const engine = await createBrowserEngine();
			this.phase = 'loading';
			this.reports = await loadSample(engine, (name) => downloads.get(name) ?? fetchSample(name));
			const failed = this.reports.find((r) => !r.ok);
			if (failed) throw new Error(failed.error);
			this.phase = 'ready';
			this.version++;
			return engine;
		} catch (error) {
			this.phase = 'error';
			this.error = error instanceof Error ? error.message : String(error);
			throw error;
		}
	}
}

/** The one workspace of this tab. */
export const workspace = new Workspace();
