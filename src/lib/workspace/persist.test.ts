import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { toRows, type Engine } from '../engine';
import { createNodeEngine } from '../engine/node';
import { clearSources, ensureSchema, importCsv } from '../ingest';
import { TABLES } from '../model';
import { SavedData, type FileStore } from './persist';
import { describeUnits, restoreSnapshot } from './snapshot';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'ingest');

/**
 * A FileStore on a real folder, writing as OPFS does (a swap file that replaces the file when
 * done). `crashAt` makes the n-th write die halfway: half its bytes land in the file itself (a
 * torn write, worse than OPFS allows) and the save stops there, as a closed tab would.
 */
function folderStore(dir: string, crash?: { at: number }): FileStore & { writes: number } {
	const store = {
		writes: 0,
		async read(name: string) {
			try {
				return new Uint8Array(readFileSync(join(dir, name)));
			} catch {
				return null;
			}
		},
		async write(name: string, bytes: Uint8Array) {
			store.writes++;
			if (crash && store.writes === crash.at) {
				writeFileSync(join(dir, name), bytes.subarray(0, Math.floor(bytes.byteLength / 2)));
				throw new Error('crash');
			}
			writeFileSync(join(dir, `${name}.swap`), bytes);
			renameSync(join(dir, `${name}.swap`), join(dir, name));
		},
		async remove(name: string) {
			rmSync(join(dir, name), { force: true });
		},
		async list() {
			return readdirSync(dir);
		}
	};
	return store;
}

async function dumpAll(engine: Engine): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const name of [...TABLES.map((t) => t.name), 'rejects'])
		out[name] = toRows(await engine.query(`SELECT * FROM ${name} ORDER BY ALL`));
	return out;
}

async function importFixture(engine: Engine, file: string): Promise<void> {
	const bytes = new Uint8Array(readFileSync(join(FIXTURES, file)));
	expect((await importCsv(engine, { file, bytes })).ok).toBe(true);
}

let probe: Engine | null = null;

/** What a fresh tab restores from the folder: the tables, or null when nothing is saved. */
async function reopen(dir: string): Promise<Record<string, unknown[]> | null> {
	const loaded = await new SavedData(folderStore(dir)).load();
	if (!loaded) return null;
	// One engine for every reopen (a new one costs seconds), emptied as "Alle Daten entfernen" does.
	probe ??= await createNodeEngine();
	await ensureSchema(probe);
	await clearSources(probe);
	await restoreSnapshot(probe, loaded.snapshot, async (unit) => loaded.streams.get(unit.data)!);
	return dumpAll(probe);
}

describe('saved data', () => {
	let engine: Engine;
	let dir: string;
	let first: Record<string, unknown[]>;
	let second: Record<string, unknown[]>;
	const tab = () => new SavedData(folderStore(dir));

	beforeAll(async () => {
		engine = await createNodeEngine();
		await ensureSchema(engine);
		dir = mkdtempSync(join(tmpdir(), 'wirkung-saved-'));
		await importFixture(engine, 'bad-values.csv');
		await importFixture(engine, 'placeholders.csv');
		first = await dumpAll(engine);
	}, 120_000);

	test('restores every table with its rows, types and rejects', async () => {
		expect(await tab().save(engine)).toBe((await describeUnits(engine)).length);
		expect(first['rejects']!.length).toBeGreaterThan(0);
		expect(await reopen(dir)).toEqual(first);
	});

	test('an import writes its own table and rejects only; a second tab sees it', async () => {
		const saved = tab();
		await saved.load();
		const before = new Set((await describeUnits(engine)).map((u) => u.key));
		await importFixture(engine, 'extra-columns.csv');
		second = await dumpAll(engine);
		const after = await describeUnits(engine);
		const added = after.filter((u) => !before.has(u.key)).length;
		expect(added).toBeGreaterThan(0);
		expect(added).toBeLessThan(after.length);
		expect(await saved.save(engine)).toBe(added);
		expect(await reopen(dir)).toEqual(second);
		// Nothing changed: nothing is written; the files are those of the last two snapshots.
		expect(await saved.save(engine)).toBe(0);
		expect(readdirSync(dir).filter((f) => f.endsWith('.arrow')).length).toBe(after.length);
	});

	test('a crash at any write of a save leaves the snapshot before or after it, never a torn one', async () => {
		// The folder as the second snapshot left it; the save under test adds a file's table.
		const base = mkdtempSync(join(tmpdir(), 'wirkung-crash-'));
		cpSync(dir, base, { recursive: true });
		await importFixture(engine, 'quoted-multiline.csv');
		const third = await dumpAll(engine);
		expect(third).not.toEqual(second);
		let crashes = 0;
		for (let at = 1; ; at++) {
			const copy = mkdtempSync(join(tmpdir(), `wirkung-crash-${at}-`));
			cpSync(base, copy, { recursive: true });
			const saved = new SavedData(folderStore(copy, { at }));
			await saved.load();
			const crashed = await saved.save(engine).then(
				() => false,
				() => true
			);
			const restored = await reopen(copy);
			if (!crashed) {
				expect(restored).toEqual(third);
				break;
			}
			crashes++;
			expect([second, third]).toContainEqual(restored);
			// The next save in that folder (the tab reopened) cleans up and completes.
			const after = new SavedData(folderStore(copy));
			await after.load();
			await after.save(engine);
			expect(await reopen(copy)).toEqual(third);
			expect(readdirSync(copy).filter((f) => f.endsWith('.swap'))).toEqual([]);
		}
		// The new table and the manifest at least: each write was crashed once.
		expect(crashes).toBeGreaterThanOrEqual(2);
	}, 300_000);
});
