// Precompression of the built client for adapter-node's static server (it serves .br/.gz siblings).
import { createReadStream, createWriteStream, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.json', '.css', '.svg', '.xml', '.wasm', '.txt']);
const LARGE = 1024 * 1024;

/** @param {string} dir @returns {string[]} */
function listFiles(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		return entry.isDirectory() ? listFiles(path) : [path];
	});
}

/**
 * Writes `file.br` and `file.gz` beside every compressible file under `directory`.
 * Large files (the duckdb-wasm bundles) get brotli quality 9: 20× faster than 11 for 10 % more bytes.
 * @param {string} directory
 */
export async function fastCompress(directory) {
	let files;
	try {
		files = listFiles(directory).filter((file) => COMPRESSIBLE.has(extname(file)));
	} catch {
		return;
	}
	await Promise.all(
		files.flatMap((file) => {
			const size = statSync(file).size;
			const brotli = zlib.createBrotliCompress({
				params: {
					[zlib.constants.BROTLI_PARAM_QUALITY]: size > LARGE ? 9 : zlib.constants.BROTLI_MAX_QUALITY,
					[zlib.constants.BROTLI_PARAM_SIZE_HINT]: size
				}
			});
			const gzip = zlib.createGzip({ level: size > LARGE ? 6 : 9 });
			return [
				pipeline(createReadStream(file), brotli, createWriteStream(`${file}.br`)),
				pipeline(createReadStream(file), gzip, createWriteStream(`${file}.gz`))
			];
		})
	);
}
