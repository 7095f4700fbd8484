import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createNodeEngine } from '../engine/node';
import { runCli } from './cli';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'ingest');

async function run(argv: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await runCli(argv, {
		readFile: async (path) => new Uint8Array(await readFile(join(FIXTURES, path))),
		out: (line) => out.push(line),
		err: (line) => err.push(line),
		createEngine: createNodeEngine
	});
	return { code, out, err };
}

describe('csv CLI', () => {
	test('check --json: one object per file, loaded and refused alike, exit 0', async () => {
		const { code, out } = await run(['check', 'e2e-istwerte-cp1252.csv', 'ragged-rows.csv', '--json']);
		expect(code).toBe(0);
		const [good, refused] = out.map((l) => JSON.parse(l) as Record<string, unknown>);
		expect(good).toEqual({
			file: 'e2e-istwerte-cp1252.csv',
			ok: true,
			encoding: 'windows-1252',
			delimiter: ';',
			decimal: ',',
			table: 'actuals',
			confidence: 1,
			columns: [
				{ name: 'Indikator-ID', mapped_to: 'indicator_id', type: 'text' },
				{ name: 'Projekt-Nr.', mapped_to: 'project_id', type: 'text' },
				{ name: 'Zeitraum von', mapped_to: 'period_start', type: 'date' },
				{ name: 'Zeitraum bis', mapped_to: 'period_end', type: 'date' },
				{ name: 'Istwert', mapped_to: 'value', type: 'number' },
				{ name: 'Geschlecht', mapped_to: 'gender', type: 'text' }
			],
			rows_in: 20,
			rows_loaded: 17,
			rows_rejected: 3,
			rows_blank: 1,
			rows_skipped: 0,
			skipped: [],
			warnings: [],
			rejects: [
				{ line: 6, column: 'Istwert', reason: '„12,5,3“ ist keine Zahl' },
				{
					line: 14,
					column: 'Zeitraum von',
					reason: '„31.02.2021“ ist kein Datum (erwartet z. B. 31.12.2021, 12/2021, Q4/2021 oder 2021)'
				},
				{
					line: 22,
					column: 'Geschlecht',
					reason: '„unbekannt“ ist kein gültiger Wert (erwartet: weiblich, männlich, divers)'
				}
			],
			error: null
		});
		expect(refused).toMatchObject({ file: 'ragged-rows.csv', ok: false, rows_in: 0, rejects: [] });
		expect(refused!.error).toMatch(/Zeile 3 hat 5 statt 6 Spalten/);
	});

	test('check --max-size refuses a bigger file', async () => {
		const { code, out } = await run(['check', 'placeholders.csv', '--max-size', '10', '--json']);
		expect(code).toBe(0);
		expect(JSON.parse(out[0]!)).toMatchObject({ ok: false, error: expect.stringMatching(/höchstens/) });
	});

	test('preview --rows N --json: records keyed by the file’s own headers', async () => {
		const { code, out } = await run(['preview', 'quoted-multiline.csv', '--rows', '2', '--json']);
		expect(code).toBe(0);
		expect(JSON.parse(out[0]!)).toEqual([
			{
				'Veranstaltungs-ID': 'TW-1',
				'Frage-Nr.': 'F1',
				Frage: 'Hat es "gefallen"?',
				Antwort: '4',
				Kommentar: 'erste Zeile\r\nzweite Zeile'
			},
			{ 'Veranstaltungs-ID': 'TW-1', 'Frage-Nr.': 'F2', Frage: 'Format', Antwort: '5', Kommentar: 'a;b' }
		]);
	});

	test.each([
		[[]],
		[['check']],
		[['check', 'a.csv', '--rows']],
		[['check', 'a.csv', '--colour']],
		[['preview', 'a.csv', 'b.csv']],
		[['convert', 'a.csv']]
	])('bad usage %j exits 1 with the usage', async (argv) => {
		const { code, err, out } = await run(argv);
		expect(code).toBe(1);
		expect(out).toEqual([]);
		expect(err.join('\n')).toContain('usage:');
	});

	test('an unreadable file is reported and exits 1', async () => {
		const { code, out } = await run(['check', 'does-not-exist.csv', 'placeholders.csv', '--json']);
		expect(code).toBe(1);
		expect(out.map((l) => (JSON.parse(l) as { ok: boolean }).ok)).toEqual([false, true]);
	});
});
