import type { Engine } from '../engine';
import { describeUnits, readUnit, type Snapshot, type SnapshotUnit } from './snapshot';

/**
 * Keeps the analyst's data across reloads and tabs: each table behind the canonical views as an
 * Arrow IPC stream (snapshot.ts) in the origin private file system, IndexedDB where there is none.
 * A save writes only the tables that changed since the last one (an import adds one file's table
 * and rejects; the others are kept as they are) and then a manifest listing them.
 *
 * Crash safety: data files are never overwritten (each gets a new name), and the manifest
 * alternates between two slots, each with a checksum; the newest slot that is whole and whose files
 * are all there (at their recorded lengths) is the saved data. A crash mid-save leaves the other
 * slot, the snapshot before, intact; files no manifest names are removed by the next save.
 * Saves from several tabs take turns (Web Locks), the last one is kept.
 */

/** Files by name: what persistence needs of OPFS or IndexedDB. */
export interface FileStore {
	/** The file's bytes, or null when there is no such file. */
	read(name: string): Promise<Uint8Array | null>;
	/** Creates or replaces a file. */
	write(name: string, bytes: Uint8Array): Promise<void>;
	remove(name: string): Promise<void>;
	list(): Promise<string[]>;
}

const SLOTS = ['manifest-0.json', 'manifest-1.json'];

/** A manifest as stored: the snapshot and a checksum of its JSON text. */
interface StoredManifest {
	snapshot: Snapshot;
	check: string;
}

/** FNV-1a of a text: enough to tell a torn or foreign manifest from a whole one. */
export function checksum(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	return (hash >>> 0).toString(16).padStart(8, '0');
}

function parseManifest(bytes: Uint8Array | null): Snapshot | null {
	if (!bytes) return null;
	try {
		const stored = JSON.parse(new TextDecoder().decode(bytes)) as StoredManifest;
		const text = JSON.stringify(stored.snapshot);
		if (
			stored.snapshot?.format !== 1 ||
			!Array.isArray(stored.snapshot.units) ||
			checksum(text) !== stored.check
		)
			return null;
		return stored.snapshot;
	} catch {
		return null;
	}
}

/** Whole manifests in the store, newest first. */
async function manifests(store: FileStore): Promise<{ slot: number; snapshot: Snapshot }[]> {
	const found = await Promise.all(
		SLOTS.map(async (name, slot) => ({
			slot,
			snapshot: parseManifest(await store.read(name).catch(() => null))
		}))
	);
	return found
		.filter((m): m is { slot: number; snapshot: Snapshot } => m.snapshot !== null)
		.sort((a, b) => b.snapshot.generation - a.snapshot.generation);
}

/** Unit data in a saved snapshot, read ahead: restoreSnapshot's `read`. */
export interface SavedSnapshot {
	snapshot: Snapshot;
	streams: Map<string, Uint8Array>;
}

/** A random file name for a unit's stream (never reused, so never overwritten). */
function dataName(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(12));
	return `${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}.arrow`;
}

/** Runs `task` while no other tab saves (Web Locks where the browser has them). */
async function exclusive<T>(task: () => Promise<T>): Promise<T> {
	const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
	if (!locks) return task();
	let result: T;
	await locks.request('wirkung-saved-data', async () => {
		result = await task();
	});
	return result!;
}

/** The saved data of one store, as this tab last read or wrote it. */
export class SavedData {
	readonly #store: FileStore;
	/** Unit key → the unit this tab saved or restored, so an unchanged table is not written again. */
	#known = new Map<string, SnapshotUnit>();

	constructor(store: FileStore) {
		this.#store = store;
	}

	/**
	 * The newest saved snapshot with every file whole, its streams read; null when nothing was
	 * saved (or nothing whole is left). Its units count as saved for the next save.
	 */
	async load(): Promise<SavedSnapshot | null> {
		for (const { snapshot } of await manifests(this.#store)) {
			const streams = new Map<string, Uint8Array>();
			const read = await Promise.all(
				snapshot.units.map(
					async (unit) => [unit, await this.#store.read(unit.data).catch(() => null)] as const
				)
			);
			if (!read.every(([unit, bytes]) => bytes?.byteLength === unit.bytes)) continue;
			for (const [unit, bytes] of read) streams.set(unit.data, bytes!);
			this.#known = new Map(snapshot.units.map((u) => [u.key, u]));
			return { snapshot, streams };
		}
		return null;
	}

	/**
	 * Saves what the engine holds: the tables that changed since this tab's last save or load as new
	 * files, then a manifest of all of them in the slot not holding the newest one. Returns the
	 * number of tables written.
	 */
	save(engine: Engine): Promise<number> {
		return exclusive(async () => {
			const newest = (await manifests(this.#store))[0];
			const present = new Set(newest?.snapshot.units.map((u) => u.data) ?? []);
			const units: SnapshotUnit[] = [];
			let written = 0;
			for (const spec of await describeUnits(engine)) {
				const known = this.#known.get(spec.key);
				// Kept only while the newest manifest still names its file (another tab may have saved since).
				if (known && present.has(known.data)) {
					units.push(known);
					continue;
				}
				const { columns, rows, ipc } = await readUnit(engine, spec);
				const data = dataName();
				await this.#store.write(data, ipc);
				units.push({ ...spec, data, bytes: ipc.byteLength, rows, columns });
				written++;
			}
			const snapshot: Snapshot = { format: 1, generation: (newest?.snapshot.generation ?? 0) + 1, units };
			const slot = newest ? 1 - newest.slot : 0;
			const stored: StoredManifest = { snapshot, check: checksum(JSON.stringify(snapshot)) };
			await this.#store.write(SLOTS[slot]!, new TextEncoder().encode(JSON.stringify(stored)));
			this.#known = new Map(units.map((u) => [u.key, u]));
			// Files of neither manifest: superseded tables, or a crashed save's. The older slot's stay
			// until the next save, so a torn write of this one still finds the snapshot before.
			const keep = new Set([...SLOTS, ...units.map((u) => u.data), ...present]);
			for (const name of await this.#store.list()) if (!keep.has(name)) await this.#store.remove(name);
			return written;
		});
	}
}

/** OPFS, where the browser can write files there from a page (not Safari before 18): the directory `wirkung`. */
export async function opfsStore(): Promise<FileStore | null> {
	if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
	if (typeof FileSystemFileHandle === 'undefined' || !('createWritable' in FileSystemFileHandle.prototype))
		return null;
	const root = await navigator.storage.getDirectory();
	const dir = await root.getDirectoryHandle('wirkung', { create: true });
	const missing = (error: unknown) => error instanceof DOMException && error.name === 'NotFoundError';
	return {
		async read(name) {
			try {
				const file = await (await dir.getFileHandle(name)).getFile();
				return new Uint8Array(await file.arrayBuffer());
			} catch (error) {
				if (missing(error)) return null;
				throw error;
			}
		},
		async write(name, bytes) {
			// A writable writes to a swap file that replaces the file only on close.
			const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
			try {
				await writable.write(bytes as Uint8Array<ArrayBuffer>);
				await writable.close();
			} catch (error) {
				await writable.abort().catch(() => {});
				throw error;
			}
		},
		async remove(name) {
			await dir.removeEntry(name).catch((error) => {
				if (!missing(error)) throw error;
			});
		},
		async list() {
			const names: string[] = [];
			for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
			return names;
		}
	};
}

/** IndexedDB (database `wirkung-files`), where there is no OPFS; each write is its own transaction. */
export async function indexedDbStore(): Promise<FileStore | null> {
	if (typeof indexedDB === 'undefined') return null;
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const request = indexedDB.open('wirkung-files', 1);
		request.onupgradeneeded = () => request.result.createObjectStore('files');
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	const run = <T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>) =>
		new Promise<T>((resolve, reject) => {
			const transaction = db.transaction('files', mode);
			const request = op(transaction.objectStore('files'));
			transaction.oncomplete = () => resolve(request.result);
			transaction.onerror = () => reject(transaction.error);
			transaction.onabort = () => reject(transaction.error);
		});
	return {
		read: async (name) => ((await run('readonly', (s) => s.get(name))) as Uint8Array | undefined) ?? null,
		write: async (name, bytes) => void (await run('readwrite', (s) => s.put(bytes, name))),
		remove: async (name) => void (await run('readwrite', (s) => s.delete(name))),
		list: async () => (await run('readonly', (s) => s.getAllKeys())).map(String)
	};
}

/** Where this browser keeps saved data: OPFS, else IndexedDB, else nowhere (null). */
export async function browserStore(): Promise<FileStore | null> {
	return (await opfsStore().catch(() => null)) ?? (await indexedDbStore().catch(() => null));
}
