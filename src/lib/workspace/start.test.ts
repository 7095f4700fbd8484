import { expect, test } from 'vitest';
import { needsEngine } from './start';

test.each([
	['/', true],
	['/events', true],
	['/projects/P-01', true],
	['/import', true],
	['/veroeffentlichen', true],
	['/present/edit', true],
	['/present', false],
	['/s/abc', false],
	['/diagnostics', false],
	['/diagnostics/ingest', false],
	['/diagnosticsx', true]
])('%s → %s', (path, expected) => {
	expect(needsEngine(path)).toBe(expected);
});
