import { error } from '@sveltejs/kit';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { env } from '$env/dynamic/private';
import type { Snapshot } from '$lib/workspace/snapshot';
import type { RequestHandler } from './$types';

/** What a sample file name may look like (manifest.json, `<hash>.arrow`): never a path. */
const NAME = /^[A-Za-z0-9_-]+\.(?:json|arrow)$/;

/** The sample of WIRKUNG_SAMPLE_DIR's CSVs, made once on first request (see sample-build.ts). */
let custom: Promise<{ manifest: string; streams: Map<string, Uint8Array> }> | null = null;

function customSample(dir: string) {
	custom ??= import('$lib/workspace/sample-build').then(async ({ buildSample }) => {
		const { snapshot, streams } = await buildSample(dir);
		return { manifest: JSON.stringify(snapshot satisfies Snapshot), streams };
	});
	return custom;
}

/**
 * Serves the bundled sample as the build prebuilt it (generated/sample: manifest.json and one Arrow
 * IPC stream per table, named by content and so cached for good, brotli-compressed where the
 * browser takes it). With WIRKUNG_SAMPLE_DIR, the sample CSVs of that folder instead, imported
 * once by the server on first request.
 */
export const GET: RequestHandler = async ({ params, request }) => {
	const name = params.file;
	if (!NAME.test(name)) error(404, 'Unbekannte Beispieldatei');
	const json = name.endsWith('.json');
	const headers: Record<string, string> = {
		'content-type': json ? 'application/json' : 'application/vnd.apache.arrow.stream',
		'cache-control': json ? 'no-cache' : 'public, max-age=31536000, immutable'
	};
	if (env.WIRKUNG_SAMPLE_DIR) {
		const sample = await customSample(resolve(env.WIRKUNG_SAMPLE_DIR));
		const bytes = json ? new TextEncoder().encode(sample.manifest) : sample.streams.get(name);
		if (!bytes || (json && name !== 'manifest.json')) error(404, 'Unbekannte Beispieldatei');
		return new Response(new Uint8Array(bytes), { headers });
	}
	const dir = resolve('generated', 'sample');
	const brotli = !json && /\bbr\b/.test(request.headers.get('accept-encoding') ?? '');
	try {
		const bytes = await readFile(join(dir, brotli ? `${name}.br` : name));
		if (brotli) headers['content-encoding'] = 'br';
		headers['vary'] = 'accept-encoding';
		return new Response(new Uint8Array(bytes), { headers });
	} catch {
		error(404, 'Unbekannte Beispieldatei');
	}
};
