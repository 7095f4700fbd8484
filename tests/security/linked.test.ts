import { expect, test } from '@playwright/test';
import type { CubeCell, CubeMeta } from '../../src/lib/share/schema';
import { encodeCube } from '../../src/lib/share/payload';
import { publish } from '../support/cube';
import { startServer } from '../support/server';

/** A municipality view's overview as the browser publishes it: every figure passes k on its own. */
function municipalityView(municipalities: string[], participants: number): Uint8Array {
	const figure = (dim1: string, value: number): CubeCell => ({
		view: 'overview',
		dim1,
		dim2: null,
		label1: null,
		label2: null,
		unit: null,
		code: null,
		value,
		target: null,
		ratio: null,
		n: value,
		projects: null,
		as_of: '2022-09-30',
		suppressed: null
	});
	const meta: CubeMeta = {
		title: municipalities.join(' + '),
		k: 3,
		views: ['overview'],
		asOf: '2022-09-30',
		filters: { periodFrom: null, periodTo: null, states: [], municipalities, projects: [], indicators: [] }
	};
	return encodeCube([figure('participants', participants), figure('projects', 4)], meta);
}

test('two shares of nested filters cannot be subtracted to reveal a count under k (Leipzig + Dresden − Leipzig)', async () => {
	const server = await startServer();
	try {
		const both = municipalityView(['Leipzig', 'Dresden'], 12);
		const leipzig = municipalityView(['Leipzig'], 10);

		const first = await publish(server.origin, server.key, both);
		expect(first.status).toBe(201);
		const { id } = await first.json();
		// Leipzig alone would make Dresden's 2 participants = 12 − 10 readable: refused.
		const second = await publish(server.origin, server.key, leipzig);
		expect(second.status).toBe(409);
		expect((await second.json()).error).toMatch(
			new RegExp(
				`together with live share ${id}, overview\\|participants\\| would reveal a count of 2 < k = 3`
			)
		);
		// What is live is one share: 12 participants, nothing to subtract it from.
		const list = await (
			await fetch(`${server.origin}/api/shares`, { headers: { authorization: `Bearer ${server.key}` } })
		).json();
		expect(list.shares.map((s: { id: string }) => s.id)).toEqual([id]);

		// A difference of k or more reveals no small cell: Leipzig with 9 (Dresden 3) is published.
		expect((await publish(server.origin, server.key, municipalityView(['Leipzig'], 9))).status).toBe(201);
		// The same in the other order, after the wider share is revoked: the narrower one stays, the
		// wider one is refused.
		const revoke = await fetch(`${server.origin}/api/shares/${id}`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${server.key}` }
		});
		expect(revoke.status).toBe(204);
		expect(
			(await publish(server.origin, server.key, municipalityView(['Leipzig', 'Dresden'], 11))).status
		).toBe(409);
		// Filters that do not nest (Dresden vs Leipzig) difference to nothing: allowed.
		expect((await publish(server.origin, server.key, municipalityView(['Dresden'], 3))).status).toBe(201);
	} finally {
		await server.stop();
	}
});
