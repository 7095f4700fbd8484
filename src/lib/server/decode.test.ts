import { describe, expect, it } from 'vitest';
import { participationCells, suppressCells } from '../share/cube';
import { encodeCube, PayloadError } from '../share/payload';
import { createDecoder } from './decode';

const cells = suppressCells(
	participationCells([
		{ sessionId: 'S1', title: 'Auftakt', date: '2020-11-11', role: 'Kommune', participants: 9 },
		{ sessionId: 'S1', title: 'Auftakt', date: '2020-11-11', role: 'Jobcenter', participants: 4 }
	]),
	3
);
const meta = { title: 'BIWAQ', k: 3, views: ['participation' as const], asOf: '2022-09-30' };
const payload = encodeCube(cells, meta);

describe('createDecoder', () => {
	it('decodes a payload in the worker to the cube encodeCube was given', async () => {
		const decoder = createDecoder();
		try {
			expect(await decoder.decode(payload)).toEqual({ meta, cells });
			expect(await decoder.decode(payload)).toEqual({ meta, cells });
		} finally {
			await decoder.close();
		}
	});

	it('refuses a bad header on the calling thread, before the worker', async () => {
		const decoder = createDecoder();
		try {
			await expect(decoder.decode(new TextEncoder().encode('Bogen-Nr.;Kommentar'))).rejects.toThrow(
				/not an Arrow IPC stream: message header larger than the stream/
			);
		} finally {
			await decoder.close();
		}
	});

	it('terminates a decode over its time budget, refuses it, and decodes the next one', async () => {
		// 20 000 cells cannot be decoded in 1 ms.
		const many = Array.from({ length: 20_000 }, (_, i) => ({ ...cells[0]!, dim1: `S${i}` }));
		const decoder = createDecoder({ timeoutMs: 1 });
		const slow = await decoder.decode(encodeCube(many, meta)).catch((e: unknown) => e);
		expect(slow).toBeInstanceOf(PayloadError);
		expect(String(slow)).toMatch(/took longer than 1 ms/);
		await decoder.close();
		const fresh = createDecoder({ timeoutMs: 5000 });
		try {
			expect((await fresh.decode(payload)).cells).toEqual(cells);
		} finally {
			await fresh.close();
		}
	});

	it('refuses more waiting decodes than its queue holds', async () => {
		const decoder = createDecoder({ maxQueue: 1 });
		try {
			await decoder.decode(payload);
			// One decoding, one waiting, the third refused.
			const all = await Promise.allSettled([1, 2, 3].map(() => decoder.decode(payload)));
			expect(all.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
		} finally {
			await decoder.close();
		}
	});
});
