import { afterAll, beforeAll, expect, test } from 'vitest';
import { Aborted, Interrupted, type Engine } from './index';
import { createNodeEngine } from './node';
import { toRows } from './rows';

/**
 * An abort stops the statement that is running, not the next one: tested on the node engine, which
 * runs statements as pending queries the way the browser engine does. No clock: the abort comes as
 * the next event after the statement started, and the statement is many DuckDB tasks (each at most
 * 50 chunks of 2048 rows), polled every 1 ms, so it is still running then on any machine.
 */
let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine({ queryPollingInterval: 1 });
});
afterAll(() => engine.close());

/** A statement of many tasks (a few seconds on the CI machine, run to its end). */
const LONG = `CREATE TABLE t AS SELECT i, md5(CAST(i AS VARCHAR)) AS h FROM range(2000000) r(i)`;

/** Aborts as soon as the event loop turns, i.e. while the started statement runs. */
function abortedWhileRunning(): AbortSignal {
	const controller = new AbortController();
	setImmediate(() => controller.abort());
	return controller.signal;
}

const tables = async () =>
	toRows<{ name: string }>(
		await engine.query(`SELECT table_name AS name FROM duckdb_tables() ORDER BY 1`)
	).map((r) => r.name);

test.each<[string, (signal: AbortSignal) => Promise<unknown>]>([
	['exec', (signal) => engine.exec(LONG, signal)],
	[
		'query',
		(signal) =>
			engine.query(`SELECT count(DISTINCT md5(CAST(i AS VARCHAR))) AS n FROM range(2000000) r(i)`, [], signal)
	]
])('an abort interrupts a running %s; the engine answers the next statement', async (_, run) => {
	await expect(run(abortedWhileRunning())).rejects.toBeInstanceOf(Interrupted);
	expect(await tables()).toEqual([]);
	expect(toRows(await engine.query('SELECT 42 AS n'))).toEqual([{ n: 42 }]);
});

test('an interrupted statement inside a transaction rolls back with it; earlier statements too', async () => {
	await engine.exec('BEGIN TRANSACTION');
	await engine.exec('CREATE TABLE before_long (x INTEGER); INSERT INTO before_long VALUES (1)');
	await expect(engine.exec(LONG, abortedWhileRunning())).rejects.toBeInstanceOf(Interrupted);
	await engine.exec('ROLLBACK');
	expect(await tables()).toEqual([]);
	await engine.exec('CREATE TABLE after_rollback AS SELECT 1 AS x');
	expect(await tables()).toEqual(['after_rollback']);
	await engine.exec('DROP TABLE after_rollback');
});

test('a statement whose signal is aborted already does not start', async () => {
	const controller = new AbortController();
	controller.abort();
	await expect(engine.exec('CREATE TABLE never AS SELECT 1', controller.signal)).rejects.toBeInstanceOf(
		Aborted
	);
	expect(await tables()).toEqual([]);
});

test('a statement that ends before the abort comes runs as usual and returns its rows', async () => {
	const signal = new AbortController().signal;
	expect(toRows(await engine.query('SELECT 1 AS a UNION ALL SELECT 2 ORDER BY a', [], signal))).toEqual([
		{ a: 1 },
		{ a: 2 }
	]);
	expect(toRows(await engine.query('SELECT 1 AS a WHERE false', [], signal))).toEqual([]);
});

test('params and a signal are refused together: a prepared statement could not be interrupted', async () => {
	const signal = new AbortController().signal;
	await expect(engine.exec('SELECT ?', signal, [1])).rejects.toThrow(/Parametern/);
	await expect(engine.query('SELECT ?', [1], signal)).rejects.toThrow(/Parametern/);
});
