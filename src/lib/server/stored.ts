import { cubeFromRaw, parseMeta, PayloadError } from '../share/payload';
import { CUBE_COLUMNS, type CubeCell, type CubeMeta } from '../share/schema';
import type { Decoder } from './decode';
import { validateCube } from './validate';

/**
 * The form a share is stored in: the validated cube as columnar JSON, written once at publish time,
 * so a view parses JSON (linear, no Arrow decoding) and re-checks the privacy rules. Shares stored
 * before this form (Arrow IPC, whose first byte is 0xFF or a length, never "{") are decoded by the
 * worker, within its budget, and then cached by the service.
 */
interface StoredCube {
	v: 1;
	meta: CubeMeta;
	columns: unknown[][];
}

/** A validated cube → the bytes kept in the store's payload column. */
export function storedForm(cube: { meta: CubeMeta; cells: CubeCell[] }): Uint8Array {
	const stored: StoredCube = {
		v: 1,
		meta: cube.meta,
		columns: CUBE_COLUMNS.map((c) => cube.cells.map((cell) => cell[c.name]))
	};
	return new TextEncoder().encode(JSON.stringify(stored));
}

/** Stored payload bytes → the validated cube (see storedForm); throws PayloadError if they are not one. */
export async function readStored(
	bytes: Uint8Array,
	decoder: Decoder
): Promise<{ meta: CubeMeta; cells: CubeCell[] }> {
	return bytes[0] === 0x7b ? parseStored(bytes) : validateCube(await decoder.decode(bytes));
}

/** The stored JSON form → the validated cube; throws PayloadError if the bytes are not one. */
export function parseStored(bytes: Uint8Array): { meta: CubeMeta; cells: CubeCell[] } {
	let stored: StoredCube;
	try {
		stored = JSON.parse(new TextDecoder().decode(bytes)) as StoredCube;
	} catch {
		throw new PayloadError('stored share is not readable');
	}
	if (stored?.v !== 1 || !Array.isArray(stored.columns) || stored.columns.length !== CUBE_COLUMNS.length)
		throw new PayloadError('stored share is not readable');
	const rows = Array.isArray(stored.columns[0]) ? stored.columns[0].length : 0;
	const raw = {
		names: CUBE_COLUMNS.map((c) => c.name),
		types: CUBE_COLUMNS.map((c) => String(c.type)),
		columns: stored.columns
	};
	return validateCube(cubeFromRaw({ meta: parseMeta(JSON.stringify(stored.meta)), rows }, raw));
}
