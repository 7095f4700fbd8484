import { prepareInWorker, PrepareCancelled } from '../ingest/client';
import {
	CANCELLED,
	DEFAULT_SIZE_LIMIT,
	findPreset,
	resolveMapping,
	TRAILING_COLUMN,
	withPreset,
	type ImportReport,
	type PreparedCsv,
	type PresetStore,
	type StagedLoad
} from '../ingest';
import type { CanonicalTable } from '../model';
import { workspace } from './workspace.svelte';

const PRESETS_KEY = 'wirkung.import.presets';

function readPresets(): PresetStore {
	try {
		return JSON.parse(localStorage.getItem(PRESETS_KEY) ?? '{}') as PresetStore;
	} catch {
		return {};
	}
}

export type ItemState = 'reading' | 'mapping' | 'loading' | 'done' | 'failed' | 'cancelled';

/** One picked file on its way in: reading → mapping (confirm) → loading → done or failed. */
export class ImportItem {
	readonly id: number;
	readonly name: string;
	readonly size: number;
	state: ItemState = $state('reading');
	bytesRead = $state(0);
	/** The load's step under way (ingest's step names; 'save' once committed), for the card. */
	step: string | null = $state(null);
	prepared: PreparedCsv | null = $state.raw(null);
	table: CanonicalTable | null = $state(null);
	/** file header → canonical column ('' = kept as an extra column) */
	columns: Record<string, string> = $state({});
	presetUsed = $state(false);
	report: ImportReport | null = $state.raw(null);
	error: string | null = $state(null);
	controller = new AbortController();
	readonly file: File;
	/** The load begun from the file's head with the mapping it was begun with (see confirm). */
	staged: { load: Promise<StagedLoad | null>; key: string } | null = null;

	constructor(id: number, file: File) {
		this.id = id;
		this.file = file;
		this.name = file.name;
		this.size = file.size;
	}

	/** The file's own headers (without a trailing empty column). */
	get headers(): string[] {
		return this.prepared ? headersOf(this.prepared) : [];
	}

	/** canonical column → header, as the loader wants it. */
	get mapping(): Record<string, string> {
		return mappingOf(this.columns);
	}

	/** Sets the table and the guessed (or preset) column assignment for it. */
	chooseTable(table: CanonicalTable, mapping?: Record<string, string>): void {
		this.table = table;
		this.columns = columnsOf(this.prepared!, table, mapping);
	}
}

/** The file's own headers (without a trailing empty column). */
const headersOf = (prepared: PreparedCsv) =>
	prepared.dialect?.headers.filter((h) => h !== TRAILING_COLUMN) ?? [];

/** file header → canonical column for a table: the given mapping, or the guessed one. */
function columnsOf(
	prepared: PreparedCsv,
	table: CanonicalTable,
	mapping?: Record<string, string>
): Record<string, string> {
	const resolved = resolveMapping(prepared, { table, mapping });
	const columns: Record<string, string> = Object.fromEntries(headersOf(prepared).map((h) => [h, '']));
	for (const [column, header] of Object.entries(resolved.mapping))
		if (!columns[header]) columns[header] = column;
	return columns;
}

function mappingOf(columns: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [header, column] of Object.entries(columns)) if (column) out[column] = header;
	return out;
}

/** The table and mapping a load was begun with, comparable with the confirmed ones. */
const stagedKey = (table: CanonicalTable, mapping: Record<string, string>) =>
	JSON.stringify([table, Object.entries(mapping).sort()]);

/** The files of the /import page and their progress; loads go through the workspace. */
export class ImportSession {
	items: ImportItem[] = $state([]);
	sizeLimit = DEFAULT_SIZE_LIMIT;
	#next = 0;

	/** Starts reading every file at once, each in its own worker. */
	add(files: Iterable<File>): void {
		for (const file of files) {
			const item = new ImportItem(++this.#next, file);
			this.items.push(item);
			void this.#read(this.items.at(-1)!, file);
		}
	}

	/**
	 * Reads the file again with the header row on `line` (1-based), as the card's control asks:
	 * the mapping is guessed anew from the headers found there.
	 */
	moveHeader(item: ImportItem, line: number): void {
		if (item.state !== 'mapping' && item.state !== 'failed') return;
		this.#discard(item);
		item.controller = new AbortController();
		item.error = null;
		item.report = null;
		item.bytesRead = 0;
		item.state = 'reading';
		void this.#read(item, item.file, line);
	}

	async #read(item: ImportItem, file: File, headerLine?: number): Promise<void> {
		try {
			const prepared = await prepareInWorker(file, {
				sizeLimit: this.sizeLimit,
				headerLine,
				signal: item.controller.signal,
				onProgress: (bytes) => (item.bytesRead = bytes),
				// A large file starts loading with the mapping it will most likely be confirmed with.
				onHead: (head) => {
					const preset = findPreset(readPresets(), headersOf(head));
					const table = preset?.table ?? head.guesses![0]!.table;
					const mapping = mappingOf(columnsOf(head, table, preset?.mapping));
					const options = {
						table,
						mapping,
						signal: item.controller.signal,
						onStep: (step: string) => (item.step = step)
					};
					item.staged = { load: workspace.stage(file, head, options), key: stagedKey(table, mapping) };
				}
			});
			item.prepared = prepared;
			item.bytesRead = prepared.size;
			if (prepared.error) {
				this.#discard(item);
				item.error = prepared.error;
				item.state = 'failed';
				return;
			}
			const preset = findPreset(readPresets(), item.headers);
			item.presetUsed = preset !== null;
			item.chooseTable(preset?.table ?? prepared.guesses![0]!.table, preset?.mapping);
			item.state = 'mapping';
		} catch (error) {
			this.#discard(item);
			item.state = error instanceof PrepareCancelled ? 'cancelled' : 'failed';
			item.error = error instanceof PrepareCancelled ? CANCELLED : String(error);
		}
	}

	/** Loads a file with the confirmed mapping and keeps that mapping as the layout's preset. */
	async confirm(item: ImportItem): Promise<void> {
		if (item.state !== 'mapping' || !item.table) return;
		item.state = 'loading';
		const mapping = item.mapping;
		// The load begun from the head is finished when confirmed as begun; else it starts over.
		const staged = item.staged?.key === stagedKey(item.table, mapping) ? item.staged.load : null;
		if (!staged) this.#discard(item);
		item.staged = null;
		const report = await workspace.importPrepared(
			item.prepared!,
			{
				table: item.table,
				mapping,
				signal: item.controller.signal,
				onStep: (step) => (item.step = step)
			},
			staged ? { file: item.file, load: staged } : undefined
		);
		item.report = report;
		if (report.ok) {
			localStorage.setItem(
				PRESETS_KEY,
				JSON.stringify(withPreset(readPresets(), item.headers, { table: item.table, mapping }))
			);
			item.state = 'done';
		} else {
			item.error = report.error ?? null;
			item.state = report.error === CANCELLED ? 'cancelled' : 'failed';
			// A refused mapping can be fixed and tried again.
			if (item.state === 'failed') {
				item.state = 'mapping';
				item.controller = new AbortController();
			}
		}
	}

	/** Confirms every file waiting for confirmation, one after another. */
	async confirmAll(): Promise<void> {
		for (const item of this.items.filter((i) => i.state === 'mapping')) await this.confirm(item);
	}

	/** Stops reading, or the load before it commits; nothing of the file is kept. */
	cancel(item: ImportItem): void {
		item.controller.abort();
		this.#discard(item);
	}

	remove(item: ImportItem): void {
		item.controller.abort();
		this.#discard(item);
		this.items = this.items.filter((i) => i !== item);
	}

	/** Drops the load begun from the item's head, if any. */
	#discard(item: ImportItem): void {
		if (item.staged) void workspace.discardStaged(item.staged.load);
		item.staged = null;
	}
}
