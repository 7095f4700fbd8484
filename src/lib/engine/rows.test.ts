import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Engine } from './index';
import { createNodeEngine } from './node';
import { toRows } from './rows';

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(() => engine.close());

test.each<[string, string, unknown[]]>([
	['no rows', 'SELECT 1 AS a WHERE false', []],
	[
		'numbers, text, nulls and booleans keep their column order',
		`SELECT * FROM (VALUES (1, 'x', NULL::DOUBLE, true), (2, NULL, 2.5, NULL)) t(id, name, value, flag)`,
		[
			{ id: 1, name: 'x', value: null, flag: true },
			{ id: 2, name: null, value: 2.5, flag: null }
		]
	],
	[
		'counts and sums arrive as numbers',
		'SELECT count(*) AS n, sum(x) AS s FROM range(3) t(x)',
		[{ n: 3, s: 3 }]
	],
	[
		'a result of several record batches, in order',
		'SELECT x, x % 7 = 0 AS seventh FROM range(5000) t(x) ORDER BY x',
		Array.from({ length: 5000 }, (_, x) => ({ x, seventh: x % 7 === 0 }))
	]
])('%s', async (_, sql, expected) => {
	const rows = toRows(await engine.query(sql));
	expect(rows).toEqual(expected);
	for (const row of rows) expect(Object.keys(row as object)).toEqual(Object.keys(expected[0] as object));
});
