import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/server';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * A private copy of the built app (build/ hard-linked, so files can be deleted in it without
 * touching the repository's build; server.js copied; src, data and node_modules linked).
 */
function appCopy(): string {
	const dir = mkdtempSync(join(tmpdir(), 'wirkung-app-'));
	execFileSync('cp', ['-al', join(ROOT, 'build'), join(dir, 'build')]);
	execFileSync('cp', [join(ROOT, 'server.js'), join(ROOT, 'package.json'), dir]);
	for (const name of ['src', 'data', 'node_modules']) symlinkSync(join(ROOT, name), join(dir, name));
	return dir;
}

test('a static file deleted or unreadable under a running server fails that request alone', async () => {
	const root = appCopy();
	const server = await startServer({ root });
	try {
		const immutable = join(root, 'build', 'client', '_app', 'immutable', 'chunks');
		const compressed = readdirSync(immutable).filter((f) => f.endsWith('.js.br'));
		expect(compressed.length).toBeGreaterThanOrEqual(3);
		const [gone, plain, blocked] = compressed.map((f) => f.slice(0, -3));
		const url = (file: string) => `${server.origin}/_app/immutable/chunks/${file}`;
		const get = (file: string, encoding: string) =>
			fetch(url(file), { headers: { 'accept-encoding': encoding } });

		// Served before: brotli when asked for, plain otherwise.
		const before = await get(gone!, 'br');
		expect(before.status).toBe(200);
		expect(before.headers.get('content-encoding')).toBe('br');

		// The precompressed file disappears (a half-finished deploy, a cleanup job).
		rmSync(join(immutable, `${gone}.br`));
		const missing = await get(gone!, 'br');
		expect(missing.status).toBe(404);
		expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
		expect(await missing.text()).toBe('Not Found');

		// The plain file gone too, asked for without compression.
		rmSync(join(immutable, plain!));
		expect((await get(plain!, 'identity')).status).toBe(404);

		// A file that cannot be read (a directory where the file was): 500 for that request.
		rmSync(join(immutable, `${blocked}.br`));
		mkdirSync(join(immutable, `${blocked}.br`));
		expect((await get(blocked!, 'br')).status).toBe(500);

		// The process is still there and serves everything else: pages, other assets, the API.
		expect(server.process.exitCode).toBeNull();
		expect((await fetch(`${server.origin}/`)).status).toBe(200);
		const other = compressed[3] ?? compressed[0]!;
		expect((await get(other.slice(0, -3), 'br')).status).toBe(other === `${gone}.br` ? 404 : 200);
		expect((await fetch(`${server.origin}/s/${'A'.repeat(43)}`)).status).toBe(404);
		expect(server.output()).toMatch(/static file not served: ENOENT/);
	} finally {
		await server.stop();
		rmSync(root, { recursive: true, force: true });
	}
});
