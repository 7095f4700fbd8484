import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The PostgreSQL server binaries: WIRKUNG_PG_BIN, else Debian's newest /usr/lib/postgresql/<v>/bin. */
function pgBin(): string {
	if (process.env.WIRKUNG_PG_BIN) return process.env.WIRKUNG_PG_BIN;
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
	const bin = versions.map((v) => join(root, v, 'bin')).find((b) => existsSync(join(b, 'initdb')));
	if (!bin)
		throw new Error('PostgreSQL server not found: apt-get install -y postgresql (or set WIRKUNG_PG_BIN)');
	return bin;
}

export interface ThrowawayPostgres {
	url: string;
	stop(): void;
}

/**
 * A throwaway PostgreSQL cluster in a temp dir, listening only on a Unix socket inside it (no port
 * to collide with). initdb refuses to run as root, so as root it runs as the `postgres` user.
 */
export function startPostgres(): ThrowawayPostgres {
	const bin = pgBin();
	const dir = mkdtempSync(join(tmpdir(), 'wirkung-pg-'));
	const asRoot = process.getuid?.() === 0;
	if (asRoot) {
		const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
		chownSync(dir, id('-u'), id('-g'));
	}
	const run = (tool: string, args: string[]) =>
		asRoot
			? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe' })
			: execFileSync(join(bin, tool), args, { stdio: 'pipe' });
	const data = join(dir, 'data');
	run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
	const options = `-c listen_addresses='' -c unix_socket_directories='${dir}' -c fsync=off`;
	run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
	return {
		url: `postgresql://postgres@/postgres?host=${encodeURIComponent(dir)}`,
		stop() {
			run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
