import { describe, expect, it } from 'vitest';
import {
	engineAssets,
	engineBundleOf,
	installList,
	keepList,
	strategyFor,
	type RequestInfo,
	type Strategy
} from './policy';

/** Shaped like SvelteKit's $service-worker `build` list of this app. */
const BUILD = [
	'/_app/immutable/entry/start.BxA1.js',
	'/_app/immutable/chunks/index.C9x2.js',
	'/_app/immutable/assets/0.D1f2.css',
	'/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm',
	'/_app/immutable/assets/duckdb-mvp.BP0pRkMH.wasm',
	'/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js',
	'/_app/immutable/assets/duckdb-browser-mvp.worker.C9hF7LGh.js'
];

describe('engineBundleOf', () => {
	it.each([
		['/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm', 'eh'],
		['/_app/immutable/assets/duckdb-mvp.BP0pRkMH.wasm', 'mvp'],
		['/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js', 'eh'],
		['/_app/immutable/assets/duckdb-browser-mvp.worker.C9hF7LGh.js', 'mvp'],
		['/_app/immutable/chunks/duckdb-browser.Bq1.js', null],
		['/_app/immutable/entry/start.BxA1.js', null]
	])('%s → %s', (path, bundle) => {
		expect(engineBundleOf(path)).toBe(bundle);
	});
});

describe('installList', () => {
	it('installs the app and static files but neither 35 MB engine bundle', () => {
		expect(installList(BUILD, ['/favicon.svg'])).toEqual([
			'/_app/immutable/entry/start.BxA1.js',
			'/_app/immutable/chunks/index.C9x2.js',
			'/_app/immutable/assets/0.D1f2.css',
			'/favicon.svg'
		]);
	});
});

describe('engineAssets', () => {
	it.each([
		[
			'eh',
			[
				'/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm',
				'/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js'
			]
		],
		[
			'mvp',
			[
				'/_app/immutable/assets/duckdb-mvp.BP0pRkMH.wasm',
				'/_app/immutable/assets/duckdb-browser-mvp.worker.C9hF7LGh.js'
			]
		]
	] as const)('%s bundle only', (bundle, paths) => {
		expect(engineAssets(BUILD, bundle)).toEqual(paths);
	});
});

describe('strategyFor', () => {
	const get = (path: string, mode = 'cors'): RequestInfo => ({ method: 'GET', path, mode, sameOrigin: true });
	const cases: [string, RequestInfo, Strategy][] = [
		['hashed app code', get('/_app/immutable/chunks/index.C9x2.js'), 'cache-first'],
		['the engine wasm', get('/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm'), 'cache-first'],
		['a page', get('/present', 'navigate'), 'network-first'],
		['the speaker view', get('/present', 'navigate'), 'network-first'],
		['the sample manifest', get('/sample/manifest.json'), 'network-first'],
		['a sample table', get('/sample/3f2a9c.arrow'), 'network-first'],
		['a shared view (revocable)', get('/s/abc123', 'navigate'), 'network'],
		['an API', get('/api/publish'), 'network'],
		['the version check', get('/_app/version.json'), 'network'],
		['a POST', { ...get('/api/publish'), method: 'POST' }, 'network'],
		['another origin', { ...get('/_app/immutable/x.js'), sameOrigin: false }, 'network'],
		['a static file fetched by code', get('/favicon.svg'), 'network']
	];
	it.each(cases)('%s → %s', (_, request, strategy) => {
		expect(strategyFor(request)).toBe(strategy);
	});
});

describe('keepList', () => {
	it.each([
		[
			'the engine bundle in use and the sample files',
			{ type: 'keep', bundle: 'eh', samples: ['/sample/manifest.json', '/sample/3f2a9c.arrow'] },
			[
				'/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm',
				'/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js',
				'/sample/manifest.json',
				'/sample/3f2a9c.arrow'
			]
		],
		[
			'no paths outside the sample folder',
			{
				type: 'keep',
				bundle: 'mvp',
				samples: ['/s/token', '/sample/../api', '/sample/istwerte.csv', 'https://x.example/a.arrow', 5]
			},
			[
				'/_app/immutable/assets/duckdb-mvp.BP0pRkMH.wasm',
				'/_app/immutable/assets/duckdb-browser-mvp.worker.C9hF7LGh.js'
			]
		],
		['an unknown bundle', { type: 'keep', bundle: 'coi', samples: [] }, []],
		['another message', { type: 'nav' }, []],
		['nothing', null, []]
	])('%s', (_, message, paths) => {
		expect(keepList(message, BUILD)).toEqual(paths);
	});
});
