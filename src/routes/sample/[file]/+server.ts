import { error } from '@sveltejs/kit';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { env } from '$env/dynamic/private';
import { SAMPLE_FILES } from '$lib/ingest/sample';
import type { RequestHandler } from './$types';

/** Serves the bundled sample CSVs from WIRKUNG_SAMPLE_DIR (default ./data) as raw bytes. */
export const GET: RequestHandler = async ({ params }) => {
	if (!(SAMPLE_FILES as readonly string[]).includes(params.file)) error(404, 'Unbekannte Beispieldatei');
	const dir = resolve(env.WIRKUNG_SAMPLE_DIR || 'data');
	const bytes = await readFile(join(dir, params.file));
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'text/csv',
			'cache-control': 'public, max-age=300'
		}
	});
};
