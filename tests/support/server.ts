import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface RunningServer {
	origin: string;
	port: number;
	key: string;
	dataDir: string;
	process: ChildProcess;
	/** Output so far (stdout + stderr), for assertions on what the server printed. */
	output(): string;
	/** SIGTERM and wait: adapter-node shuts down gracefully and the store is closed. */
	stop(): Promise<void>;
	/** SIGKILL and wait: the process gets no chance to clean up. */
	kill(): Promise<void>;
}

/** A port the OS reports free on loopback right now (bind to 0, read it, release it). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

/**
 * Starts the built app (`node server.js`, as `npm start` runs it) on its own free port and data
 * directory, so a test can stop, kill and restart it and read its store, without touching other
 * servers, and so parallel test runs never collide on a port. Pass `port` only to restart on the
 * port of an earlier instance; if another process took a free port between the probe and the
 * server's bind, another one is picked.
 */
export async function startServer(
	options: {
		port?: number;
		dataDir?: string;
		key?: string;
		env?: Record<string, string>;
		/** Directory holding the server.js and build/ to run (default: the repository). */
		root?: string;
	} = {}
): Promise<RunningServer> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await startOn(options.port ?? (await freePort()), options);
		} catch (error) {
			const raced = options.port === undefined && /EADDRINUSE/.test(String(error)) && attempt < 5;
			if (!raced) throw error;
		}
	}
}

async function startOn(
	port: number,
	options: { dataDir?: string; key?: string; env?: Record<string, string>; root?: string }
): Promise<RunningServer> {
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'wirkung-srv-'));
	const key = options.key ?? 'test-publish-key-0123456789';
	const child = spawn(process.execPath, ['server.js'], {
		cwd: options.root ?? ROOT,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			WIRKUNG_DATA_DIR: dataDir,
			WIRKUNG_PUBLISH_KEY: key,
			ORIGIN: `http://127.0.0.1:${port}`,
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const origin = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 20_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
		if (/Listening on/.test(output)) break;
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server did not start: ${output}`);
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	return {
		origin,
		port,
		key,
		dataDir,
		process: child,
		output: () => output,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		},
		async kill() {
			if (child.exitCode === null) child.kill('SIGKILL');
			await exited;
		}
	};
}
