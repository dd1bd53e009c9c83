/**
 * A throwaway PostgreSQL cluster: `initdb` into a temporary directory (as the `postgres` OS user when
 * running as root), started on a random free loopback port with its unix socket in the same directory,
 * `fsync` on as in production, and removed again by `stop` (or on SIGINT/SIGTERM).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { onInterrupt } from './cleanup.ts';

/** A running throwaway cluster. */
export interface TempPostgres {
  /** The PostgreSQL major version, e.g. `15.14`. */
  readonly version: string;
  /** Process id of the postmaster (its backends are its children). */
  readonly pid: number;
  /** A connection string for `database` as the superuser `postgres` over TCP on 127.0.0.1. */
  url(database: string): string;
  /** Stops the cluster and deletes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

/** The directory of `initdb` and `postgres`: `pg_config --bindir`, else the Debian path of version 15. */
export function postgresBinDir(): string {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(join(dir, 'initdb'))) return dir;
  } catch {
    // pg_config is not installed; try the packaged path below.
  }
  const fallback = '/usr/lib/postgresql/15/bin';
  if (existsSync(join(fallback, 'initdb'))) return fallback;
  throw new Error('PostgreSQL binaries not found: install postgresql or set DATABASE_URL');
}

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The uid and gid of the `postgres` OS user (initdb and postgres refuse to run as root). */
function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined)
    throw new Error('running as root but there is no postgres user');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Starts a throwaway cluster; `settings` are extra `-c name=value` server settings. */
export async function startTempPostgres(settings: Record<string, string> = {}): Promise<TempPostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'groundwork-bench-pg-'));
  let child: ChildProcess | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child?.once('exit', () => resolve()));
        child.kill('SIGINT'); // fast shutdown
        const timer = setTimeout(() => child?.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    })();
    return stopping;
  };
  const release = onInterrupt(stop);
  try {
    const owner = process.getuid?.() === 0 ? postgresUser() : undefined;
    if (owner) chownSync(dir, owner.uid, owner.gid);
    const data = join(dir, 'data');
    // -N: initdb's own files need no fsync (a throwaway cluster); the server below runs with fsync on.
    execFileSync(
      join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '-N'],
      { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], ...owner },
    );
    const port = await freePort();
    const logFile = join(dir, 'postgres.log');
    const log = openSync(logFile, 'a');
    if (owner) chownSync(logFile, owner.uid, owner.gid);
    const all: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      port: String(port),
      unix_socket_directories: dir,
      fsync: 'on',
      synchronous_commit: 'on',
      full_page_writes: 'on',
      ...settings,
    };
    const args = ['-D', data, ...Object.entries(all).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    child = spawn(join(bin, 'postgres'), args, { cwd: dir, stdio: ['ignore', log, log], ...owner });
    const started = child;
    const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (started.exitCode !== null) {
        throw new Error(`postgres exited (${started.exitCode}):\n${readFileSync(logFile, 'utf8')}`);
      }
      const client = new pg.Client({ connectionString: url('postgres') });
      try {
        await client.connect();
        const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
        await client.end();
        const version = rows[0]?.server_version ?? 'unknown';
        return {
          version,
          pid: started.pid ?? 0,
          url,
          stop: async () => {
            await stop();
            release();
          },
        };
      } catch (error) {
        await client.end().catch(() => {});
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } catch (error) {
    await stop();
    release();
    throw error;
  }
}
