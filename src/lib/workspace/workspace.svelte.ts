import type { Engine } from '../engine';
import { toRows } from '../engine/rows';
import {
	clearSources,
	discardLoad,
	ensureSchema,
	loadedFiles,
	loadPrepared,
	SAMPLE_FILES,
	type ImportReport,
	type LoadOptions,
	type PreparedCsv,
	type Reject,
	type StagedLoad
} from '../ingest';
import { finishHead, stageHead } from '../ingest/client';
import { Coordinator } from './coordinator';
import { dataLabel, type DataLabel } from './label';
import { dropLegacy, hasSnapshot as hasLegacy, restoreSnapshot as restoreLegacy } from './legacy';
import { fetchSample, openSaved } from './sample';
import type { SavedData } from './persist';
import { restoreSnapshot } from './snapshot';

/** Why this browser cannot run the engine, or null. Checked before any engine code is loaded. */
function unsupportedReason(): string | null {
	if (typeof WebAssembly !== 'object') return 'WebAssembly ist in diesem Browser nicht verfügbar.';
	if (typeof Worker !== 'function') return 'Web Worker sind in diesem Browser nicht verfügbar.';
	return null;
}

export type WorkspacePhase = 'starting' | 'loading' | 'ready' | 'error' | 'unsupported';

/** Where the data in the tab came from: the bundled sample, or the analyst's own (saved) imports. */
export type DataSource = 'sample' | 'saved';

class Workspace {
	phase: WorkspacePhase = $state('starting');
	error: string | null = $state(null);
	/** Bumped whenever the data changes; pages re-run their queries when it does. */
	version = $state(0);
	/** Known once the data is loaded. */
	source: DataSource | null = $state(null);
	/** Source files of the rows in the tables (sample and imported), sorted. */
	files: string[] = $state([]);
	reports: ImportReport[] = $state([]);
	/** Why the last save to the browser's storage failed (the data is loaded, but not kept). */
	saveError: string | null = $state(null);
	#engine: Promise<Engine> | null = null;
	#coordinator: Promise<Coordinator> | null = null;
	#saved: SavedData | null = null;
	/** Imports and data changes run one after another: they share the connection's temp tables. */
	#queue: Promise<unknown> = Promise.resolve();

	/** Whose data is shown, for the badge: the sample, the imported files by name, or both. */
	get label(): DataLabel {
		return dataLabel(this.files, SAMPLE_FILES);
	}

	/** The engine with data loaded; starts it (once per tab) on first call. */
	open(): Promise<Engine> {
		this.#engine ??= this.#start();
		return this.#engine;
	}

	/**
	 * The engine dashboards read through: the query coordinator over this tab's engine, which
	 * answers identical queries once per data version (see coordinator.ts). Writes use `open()`.
	 */
	queries(): Promise<Coordinator> {
		this.#coordinator ??= this.open().then((engine) => new Coordinator(engine, () => this.version));
		return this.#coordinator;
	}

	async #start(): Promise<Engine> {
		const unsupported = unsupportedReason();
		if (unsupported) {
			this.phase = 'unsupported';
			this.error = unsupported;
			throw new Error(unsupported);
		}
		try {
			// The engine compiles while saved data is read, or the sample downloads.
			const started = import('../engine/browser').then(({ createBrowserEngine }) => createBrowserEngine());
			started.catch(() => {});
			const opened = openSaved();
			const sample = opened.then(({ snapshot }) => (snapshot ? null : fetchSample()));
			sample.catch(() => {});
			const engine = await started;
			this.phase = 'loading';
			await ensureSchema(engine);
			const { saved, snapshot } = await opened;
			this.#saved = saved;
			if (snapshot) {
				await restoreSnapshot(engine, snapshot.snapshot, async (unit) => snapshot.streams.get(unit.data)!);
				this.source = 'saved';
			} else if (saved && (await hasLegacy().catch(() => false))) {
				await restoreLegacy(engine);
				await this.#save(engine);
				if (!this.saveError) await dropLegacy();
			} else {
				const { snapshot: sampleSnapshot, streams } = (await sample)!;
				await restoreSnapshot(engine, sampleSnapshot, async (unit) => streams.get(unit.data)!);
				this.source = 'sample';
			}
			await this.#listFiles(engine);
			this.phase = 'ready';
			this.version++;
			return engine;
		} catch (error) {
			this.phase = 'error';
			this.error = error instanceof Error ? error.message : String(error);
			throw error;
		}
	}

	#serial<T>(task: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(task, task);
		this.#queue = run.catch(() => {});
		return run;
	}

	/**
	 * Loads a prepared file (see ingest/client) into its table, finishing the load `staged` began
	 * from the file's head when there is one. It replaces the rows of an earlier file of the same
	 * name and, while the sample is shown, the sample rows of that table. On success the data is
	 * saved in the browser (step 'save': committed, no longer cancelled) and every page re-queries.
	 */
	importPrepared(
		prepared: PreparedCsv,
		options: LoadOptions = {},
		staged?: { file: File; load: Promise<StagedLoad | null> }
	): Promise<ImportReport> {
		return this.#serial(async () => {
			const engine = await this.open();
			const replaceFiles = this.source === 'sample' ? [...SAMPLE_FILES] : [];
			const report = staged
				? await finishHead(engine, staged.file, await staged.load, prepared, { ...options, replaceFiles })
				: await loadPrepared(engine, prepared, { ...options, replaceFiles });
			if (report.ok) {
				options.onStep?.('save');
				await this.#save(engine);
				await this.#listFiles(engine);
				this.version++;
			}
			return report;
		});
	}

	/**
	 * Begins loading a file from its head while the worker still scans the rest (ingest/client
	 * stageHead); nothing shows until importPrepared finishes it. In turn with every other write.
	 */
	stage(file: File, head: PreparedCsv, options: LoadOptions): Promise<StagedLoad | null> {
		return this.#serial(async () => stageHead(await this.open(), file, head, options));
	}

	/** Drops a load begun with stage that will not be finished. */
	discardStaged(load: Promise<StagedLoad | null>): Promise<void> {
		return this.#serial(async () => {
			const staged = await load;
			if (staged) await discardLoad(staged);
		});
	}

	/** Every rejected line of a file (the report lists only the first 100). */
	async rejectsOf(file: string): Promise<Reject[]> {
		const engine = await this.open();
		return toRows<Reject>(
			await engine.query(
				'SELECT line, "column", value, reason FROM rejects WHERE source_file = ? ORDER BY line, rowid',
				[file]
			)
		);
	}

	/** "Alle Daten entfernen": empties every table here and in the browser's storage. */
	clearAll(): Promise<void> {
		return this.#serial(async () => {
			const engine = await this.open();
			await engine.exec('BEGIN TRANSACTION');
			await clearSources(engine);
			await engine.exec('COMMIT');
			await this.#save(engine);
			await this.#listFiles(engine);
			this.reports = [];
			this.version++;
		});
	}

	async #listFiles(engine: Engine): Promise<void> {
		this.files = await loadedFiles(engine);
	}

	/** Saves the tables that changed (persist.ts); without a store the data stays in this tab only. */
	async #save(engine: Engine): Promise<void> {
		if (!this.#saved) return;
		try {
			await this.#saved.save(engine);
			this.source = 'saved';
			this.saveError = null;
		} catch (error) {
			this.saveError = error instanceof Error ? error.message : String(error);
		}
	}
}

/** The one workspace of this tab. */
export const workspace = new Workspace();
