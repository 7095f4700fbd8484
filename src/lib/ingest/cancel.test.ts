import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../engine';
import { createNodeEngine } from '../engine/node';
import { toRows } from '../engine/rows';
import {
	CANCELLED,
	ensureSchema,
	finishLoad,
	importCsv,
	loadPrepared,
	stageLoad,
	type LoadOptions
} from './load';
import { HEAD_BYTES, prepareCsv, prepareHead } from './prepare';

/**
 * A cancel stops the step that is running: the statement under way is interrupted, not run to its
 * end. No clock: the cancel comes as the next event after the named step began (its first
 * statement started), and the report names the step whose statement it interrupted. The engine
 * is the real node engine, which runs statements as the browser engine does (pending queries).
 */

/** An actuals export of `rows` rows; `comma`: comma-delimited with quoted decimal commas. */
function actuals(rows: number, { comma = false, bad = false } = {}): Uint8Array {
	const d = comma ? ',' : ';';
	const lines = [
		['Indikator-ID', 'Projekt-Nr.', 'Zeitraum von', 'Zeitraum bis', 'Istwert', 'Geschlecht'].join(d)
	];
	for (let i = 0; i < rows; i++) {
		const value = bad ? `x${i}` : comma ? `"${i % 500},5"` : `${i % 500},5`;
		lines.push(
			[
				`CO0${1 + (i % 9)}`,
				`BQ-${i % 70}`,
				`01.0${1 + (i % 9)}.2021`,
				`28.0${1 + (i % 9)}.2021`,
				value,
				['weiblich', 'divers', ''][i % 3]
			].join(d)
		);
	}
	return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

/**
 * Big enough that the long statements of a load are more than one DuckDB task (a task runs at most
 * 50 chunks of 2048 rows before the pending query is polled again), so with a polling interval of
 * 1 ms each is still running when the abort comes, on however fast a machine.
 */
const ROWS = 250_000;

/** The engine's tables and what actuals holds: both must be as before a cancelled load. */
async function state(engine: Engine) {
	return {
		tables: toRows<{ name: string }>(
			await engine.query('SELECT table_name AS name FROM duckdb_tables() ORDER BY 1')
		).map((r) => r.name),
		actuals: toRows(
			await engine.query(
				'SELECT _source_file AS file, count(*) AS n, sum(value) AS total FROM actuals GROUP BY 1 ORDER BY 1'
			)
		),
		rejects: toRows(await engine.query('SELECT count(*) AS n FROM rejects'))
	};
}

/** Load options that cancel once `step` has begun: as the next event (it runs), or at once (before). */
function cancelIn(step: string, when: 'running' | 'before'): LoadOptions {
	const controller = new AbortController();
	return {
		signal: controller.signal,
		onStep: (begun) => {
			if (begun !== step) return;
			if (when === 'before') controller.abort();
			else setImmediate(() => controller.abort());
		}
	};
}

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine({ queryPollingInterval: 1 });
	await ensureSchema(engine);
	// The data a cancelled load must leave as it was: an earlier file of the same name.
	const earlier = await importCsv(engine, { file: 'daten.csv', bytes: actuals(10) });
	expect(earlier.ok).toBe(true);
});

describe('a cancel stops the running step and keeps the data as it was', () => {
	test.each<{
		name: string;
		step: string;
		when: 'running' | 'before';
		bytes: () => Uint8Array;
		head?: boolean;
		interrupted: string | undefined;
	}>([
		{
			name: 'the fast read of a large file',
			step: 'fast_read',
			when: 'running',
			bytes: () => actuals(ROWS),
			interrupted: 'fast_read'
		},
		{
			name: 'the fast read begun from the head while the rest is scanned',
			step: 'fast_read',
			when: 'running',
			bytes: () => actuals(ROWS),
			head: true,
			interrupted: 'fast_read'
		},
		{
			name: 'the precise read of a file the fast read cannot take (decimal comma = delimiter)',
			step: 'precise',
			when: 'running',
			bytes: () => actuals(ROWS, { comma: true }),
			interrupted: 'precise'
		},
		{
			name: 'the import transaction (the rejects of a file of bad rows): rolled back, the earlier file kept',
			step: 'insert',
			when: 'running',
			bytes: () => actuals(ROWS, { bad: true }),
			interrupted: 'insert'
		},
		{
			name: 'a cancel before the step’s first statement: stopped there, nothing interrupted',
			step: 'fast_read',
			when: 'before',
			bytes: () => actuals(ROWS),
			interrupted: undefined
		}
	])(
		'$name',
		async ({ step, when, bytes, head, interrupted }) => {
			const before = await state(engine);
			const file = bytes();
			const options = cancelIn(step, when);
			const full = prepareCsv('daten.csv', file);
			let report;
			if (head) {
				const prepared = prepareHead('daten.csv', file.subarray(0, HEAD_BYTES), file.length)!;
				const staged = await stageLoad(engine, prepared, file.slice(prepared.bodyOffset), options);
				expect(staged?.stopped).toBe(true);
				report = await finishLoad(engine, staged, full, options);
			} else report = await loadPrepared(engine, full, options);
			expect([report.ok, report.error]).toEqual([false, CANCELLED]);
			expect(report.interrupted).toBe(interrupted);
			expect(Object.keys(report.timings ?? {})).toContain(step);
			expect(await state(engine)).toEqual(before);

			// The engine takes the next import as usual.
			const next = await importCsv(engine, { file: `danach-${step}.csv`, bytes: actuals(20) });
			expect([next.ok, next.rowsLoaded]).toEqual([true, 20]);
		},
		120_000
	);
});
