import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Engine } from './index';
import { createNodeEngine } from './node';
import { toRows } from './rows';
import { ident, literal } from './sql';

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(() => engine.close());

test.each<[string, string]>([
	['plain', 'weiblich'],
	['quotes', `O'Brien "x" ''`],
	['backslashes are not escapes', "a\\b\\n\\'"],
	['comment and dollar quotes', '-- x /* y */ $$ z $$ ;'],
	['line breaks and tabs', 'a\r\nb\tc'],
	['umlauts and emoji', 'männlich – ß 😀']
])('literal(%s) reads back as the same text', async (_, value) => {
	expect(toRows(await engine.query(`SELECT ${literal(value)} AS v`))).toEqual([{ v: value }]);
});

test('literal and ident: any text without NUL reads back as itself', async () => {
	const text = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0'));
	await fc.assert(
		fc.asyncProperty(text, async (value) => {
			// Lone surrogates are no text; TextEncoder, like any UTF-8 writer, turns them into U+FFFD.
			const expected = new TextDecoder().decode(new TextEncoder().encode(value));
			const rows = toRows<Record<string, unknown>>(
				await engine.query(`SELECT ${literal(value)} AS ${ident(`c${value}`)}`)
			);
			expect(rows).toEqual([{ [`c${expected}`]: expected }]);
		}),
		{ numRuns: 200 }
	);
});
