import { participationCells, suppressCells } from '../../src/lib/share/cube';
import { encodeCube } from '../../src/lib/share/payload';

/**
 * A small cube as the browser encodes it (three sessions' participation): with few cells, the
 * framing and headers are a large share of the bytes, so corruptions mostly hit what a decoder
 * trusts. `k` below MIN_K makes an otherwise well-formed cube fail only the last check (the
 * publication rules, after decoding), so every variant runs the whole decoding path and few are
 * stored.
 */
export function smallPayload(k = 3): Uint8Array {
	const cells = participationCells([
		{ sessionId: 'S1', title: 'Auftakt', date: '2020-11-11', role: 'Kommune', participants: 9 },
		{ sessionId: 'S1', title: 'Auftakt', date: '2020-11-11', role: 'Jobcenter', participants: 4 },
		{ sessionId: 'S2', title: 'Werkstatt', date: '2021-03-02', role: 'Kommune', participants: 5 }
	]);
	return encodeCube(suppressCells(cells, 3), {
		title: 'Fuzz',
		k,
		views: ['participation'],
		asOf: '2022-09-30'
	});
}

/**
 * Every byte set to 0x00 and 0xFF, its value ± 1 and bits 0, 4 and 7 flipped; then every
 * truncation at a multiple of 8. Deterministic, so a failure names a reproducible case.
 */
export function byteVariants(good: Uint8Array): Uint8Array[] {
	const cases: Uint8Array[] = [];
	for (let i = 0; i < good.byteLength; i++) {
		const b = good[i]!;
		for (const value of new Set([
			0x00,
			0xff,
			b ^ 0x80,
			b ^ 0x10,
			b ^ 0x01,
			(b + 1) & 0xff,
			(b + 255) & 0xff
		])) {
			if (value === b) continue;
			const bytes = good.slice();
			bytes[i] = value;
			cases.push(bytes);
		}
	}
	for (let end = 0; end < good.byteLength; end += 8) cases.push(good.slice(0, end));
	return cases;
}

/**
 * Every 32-bit word of the schema message that holds a small number (a count, a length, an
 * offset) inflated to 2³¹ − 1: among them the schema's custom-metadata count, whose inflation
 * made apache-arrow's decodeCustomMetadata loop for minutes.
 */
export function inflatedCounts(good: Uint8Array): Uint8Array[] {
	const view = new DataView(good.buffer, good.byteOffset, good.byteLength);
	const schemaEnd = 8 + view.getInt32(4, true);
	const cases: Uint8Array[] = [];
	for (let at = 8; at + 4 <= schemaEnd; at += 4) {
		const value = view.getUint32(at, true);
		if (value === 0 || value > 64) continue;
		const bytes = good.slice();
		new DataView(bytes.buffer).setUint32(at, 0x7fffffff, true);
		cases.push(bytes);
	}
	return cases;
}
