import type { Engine } from '../engine';
import { toRows } from '../engine/rows';
import {
	clearSources,
	discardLoad,
	dropFiles,
	ensureSchema,
	loadedFiles,
	loadPrepared,
	SAMPLE_FILES,
	type ImportReport,
	type LoadOptions,
	type PreparedCsv,
	type Reject,
	type StagedLoad,
	tableRowCounts
} from '../ingest';
import type { CanonicalTable } from '../model';
import { finishHead, stageHead } from '../ingest/client';
import { Coordinator } from './coordinator';
import { dataLabel, type DataLabel } from './label';
import { dropLegacy, hasSnapshot as hasLegacy, restoreSnapshot as restoreLegacy } from './legacy';
import { fetchSample, openSaved } from './sample';
import type { SavedData, SavedSnapshot } from './persist';
import { restoreSnapshot } from './snapshot';

/** Why this browser cannot run the engine, or null. Checked before any engine code is loaded. */
function unsupportedReason(): string | null {
	if (typeof WebAssembly !== 'object') return 'WebAssembly ist in diesem Browser nicht verfügbar.';
	if (typeof Worker !== 'function') return 'Web Worker sind in diesem Browser nicht verfügbar.';
	return null;
}

const OWN_DATA_KEY = 'wirkung.ownData';

/** Notes (or forgets) that the saved data is the analyst's own, not the sample. */
function markOwnData(own: boolean): void {
	try {
		if (own) localStorage.setItem(OWN_DATA_KEY, '1');
		else localStorage.removeItem(OWN_DATA_KEY);
	} catch {
		// Without storage the snapshot is not kept either.
	}
}

function ownDataMarked(): boolean {
	try {
		return localStorage.getItem(OWN_DATA_KEY) === '1';
	} catch {
		return false;
	}
}

const isSampleFile = (file: string) => (SAMPLE_FILES as readonly string[]).includes(file);

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
	/**
	 * Whether the tab shows the bundled sample. Own data is never mixed with it (importPrepared);
	 * kept as a mark beside the snapshot, since an own file may be named like a sample file.
	 */
	onSample = $state(false);
	/** Rows per canonical table: a figure needing an empty one names the file that is missing. */
	rows: Partial<Record<CanonicalTable, number>> = $state({});
	/** Why the last save to the browser's storage failed (the data is loaded, but not kept). */
	saveError: string | null = $state(null);
	#engine: Promise<Engine> | null = null;
	#coordinator: Promise<Coordinator> | null = null;
	#saved: SavedData | null = null;
	/** Imports and data changes run one after another: they share the connection's temp tables. */
	#queue: Promise<unknown> = Promise.resolve();

	/** Whose data is shown, for the badge: the sample, the imported files by name, or both. */
	get label(): DataLabel {
		return dataLabel(this.files, this.onSample);
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
			} else await this.#loadSample(engine, sample);
			await this.#listFiles(engine);
			// A saved sample (reloadSample) is the sample unless own data was imported since.
			if (this.source === 'saved')
				this.onSample = !ownDataMarked() && this.files.length > 0 && this.files.every((f) => isSampleFile(f));
			this.phase = 'ready';
			this.version++;
			return engine;
		} catch (error) {
			this.phase = 'error';
			this.error = error instanceof Error ? error.message : String(error);
			throw error;
		}
	}

	/** Inserts the prebuilt sample into the (empty) tables. */
	async #loadSample(engine: Engine, sample: Promise<SavedSnapshot | null> = fetchSample()): Promise<void> {
		const { snapshot, streams } = (await sample)!;
		await restoreSnapshot(engine, snapshot, async (unit) => streams.get(unit.data)!);
		this.source = 'sample';
		this.onSample = true;
		markOwnData(false);
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
			const leaving: string[] = this.onSample ? [...SAMPLE_FILES] : [];
			const report = staged
				? await finishHead(engine, staged.file, await staged.load, prepared, {
						...options,
						replaceFiles: leaving
					})
				: await loadPrepared(engine, prepared, { ...options, replaceFiles: leaving });
			if (report.ok) {
				options.onStep?.('save');
				if (this.onSample) {
					await dropFiles(engine, leaving, { table: report.table!, file: prepared.file });
					this.onSample = false;
					markOwnData(true);
				}
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
			this.onSample = false;
			markOwnData(true);
			await this.#save(engine);
			await this.#listFiles(engine);
			this.reports = [];
			this.version++;
		});
	}

	/**
	 * "Beispieldaten wieder laden": own data leaves (the page asks first) and the bundled sample is
	 * inserted and kept as the saved data, so a reload shows it too.
	 */
	reloadSample(): Promise<void> {
		return this.#serial(async () => {
			const engine = await this.open();
			await engine.exec('BEGIN TRANSACTION');
			await clearSources(engine);
			await engine.exec('COMMIT');
			await this.#loadSample(engine);
			await this.#save(engine);
			await this.#listFiles(engine);
			this.reports = [];
			this.version++;
		});
	}

	async #listFiles(engine: Engine): Promise<void> {
		this.files = await loadedFiles(engine);
		this.rows = await tableRowCounts(engine);
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
