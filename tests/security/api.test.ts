import { expect, test } from '@playwright/test';
import { attainmentCells, participationCells, suppressCells } from '../../src/lib/share/cube';
import { encodeCube } from '../../src/lib/share/payload';
import type { CubeCell, CubeMeta } from '../../src/lib/share/schema';
import { publish } from '../support/cube';
import { startServer, type RunningServer } from '../support/server';

// Issue 20 items 3–5 against `node server.js` (DuckDB store): what the server accepts, limits and serves.
test.describe.configure({ mode: 'serial' });

let server: RunningServer;
test.beforeAll(async () => {
	server = await startServer({ env: { WIRKUNG_PUBLISH_RATE: '100', WIRKUNG_WRONG_KEY_RATE: '8' } });
});
test.afterAll(async () => {
	await server?.stop();
});

const META: CubeMeta = { title: 'Sicherheit', k: 3, views: ['participation'], asOf: '2022-09-30' };
const session = (role: string, participants: number) => ({
	sessionId: 'S1',
	title: 'Auftakt',
	date: '2020-11-11',
	role,
	participants
});
const good = suppressCells(participationCells([session('Jobcenter', 5), session('Kommune', 9)]), 3);
const hide = {
	value: null,
	target: null,
	ratio: null,
	n: null,
	projects: null,
	suppressed: 'primary' as const
};
const attainment = attainmentCells([
	{
		indicatorId: 'CO01',
		name: 'Arbeitslose',
		unit: 'Personen',
		esfCode: 'CO01',
		actual: 50,
		target: 100,
		attainment: 0.5,
		status: 'behind',
		projects: 4,
		n: 50,
		asOf: '2022-09-30',
		since: null
	}
]);
const auth = () => ({ authorization: `Bearer ${server.key}` });

test('the server re-checks every published number as the browser does, and refuses what would break the view', async () => {
	const cases: [string, CubeCell[], Partial<CubeMeta>, RegExp][] = [
		[
			'a value of 2 whose n claims 50',
			good.map((c) => (c.dim2 === 'Kommune' ? { ...c, value: 2, n: 50 } : c)),
			{},
			/shows 2 < k = 3/
		],
		[
			'two hidden parts summing to 2 under a total of 12',
			participationCells([session('A', 10), session('B', 1), session('C', 1)]).map((c) =>
				c.dim2 === 'B' || c.dim2 === 'C' ? { ...c, ...hide } : c
			),
			{},
			/hidden parts hold 2 < k = 3/
		],
		[
			'an as_of that is not a date',
			good.map((c) => ({ ...c, as_of: 'not a date' })),
			{},
			/as_of is not a date/
		],
		['asOf 2024-99-99', good, { asOf: '2024-99-99' }, /asOf: not a date/],
		[
			'a ratio of 1000',
			attainment.map((c) => ({ ...c, ratio: 1000 })),
			{ views: ['attainment-by-indicator'] },
			/ratio 1000 beyond/
		],
		[
			'a project count of 1 on a shown cell',
			attainment.map((c) => ({ ...c, projects: 1 })),
			{ views: ['attainment-by-indicator'] },
			/names 1 projects < k/
		],
		[
			'a label with an e-mail address',
			good.map((c) => ({ ...c, label1: 'kontakt@example.org' })),
			{},
			/e-mail/
		],
		['a payload with no cells (schema only)', [], {}, /no cells/]
	];
	for (const [name, cells, meta, message] of cases) {
		const response = await publish(server.origin, server.key, encodeCube(cells, { ...META, ...meta }));
		expect(response.status, name).toBe(422);
		expect((await response.json()).error, name).toMatch(message);
	}
	expect((await (await fetch(`${server.origin}/api/shares`, { headers: auth() })).json()).shares).toEqual([]);
});

test('numeric parameters are parsed strictly and the content type must match exactly', async () => {
	const body = encodeCube(good, META);
	for (const days of ['0x10', '1e3', '1.0', '+5', ' 7', '', '0', '3651', '007'])
		expect(
			(await publish(server.origin, server.key, body, `?expires_days=${encodeURIComponent(days)}`)).status,
			days
		).toBe(400);
	for (const type of [
		'application/vnd.apache.arrow.stream-evil',
		'application/vnd.apache.arrow.streamx',
		'application/vnd.apache.arrow.stream; x=y',
		'application/octet-stream'
	]) {
		const response = await fetch(`${server.origin}/api/shares`, {
			method: 'POST',
			headers: { ...auth(), 'content-type': type },
			body: body as BodyInit
		});
		expect(response.status, type).toBe(415);
	}
	const response = await publish(server.origin, server.key, body, '?expires_days=30');
	expect(response.status).toBe(201);
});

test('a revoked share is 410 everywhere, and __data.json never publishes the load data', async () => {
	const published = await (await publish(server.origin, server.key, encodeCube(good, META))).json();
	const view = published.url as string;
	expect((await fetch(view)).status).toBe(200);
	const data = await fetch(`${view}/__data.json`);
	expect(data.status).toBe(404);
	expect(await data.text()).not.toMatch(/Kommune|"n"|projects/);
	expect((await fetch(`${server.origin}/s/${'A'.repeat(43)}/__data.json`)).status).toBe(404);

	const revoked = await fetch(`${server.origin}/api/shares/${published.id}`, {
		method: 'DELETE',
		headers: auth()
	});
	expect(revoked.status).toBe(204);
	for (const path of ['', '/__data.json', '/__data.json?x-sveltekit-invalidated=01', '/anything'])
		expect((await fetch(`${view}${path}`)).status, path).toBe(410);
});

test('wrong-key requests are limited apart from the publisher’s own', async () => {
	// Wrong keys may come 8 times a minute; 12 wrong keys from this address end in 429 …
	const wrong = [];
	for (let i = 0; i < 12; i++)
		wrong.push(
			(await fetch(`${server.origin}/api/shares`, { headers: { authorization: `Bearer wrong-${i}` } })).status
		);
	expect(wrong.slice(0, 8)).toEqual(Array(8).fill(401));
	expect(wrong.slice(8)).toEqual(Array(4).fill(429));
	// … and the publisher at the same address still gets through: the wrong keys used none of
	// their budget.
	const list = await fetch(`${server.origin}/api/shares`, { headers: auth() });
	expect(list.status).toBe(200);
});
