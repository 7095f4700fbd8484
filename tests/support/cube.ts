import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createNodeEngine } from '../../src/lib/engine/node';
import { loadSample } from '../../src/lib/ingest';
import { NO_FILTERS, type Filters } from '../../src/lib/metrics';
import { buildCube, CUBE_VIEWS, encodeCube } from '../../src/lib/share';

const DATA = join(import.meta.dirname, '..', '..', 'data');

/** The bundled sample as the browser would publish it: every view, suppressed at k, Arrow IPC. */
export async function samplePayload(k = 3, filters: Partial<Filters> = {}): Promise<Uint8Array> {
	const engine = await createNodeEngine();
	try {
		await loadSample(engine, async (name) => new Uint8Array(await readFile(join(DATA, name))));
		const cube = await buildCube(engine, {
			views: [...CUBE_VIEWS],
			k,
			title: 'BIWAQ – Test',
			filters: { ...NO_FILTERS, ...filters }
		});
		return encodeCube(cube.cells, cube.meta);
	} finally {
		await engine.close();
	}
}

/** POSTs a payload to a server's publish API. */
export function publish(origin: string, key: string, payload: Uint8Array, query = ''): Promise<Response> {
	return fetch(`${origin}/api/shares${query}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${key}`, 'content-type': 'application/vnd.apache.arrow.stream' },
		body: payload as BodyInit
	});
}
