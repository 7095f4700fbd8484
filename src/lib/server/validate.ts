import { decodeCube } from '../share/payload';
import { checkCube } from '../share/rules';
import type { CubeCell, CubeMeta } from '../share/schema';

/**
 * Checks a publish request's Arrow IPC body: exactly the cube schema (decodeCube) and the
 * publication rules again (share/rules.ts, the same module the browser checks with), because the
 * server never trusts the browser. The server itself decodes in a worker (decode.ts) and then
 * calls validateCube; this synchronous form serves tests and tools.
 */
export function validatePayload(bytes: Uint8Array): { meta: CubeMeta; cells: CubeCell[] } {
	return validateCube(decodeCube(bytes));
}

/** The privacy rules on a decoded cube (validatePayload without the decoding); returns it unchanged. */
export function validateCube({ meta, cells }: { meta: CubeMeta; cells: CubeCell[] }): {
	meta: CubeMeta;
	cells: CubeCell[];
} {
	checkCube(meta, cells);
	return { meta, cells };
}
