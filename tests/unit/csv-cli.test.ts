import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'ingest');

/** The real command, as an analyst runs it: npm, the esbuild bundle, the node engine. */
const csv = (...args: string[]) =>
	spawnSync('npm', ['run', '--silent', 'csv', '--', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 60_000
	});

test('npm run --silent csv -- check prints one JSON line per file and exits 0', () => {
	const run = csv('check', join(FIXTURES, 'bad-values.csv'), join(FIXTURES, 'binary-nul.csv'), '--json');
	expect(run.stderr).toBe('');
	expect(run.status).toBe(0);
	const lines = run.stdout
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l) as { ok: boolean; rows_rejected: number });
	expect(lines.map((l) => [l.ok, l.rows_rejected])).toEqual([
		[true, 4],
		[false, 0]
	]);
}, 90_000);

test('bad usage exits 1', () => {
	const run = csv('check');
	expect(run.status).toBe(1);
	expect(run.stderr).toContain('usage:');
}, 90_000);
