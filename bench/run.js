#!/usr/bin/env node
// Benchmark runner: `npm run bench -- <scenario> [--runs N] [--build]`.
// Starts the built app on a free loopback port, drives Debian's Chromium and prints one JSON line per
// result. Scenarios live in bench/scenarios/<name>.js and export `run(context)`; budgets are ratios
// against a baseline measured in the same run, because these machines are noisy.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, requireChromium } from '../scripts/chromium.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCENARIOS = readdirSync(join(ROOT, 'bench', 'scenarios'))
	.filter((f) => f.endsWith('.js'))
	.map((f) => f.replace(/\.js$/, ''));

function usage(message) {
	console.error(`${message}\nusage: npm run bench -- <${SCENARIOS.join('|')}> [--runs N] [--build]`);
	process.exit(1);
}

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--'));
if (!name) usage('no scenario given');
if (!SCENARIOS.includes(name)) usage(`unknown scenario "${name}"`);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : undefined;
if (runs !== undefined && !(runs > 0)) usage('--runs needs a positive number');
requireChromium();

if (args.includes('--build') || !existsSync(join(ROOT, 'build', 'index.js'))) {
	const build = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	if (build.status !== 0) process.exit(2);
}

/** A free loopback port (the OS picks it). */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * Starts `node server.js` (as `npm start` does) and resolves once it answers HTTP; `cwd` is another
 * checkout with its own build, for comparing two builds in one run.
 */
async function startServer(env = {}, cwd = ROOT) {
	const port = await freePort();
	const child = spawn(process.execPath, ['server.js'], {
		cwd,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const baseURL = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(baseURL + '/')).ok) return { baseURL, child, stop: () => child.kill() };
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	child.kill();
	throw new Error(`server did not start on ${baseURL}`);
}

const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const emit = (result) => console.log(JSON.stringify({ scenario: name, ...result }));
try {
	const scenario = await import(`./scenarios/${name}.js`);
	await scenario.run({ baseURL: server.baseURL, browser, emit, runs, startServer, root: ROOT });
} catch (error) {
	console.error(error);
	process.exitCode = 2;
} finally {
	await browser.close();
	server.stop();
}
