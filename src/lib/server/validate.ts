import { cellId, cubeMargins } from '../share/cube';
import { decodeCube, PayloadError } from '../share/payload';
import { MIN_K, type CubeCell, type CubeMeta } from '../share/schema';

/** Limits on what one share may hold, beyond the byte limit of the request body. */
export const MAX_CELLS = 20_000;
const MAX_TEXT = 500;

/**
 * Checks a publish request's Arrow IPC body: exactly the cube schema (decodeCube) and the privacy
 * rules again, because the server never trusts the browser: k ≥ MIN_K, every shown cell with units
 * has n ≥ k, hidden cells carry no numbers, and no published total leaves exactly one hidden part.
 */
export function validatePayload(bytes: Uint8Array): { meta: CubeMeta; cells: CubeCell[] } {
	const { meta, cells } = decodeCube(bytes);
	if (meta.k < MIN_K) throw new PayloadError(`k must be at least ${MIN_K}`);
	if (cells.length > MAX_CELLS) throw new PayloadError(`at most ${MAX_CELLS} cells`);
	const ids = new Set<string>();
	for (const cell of cells) {
		const id = cellId(cell);
		if (ids.has(id)) throw new PayloadError(`duplicate cell ${id}`);
		ids.add(id);
		if (!meta.views.includes(cell.view))
			throw new PayloadError(`cell of view ${cell.view} not listed in views`);
		for (const text of [cell.dim1, cell.dim2, cell.label1, cell.label2, cell.unit, cell.code, cell.as_of])
			if (text !== null && text.length > MAX_TEXT)
				throw new PayloadError(`text longer than ${MAX_TEXT} characters in ${id}`);
		if (cell.suppressed) {
			if ([cell.value, cell.target, cell.ratio, cell.n].some((v) => v !== null))
				throw new PayloadError(`suppressed cell ${id} carries numbers`);
		} else if (cell.n === null || !Number.isFinite(cell.n) || cell.n < 0) {
			throw new PayloadError(`cell ${id} has no count n`);
		} else if (cell.n > 0 && cell.n < meta.k) {
			throw new PayloadError(`cell ${id} has n = ${cell.n} < k = ${meta.k} and is not suppressed`);
		}
	}
	const byId = new Map(cells.map((c) => [cellId(c), c]));
	for (const margin of cubeMargins(cells)) {
		if (byId.get(margin.total)?.suppressed) continue;
		const hidden = margin.parts.filter((p) => byId.get(p)?.suppressed);
		if (hidden.length === 1) throw new PayloadError(`${hidden[0]} could be recomputed from ${margin.total}`);
	}
	return { meta, cells };
}
