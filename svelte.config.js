import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { fastCompress } from './scripts/compress.js';
import { CSP_DIRECTIVES } from './src/lib/server/headers.js';

const node = adapter({ precompress: true });

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// adapter-node precompresses at maximum brotli quality, which takes over a minute per
		// 34 MB duckdb-wasm bundle; fastCompress uses a lower quality for large files (5.9 MB vs 5.2 MB).
		adapter: {
			...node,
			adapt: (builder) => node.adapt({ ...builder, compress: fastCompress })
		},
		// The directives live beside the other security headers; static scripts get the same policy.
		csp: { mode: 'auto', directives: CSP_DIRECTIVES }
	}
};

export default config;
